"""The nightly scan, a task on the "queued" backend that queues its next run as it starts.

The chain needs one task waiting at any time: `warta serve` queues one at start-up when
none waits (`queue_missing`), so a chain broken by a crash or a restored database mends.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.tasks import TaskResultStatus, task
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from . import sweep

SCAN_HOUR = 3  # local time (the newsroom's time zone): after the evening's stories


@task(backend=settings.WARTA_TASKS_BACKEND)
def scan_every_night() -> int:
    """Queue tomorrow's scan, then scan everything published; the number of findings."""
    queue_missing()
    return len(sweep.scan_published().findings)


def next_run(now: datetime | None = None) -> datetime:
    """The next SCAN_HOUR o'clock in the newsroom's time zone."""
    local = timezone.localtime(now)
    moment = local.replace(hour=SCAN_HOUR, minute=0, second=0, microsecond=0)
    return moment if moment > local else moment + timedelta(days=1)


def is_queued() -> bool:
    """Whether a scan waits to run."""
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.READY,
        backend_name=settings.WARTA_TASKS_BACKEND,
        task_path=scan_every_night.module_path,
    ).exists()


def queue_missing() -> int:
    """Queue the next night's scan unless one waits; how many were queued (0 or 1)."""
    if is_queued():
        return 0
    scan_every_night.using(run_after=next_run()).enqueue()
    return 1
