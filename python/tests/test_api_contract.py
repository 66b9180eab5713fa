"""The Gymnasium API contract, checked with or without Gymnasium installed."""

import numpy as np
import pytest
from conftest import (
    EMPTYING,
    NETWORK,
    NETWORK_EXPERIMENT,
    ROUND,
    ROUND_EXPERIMENT,
    SITE,
    SITES,
    SITES_EXPERIMENT,
    WINDOW,
    WINDOW_EXPERIMENT,
)

from edgesim import Connection, SimulatorEnv, SimulatorError, registration
from edgesim.spaces import HAVE_GYMNASIUM


def play(env, seed, choose, limit=10_000):
    """One episode: every observation and info, with the actions choose(observation, mask, rng) gave."""
    rng = np.random.default_rng(seed)
    observation, info = env.reset(seed=seed)
    trail = [(observation, info)]
    rewards = []
    for _ in range(limit):
        action = choose(observation, info["action_mask"], rng)
        observation, reward, terminated, truncated, info = env.step(action)
        trail.append((observation, info))
        rewards.append(reward)
        if terminated or truncated:
            return trail, rewards, terminated, truncated
    raise AssertionError("the episode did not end")


def masked_random(observation, mask, rng):
    return int(rng.choice(np.flatnonzero(mask)))


def test_types_shapes_and_every_observation_in_its_space(site_env):
    env = site_env
    assert env.kind == "single-site"
    assert env.action_names[-1] == "wait"
    assert env.observation_space.shape == (len(env.observation_names),)
    assert env.observation_space.dtype == np.float64
    queued = [i for i, name in enumerate(env.observation_names) if name.endswith(".queued")]
    assert len(queued) == env.action_space.n - 1
    trail, rewards, terminated, truncated = play(env, 0, masked_random)
    assert len(trail) > 50
    for k, (observation, info) in enumerate(trail):
        assert isinstance(observation, np.ndarray) and observation.dtype == np.float64
        assert observation in env.observation_space
        assert isinstance(info, dict)
        mask = info["action_mask"]
        assert mask.dtype == bool and mask.shape == (env.action_space.n,)
        if k < len(trail) - 1:
            # While the episode runs waiting is always possible, and a model can be started exactly when requests
            # for it are queued, from the reset's mask on.
            assert mask[-1]
            np.testing.assert_array_equal(mask[:-1], observation[queued] > 0)
        else:
            assert not mask.any()  # once it is over, nothing is
    assert all(isinstance(r, float) and r >= 0 for r in rewards)
    assert truncated and not terminated  # Poisson arrivals go on: the horizon ends the episode
    final = trail[-1][1]
    assert final["metrics"]["arrived"] > 1000
    # The reward counts the requests served on time: the episode's sum is the run's count.
    assert sum(rewards) == final["metrics"]["on_time"]


def test_an_episode_whose_world_empties_terminates():
    with SimulatorEnv(overrides=EMPTYING) as env:
        _, rewards, terminated, truncated = play(env, 0, lambda o, m, r: int(np.flatnonzero(m)[0]))
        assert terminated and not truncated
        assert sum(rewards) <= 3


def test_seeding_gives_the_replication_and_is_deterministic(site_env):
    env = site_env
    first, rewards_1, *_ = play(env, 3, masked_random)
    again, rewards_2, *_ = play(env, 3, masked_random)
    assert len(first) == len(again)
    for (o1, i1), (o2, i2) in zip(first, again):
        np.testing.assert_array_equal(o1, o2)
        np.testing.assert_array_equal(i1["action_mask"], i2["action_mask"])
    assert rewards_1 == rewards_2
    other, *_ = play(env, 4, masked_random)
    assert not all(np.array_equal(a[0], b[0]) for a, b in zip(first, other))
    # reset() without a seed takes the replication after the last; with one it is that replication.
    env.reset(seed=3)
    _, info = env.reset()
    assert info["replication"] == 4
    o5, _ = env.reset(seed=5)
    o5_again, _ = env.reset(seed=5)
    np.testing.assert_array_equal(o5, o5_again)
    # The generator Gymnasium gives an environment is seeded too.
    env.reset(seed=7)
    state = env.np_random.bit_generator.state
    env.reset(seed=7)
    assert env.np_random.bit_generator.state == state


