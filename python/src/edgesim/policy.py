"""An outside policy for the simulator's runner: a strategy entry ``{external: {command: python3 my_policy.py}}``.

The runner starts the command for each cell and asks it at each decision, one JSON message a line on its
standard input; ``serve_policy`` answers them with a function of the observation and the action mask.
"""

from __future__ import annotations

import contextlib
import json
import sys
from typing import Any, Callable, Optional, TextIO

import numpy as np

Act = Callable[[np.ndarray, np.ndarray], int]
Learn = Callable[[float, dict[str, float]], None]


def serve_policy(
    act: Act,
    begin: Optional[Callable[[dict[str, Any]], None]] = None,
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
    learn: Optional[Learn] = None,
) -> None:
    """Answers the runner until it ends: ``act(observation, mask)`` gives each action.

    ``begin(message)`` (optional) hears of each cell before its first decision: the decision space
    (``message["space"]``: observation names and bounds, actions, reward), the sweep point, the
    replication, ``message["seed"]``, from the experiment's seed, for whatever the policy draws, and
    ``message["build"]``, the simulator build running the cell.
    ``learn(reward, info)`` (optional), for a policy that learns while it is evaluated (a bandit), hears
    before each decision what the last one earned: the reward since then (0 before the first) and the
    kind's info (a network's penalty, delay and cost). Under a network's
    ``requests.penalty.feedback: realized``, the reward is that of the results back since then, whichever
    earlier decisions they answer. A policy that raises reports the error to the
    runner, which fails the cell with it. What ``act``, ``begin`` and ``learn`` print goes to standard
    error, where the runner shows it with a failed cell: on standard output it would be read as the answer.
    """
    for line in stdin:
        message = json.loads(line)
        cmd = message.get("cmd")
        if cmd == "end":
            return
        try:
            with contextlib.redirect_stdout(sys.stderr):
                reply = _answer(message, act, begin, learn)
        except Exception as error:  # the runner shows the message with the cell it failed
            reply = {"error": f"{type(error).__name__}: {error}"}
        stdout.write(json.dumps(reply) + "\n")
        stdout.flush()


def _answer(message: dict[str, Any], act: Act, begin: Optional[Callable[[dict[str, Any]], None]], learn: Optional[Learn]) -> dict[str, Any]:
    cmd = message.get("cmd")
    if cmd == "begin":
        if begin is not None:
            begin(message)
        return {"ok": True}
    if cmd == "act":
        if learn is not None:
            learn(float(message.get("reward", 0.0)), dict(message.get("info", {})))
        observation = np.array([np.nan if v is None else v for v in message["observation"]], dtype=np.float64)
        mask = np.array(message["mask"], dtype=bool)
        return {"action": int(act(observation, mask))}
    return {"error": f"unknown cmd {cmd!r}"}
