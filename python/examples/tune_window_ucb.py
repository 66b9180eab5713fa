"""Chooses window_ucb.py's exploration width on the online window's environment, away from the evaluation's worlds.

Each width serves replications 100 to 119 of experiments/chasing/chasing-online.yaml's latent point (the
environment EdgeSim/OnlineWindow-v0 steps); the width with the least mean regret is printed. The evaluation,
experiments/learning/window-bandit.yaml, runs replications 0 to 9, which tuning never sees.

    python3 python/examples/tune_window_ucb.py
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from edgesim import SimulatorEnv  # noqa: E402
from window_ucb import Ucb, serve_window  # noqa: E402

EXPERIMENT = Path(__file__).resolve().parents[2] / "experiments" / "chasing" / "chasing-online.yaml"


def regret(env, width, replication):
    """One window served by UCB with this width: its regret (the episode's metric)."""
    return serve_window(env, Ucb(width), replication)["metrics"]["regret"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--widths", type=float, nargs="+", default=[0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0])
    parser.add_argument("--replications", type=int, nargs=2, default=[100, 120], metavar=("FROM", "TO"))
    args = parser.parse_args()
    with SimulatorEnv(experiment=str(EXPERIMENT), point=0) as env:
        means = {}
        for width in args.widths:
            values = [regret(env, width, r) for r in range(*args.replications)]
            means[width] = sum(values) / len(values)
            print(f"width {width:g}: mean regret {means[width]:.2f} over replications {args.replications[0]}-{args.replications[1] - 1}")
    print(f"chosen: --width {min(means, key=means.get):g}")


if __name__ == "__main__":
    main()
