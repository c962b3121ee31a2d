"""The news app's background tasks: a page's scheduled changes, queued for their moment.

Tasks go to the "queued" backend (`settings.WARTA_TASKS_BACKEND`, django-tasks-db): a row
in the database that the worker beside `warta serve` claims when its time has come. One
worker claims each row (PostgreSQL's `SKIP LOCKED`, SQLite's write lock), so with several
app servers each change still runs once; a task due while no worker ran runs when one
starts.
"""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from . import scheduling


@task(backend=settings.WARTA_TASKS_BACKEND)
def apply_scheduled_changes(page_id: int) -> list[str]:
    """Do what is due for the page now (see `scheduling.apply_due_changes`)."""
    return scheduling.apply_due_changes(page_id)


def is_queued(page_id: int, moment: datetime) -> bool:
    """Whether the page's task already waits for `moment`."""
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.READY,
        backend_name=settings.WARTA_TASKS_BACKEND,
        task_path=apply_scheduled_changes.module_path,
        run_after=moment,
        args_kwargs__args__0=page_id,
    ).exists()


def queue_change(page_id: int, moment: datetime) -> None:
    """Queue the page's task for `moment`, once: saving a page again queues nothing new.

    Queued in the caller's transaction, so the task exists exactly when the change does.
    """
    if not is_queued(page_id, moment):
        apply_scheduled_changes.using(run_after=moment).enqueue(page_id)


def queue_missing() -> int:
    """Queue a task for every scheduled change that has none, and say how many were
    missing: changes saved while tasks were not queued (raw loads, an older Warta).
    `warta serve` runs it once as it starts."""
    missing = [
        (page_id, moment)
        for page_id, moment in sorted(scheduling.scheduled_changes())
        if not is_queued(page_id, moment)
    ]
    for page_id, moment in missing:
        apply_scheduled_changes.using(run_after=moment).enqueue(page_id)
    return len(missing)
