"""fcfs as an outside policy: the model whose oldest queued request has waited longest, else wait.

Speaks the external-policy protocol with the standard library alone: one JSON message a line in
(begin, act, end), one reply a line out.
"""
import json
import sys

PER_MODEL = 7  # queued, least_slack_s, oldest_wait_s, gpu_share, ram_share, load_s, upload_s

for line in sys.stdin:
    message = json.loads(line)
    if message["cmd"] == "begin":
        reply = {"ok": True}
    elif message["cmd"] == "act":
        observation, mask = message["observation"], message["mask"]
        wait = len(mask) - 1
        best = wait
        for k in range(wait):
            if mask[k] and (best == wait or observation[PER_MODEL * k + 2] > observation[PER_MODEL * best + 2]):
                best = k
        reply = {"action": best}
    else:
        break
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()
