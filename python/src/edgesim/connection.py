"""The protocol's client side: a simulator process (or a loopback socket) speaking one JSON message a line."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
from pathlib import Path
from typing import Any, Optional, Sequence

PROTOCOL = 1
_ENVIRONMENT_VARIABLE = "EDGESIM_SIMULATOR"


class SimulatorError(RuntimeError):
    """The simulator refused a request; ``field`` names what was wrong (empty when not one field)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


def find_simulator(simulator: Optional[str] = None) -> list[str]:
    """The command that starts the simulator: the argument, else $EDGESIM_SIMULATOR, else a built clone around this package."""
    given = simulator or os.environ.get(_ENVIRONMENT_VARIABLE)
    if given:
        return _command(Path(given))
    for parent in Path(__file__).resolve().parents:
        built = parent / "src" / "Simulator.Cli" / "bin" / "Release" / "net10.0"
        for name in ("simulator", "simulator.exe", "simulator.dll"):
            if (built / name).exists():
                return _command(built / name)
    on_path = shutil.which("simulator")
    if on_path:
        return [on_path]
    raise FileNotFoundError(
        "no simulator found: build the clone (dotnet build -c Release), "
        f"or name the built simulator with simulator=... or ${_ENVIRONMENT_VARIABLE}"
    )


def _command(path: Path) -> list[str]:
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such simulator")
    return ["dotnet", str(path)] if path.suffix == ".dll" else [str(path)]


class Connection:
    """A simulator serving environments: started as a child process (stdin/stdout), or a loopback socket."""

    def __init__(self, simulator: Optional[str] = None, address: Optional[tuple[str, int]] = None, parallel: Optional[int] = None) -> None:
        self._process: Optional[subprocess.Popen] = None
        self._socket: Optional[socket.socket] = None
        if address is not None:
            host, port = address
            if host not in ("127.0.0.1", "localhost", "::1"):
                raise ValueError("the simulator serves only on the loopback address")
            self._socket = socket.create_connection((host, port))
            self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._reader = self._socket.makefile("rb")
            self._writer = self._socket.makefile("wb")
        else:
            command = find_simulator(simulator) + ["serve"]
            if parallel is not None:
                command += ["--parallel", str(parallel)]
            # Buffered both ways: a reply line is read in a few system calls, not one per byte, and each
            # request is flushed whole.
            self._process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
            self._reader = self._process.stdout
            self._writer = self._process.stdin
        hello = self.request({"cmd": "hello"})
        if hello.get("protocol") != PROTOCOL:
            self.close()
            raise SimulatorError(f"the simulator speaks protocol {hello.get('protocol')}, this client {PROTOCOL}")
        #: The simulator's build ("1.0.0+<commit>", as its --version prints it): worth logging beside a trained policy.
        self.build: str = hello.get("build", "")

    def request(self, message: dict[str, Any]) -> dict[str, Any]:
        """Sends one request and returns its reply; a refusal raises SimulatorError."""
        if self._writer is None:
            raise SimulatorError("the connection is closed")
        try:
            self._writer.write(json.dumps(message, separators=(",", ":")).encode() + b"\n")
            self._writer.flush()
            line = self._reader.readline()
        except (BrokenPipeError, ConnectionError):
            line = b""
        if not line:
            raise SimulatorError(f"the simulator closed the connection (exit code {self._exit_code()})")
        reply = json.loads(line)
        if "error" in reply:
            raise SimulatorError(reply["error"], reply.get("field", ""))
        return reply

    def _exit_code(self) -> Optional[int]:
        """The simulator process's exit code once it has ended (None for a socket, or while it runs)."""
        if self._process is None:
            return None
        try:
            return self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            return None

    def close(self) -> None:
        """Ends the simulator (or the socket); safe to call twice."""
        if self._writer is None:
            return
        try:
            self._writer.close()
        except OSError:  # a simulator that has died leaves a broken pipe to flush into
            pass
        self._writer = None
        if self._process is not None:
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process.stdout.close()
        if self._socket is not None:
            self._reader.close()
            self._socket.close()

    def __enter__(self) -> "Connection":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def make_request(experiment: Optional[str], overrides: Sequence[str], point: int, reward: Optional[str]) -> dict[str, Any]:
    """The make request for an experiment file (None: the embedded quickstart) with overrides."""
    return {
        "cmd": "make",
        "experiment": None if experiment is None else str(Path(experiment).resolve()),
        "set": list(overrides),
        "point": point,
        "reward": reward,
    }
