"""Environments over the parameter-sharing edge inference simulator.

``SimulatorEnv`` is one experiment's decision point as a Gymnasium environment (a subclass of
``gymnasium.Env`` when Gymnasium is installed; the same API without it); ``SimulatorVectorEnv`` steps
several in one simulator process. ``serve_policy`` turns a function into an outside policy the
simulator's runner can ask (``{external: {command: ...}}`` in an experiment). Importing the package
registers ``EdgeSim/Site-v0``, ``EdgeSim/Network-v0`` and ``EdgeSim/OnlineWindow-v0`` with Gymnasium when
it is installed.
"""

from .connection import Connection, SimulatorError, find_simulator
from .env import SimulatorEnv
from .policy import serve_policy
from .registration import register_envs
from .vector import SimulatorVectorEnv

__all__ = [
    "Connection",
    "SimulatorEnv",
    "SimulatorError",
    "SimulatorVectorEnv",
    "find_simulator",
    "register_envs",
    "serve_policy",
]

__version__ = "0.1.0"

register_envs()
