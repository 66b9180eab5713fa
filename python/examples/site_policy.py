"""Serves the policy train_site_policy.py saved, as an outside policy the simulator's runner asks.

In an experiment: {external: {command: python3 ../../python/examples/site_policy.py site-policy.json}}
Only the standard library: any python3 runs it. It serves the best-scored allowed action (greedy), so
its runs are deterministic. runner_protocol.py, beside it, speaks the runner's protocol.
"""

import json
import math
import sys
from pathlib import Path

from runner_protocol import serve

PER_MODEL = 7  # queued, least_slack_s, oldest_wait_s, gpu_share, ram_share, load_s, upload_s
SCALE = [10.0, 2.0, 2.0, 1.0, 1.0, 1.0, 1.0]  # as site_features.py scales them for training


def load(path):
    w = json.loads(Path(path).read_text())["weights"]
    w1, b1, w2, b2, wait = w["score.0.weight"], w["score.0.bias"], w["score.2.weight"][0], w["score.2.bias"][0], w["wait"][0]

    def score(x):
        hidden = [math.tanh(sum(wi * xi for wi, xi in zip(row, x)) + b) for row, b in zip(w1, b1)]
        return sum(v * h for v, h in zip(w2, hidden)) + b2

    def act(observation, mask):
        models = len(mask) - 1
        best, best_score = models, wait  # waiting is always allowed while the run goes on
        for k in range(models):
            if not mask[k]:
                continue
            x = [min(5.0, max(-5.0, (observation[PER_MODEL * k + i] or 0.0) / SCALE[i])) for i in range(PER_MODEL)]
            s = score(x)
            if s > best_score:
                best, best_score = k, s
        return best

    return act


def main():
    policy = load(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent / "site-policy.json")
    serve(lambda message: policy(message["observation"], message["mask"]))


if __name__ == "__main__":
    main()
