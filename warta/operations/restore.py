"""`warta restore`: put a site back as a backup holds it, on SQLite or PostgreSQL.

In this order, so that a damaged archive or a refusal leaves everything as it was:

1. The archive is extracted beside the media folder (with media in a bucket, beside the
   attachments' folder) and every file checked against the manifest (`archive.extract`).
2. The archive's migrations must all be known here (an archive of a newer Warta is refused),
   and a database with content is replaced only with `force`.
3. The database gets the archive's schema: as it is when its migrations are the archive's;
   otherwise every table is dropped and the migrations are run up to the archive's. Then,
   in one transaction, every table is emptied and the rows loaded, and on PostgreSQL the id
   sequences moved past the loaded ids. Migrations newer than the archive then run on the
   loaded rows, as `warta migrate` would after an upgrade.
4. Views that were pending at the backup are added (once: `AppliedBatch`); views pending in
   this machine's state file counted for the database just replaced and are dropped.
5. The uploaded files are put in place and files the archive does not hold are removed:
   moved into a folder on disk, written into a bucket through its storage (`uploads`).
6. The page cache and the workers' kept parts are made stale (all pages purged; a new
   content generation), and last the search index is rebuilt from the pages.
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from warta.core import caches, pagecache
from warta.core.models import ContentGeneration
from warta.engagement import counters

from . import archive, rows, uploads
from .archive import ArchiveError
from .backup import state_file


class RestoreError(ArchiveError):
    """A restore refused before anything was changed, or one that failed."""


@dataclass(frozen=True)
class Restored:
    """What a restore put back."""

    rows: int
    files: int
    pending_views: int
    dropped_views: int
    migrated: bool  # the database was rebuilt with the archive's migrations
    seconds: float


def has_content() -> bool:
    """Whether the database holds a site's content: pages below the home page, accounts or
    photos. A database just migrated has none; one that is not Warta's counts as full."""
    if not connection.introspection.table_names():
        return False
    try:
        return (
            Page.objects.filter(depth__gt=2).exists()
            or get_user_model().objects.exists()
            or get_image_model().objects.exists()
        )
    except DatabaseError:
        return True


def current_generation() -> int:
    try:
        row = ContentGeneration.objects.filter(pk=1).values_list("number", flat=True).first()
    except DatabaseError:  # no such table (yet)
        return 0
    return row or 0


def silent(line: str) -> None:
    """Say nothing of the progress."""


def restore(source: Path, *, force: bool, say: Callable[[str], None] = silent) -> Restored:
    """Restore the site from the archive at `source` (see the module's docstring)."""
    started = time.monotonic()
    # Beside the first folder of uploads, so that files are moved into it, not copied.
    extracted = archive.extract(Path(source), uploads.local_folders()[0].parent)
    try:
        manifest = extracted.manifest
        refuse_unless_restorable(source, manifest, force)
        say(
            _("Restoring a backup of %(created)s (Warta %(version)s, %(vendor)s)")
            % {
                "created": manifest["created_at"],
                "version": manifest["warta_version"],
                "vendor": manifest["database"]["vendor"],
            }
        )
        generation = current_generation()
        rebuilt, loaded = load_database(source, extracted, say)
        ContentType.objects.clear_cache()  # the ids may be other than this process knew
        call_command("migrate", interactive=False, verbosity=0)
        pending = read_pending(extracted.path(archive.PENDING))
        added = sum(
            sum(counts.values())
            for batch_id, counts in pending.items()
            if counters.apply_batch(batch_id, counts)
        )
        dropped = state_file().discard()
        files = sum(kept.replace_with(extracted, name) for name, kept in uploads.uploads().items())
        # Nothing kept from before may be served: every worker's parts, every cached page.
        new_generation(max(generation, current_generation()) + 1)
        Site.clear_site_root_paths_cache()
        pagecache.purge(pagecache.ALL_TAG)
        caches.reset()
        say(_("Rebuilding the search index"))
        call_command("update_index", verbosity=0)
    finally:
        extracted.remove()
    return Restored(
        rows=loaded,
        files=files,
        pending_views=added,
        dropped_views=dropped,
        migrated=rebuilt,
        seconds=time.monotonic() - started,
    )


