"""UCB1 over the models, for the second paper's online window, served to the simulator's runner.

In an experiment: {external: {command: python3 ../../python/examples/window_ucb.py --width 0.05}} (see
experiments/learning/window-bandit.yaml). Each request of the window is a decision among the models; the reward
told before the next decision is minus the penalty of the model picked, and the accuracies behind it stay hidden.
Each model is tried once, then the one with the best mean reward plus width * sqrt(ln t / n) is taken. It ignores
the context and draws nothing, so a cell's run is deterministic. tune_window_ucb.py chooses the width on other
replications than the evaluation's. Only the standard library: any python3 runs it.
"""

import argparse
import math

from runner_protocol import serve


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


def serve_window(env, ucb, replication):
    """One window of an environment served by ``ucb``: the episode's last info (its metrics under "metrics")."""
    ucb.begin(env.action_space.n)
    _, info = env.reset(seed=replication)
    while True:
        _, reward, terminated, truncated, info = env.step(ucb.act(info["action_mask"]))
        ucb.learn(reward)
        if terminated or truncated:
            return info


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=float, required=True, help="the exploration width (tune_window_ucb.py)")
    ucb = Ucb(parser.parse_args().width)

    def act(message):
        ucb.learn(message["reward"])
        return ucb.act(message["mask"])

    serve(act, begin=lambda message: ucb.begin(len(message["space"]["actions"])))


if __name__ == "__main__":
    main()
