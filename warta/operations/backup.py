"""`warta backup`: the whole site in one archive, taken while it serves and editors save.

What goes in (see `archive` for the layout):

- **The database, as rows** (`rows`), read inside one snapshot: SQLite's read transaction
  in WAL mode, PostgreSQL's `REPEATABLE READ`. Writers go on meanwhile and none of their
  work is half in the archive. The rows restore into SQLite or PostgreSQL alike.
- **Views counted but not yet in the database.** Pending views are persisted first; what
  was counted since is read from the machine's state file while its lock is held and the
  database snapshot starts, so every view is in the archive exactly once: in the rows, or
  in `engagement/pending.json` by batch, where a batch the database holds already is
  recognised on restore (`AppliedBatch`) and not added twice.
- **Uploaded files**: the media (photos, renditions, documents: `MEDIA_ROOT`, or the
  bucket WARTA_MEDIA_S3_BUCKET names, read through the storage's API) and the right-of-reply
  attachments, after the snapshot, so every file a row names was there before it
  (`uploads`).
"""

from __future__ import annotations

import gzip
import importlib.metadata
import json
import re
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _

from warta.engagement import counters

from . import archive, rows, uploads
from .archive import ArchiveError

NAME_PREFIX = "warta-backup-"
BACKUP_NAME = re.compile(
    rf"{NAME_PREFIX}(?P<stamp>\d{{8}}T\d{{6}}Z)(?:-(?P<number>\d+))?\.(?:tar|tar\.gz|tgz)"
)


class BackupError(ArchiveError):
    """A backup that cannot be made; nothing was written."""


@dataclass(frozen=True)
class Made:
    """What a backup wrote."""

    path: Path
    size: int
    seconds: float
    rows: int
    files: int
    pending_views: int


def state_file() -> counters.LocalBackend:
    """The machine's state file of the view counters (with or without Redis)."""
    store = counters.get_backend()
    return store.local if isinstance(store, counters.RedisBackend) else store


def archive_name(now: datetime, compressed: bool = False) -> str:
    """`warta-backup-20260315T020000Z.tar`: sorting the names sorts the backups by age."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"{NAME_PREFIX}{stamp}{'.tar.gz' if compressed else '.tar'}"


def destination(target: Path, now: datetime) -> Path:
    """The archive's path: `target` itself, or a new timestamped name when it is a folder.
    Never among the uploaded files, which the web server may serve to anyone."""
    folder = target if target.is_dir() else target.parent
    if not folder.is_dir():
        raise BackupError(_("%(path)s: no such folder") % {"path": folder})
    for kept in uploads.local_folders():
        if folder.resolve().is_relative_to(kept.resolve()):
            raise BackupError(
                _("%(path)s is among the uploaded files (%(folder)s): choose a folder outside them")
                % {"path": folder, "folder": kept}
            )
    if not target.is_dir():
        return target
    path = target / archive_name(now)
    number = 1
    while path.exists():  # two backups within a second
        number += 1
        path = target / archive_name(now).replace(".tar", f"-{number}.tar")
    return path


@contextmanager
def snapshot() -> Iterator[None]:
    """Hold one consistent view of the database while the site goes on writing.

    SQLite in WAL mode: a read transaction, begun by hand because Django's transactions
    here take the write lock at once (`transaction_mode` IMMEDIATE), which would stop
    every editor for as long as the dump runs; it sees the database as of its first read.
    PostgreSQL: a read-only REPEATABLE READ transaction, without the statement timeout
    meant for readers' queries."""
    if connection.in_atomic_block:
        raise RuntimeError("a backup's snapshot cannot be taken inside a transaction")
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
            try:
                cursor.execute("SELECT count(*) FROM sqlite_master")  # the snapshot starts
                yield
            finally:
                cursor.execute("ROLLBACK")
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SET LOCAL statement_timeout = 0")
            cursor.execute("SELECT 1")  # the snapshot starts
        yield


def check_migrated() -> None:
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise BackupError(_("the database has migrations to apply: run `warta migrate` first"))


def applied_migrations() -> list[list[str]]:
    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


def make_backup(target: Path) -> Made:
    """Back the site up into `target` (a file that must not exist, or a folder)."""
    started = time.monotonic()
    now = datetime.now(UTC)
    path = destination(Path(target), now)
    check_migrated()
    counters.flush_views()  # the fewer views pending, the fewer to carry separately
    writer = archive.ArchiveWriter(path)
    try:
        with tempfile.TemporaryDirectory(prefix=".warta-backup-", dir=path.parent) as work:
            dump_path = Path(work) / "rows.jsonl.gz"
            with ExitStack() as stack:
                with state_file().held() as pending:
                    stack.enter_context(snapshot())
                # The state file is free again: only the database snapshot stays open.
                tables = set(connection.introspection.table_names())
                models = rows.dumped_models(apps.get_models(include_auto_created=True), tables)
                with gzip.open(dump_path, "wt", encoding="utf-8", compresslevel=6) as out:
                    counts = rows.dump(models, connection.alias, out)
                migrations = applied_migrations()
            writer.add(archive.DATABASE, dump_path)
        writer.add_bytes(archive.PENDING, pending_json(pending))
        pending_views = sum(sum(batch.values()) for batch in pending.values())
        files = sum(kept.add_to(writer, name) for name, kept in uploads.uploads().items())
        writer.finish(
            {
                "format": archive.FORMAT,
                "format_version": archive.FORMAT_VERSION,
                "warta_version": importlib.metadata.version("warta"),
                "created_at": now.isoformat(),
                "database": {"vendor": connection.vendor, "tables": counts},
                "migrations": migrations,
                "pending_views": pending_views,
                "uploaded_files": files,
            }
        )
    except BaseException:
        writer.abandon()
        raise
    return Made(
        path=path,
        size=path.stat().st_size,
        seconds=time.monotonic() - started,
        rows=sum(counts.values()),
        files=files,
        pending_views=pending_views,
    )


def pending_json(pending: dict) -> bytes:
    """The pending views by batch: {batch id: [[article id, "YYYY-MM-DD", views], ...]}."""
    batches = {
        batch_id: [
            [article_id, day.isoformat(), views] for (article_id, day), views in counts.items()
        ]
        for batch_id, counts in pending.items()
    }
    return json.dumps(batches, indent=1).encode()


def age_key(name: str) -> tuple[str, int] | None:
    """A backup's name as (time stamp, number within its second), or None for any other name."""
    if match := BACKUP_NAME.fullmatch(name):
        return match["stamp"], int(match["number"] or 1)
    return None


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups in `folder` (by the time stamps in their
    names; other files are left alone); the paths deleted."""
    found = sorted(
        (path for path in folder.iterdir() if path.is_file() and age_key(path.name)),
        key=lambda path: age_key(path.name),
        reverse=True,
    )
    for path in found[keep:]:
        path.unlink(missing_ok=True)
    return found[keep:]
