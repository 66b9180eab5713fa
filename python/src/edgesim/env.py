"""One experiment's decision point as a Gymnasium environment."""

from __future__ import annotations

from typing import Any, Optional, Sequence

import numpy as np

from .connection import Connection, make_request
from .spaces import HAVE_GYMNASIUM, Box, Discrete, bounds

if HAVE_GYMNASIUM:  # pragma: no cover - exercised where Gymnasium is installed
    import gymnasium

    _Base: Any = gymnasium.Env
else:

    class _Base:  # type: ignore[no-redef]
        """What gymnasium.Env gives an environment, for when Gymnasium is not installed."""

        metadata: dict[str, Any] = {"render_modes": []}
        render_mode = None
        spec = None
        _np_random: Optional[np.random.Generator] = None

        def reset(self, *, seed: Optional[int] = None, options: Optional[dict[str, Any]] = None) -> None:
            if seed is not None or self._np_random is None:
                self._np_random = np.random.default_rng(seed)

        @property
        def np_random(self) -> np.random.Generator:
            if self._np_random is None:
                self._np_random = np.random.default_rng()
            return self._np_random

        @property
        def unwrapped(self) -> "_Base":
            return self

        def render(self) -> None:
            return None

        def __enter__(self) -> "_Base":
            return self

        def __exit__(self, *exc: object) -> None:
            self.close()  # type: ignore[attr-defined]


def _replication(seed: Any, name: str) -> int:
    """A seed as the simulator takes it: a replication number, a whole number from 0."""
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"{name} is a replication number, a whole number from 0, not {seed!r}")
    return int(seed)


def _no_options(options: Optional[dict[str, Any]]) -> None:
    """The environments take no reset options: one given would otherwise be dropped without a word."""
    if options:
        raise ValueError(f"these environments take no reset options, not {options!r}")


class SimulatorEnv(_Base):
    """An experiment's sweep point as an environment: each episode is one replication of its world.

    ``reset(seed=r)`` starts replication r (the world the simulator's runner gives every strategy at
    replication r, so a policy's episode and a built-in strategy's run see the same requests);
    ``reset()`` starts the replication after the last. ``step(action)`` gives the pending decision and
    runs to the next. The observation, actions and reward are the experiment kind's (``observation_names``,
    ``action_names``, ``reward_meaning``); ``info["action_mask"]`` says which actions act now. An episode
    is truncated at the horizon, terminated when the world has nothing left to do; at its end
    ``info["metrics"]`` holds the run's metrics.

    Args:
        experiment: An experiment file; None for the simulator's embedded quickstart.
        overrides: ``"path=value"`` settings, as ``--set`` takes them.
        point: The sweep point.
        reward: How the reward is counted, among those the kind offers (None: its default).
        simulator: The built simulator (else $EDGESIM_SIMULATOR, else the clone around this package).
        connection: A simulator connection to share with other environments (it is not closed with this one).
    """

    metadata = {"render_modes": []}

    def __init__(
        self,
        experiment: Optional[str] = None,
        overrides: Sequence[str] = (),
        point: int = 0,
        reward: Optional[str] = None,
        simulator: Optional[str] = None,
        connection: Optional[Connection] = None,
    ) -> None:
        self._own = connection is None
        self._connection = connection if connection is not None else Connection(simulator)
        self._closed = False
        try:
            made = self._connection.request(make_request(experiment, overrides, point, reward))
        except Exception:
            self.close()
            raise
        self._env = made["env"]
        self.kind: str = made["kind"]
        #: The simulator build serving it ("1.0.0+<commit>"): log it with what a policy learnt here.
        self.simulator_build: str = self._connection.build
        self.horizon_s: float = made["horizon_s"]
        space = made["space"]
        observation = space["observation"]
        self.observation_names: list[str] = observation["names"]
        self.action_names: list[str] = space["actions"]
        self.reward_meaning: str = space["reward"]
        self.observation_space = Box(bounds(observation["low"], -np.inf), bounds(observation["high"], np.inf), dtype=np.float64)
        self.action_space = Discrete(len(self.action_names))
        self._over = True

    def reset(self, *, seed: Optional[int] = None, options: Optional[dict[str, Any]] = None) -> tuple[np.ndarray, dict[str, Any]]:
        _no_options(options)
        if seed is not None:
            _replication(seed, "seed")
        super().reset(seed=seed)
        reply = self._connection.request({"cmd": "reset", "env": self._env, "seed": None if seed is None else int(seed)})
        self._over = bool(reply["info"]["over"])
        info = dict(reply["info"])
        info["action_mask"] = np.array(reply["mask"], dtype=bool)
        return _observation(reply["observation"]), info

    def step(self, action: Any) -> tuple[np.ndarray, float, bool, bool, dict[str, Any]]:
        if not self.action_space.contains(action):
            raise ValueError(f"action {action!r} is not in {self.action_space}: the actions are {self.action_names}")
        reply = self._connection.request({"cmd": "step", "env": self._env, "action": int(action)})
        info = dict(reply["info"])
        info["action_mask"] = np.array(reply["mask"], dtype=bool)
        terminated, truncated = bool(reply["terminated"]), bool(reply["truncated"])
        self._over = terminated or truncated
        return _observation(reply["observation"]), float(reply["reward"]), terminated, truncated, info

    def close(self) -> None:
        if getattr(self, "_closed", True):
            return
        self._closed = True
        if self._own:
            self._connection.close()
        elif hasattr(self, "_env"):
            try:
                self._connection.request({"cmd": "close", "env": self._env})
            except Exception:
                pass

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass


def _observation(values: list[Optional[float]]) -> np.ndarray:
    return np.array([np.nan if v is None else v for v in values], dtype=np.float64)
