"""Gymnasium registration: ``EdgeSim/Site-v0`` (one edge site), ``EdgeSim/Round-v0`` (the first paper's static round,
planned one batch a step), ``EdgeSim/Network-v0`` (the stochastic network) and ``EdgeSim/OnlineWindow-v0`` (the second
paper's window served one request at a time)."""

from __future__ import annotations

from pathlib import Path

_NETWORK_EXPERIMENT = Path("experiments") / "chasing" / "chasing-online-stochastic.yaml"
_WINDOW_EXPERIMENT = Path("experiments") / "chasing" / "chasing-online.yaml"
_ROUND_EXPERIMENT = Path("experiments") / "partialloading" / "pl-dp-vs-optimal.yaml"


def register_envs() -> None:
    """Registers the environments with Gymnasium when it is installed (a no-op otherwise, and when done already).

    ``gymnasium.make("EdgeSim/Site-v0")`` is the quickstart's site; ``experiment=``, ``overrides=``,
    ``point=`` and ``reward=`` choose another. ``gymnasium.make("edgesim:EdgeSim/Site-v0")`` imports
    this package first, so it works with nothing but the package on the path.
    """
    try:
        import gymnasium
    except ImportError:
        return
    if "EdgeSim/Site-v0" in gymnasium.registry:
        return
    gymnasium.register(id="EdgeSim/Site-v0", entry_point="edgesim.env:SimulatorEnv", kwargs={"experiment": None})
    gymnasium.register(id="EdgeSim/Network-v0", entry_point="edgesim.registration:network_env")
    gymnasium.register(id="EdgeSim/OnlineWindow-v0", entry_point="edgesim.registration:online_window_env")
    gymnasium.register(id="EdgeSim/Round-v0", entry_point="edgesim.registration:round_env")


def network_env(**kwargs):
    """The shipped online-network experiment (found in the clone around this package) as an environment."""
    return _shipped("EdgeSim/Network-v0", _NETWORK_EXPERIMENT, kwargs)


def online_window_env(**kwargs):
    """The shipped online-window experiment (the paper's, found in the clone around this package) as an environment."""
    return _shipped("EdgeSim/OnlineWindow-v0", _WINDOW_EXPERIMENT, kwargs)


def round_env(**kwargs):
    """The shipped static-round experiment (the first paper's, found in the clone around this package) as an environment."""
    return _shipped("EdgeSim/Round-v0", _ROUND_EXPERIMENT, kwargs)


def _shipped(env_id, experiment, kwargs):
    from .connection import find_simulator
    from .env import SimulatorEnv

    if "experiment" not in kwargs:
        for parent in Path(__file__).resolve().parents:
            if (parent / experiment).exists():
                kwargs["experiment"] = str(parent / experiment)
                break
        else:
            find_simulator()  # says how to point at a simulator when there is none
            raise FileNotFoundError(f"{env_id} needs experiment=: {experiment} is not around this package")
    return SimulatorEnv(**kwargs)
