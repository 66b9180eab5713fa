"""The runner's side of an outside policy, in the standard library alone, for the examples that must run on any python3.

The runner starts the policy for each cell and writes one JSON message a line: begin (the decision space, the
point, the replication, a seed), act at each decision (observation, mask, the reward the last one earned, info),
end. Each but end gets one answer a line. edgesim.serve_policy does the same with numpy arrays.
"""

import json
import sys


def serve(act, begin=None):
    """Answers the runner until it ends: act(message) gives each action; begin(message), if given, hears of each cell."""
    for line in sys.stdin:
        message = json.loads(line)
        if message["cmd"] == "begin":
            if begin is not None:
                begin(message)
            reply = {"ok": True}
        elif message["cmd"] == "act":
            reply = {"action": act(message)}
        else:
            break
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()
