"""Shared settings: short worlds, so that the suite takes seconds."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

# The quickstart's site at 20 /s for 60 s: about a hundred decisions an episode.
SITE = ["horizon=60 s", "warmup=0 s", "sweep={scenario.arrivals.rate: [20 /s]}", "plots=[]"]
# Three requests at t = 0 and nothing after: an episode that terminates.
EMPTYING = ["horizon=60 s", "warmup=0 s", "sweep={}", "plots=[]", "scenario.arrivals={process: batch-at-zero, count: 3}"]
REPOSITORY = Path(__file__).resolve().parents[2]
NETWORK_EXPERIMENT = str(REPOSITORY / "experiments" / "chasing" / "chasing-online-stochastic.yaml")
NETWORK = ["horizon=300 s", "warmup=0 s", "scenario.requests.rate=1 /s", "scenario.network.cloudlets=20", "plots=[]"]
# The paper's online window, small: 40 requests over 20 cloudlets, served one at a time.
WINDOW_EXPERIMENT = str(REPOSITORY / "experiments" / "chasing" / "chasing-online.yaml")
WINDOW = ["scenario.requests.count=40", "scenario.network.cloudlets=20", "sweep=null", "plots=[]"]
# The first paper's static round: 10 users at t = 0, planned one batch a step.
ROUND_EXPERIMENT = str(REPOSITORY / "experiments" / "partialloading" / "pl-dp-vs-optimal.yaml")
ROUND = ["sweep=null", "scenario.arrivals.count=10", "plots=[]"]
# Four LoRA sites for a minute, whose selector is an outside entry trained on delays.
SITES_EXPERIMENT = str(REPOSITORY / "experiments" / "network" / "sites-2x2-llama-lora.yaml")
_OUTSIDE_SELECTOR = "{select: {external: {command: python3 mine.py, label: mine, reward: delay}}, schedule: pl-dp}"
SITES = [
    "scenario.network.cloudlets=4",
    "horizon=60 s",
    "plots=[]",
    f"strategies=[{{select: mec-ilp, schedule: pl-dp}}, {_OUTSIDE_SELECTOR}]",
    "baseline=mec-ilp+pl-dp",
]


@pytest.fixture
def site_env():
    from edgesim import SimulatorEnv

    env = SimulatorEnv(overrides=SITE)
    yield env
    env.close()
