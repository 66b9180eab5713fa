"""Steps per second of the Python client, one environment over its pipe, as a training loop sees them.

    python3 python/benchmarks/step_rate.py                                  # this clone's client
    python3 python/benchmarks/step_rate.py --client /tmp/old/python/src     # another copy, e.g. a worktree of an
                                                                            # earlier commit, in turns with this one

Two worlds: the quickstart's site at 20 requests/s (a short observation) and the paper's online window
(chasing-online's latent point: 50 context features and 100 model terms an observation). The policy takes the
first allowed action. Each client is timed in its own process, in turns, --rounds times; the medians are printed.
The simulator is the clone's build (dotnet build -c Release first), or $EDGESIM_SIMULATOR.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
WORLDS = {
    "site": (None, ["horizon=600 s", "warmup=0 s", "sweep={scenario.arrivals.rate: [20 /s]}", "plots=[]"]),
    "window": (str(REPOSITORY / "experiments" / "chasing" / "chasing-online.yaml"), ["sweep=null", "plots=[]"]),
}


def measure(steps):
    """Run in a child process with the client under test first on sys.path: steps per second in each world."""
    from edgesim import SimulatorEnv

    rates = {}
    for name, (experiment, overrides) in WORLDS.items():
        with SimulatorEnv(experiment=experiment, overrides=overrides) as env:
            seed = 0
            _, info = env.reset(seed=seed)
            start = time.perf_counter()
            for _ in range(steps):
                _, _, terminated, truncated, info = env.step(int(info["action_mask"].nonzero()[0][0]))
                if terminated or truncated:
                    seed += 1
                    _, info = env.reset(seed=seed)
            rates[name] = steps / (time.perf_counter() - start)
    return rates


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--client", action="append", default=[], help="another copy of python/src to time in turns")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--steps", type=int, default=3000)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        sys.path.insert(0, args.child)
        print(json.dumps(measure(args.steps)))
        return
    clients = [str(REPOSITORY / "python" / "src")] + args.client
    results = {c: [] for c in clients}
    # Every client drives the same simulator: a copy elsewhere would not find the clone's build by itself.
    sys.path.insert(0, clients[0])
    from edgesim import find_simulator

    environment = dict(os.environ, EDGESIM_SIMULATOR=find_simulator()[-1])
    for _ in range(args.rounds):
        for client in clients:
            out = subprocess.run([sys.executable, __file__, "--child", client, "--steps", str(args.steps)], check=True, capture_output=True, text=True, env=environment)
            results[client].append(json.loads(out.stdout))
    for client, runs in results.items():
        medians = ", ".join(f"{w} {statistics.median(r[w] for r in runs):,.0f} steps/s" for w in WORLDS)
        print(f"{client}: {medians} (median of {len(runs)})")


if __name__ == "__main__":
    main()
