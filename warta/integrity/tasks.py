"""The nightly scan, a task on the "queued" backend that queues its next run as it starts.

The chain needs one task waiting at any time: `warta serve` queues one at start-up when
none waits (`queue_missing`), so a chain broken by a crash or a restored database mends.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.tasks import task

from warta.core import daily

from . import sweep

SCAN_HOUR = 3  # local time (the newsroom's time zone): after the evening's stories


@task(backend=settings.WARTA_TASKS_BACKEND)
def scan_every_night() -> int:
    """Queue tomorrow's scan, then scan everything published; the number of findings."""
    queue_missing()
    return len(sweep.scan_published().findings)


def next_run(now: datetime | None = None) -> datetime:
    """The next SCAN_HOUR o'clock in the newsroom's time zone."""
    return daily.next_at(SCAN_HOUR, now)


def is_queued() -> bool:
    """Whether a scan waits to run."""
    return daily.is_waiting(scan_every_night)


def queue_missing() -> int:
    """Queue the next night's scan unless one waits; how many were queued (0 or 1)."""
    return daily.queue_unless_waiting(scan_every_night, SCAN_HOUR)
