"""Tasks that run once a day at an hour of the newsroom's day, each run queuing the next as
it starts (the integrity guard's nightly scan, the daily backup). One run waits at a time:
`warta serve` queues one at start-up when none waits, which mends a chain a crash or a
restored database broke. Several app servers starting at once still queue one: the look
and the queuing are one transaction that no other server's runs beside."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.tasks import Task, TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult


def next_at(hour: int, now: datetime | None = None) -> datetime:
    """The next `hour` o'clock in the newsroom's time zone."""
    local = timezone.localtime(now)
    moment = local.replace(hour=hour, minute=0, second=0, microsecond=0)
    return moment if moment > local else moment + timedelta(days=1)


def is_waiting(task: Task) -> bool:
    """Whether a run of `task` waits in the queue."""
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.READY,
        backend_name=settings.WARTA_TASKS_BACKEND,
        task_path=task.module_path,
    ).exists()


@contextmanager
def one_at_a_time(name: str) -> Iterator[None]:
    """A transaction that waits for any other process's transaction under `name` to end.
    PostgreSQL: an advisory lock on the name, released at commit; SQLite's transactions
    take the write lock as they begin (IMMEDIATE) and so run one at a time anyway."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            digest = hashlib.sha256(name.encode()).digest()[:8]
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_advisory_xact_lock(%s)", [int.from_bytes(digest, signed=True)]
                )
        yield


def queue_unless_waiting(task: Task, hour: int) -> int:
    """Queue `task` for the next `hour` o'clock unless a run waits; how many were queued."""
    with one_at_a_time(f"queue {task.module_path}"):
        if is_waiting(task):
            return 0
        task.using(run_after=next_at(hour)).enqueue()
    return 1