def test_refusals_name_what_was_wrong(site_env):
    env = site_env
    with pytest.raises(SimulatorError) as never:
        env.step(0)
    assert never.value.field == "env" and "never reset" in str(never.value)
    env.reset(seed=0)
    with pytest.raises(ValueError, match="not in Discrete"):
        env.step(env.action_space.n)
    for seed in (-1, 1.5, "3", True):
        with pytest.raises(ValueError, match="replication number"):
            env.reset(seed=seed)
    # No reset option is taken, so none is dropped without a word; an empty dict (Gymnasium's checker) is none.
    with pytest.raises(ValueError, match="no reset options"):
        env.reset(seed=0, options={"difficulty": 2})
    env.reset(seed=0, options={})
    with pytest.raises(SimulatorError) as bad:
        SimulatorEnv(overrides=SITE + ["scenario.deadline=-1 s"])
    assert bad.value.field == "experiment" and "deadline" in str(bad.value)
    with pytest.raises(SimulatorError) as reward:
        SimulatorEnv(overrides=SITE, reward="joy")
    assert reward.value.field == "reward"
    with pytest.raises(SimulatorError) as round_reward:
        SimulatorEnv(experiment=ROUND_EXPERIMENT, overrides=ROUND, reward="delay")
    assert round_reward.value.field == "reward" and "a one-shot environment's reward is one of on-time" in str(round_reward.value)


def test_the_network_environment_rewards_minus_the_penalty_or_the_delay():
    with SimulatorEnv(experiment=NETWORK_EXPERIMENT, overrides=NETWORK) as env:
        assert env.kind == "network"
        names = env.observation_names
        assert sum(n.startswith("context.") for n in names) == 50
        _, rewards, _, truncated = play(env, 0, lambda o, m, r: int(r.integers(len(m))), limit=1000)
        assert truncated and all(r < 0 for r in rewards)
    with SimulatorEnv(experiment=NETWORK_EXPERIMENT, overrides=NETWORK, reward="delay") as env:
        observation, info = env.reset(seed=0)
        models = env.action_space.n
        delays = observation[50 : 50 + models]
        _, reward, *_ = env.step(0)
        assert reward == pytest.approx(-delays[0])


def test_close_twice_and_a_context_manager(site_env):
    site_env.close()
    site_env.close()


def test_environments_sharing_a_connection_close_apart():
    with Connection() as connection:
        first = SimulatorEnv(overrides=SITE, connection=connection)
        second = SimulatorEnv(overrides=SITE, connection=connection)
        first.reset(seed=0)
        second.reset(seed=0)
        first.close()
        # The simulator has let the first go, and the shared connection still serves the second.
        with pytest.raises(SimulatorError) as gone:
            connection.request({"cmd": "step", "env": first._env, "action": 0})
        assert gone.value.field == "env" and "is open" in str(gone.value)
        second.step(0)
        second.close()
        assert connection.request({"cmd": "hello"})["protocol"] == 1


def test_a_shipped_environment_takes_the_experiment_it_is_given():
    with registration.round_env(experiment=None, overrides=SITE) as env:
        assert env.kind == "single-site"
    with registration.round_env(overrides=ROUND) as env:
        assert env.kind == "one-shot"