def refuse_unless_restorable(source: Path, manifest: dict, force: bool) -> None:
    """`RestoreError` for an archive of a newer Warta, or a site with content without
    `force`."""
    archived = {(app, name) for app, name in manifest["migrations"]}
    if unknown := sorted(archived - known_migrations(MigrationExecutor(connection))):
        raise RestoreError(
            _(
                "%(path)s was made by a newer Warta or with other apps (migration "
                "%(migration)s is unknown here): install that version to restore it"
            )
            % {"path": source, "migration": ".".join(unknown[0])}
        )
    if not force and has_content():
        raise RestoreError(
            _(
                "this site has content (pages, accounts or photos); restoring replaces "
                "all of it: run again with --force to do so"
            )
        )


def load_database(
    source: Path, extracted: archive.Extracted, say: Callable[[str], None]
) -> tuple[bool, int]:
    """Give the database the archive's schema and rows; whether the schema had to be built
    anew, and the rows loaded."""
    archived = {(app, name) for app, name in extracted.manifest["migrations"]}
    recorder = MigrationRecorder(connection)
    applied = set(recorder.applied_migrations()) if recorder.has_table() else set()
    if applied == archived:
        models = apps.get_models(include_auto_created=True)
    else:
        say(_("Preparing the database for the archive's migrations"))
        drop_all_tables()
        executor = MigrationExecutor(connection)
        state = executor.migrate(leaves(executor, archived))
        models = state.apps.get_models(include_auto_created=True)
    models = rows.dumped_models(models, set(connection.introspection.table_names()))
    say(_("Loading the database"))
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL statement_timeout = 0")
        rows.flush(models, connection.alias)
        with gzip.open(extracted.path(archive.DATABASE), "rt", encoding="utf-8") as dump:
            loaded = rows.load(iter(dump), models, connection.alias)
        if loaded != extracted.manifest["database"]["tables"]:
            raise RestoreError(
                _("%(path)s: the database's rows do not match the manifest") % {"path": source}
            )
        rows.reset_sequences(models, connection.alias)
    return applied != archived, sum(loaded.values())


def known_migrations(executor: MigrationExecutor) -> set[tuple[str, str]]:
    """The migrations of this Warta, with those a squashed migration stands for (a database
    migrated with the squashed one records them too)."""
    loader = executor.loader
    replaced = {key for migration in loader.replacements.values() for key in migration.replaces}
    return set(loader.graph.nodes) | replaced


def leaves(executor: MigrationExecutor, archived: set[tuple[str, str]]) -> list[tuple[str, str]]:
    """The archive's last migrations: migrating to them gives the archive's schema."""
    graph = executor.loader.graph
    nodes = archived & set(graph.nodes)
    return sorted(
        node
        for node in nodes
        if not any(child.key in nodes for child in graph.node_map[node].children)
    )


def drop_all_tables() -> None:
    """Drop every table and view, so that migrations can build the archive's schema."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            connection.disable_constraint_checking()
            try:
                cursor.execute(
                    "SELECT type, name, sql FROM sqlite_master "
                    "WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"
                )
                found = cursor.fetchall()
                # Views first, then full-text tables (which drop their own shadow tables).
                found.sort(key=lambda row: (row[0] != "view", "VIRTUAL" not in (row[2] or "")))
                for kind, name, _sql in found:
                    name = connection.ops.quote_name(name)
                    cursor.execute(f"DROP {kind.upper()} IF EXISTS {name}")
            finally:
                connection.enable_constraint_checking()
            return
        found = connection.introspection.get_table_list(cursor)
        for info in sorted(found, key=lambda info: info.type != "v"):
            kind = "VIEW" if info.type == "v" else "TABLE"
            cursor.execute(f"DROP {kind} IF EXISTS {connection.ops.quote_name(info.name)} CASCADE")


def read_pending(path: Path) -> dict[str, dict[tuple[int, date], int]]:
    batches = json.loads(path.read_text(encoding="utf-8"))
    return {
        batch_id: {
            (article_id, date.fromisoformat(day)): views for article_id, day, views in counts
        }
        for batch_id, counts in batches.items()
    }


def new_generation(number: int) -> None:
    """A content generation no worker has seen: whatever a worker kept is out of date."""
    ContentGeneration.objects.update_or_create(pk=1, defaults={"number": number})
