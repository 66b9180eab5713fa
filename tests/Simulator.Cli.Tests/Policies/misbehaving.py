"""A policy that misbehaves on purpose, as its argument says, at its 5th decision (replication 1 only):
die (exit 3 after a line on stderr), stall (never answer), range (answer an action out of range),
garbage (answer what is not JSON), twice (answer with the key 'action' twice). Before that, and in every other replication, it always waits.
With stall-begin it never answers begin, in any replication; with report-seed it answers begin with an error that
names the seed, point, replication and simulator build it was given.
"""
import json
import sys
import time

how = sys.argv[1]
replication = 0
decisions = 0
for line in sys.stdin:
    message = json.loads(line)
    if message["cmd"] == "begin":
        replication = message["replication"]
        reply = {"ok": True}
        if how == "stall-begin":
            time.sleep(600)
        if how == "report-seed":
            reply = {"error": f"seed {message['seed']} point {message['point']} replication {replication} build {message['build']}"}
    elif message["cmd"] == "act":
        decisions += 1
        actions = len(message["mask"])
        reply = {"action": actions - 1}
        if replication == 1 and decisions == 5:
            if how == "die":
                sys.stderr.write("policy: something went wrong\n")
                sys.stderr.flush()
                sys.exit(3)
            if how == "stall":
                time.sleep(600)
            if how == "range":
                reply = {"action": actions + 4}
            if how == "twice":
                sys.stdout.write('{"action": 0, "action": %d}\n' % (actions - 1))
                sys.stdout.flush()
                continue
            if how == "garbage":
                sys.stdout.write("thinking...\n")
                sys.stdout.flush()
                continue
    else:
        break
    sys.stdout.write(json.dumps(reply) + "\n")
    sys.stdout.flush()