@pytest.mark.skipif(not HAVE_GYMNASIUM, reason="Gymnasium is not installed: its own checker cannot run")
def test_gymnasiums_own_checker_and_registry():  # pragma: no cover - where Gymnasium is installed
    import gymnasium
    from gymnasium.utils.env_checker import check_env

    env = gymnasium.make("edgesim:EdgeSim/Site-v0", overrides=SITE)
    check_env(env.unwrapped, skip_render_check=True)
    env.close()
    window = gymnasium.make("EdgeSim/OnlineWindow-v0", overrides=WINDOW)
    assert window.unwrapped.kind == "network-one-shot"
    check_env(window.unwrapped, skip_render_check=True)
    window.close()
    round_env = gymnasium.make("EdgeSim/Round-v0", overrides=ROUND)
    assert round_env.unwrapped.kind == "one-shot"
    check_env(round_env.unwrapped, skip_render_check=True)
    round_env.close()
    # The stochastic network, under both feedbacks: realized rewards a step with the results back since the last.
    for feedback in ("planned", "realized"):
        network = gymnasium.make("EdgeSim/Network-v0", overrides=NETWORK + [f"scenario.requests.penalty.feedback={feedback}"])
        assert network.unwrapped.kind == "network"
        check_env(network.unwrapped, skip_render_check=True)
        network.close()
    with SimulatorEnv(experiment=SITES_EXPERIMENT, overrides=SITES) as sites:
        assert sites.kind == "network-of-sites"
        check_env(sites, skip_render_check=True)
    assert isinstance(SimulatorEnv(overrides=SITE), gymnasium.Env)


def test_the_papers_static_round_takes_one_step_a_batch_and_terminates():
    with SimulatorEnv(experiment=ROUND_EXPERIMENT, overrides=ROUND) as env:
        assert env.kind == "one-shot"
        assert env.action_names[-1] == "wait"
        for seed in range(3):
            trail, rewards, terminated, truncated = play(env, seed, masked_random)
            assert terminated and not truncated
            # Each batch rewards the users it serves by their deadline: together, the round's users served.
            assert sum(rewards) == trail[-1][1]["metrics"]["throughput"] <= 10
            assert 1 <= len(rewards) <= 10
        # wait ends the round at once, with every user left unserved.
        _, rewards, terminated, _ = play(env, 0, lambda o, m, r: len(m) - 1)
        assert rewards == [0] and terminated


def test_the_papers_online_window_takes_one_step_a_request_and_terminates():
    with SimulatorEnv(experiment=WINDOW_EXPERIMENT, overrides=WINDOW) as env:
        assert env.kind == "network-one-shot"
        models = env.action_space.n
        trail, rewards, terminated, truncated = play(env, 3, lambda o, m, r: int(r.integers(len(m))))
        assert len(rewards) == 40 and terminated and not truncated
        assert all(r < 0 for r in rewards)
        assert all(info["time_s"] == 0 for _, info in trail)
        metrics = trail[-1][1]["metrics"]
        assert metrics["placed"] == 40
        assert metrics["total_penalty"] == pytest.approx(-sum(rewards))
        assert all(np.all(observation[50 : 50 + models] >= 0) for observation, _ in trail[:-1])


def test_a_simulator_that_dies_is_reported_with_its_exit_code(site_env):
    site_env.reset(seed=0)
    site_env._connection._process.kill()
    with pytest.raises(SimulatorError, match=r"the simulator closed the connection \(exit code -9\)"):
        site_env.step(0)
    site_env.close()


def test_a_network_of_sites_is_an_environment_of_its_outside_selector():
    with SimulatorEnv(experiment=SITES_EXPERIMENT, overrides=SITES) as env:
        assert env.kind == "network-of-sites"
        assert env.action_names == [f"llama2-7b+lora{k}" for k in range(8)]
        assert env.observation_names[:2] == ["llama2-7b+lora0.delay_s", "llama2-7b+lora1.delay_s"]
        trail, rewards, terminated, truncated = play(env, 0, lambda o, m, r: int(r.integers(len(m))))
        assert truncated and len(rewards) > 100
        # The entry's reward: minus the delay of each pick, which its info gives.
        assert all(reward == pytest.approx(-info["delay_s"]) for reward, (_, info) in zip(rewards, trail[1:]))
    with pytest.raises(SimulatorError) as missing:
        SimulatorEnv(experiment=SITES_EXPERIMENT)
    assert "needs the site strategy its cloudlets batch with" in str(missing.value)


def test_the_environment_names_the_simulator_build_that_serves_it(site_env):
    import subprocess

    from edgesim.connection import find_simulator

    printed = subprocess.run(find_simulator() + ["--version"], capture_output=True, text=True, check=True).stdout.strip()
    assert site_env.simulator_build == printed
    assert printed.startswith("1.0.0")
