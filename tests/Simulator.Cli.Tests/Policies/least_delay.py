"""A network learner as an outside policy: the model with the least delay from its nearest holders now.

Reads which observations are delays from the space in the begin message; the standard library alone.
"""
import json
import sys

delays = []
for line in sys.stdin:
    message = json.loads(line)
    if message["cmd"] == "begin":
        names = message["space"]["observation"]["names"]
        delays = [i for i, name in enumerate(names) if name.endswith(".delay_s")]
        reply = {"ok": True}
    elif message["cmd"] == "act":
        observation = message["observation"]
        reply = {"action": min(range(len(delays)), key=lambda k: observation[delays[k]])}
    else:
        break
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()
