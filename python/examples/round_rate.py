"""A rule for the first paper's static round, served to the simulator's runner: the most users per second of upload and load.

In an experiment: {external: {command: python3 ../../python/examples/round_rate.py}} (see
experiments/learning/round-rate.yaml). Each step plans the round's next batch: among the models with users left
whose least slack to a deadline exceeds the batch's upload and load time (some user can still make it), the one with
the most users per second of those; when no model qualifies, wait, which ends the round. It learns nothing and draws
nothing. Only the standard library: any python3 runs it.
"""

from runner_protocol import serve

# Per model, in catalog order: queued, least_slack_s, oldest_wait_s, gpu_share, ram_share, load_s, upload_s.
PER_MODEL = 7


def act(message):
    observation, mask = message["observation"], message["mask"]
    wait = len(mask) - 1
    best, rate = wait, 0.0
    for k in range(wait):
        if not mask[k]:
            continue
        queued, slack, _, _, _, load, upload = observation[PER_MODEL * k : PER_MODEL * (k + 1)]
        busy = load + upload
        if slack <= busy:
            continue
        if queued / max(busy, 1e-3) > rate:
            best, rate = k, queued / max(busy, 1e-3)
    return best


if __name__ == "__main__":
    serve(act)
