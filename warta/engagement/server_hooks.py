"""Gunicorn hooks that `warta serve` loads (``--config python:warta.engagement.server_hooks``).

Each worker persists its pending view counts every few seconds from a thread,
and once more when it stops: on SIGTERM gunicorn lets every worker finish its
requests and calls `worker_exit` in it before it ends.
"""


def post_worker_init(worker) -> None:
    """Start the flush thread now, so batches left in Redis by a stopped server are persisted."""
    from warta.engagement.counters import flusher

    flusher.ensure_started()


def worker_exit(server, worker) -> None:
    from warta.engagement.counters import flusher

    flusher.flush_at_exit()
