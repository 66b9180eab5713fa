"""How the client finds and starts the simulator, checked against a stand-in that logs how it was started."""

import json
import sys

import numpy as np
import pytest

from edgesim import Connection, SimulatorEnv, SimulatorError, find_simulator

# Answers hello with the protocol $FAKE_PROTOCOL (1 unless set) and logs its arguments to $FAKE_LOG; makes one
# environment of two features, the second without bounds and, at the reset, without a value (null).
FAKE = f"""#!{sys.executable}
import json, os, sys
with open(os.environ["FAKE_LOG"], "a") as log:
    log.write(json.dumps(sys.argv[1:]) + "\\n")
SPACE = {{"observation": {{"names": ["a", "b"], "low": [0, None], "high": [1, None]}}, "actions": ["x", "wait"], "reward": "r"}}
REPLIES = {{
    "hello": {{"protocol": int(os.environ.get("FAKE_PROTOCOL", "1")), "build": "fake"}},
    "make": {{"env": 0, "kind": "fake", "space": SPACE, "horizon_s": 1}},
    "reset": {{"observation": [0.5, None], "mask": [True, True], "info": {{"replication": 0, "time_s": 0, "over": False}}}},
}}
for line in sys.stdin:
    print(json.dumps(REPLIES[json.loads(line)["cmd"]]), flush=True)
"""


@pytest.fixture
def fake(tmp_path, monkeypatch):
    path = tmp_path / "simulator"
    path.write_text(FAKE)
    path.chmod(0o755)
    monkeypatch.setenv("FAKE_LOG", str(tmp_path / "log"))
    return path


def started(fake):
    return [json.loads(line) for line in (fake.parent / "log").read_text().splitlines()]


def test_the_simulator_named_by_the_environment_variable_is_started_to_serve(fake, monkeypatch):
    monkeypatch.setenv("EDGESIM_SIMULATOR", str(fake))
    with Connection() as connection:
        assert connection.build == "fake"
    with Connection(parallel=3):
        pass
    assert started(fake) == [["serve"], ["serve", "--parallel", "3"]]


def test_a_built_dll_runs_under_dotnet_and_a_missing_simulator_is_named(tmp_path):
    dll = tmp_path / "simulator.dll"
    dll.write_bytes(b"")
    assert find_simulator(str(dll)) == ["dotnet", str(dll)]
    with pytest.raises(FileNotFoundError, match="no such simulator"):
        find_simulator(str(tmp_path / "missing"))


def test_a_feature_without_a_bound_or_a_value_is_infinite_or_nan(fake):
    with SimulatorEnv(simulator=str(fake)) as env:
        np.testing.assert_array_equal(env.observation_space.low, [0, -np.inf])
        np.testing.assert_array_equal(env.observation_space.high, [1, np.inf])
        observation, _ = env.reset(seed=0)
        assert observation[0] == 0.5 and np.isnan(observation[1])


def test_a_simulator_of_another_protocol_is_refused(fake, monkeypatch):
    monkeypatch.setenv("FAKE_PROTOCOL", "2")
    with pytest.raises(SimulatorError, match="the simulator speaks protocol 2, this client 1"):
        Connection(str(fake))


def test_only_the_loopback_address_is_taken():
    # A documentation address (RFC 5737): refused before any connection is tried.
    with pytest.raises(ValueError, match="loopback"):
        Connection(address=("192.0.2.1", 5000))
