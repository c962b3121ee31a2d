"""A redis-server of a test's own on 127.0.0.1, for tests that stop Redis under load.

It keeps nothing on disk (no snapshot, no append-only file), as a Redis stopped in a
crash leaves nothing; the test stops it by its PID, never a shared server.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
import redis


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """One redis-server; `start` again after `kill` or `stop` serves the same address."""

    def __init__(self, directory: Path | None = None):
        if not shutil.which("redis-server"):
            pytest.skip("redis-server is not installed (apt-get install redis-server)")
        self.port, self.directory, self.process = free_port(), directory, None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        """Start it and return once it answers."""
        directory = ["--dir", str(self.directory)] if self.directory else []
        self.process = subprocess.Popen(  # noqa: S603 - a fixed command on loopback
            [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", *directory],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        client, deadline = self.client(), time.monotonic() + 10
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                assert self.process.poll() is None, "redis-server exited"
                assert time.monotonic() < deadline, "redis-server did not answer in 10 s"
                time.sleep(0.02)

    def kill(self) -> None:
        """SIGKILL, as a crash or an out-of-memory kill stops it."""
        self._end(signal.SIGKILL)

    def stop(self) -> None:
        """SIGTERM, as an operator stops it."""
        self._end(signal.SIGTERM)

    def _end(self, signal_number: int) -> None:
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal_number)
            self.process.wait(timeout=10)
        self.process = None

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.url)

    def keys(self) -> int:
        return self.client().dbsize()
