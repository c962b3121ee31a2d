"""The task worker beside the app server: started, watched and stopped by `warta serve`.

Scheduled publication needs django-tasks-db's worker (`warta worker`) running somewhere.
So that nobody has to remember it, `warta serve` runs one as its child process: its
output goes to the server's log, it is started again if it fails, and it stops with the
server. The worker polls the database, so several app servers may each run one: each
task is claimed by exactly one of them.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence

# Restart delays after a failure: doubled each time, back to the first once the worker
# has run for a while.
FIRST_DELAY, LONGEST_DELAY, SETTLED_AFTER = 1.0, 30.0, 60.0
STOP_TIMEOUT = 20.0  # seconds a running task gets to finish when the server stops


class SupervisedWorker:
    """A child process started again whenever it fails (ends with a non-zero status).

    One that ends with status 0 was told to stop (Ctrl-C in the terminal reaches the
    whole process group) and is left stopped.
    """

    def __init__(self, command: Sequence[str], name: str = "task worker"):
        self.command, self.name = list(command), name
        self.process: subprocess.Popen | None = None
        self.stopping = threading.Event()
        self.watcher: threading.Thread | None = None
        self.restarts = 0

    def start(self) -> None:
        self.spawn()
        self.watcher = threading.Thread(target=self.watch, name=self.name, daemon=True)
        self.watcher.start()

    def spawn(self) -> None:
        env = {**os.environ, "WARTA_WORKER_PARENT": str(os.getpid())}
        self.process = subprocess.Popen(self.command, env=env)  # noqa: S603 - our own command
        log(f"{self.name} started (PID {self.process.pid})")

    def watch(self) -> None:
        delay = FIRST_DELAY
        while not self.stopping.is_set():
            started = time.monotonic()
            status = self.process.wait()
            if self.stopping.is_set():
                return
            if status == 0:
                log(f"{self.name} stopped")
                return
            if time.monotonic() - started > SETTLED_AFTER:
                delay = FIRST_DELAY
            log(f"{self.name} ended with status {status}; starting it again in {delay:g} s")
            if self.stopping.wait(delay):
                return
            delay = min(delay * 2, LONGEST_DELAY)
            self.restarts += 1
            self.spawn()

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """SIGTERM: the worker finishes the task it is running, then ends."""
        self.stopping.set()
        process = self.process
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            log(f"{self.name} did not stop within {timeout:g} s; killing it")
            process.kill()
            process.wait()


def log(message: str) -> None:
    print(f"warta: {message}", file=sys.stderr, flush=True)


def end_with_parent() -> None:
    """In the worker: end when the server that started it ends, even if it was killed
    before it could stop the worker (Linux; elsewhere a service manager ends both)."""
    parent = os.environ.get("WARTA_WORKER_PARENT")
    if not parent or not sys.platform.startswith("linux"):
        return
    pr_set_pdeathsig = 1
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(pr_set_pdeathsig, signal.SIGTERM)
    if os.getppid() != int(parent):  # the server ended before the line above
        sys.exit(0)
