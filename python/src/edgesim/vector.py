"""Several environments of one experiment in one simulator process, stepped as a batch."""

from __future__ import annotations

from typing import Any, Optional, Sequence, Union

import numpy as np

from .connection import Connection, make_request
from .env import _no_options, _observation, _replication
from .spaces import HAVE_GYMNASIUM, Box, Discrete, MultiDiscrete, bounds

if HAVE_GYMNASIUM:  # pragma: no cover - exercised where Gymnasium is installed
    from gymnasium.vector import AutoresetMode, VectorEnv

    _Base: Any = VectorEnv
    _METADATA: dict[str, Any] = {"render_modes": [], "autoreset_mode": AutoresetMode.NEXT_STEP}
else:
    _Base = object
    _METADATA = {"render_modes": [], "autoreset_mode": "NextStep"}


class SimulatorVectorEnv(_Base):
    """``num_envs`` environments of one experiment's sweep point, stepped together (the simulator steps them in parallel).

    The Gymnasium vector API: ``reset`` and ``step`` take and give batches; an environment whose episode
    ended is reset at the next ``step`` (Gymnasium's next-step autoreset: its action is ignored, and
    that step's observation starts a new episode). Replications are not repeated: the environments start
    at replications 0 to ``num_envs - 1`` (or ``seed`` to ``seed + num_envs - 1``), and each autoreset
    takes the next replication no environment has run.
    """

    metadata = _METADATA

    def __init__(
        self,
        num_envs: int,
        experiment: Optional[str] = None,
        overrides: Sequence[str] = (),
        point: int = 0,
        reward: Optional[str] = None,
        simulator: Optional[str] = None,
        parallel: Optional[int] = None,
    ) -> None:
        if num_envs < 1:
            raise ValueError(f"num_envs is at least 1, not {num_envs}")
        self.num_envs = num_envs
        self._connection = Connection(simulator, parallel=parallel)
        self.closed = False
        try:
            made = [self._connection.request(make_request(experiment, overrides, point, reward)) for _ in range(num_envs)]
        except Exception:
            self._connection.close()
            raise
        self._envs = [m["env"] for m in made]
        space = made[0]["space"]
        observation = space["observation"]
        self.observation_names: list[str] = observation["names"]
        self.action_names: list[str] = space["actions"]
        low, high = bounds(observation["low"], -np.inf), bounds(observation["high"], np.inf)
        self.single_observation_space = Box(low, high, dtype=np.float64)
        self.single_action_space = Discrete(len(self.action_names))
        self.observation_space = Box(np.tile(low, (num_envs, 1)), np.tile(high, (num_envs, 1)), dtype=np.float64)
        self.action_space = MultiDiscrete(np.full(num_envs, len(self.action_names)))
        self._ended = np.zeros(num_envs, dtype=bool)
        self._next = num_envs

    def reset(self, *, seed: Union[int, Sequence[Optional[int]], None] = None, options: Optional[dict[str, Any]] = None) -> tuple[np.ndarray, dict[str, Any]]:
        _no_options(options)
        if seed is None:
            seeds: list[Optional[int]] = list(range(self.num_envs))
        elif isinstance(seed, (int, np.integer)):
            first = _replication(seed, "seed")
            seeds = [first + i for i in range(self.num_envs)]
        else:
            seeds = [None if s is None else _replication(s, f"seed[{i}]") for i, s in enumerate(seed)]
            if len(seeds) != self.num_envs:
                raise ValueError(f"seed gives {len(seeds)} seeds for {self.num_envs} environments")
        known = [s for s in seeds if s is not None]
        self._next = max(known, default=-1) + 1
        seeds = [s if s is not None else self._take() for s in seeds]
        reply = self._connection.request({"cmd": "reset_many", "envs": self._envs, "seeds": seeds})
        self._ended[:] = False
        infos = self._infos(reply["infos"], reply["masks"], np.ones(self.num_envs, dtype=bool))
        return _batch(reply["observations"]), infos

    def step(self, actions: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, dict[str, Any]]:
        actions = np.asarray(actions)
        if actions.shape != (self.num_envs,) or not self.action_space.contains(actions):
            raise ValueError(f"actions are {self.num_envs} whole numbers from 0 to {len(self.action_names) - 1}, not {actions!r}")
        observations = np.zeros((self.num_envs, len(self.observation_names)), dtype=np.float64)
        rewards = np.zeros(self.num_envs, dtype=np.float64)
        terminated = np.zeros(self.num_envs, dtype=bool)
        truncated = np.zeros(self.num_envs, dtype=bool)
        masks: list[list[bool]] = [[] for _ in range(self.num_envs)]
        infos: list[dict[str, Any]] = [{} for _ in range(self.num_envs)]
        restart = np.flatnonzero(self._ended)
        going = np.flatnonzero(~self._ended)
        if len(restart) > 0:
            reply = self._connection.request({"cmd": "reset_many", "envs": [self._envs[i] for i in restart], "seeds": [self._take() for _ in restart]})
            for k, i in enumerate(restart):
                observations[i] = _observation(reply["observations"][k])
                masks[i] = reply["masks"][k]
                infos[i] = reply["infos"][k]
        if len(going) > 0:
            reply = self._connection.request({"cmd": "step_many", "envs": [self._envs[i] for i in going], "actions": [int(actions[i]) for i in going]})
            for k, i in enumerate(going):
                observations[i] = _observation(reply["observations"][k])
                masks[i] = reply["masks"][k]
                rewards[i] = reply["rewards"][k]
                terminated[i] = reply["terminated"][k]
                truncated[i] = reply["truncated"][k]
                infos[i] = reply["infos"][k]
        self._ended = terminated | truncated
        return observations, rewards, terminated, truncated, self._infos(infos, masks, np.ones(self.num_envs, dtype=bool))

    def close(self, **kwargs: Any) -> None:
        if getattr(self, "closed", True):
            return
        self.closed = True
        self._connection.close()

    def _take(self) -> int:
        seed = self._next
        self._next += 1
        return seed

    def _infos(self, infos: list[dict[str, Any]], masks: list[list[bool]], present: np.ndarray) -> dict[str, Any]:
        """Gymnasium's batched info: a key's values for every environment, with ``_key`` saying which have it."""
        result: dict[str, Any] = {"action_mask": np.array(masks, dtype=bool), "_action_mask": present.copy()}
        keys = sorted({k for info in infos for k in info if k != "metrics"})
        for key in keys:
            values = np.array([np.nan if info.get(key) is None else float(info[key]) for info in infos], dtype=np.float64)
            result[key] = values
            result["_" + key] = np.array([key in info for info in infos], dtype=bool)
        if any("metrics" in info for info in infos):
            result["metrics"] = np.array([info.get("metrics") for info in infos], dtype=object)
            result["_metrics"] = np.array(["metrics" in info for info in infos], dtype=bool)
        return result

    def __enter__(self) -> "SimulatorVectorEnv":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass


def _batch(rows: list[list[Optional[float]]]) -> np.ndarray:
    return np.array([_observation(r) for r in rows], dtype=np.float64)
