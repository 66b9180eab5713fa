"""Several environments in one simulator, stepped as a batch."""

import numpy as np
import pytest
from conftest import SITE

from edgesim import SimulatorEnv, SimulatorVectorEnv


def test_a_batch_steps_as_its_environments_would_one_by_one():
    with SimulatorVectorEnv(3, overrides=SITE) as envs, SimulatorEnv(overrides=SITE) as single:
        observations, infos = envs.reset(seed=10)
        assert observations.shape == (3, len(envs.observation_names)) and observations.dtype == np.float64
        assert infos["action_mask"].shape == (3, envs.single_action_space.n)
        assert list(infos["replication"]) == [10, 11, 12]
        assert observations in envs.observation_space
        # Environment 1 is replication 11: the single environment replays it with the same actions.
        o, info = single.reset(seed=11)
        np.testing.assert_array_equal(o, observations[1])
        rng = np.random.default_rng(0)
        for _ in range(40):
            actions = np.array([rng.choice(np.flatnonzero(m)) for m in infos["action_mask"]])
            observations, rewards, terminated, truncated, infos = envs.step(actions)
            o, r, te, tr, info = single.step(int(actions[1]))
            np.testing.assert_array_equal(o, observations[1])
            assert r == rewards[1] and te == terminated[1] and tr == truncated[1]
            assert rewards.shape == (3,) and terminated.dtype == bool


def test_an_ended_environment_restarts_at_the_next_step_with_a_new_replication():
    short = [s for s in SITE if not s.startswith("horizon")] + ["horizon=4 s"]
    with SimulatorVectorEnv(2, overrides=short) as envs:
        observations, infos = envs.reset()
        assert list(infos["replication"]) == [0, 1]
        ended = np.zeros(2, dtype=bool)
        restarts = []
        for _ in range(400):
            # An environment that just ended has nothing to choose: its action is ignored at the restart.
            actions = np.array([np.flatnonzero(m)[0] if m.any() else 0 for m in infos["action_mask"]])
            observations, rewards, terminated, truncated, infos = envs.step(actions)
            if "_replication" in infos:
                restarted = infos["_replication"]
                # Only an environment whose episode ended at the last step restarts, with reward 0 and nothing ended.
                assert np.array_equal(restarted, ended)
                # A key only some environments report is NaN for the others.
                assert np.all(np.isnan(infos["replication"][~restarted]))
                assert np.all(rewards[restarted] == 0) and not np.any((terminated | truncated)[restarted])
                restarts += [int(r) for r, present in zip(infos["replication"], restarted) if present]
            ended = terminated | truncated
            if len(restarts) >= 4:
                break
        # Restarts take the replications no environment ran, in order.
        assert restarts[:4] == [2, 3, 4, 5]


def test_seeds_are_replication_numbers_each_checked_before_anything_resets():
    with SimulatorVectorEnv(2, overrides=SITE) as envs:
        for seed, name in (([1.5, 2], r"seed\[0\]"), ([0, -1], r"seed\[1\]"), (["a", 1], r"seed\[0\]"), (-1, "seed")):
            with pytest.raises(ValueError, match=name + " is a replication number, a whole number from 0"):
                envs.reset(seed=seed)
        with pytest.raises(ValueError, match="no reset options"):
            envs.reset(options={"difficulty": 2})
        _, infos = envs.reset(seed=[4, None])
        assert list(infos["replication"]) == [4, 5]
        with pytest.raises(ValueError, match="seed gives 3 seeds for 2 environments"):
            envs.reset(seed=[0, 1, 2])
    with pytest.raises(ValueError, match="num_envs is at least 1, not 0"):
        SimulatorVectorEnv(0, overrides=SITE)
