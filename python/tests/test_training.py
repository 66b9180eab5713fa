"""A short deterministic training run improves on a uniformly random policy.

The policy scores each model by a linear function of its observation (queued, longest wait, GPU share,
load and upload times, least slack) and scores waiting by a constant; it serves the best-scored action.
The cross-entropy method trains it: each round draws 8 weight vectors around the current mean, runs
one episode with each (the same replication for all, another each round), and moves the mean to the
best 3. Evaluated greedily on replications none of the training used, against masked uniform random.
"""

import numpy as np
from conftest import SITE

from edgesim import SimulatorEnv

SHORT = [s for s in SITE if not s.startswith("horizon")] + ["horizon=30 s"]


def scores(theta, observation, models):
    per = observation[: 7 * models].reshape(models, 7)
    features = np.stack([per[:, 0] / 10, per[:, 2], per[:, 3], per[:, 5], per[:, 6], np.clip(per[:, 1], -5, 5)], axis=1)
    return np.append(features @ theta[:6], theta[6])


def episode(env, seed, choose):
    observation, info = env.reset(seed=seed)
    total = 0.0
    while True:
        observation, reward, terminated, truncated, info = env.step(choose(observation, info["action_mask"]))
        total += reward
        if terminated or truncated:
            return total


def test_the_cross_entropy_method_beats_uniform_random_on_held_out_replications():
    with SimulatorEnv(overrides=SHORT) as env:
        models = env.action_space.n - 1

        def greedy(theta):
            return lambda o, mask: int(np.argmax(np.where(mask, scores(theta, o, models), -np.inf)))

        rng = np.random.default_rng(0)
        mean, spread = np.zeros(7), np.ones(7)
        for round_ in range(3):
            population = mean + spread * rng.standard_normal((8, 7))
            fitness = np.array([episode(env, 1000 + round_, greedy(theta)) for theta in population])
            elite = population[np.argsort(fitness)[-3:]]
            mean, spread = elite.mean(axis=0), elite.std(axis=0) + 0.05
        held_out = range(3)
        learned = np.mean([episode(env, s, greedy(mean)) for s in held_out])
        chance = np.random.default_rng(1)
        uniform = np.mean([episode(env, s, lambda o, mask: int(chance.choice(np.flatnonzero(mask)))) for s in held_out])
        assert learned > 1.3 * uniform, f"learned {learned}, uniform random {uniform}"


def test_the_window_bandit_learns_within_a_window_what_uniform_random_does_not():
    import sys
    from pathlib import Path

    from conftest import WINDOW_EXPERIMENT

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples"))
    from window_ucb import Ucb, serve_window

    overrides = ["scenario.requests.count=400", "scenario.network.cloudlets=20", "sweep=null", "plots=[]"]
    with SimulatorEnv(experiment=WINDOW_EXPERIMENT, overrides=overrides) as env:
        for replication in (0, 1):
            ucb = Ucb(0.05)
            info = serve_window(env, ucb, replication)
            learned = info["metrics"]
            assert sum(ucb.pulls) == 400 and min(ucb.pulls) >= 1  # every model tried, every request served
            rng = np.random.default_rng(replication)
            _, info = env.reset(seed=replication)
            while True:
                _, _, terminated, truncated, info = env.step(int(rng.integers(env.action_space.n)))
                if terminated or truncated:
                    break
            assert learned["regret"] < 0.75 * info["metrics"]["regret"], (learned["regret"], info["metrics"]["regret"])
