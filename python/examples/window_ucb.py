"""UCB1 over the models, for the second paper's online window, served to the simulator's runner.

In an experiment: {external: {command: python3 ../../python/examples/window_ucb.py --width 0.2}} (see
experiments/learning/window-bandit.yaml). Each request of the window is a decision among the models; the reward
told before the next decision is minus the penalty of the model picked, and the accuracies behind it stay hidden.
Each model is tried once, then the one with the best mean reward plus width * sqrt(ln t / n) is taken. It ignores
the context and draws nothing, so a cell's run is deterministic. tune_window_ucb.py chooses the width on other
replications than the evaluation's. Only the standard library: any python3 runs it.
"""

import argparse
import json
import math
import sys


class Ucb:
    def __init__(self, width):
        self.width = width
        self.pulls = self.total = None
        self.rounds = 0
        self.last = None

    def begin(self, actions):
        self.pulls = [0] * actions
        self.total = [0.0] * actions
        self.rounds = 0
        self.last = None

    def learn(self, reward):
        """What the last pick earned (told before the next decision)."""
        if self.last is not None:
            self.pulls[self.last] += 1
            self.total[self.last] += reward

    def act(self, mask):
        self.rounds += 1
        allowed = [k for k in range(len(mask)) if mask[k]]
        untried = [k for k in allowed if self.pulls[k] == 0]
        if untried:
            self.last = untried[0]
        else:
            log_t = math.log(self.rounds)
            self.last = max(allowed, key=lambda k: self.total[k] / self.pulls[k] + self.width * math.sqrt(log_t / self.pulls[k]))
        return self.last


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=float, required=True, help="the exploration width (tune_window_ucb.py)")
    ucb = Ucb(parser.parse_args().width)
    for line in sys.stdin:
        message = json.loads(line)
        if message["cmd"] == "begin":
            ucb.begin(len(message["space"]["actions"]))
            reply = {"ok": True}
        elif message["cmd"] == "act":
            ucb.learn(message["reward"])
            reply = {"action": ucb.act(message["mask"])}
        else:
            break
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
