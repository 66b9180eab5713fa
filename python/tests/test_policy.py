"""An outside policy's side of the protocol."""

import io
import json

import numpy as np

from edgesim import serve_policy


def test_serve_policy_answers_begin_act_and_reports_errors():
    seen = {}
    messages = [
        {"cmd": "begin", "space": {"actions": ["m0", "wait"]}, "point": 0, "replication": 2},
        {"cmd": "act", "observation": [1.5, None], "mask": [True, False], "reward": 0, "info": {}},
        {"cmd": "act", "observation": [-1.0, 0.0], "mask": [True, True], "reward": 1, "info": {}},
        {"cmd": "end"},
        {"cmd": "act", "observation": [0, 0], "mask": [True, True], "reward": 0, "info": {}},
    ]

    def act(observation, mask):
        assert observation.dtype == np.float64 and mask.dtype == bool
        seen.setdefault("observations", []).append(observation)
        if observation[0] < 0:
            raise RuntimeError("no idea")
        return int(np.flatnonzero(mask)[-1])

    out = io.StringIO()
    serve_policy(act, begin=lambda m: seen.update(m), stdin=io.StringIO("".join(json.dumps(m) + "\n" for m in messages)), stdout=out)
    replies = [json.loads(l) for l in out.getvalue().splitlines()]
    assert seen["replication"] == 2
    assert replies[0] == {"ok": True}
    assert replies[1] == {"action": 0}
    assert replies[2] == {"error": "RuntimeError: no idea"}
    assert len(replies) == 3  # nothing after end
    # A feature the simulator cannot give (null) reaches the policy as NaN.
    assert seen["observations"][0][0] == 1.5 and np.isnan(seen["observations"][0][1])


def test_a_message_the_policy_does_not_know_is_answered_with_an_error():
    out = io.StringIO()
    serve_policy(lambda o, m: 0, stdin=io.StringIO(json.dumps({"cmd": "pause"}) + "\n"), stdout=out)
    assert [json.loads(l) for l in out.getvalue().splitlines()] == [{"error": "unknown cmd 'pause'"}]


def test_what_a_policy_prints_goes_to_standard_error_not_into_the_answers(capsys):
    messages = [
        {"cmd": "begin", "space": {"actions": ["m0", "wait"]}, "point": 0, "replication": 0},
        {"cmd": "act", "observation": [1.0], "mask": [True, True], "reward": 0, "info": {}},
        {"cmd": "end"},
    ]

    def begin(message):
        print("starting replication", message["replication"])

    def act(observation, mask):
        print("deciding on", observation)
        return 1

    out = io.StringIO()
    serve_policy(act, begin=begin, stdin=io.StringIO("".join(json.dumps(m) + "\n" for m in messages)), stdout=out)
    assert [json.loads(l) for l in out.getvalue().splitlines()] == [{"ok": True}, {"action": 1}]
    printed = capsys.readouterr()
    assert printed.err == "starting replication 0\ndeciding on [1.]\n" and printed.out == ""


def test_a_learning_policy_hears_each_reward_before_its_next_decision():
    heard = []
    messages = [
        {"cmd": "begin", "space": {"actions": ["m0", "m1"]}, "point": 0, "replication": 0},
        {"cmd": "act", "observation": [0.0], "mask": [True, True], "reward": 0, "info": {}},
        {"cmd": "act", "observation": [1.0], "mask": [True, True], "reward": -0.25, "info": {"penalty": 0.25, "delay_s": 1.5}},
        {"cmd": "end"},
    ]
    out = io.StringIO()
    serve_policy(lambda o, m: len(heard) - 1, learn=lambda r, info: heard.append((r, info)),
                 stdin=io.StringIO("".join(json.dumps(m) + "\n" for m in messages)), stdout=out)
    assert heard == [(0.0, {}), (-0.25, {"penalty": 0.25, "delay_s": 1.5})]
    assert [json.loads(l) for l in out.getvalue().splitlines()] == [{"ok": True}, {"action": 0}, {"action": 1}]
