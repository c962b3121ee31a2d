"""The task worker's supervision: started again after a failure, stopped with the server."""

import signal
import sys
import time

from warta.core.taskworker import SupervisedWorker


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def wait_for(condition, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_failed_worker_is_started_again(tmp_path):
    """A worker that ends with an error is replaced by a new one (after a second)."""
    runs = tmp_path / "runs"
    code = (
        f"import pathlib, sys, time; p = pathlib.Path({str(runs)!r}); "
        "n = len(p.read_text()) if p.exists() else 0; p.write_text('x' * (n + 1)); "
        "sys.exit(3) if n == 0 else time.sleep(30)"
    )
    worker = SupervisedWorker(python(code))
    worker.start()
    try:
        assert wait_for(lambda: runs.exists() and runs.read_text() == "xx")
        assert worker.restarts == 1
        assert worker.process.poll() is None
    finally:
        worker.stop()


def test_worker_that_ends_cleanly_is_left_stopped():
    """Status 0 means it was told to stop (Ctrl-C reaches it too): no new one starts."""
    worker = SupervisedWorker(python("pass"))
    worker.start()
    worker.watcher.join(10)
    assert not worker.watcher.is_alive()
    assert (worker.restarts, worker.process.returncode) == (0, 0)


def test_stopping_sends_sigterm_and_waits_for_the_worker():
    """The server's shutdown ends the worker with SIGTERM and starts no other."""
    worker = SupervisedWorker(python("import time; time.sleep(30)"))
    worker.start()
    first = worker.process
    worker.stop()
    assert first.returncode == -signal.SIGTERM
    worker.watcher.join(5)
    assert worker.process is first and worker.restarts == 0


def test_worker_ignoring_sigterm_is_killed_after_the_timeout():
    """A worker that does not end in time is killed: the server's shutdown never hangs."""
    code = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(30)"
    worker = SupervisedWorker(python(code))
    worker.start()
    time.sleep(0.5)  # its handler is in place
    worker.stop(timeout=0.5)
    assert worker.process.returncode == -signal.SIGKILL
