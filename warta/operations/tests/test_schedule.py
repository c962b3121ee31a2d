"""The daily backup: made by the worker at the hour set, keeping the newest few."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from warta import cli
from warta.operations import tasks
from warta.operations.backup import prune

JAKARTA = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def daily(settings, tmp_path):
    """Daily backups into a folder of the test's own, at 02:00, keeping two."""
    settings.WARTA_BACKUP = {"DIR": tmp_path / "backups", "HOUR": 2, "KEEP": 2}
    return settings.WARTA_BACKUP


def waiting() -> list[DBTaskResult]:
    return list(
        DBTaskResult.objects.filter(
            status=TaskResultStatus.READY, task_path=tasks.back_up_every_day.module_path
        )
    )


def test_retention_keeps_the_newest_backups_and_nothing_else(tmp_path):
    """Only backups' names count, by the time in them; other files stay."""
    names = [
        "warta-backup-20260301T020000Z.tar",
        "warta-backup-20260303T020000Z.tar",
        "warta-backup-20260302T020000Z.tar.gz",
        "warta-backup-20260303T020000Z-2.tar",
        "notes.txt",
        "warta-backup-manual.tar",
    ]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
    prune(tmp_path, 2)
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "notes.txt",
        "warta-backup-20260303T020000Z-2.tar",
        "warta-backup-20260303T020000Z.tar",
        "warta-backup-manual.tar",
    ]


def test_the_next_backup_is_at_the_hour_in_the_newsroom_time(daily):
    """Before 02:00 the same day's, after it the next day's, in Jakarta's time."""
    assert tasks.next_run(datetime(2026, 3, 1, 1, 30, tzinfo=JAKARTA)) == datetime(
        2026, 3, 1, 2, tzinfo=JAKARTA
    )
    assert tasks.next_run(datetime(2026, 3, 1, 2, 0, tzinfo=JAKARTA)) == datetime(
        2026, 3, 2, 2, tzinfo=JAKARTA
    )


@pytest.mark.django_db
def test_no_daily_backup_is_queued_without_a_folder(settings):
    """WARTA_BACKUP_DIR unset: nothing is queued."""
    settings.WARTA_BACKUP = {**settings.WARTA_BACKUP, "DIR": None}
    assert tasks.queue_missing() == 0
    assert waiting() == []


@pytest.mark.django_db
def test_one_daily_backup_waits_at_a_time(daily):
    """Queuing again while one waits queues nothing."""
    assert tasks.queue_missing() == 1
    assert tasks.queue_missing() == 0
    assert len(waiting()) == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_daily_backup_keeps_the_newest_and_queues_the_next(daily, newsroom):
    """A run writes a backup, deletes all but the newest two, and queues tomorrow's."""
    folder = daily["DIR"]
    folder.mkdir()
    for day in ("01", "02"):
        (folder / f"warta-backup-202001{day}T020000Z.tar").write_bytes(b"old")
    made = tasks.back_up_every_day.call()
    assert sorted(path.name for path in folder.iterdir()) == sorted(
        ["warta-backup-20200102T020000Z.tar", Path(made).name]
    )
    (queued,) = waiting()
    assert queued.run_after == tasks.next_run()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_serve_queues_the_first_daily_backup_as_it_starts(daily):
    """`warta serve` starts the chain when backups are on and none waits."""
    cli.queue_missing_changes()
    (queued,) = waiting()
    assert queued.run_after == tasks.next_run()
