"""Trains a small policy for an edge site's batches with REINFORCE (Debian's python3-torch), and saves it.

The policy scores every model with one small network over that model's features (the same weights for
every model, so it does not care how many there are), scores waiting with a learned constant, and
samples among the actions the mask allows. It learns from the simulator's reward, the requests served
by their deadline. Episodes are replications of the quickstart's site at 20 requests/s (its sweep point 2),
120 s each; the evaluation experiment uses other replications' worlds (its seed differs).

    python3 python/examples/train_site_policy.py --episodes 300 --out python/examples/site-policy.json

The weights go to a JSON file that site_policy.py serves with the standard library alone.
"""

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from edgesim import SimulatorEnv  # noqa: E402
from site_features import PER_MODEL, features  # noqa: E402

HIDDEN = 32


class Policy(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.score = torch.nn.Sequential(torch.nn.Linear(PER_MODEL, HIDDEN), torch.nn.Tanh(), torch.nn.Linear(HIDDEN, 1))
        self.wait = torch.nn.Parameter(torch.zeros(1))

    def forward(self, per_model: torch.Tensor, mask: torch.Tensor) -> torch.distributions.Categorical:
        logits = torch.cat([self.score(per_model).squeeze(-1), self.wait])
        return torch.distributions.Categorical(logits=logits.masked_fill(~mask, -1e9))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--episodes", type=int, default=300)
    parser.add_argument("--horizon", type=float, default=120.0, help="seconds an episode simulates")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent / "site-policy.json"))
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    overrides = [f"horizon={args.horizon} s", "warmup=0 s", "plots=[]"]
    env = SimulatorEnv(overrides=overrides, point=2)  # the quickstart's sweep point 2: 20 requests/s
    models = env.action_space.n - 1
    policy = Policy()
    optimiser = torch.optim.Adam(policy.parameters(), lr=3e-3)
    gamma, baseline, started = 0.95, 0.0, time.time()
    for episode in range(args.episodes):
        # Replications 1000 and up: none of them is a world the evaluation runs.
        observation, info = env.reset(seed=1000 + episode)
        log_probs, entropies, rewards = [], [], []
        while True:
            mask = torch.as_tensor(info["action_mask"])
            dist = policy(torch.as_tensor(features(observation, models), dtype=torch.float32), mask)
            action = dist.sample()
            log_probs.append(dist.log_prob(action))
            entropies.append(dist.entropy())
            observation, reward, terminated, truncated, info = env.step(int(action))
            rewards.append(reward)
            if terminated or truncated:
                break
        returns = np.zeros(len(rewards))
        running = 0.0
        for t in reversed(range(len(rewards))):
            running = rewards[t] + gamma * running
            returns[t] = running
        baseline = returns.mean() if episode == 0 else 0.9 * baseline + 0.1 * returns.mean()
        advantage = torch.as_tensor((returns - baseline) / (returns.std() + 1e-6), dtype=torch.float32)
        loss = -(torch.stack(log_probs) * advantage).mean() - 0.01 * torch.stack(entropies).mean()
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        if episode % 25 == 0 or episode == args.episodes - 1:
            print(f"episode {episode}: served on time {sum(rewards):.0f} of {info['metrics']['arrived']:.0f}, {time.time() - started:.0f} s", flush=True)
    weights = {name: value.detach().numpy().tolist() for name, value in policy.state_dict().items()}
    Path(args.out).write_text(json.dumps({"hidden": HIDDEN, "weights": weights, "trained": {"episodes": args.episodes, "horizon_s": args.horizon, "seed": args.seed}}))
    print(f"saved {args.out}")
    env.close()
    del rng


if __name__ == "__main__":
    main()
