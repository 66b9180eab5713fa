"""An outside policy for the simulator's runner: a strategy entry ``{external: {command: python3 my_policy.py}}``.

The runner starts the command for each cell and asks it at each decision, one JSON message a line on its
standard input; ``serve_policy`` answers them with a function of the observation and the action mask.
"""

from __future__ import annotations

import json
import sys
from typing import Any, Callable, Optional, TextIO

import numpy as np

Act = Callable[[np.ndarray, np.ndarray], int]


def serve_policy(
    act: Act,
    begin: Optional[Callable[[dict[str, Any]], None]] = None,
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
) -> None:
    """Answers the runner until it ends: ``act(observation, mask)`` gives each action.

    ``begin(message)`` (optional) hears of each cell before its first decision: the decision space
    (``message["space"]``: observation names and bounds, actions, reward), the sweep point and the
    replication. A policy that raises reports the error to the runner, which fails the cell with it.
    """
    for line in stdin:
        message = json.loads(line)
        cmd = message.get("cmd")
        try:
            if cmd == "begin":
                if begin is not None:
                    begin(message)
                reply: dict[str, Any] = {"ok": True}
            elif cmd == "act":
                observation = np.array([np.nan if v is None else v for v in message["observation"]], dtype=np.float64)
                mask = np.array(message["mask"], dtype=bool)
                reply = {"action": int(act(observation, mask))}
            elif cmd == "end":
                return
            else:
                reply = {"error": f"unknown cmd {cmd!r}"}
        except Exception as error:  # the runner shows the message with the cell it failed
            reply = {"error": f"{type(error).__name__}: {error}"}
        stdout.write(json.dumps(reply) + "\n")
        stdout.flush()
