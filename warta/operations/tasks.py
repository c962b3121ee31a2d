"""The daily backup: a task on the "queued" backend that queues its next run as it starts.

Made only when WARTA_BACKUP_DIR names a folder: at WARTA_BACKUP_HOUR (the newsroom's time)
the worker beside `warta serve` backs the site up into it and deletes all but the newest
WARTA_BACKUP_KEEP backups there. `warta serve` queues the first run at start-up when none
waits (`queue_missing`), so a chain broken by a crash or a restored database mends.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.tasks import task

from warta.core import daily

from . import backup


@task(backend=settings.WARTA_TASKS_BACKEND)
def back_up_every_day() -> str:
    """Queue tomorrow's backup, then back up and keep the newest; the archive's path."""
    config = settings.WARTA_BACKUP
    if not config["DIR"]:
        return ""  # switched off since this run was queued: the chain ends here
    queue_missing()
    config["DIR"].mkdir(parents=True, exist_ok=True)
    made = backup.make_backup(config["DIR"])
    backup.prune(config["DIR"], config["KEEP"])
    return str(made.path)


def next_run(now: datetime | None = None) -> datetime:
    """The next WARTA_BACKUP_HOUR o'clock in the newsroom's time zone."""
    return daily.next_at(settings.WARTA_BACKUP["HOUR"], now)


def queue_missing() -> int:
    """Queue the next daily backup when backups are on and none waits; how many were
    queued (0 or 1)."""
    if not settings.WARTA_BACKUP["DIR"]:
        return 0
    return daily.queue_unless_waiting(back_up_every_day, settings.WARTA_BACKUP["HOUR"])
