"""`warta restore`: checks first, asks before replacing content, brings everything back."""

import gzip
import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.operations import CreateModel
from django.utils import translation

from warta.core import generation
from warta.core.tests.test_pagecache import call, site_app  # noqa: F401 - a fixture
from warta.engagement.models import ArticleStats
from warta.news.factories import ArticlePageFactory
from warta.news.models import ArticlePage
from warta.operations.backup import make_backup
from warta.operations.restore import restore

from .conftest import as_json
from .fingerprint import site_fingerprint

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def rewritten(archive: Path, into: Path, change: dict[str, bytes], manifest=None) -> Path:
    """A copy of `archive` with members' contents changed (the manifest kept as it was,
    unless `manifest` changes it)."""
    with tarfile.open(archive) as tar:
        contents = {member.name: tar.extractfile(member).read() for member in tar.getmembers()}
    contents.update(change)
    if manifest:
        contents["manifest.json"] = json.dumps(manifest(json.loads(contents["manifest.json"])))
        contents["manifest.json"] = contents["manifest.json"].encode()
    with tarfile.open(into, "w") as tar:
        for name, data in contents.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return into


def test_restoring_over_content_asks_for_force(newsroom, tmp_path):
    """A site with content is not replaced without --force, and the refusal says so."""
    archive = make_backup(tmp_path).path
    ArticlePage.objects.filter(pk=newsroom.other.pk).update(title="Diubah setelah backup")
    with pytest.raises(CommandError, match="--force"):
        call_command("restore", str(archive))
    assert ArticlePage.objects.get(pk=newsroom.other.pk).title == "Diubah setelah backup"


def test_force_puts_the_site_back_as_it_was(newsroom, tmp_path, site_folders):
    """With --force the content, counts and files are the archive's again, and files the
    archive does not hold are gone."""
    before = as_json(site_fingerprint())
    archive = make_backup(tmp_path).path
    newsroom.other.delete()
    ArticlePageFactory(parent=newsroom.lead.get_parent(), title="Berita sesudah backup")
    ArticleStats.objects.filter(pk=newsroom.lead.pk).update(views=1)
    photo = Path(newsroom.lead.main_image.file.path)
    photo.write_bytes(b"not a photo")
    (site_folders / "media" / "stray.txt").write_text("left over")
    call_command("restore", str(archive), "--force", stdout=io.StringIO())
    assert as_json(site_fingerprint()) == before


def test_a_damaged_file_is_named_and_nothing_is_touched(newsroom, tmp_path, site_folders):
    """One changed byte in a photo: the restore names the file, fails, and changes nothing."""
    archive = make_backup(tmp_path).path
    name = "media/" + newsroom.lead.main_image.file.name
    with tarfile.open(archive) as tar:
        photo = bytearray(tar.extractfile(name).read())
    photo[-1] ^= 1
    damaged = rewritten(archive, tmp_path / "damaged.tar", {name: bytes(photo)})
    ArticlePage.objects.filter(pk=newsroom.other.pk).update(title="Sesudah backup")
    before = as_json(site_fingerprint())
    with (
        translation.override("en"),
        pytest.raises(CommandError, match=f"{name} is damaged") as refused,
    ):
        call_command("restore", str(damaged), "--force")
    assert refused.value.returncode != 0
    assert as_json(site_fingerprint()) == before
    assert not list(site_folders.glob(".warta-restore-*"))


def test_an_archive_cut_short_is_refused(newsroom, tmp_path):
    """A truncated archive cannot be read, and the restore says which file it is."""
    archive = make_backup(tmp_path).path
    cut = tmp_path / "cut.tar"
    cut.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    with pytest.raises(CommandError, match="cut.tar"):
        call_command("restore", str(cut), "--force")
    assert ArticlePage.objects.count() == 3


def test_an_archive_of_a_newer_warta_is_refused(newsroom, tmp_path):
    """Migrations this Warta does not know: refused, naming the first of them."""
    archive = make_backup(tmp_path).path

    def newer(manifest):
        manifest["migrations"].append(["news", "9999_from_the_future"])
        return manifest

    future = rewritten(archive, tmp_path / "future.tar", {}, manifest=newer)
    with pytest.raises(CommandError, match="news.9999_from_the_future"):
        call_command("restore", str(future), "--force")
    assert ArticlePage.objects.count() == 3


def test_restoring_purges_the_page_cache_and_starts_a_new_generation(
    newsroom,
    tmp_path,
    site_app,  # noqa: F811
):
    """Readers get the restored pages, not those cached before, and every worker's kept
    parts are out of date."""
    archive = make_backup(tmp_path).path
    url = newsroom.lead.url
    assert call(site_app, url).cache == "MISS"
    assert call(site_app, url).cache == "HIT"
    number = generation.current()
    call_command("restore", str(archive), "--force", stdout=io.StringIO())
    assert call(site_app, url).cache == "MISS"
    assert generation.current() > number


def last_migration_creating_tables() -> tuple[tuple[str, str], list[str]] | None:
    """A migration that is its app's last and only creates models, and their tables."""
    executor = MigrationExecutor(connection)
    graph = executor.loader.graph
    for node in sorted(graph.leaf_nodes()):
        migration = graph.nodes[node]
        if migration.operations and all(
            isinstance(operation, CreateModel) for operation in migration.operations
        ):
            state = executor.loader.project_state(node)
            return node, [
                state.apps.get_model(node[0], operation.name)._meta.db_table
                for operation in migration.operations
            ]
    return None


@pytest.mark.slow
def test_an_archive_older_than_the_code_is_migrated_after_loading(newsroom, tmp_path):
    """An archive made before a migration, restored over a site with every migration: the
    database is rebuilt as the archive's, the rows loaded, then the migration run on them."""
    found = last_migration_creating_tables()
    if found is None:
        pytest.skip("no app's last migration only creates models")
    (app, name), tables = found
    archive = make_backup(tmp_path).path
    before = as_json(site_fingerprint())
    with tarfile.open(archive) as tar:
        dump = tar.extractfile("database/rows.jsonl.gz").read()

    def older(manifest):
        manifest["migrations"].remove([app, name])
        for table in tables:
            del manifest["database"]["tables"][table]
        return manifest

    old = rewritten(
        archive, tmp_path / "old.tar", {"database/rows.jsonl.gz": drop_tables(dump, tables)}, older
    )
    restored = restore(rechecked(old, tmp_path / "old-rechecked.tar"), force=True)
    assert restored.migrated
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
    assert as_json(site_fingerprint()) == before


def drop_tables(dump: bytes, tables: list[str]) -> bytes:
    """The gzipped dump without the rows of `tables`."""
    kept, skipping = [], False
    for line in gzip.decompress(dump).decode().splitlines():
        item = json.loads(line)
        if isinstance(item, dict):
            skipping = item["table"] in tables
        if not skipping:
            kept.append(line)
    return gzip.compress(("\n".join(kept) + "\n").encode())


def rechecked(archive: Path, into: Path) -> Path:
    """The archive with its manifest's sizes and checksums made right again."""
    with tarfile.open(archive) as tar:
        contents = {member.name: tar.extractfile(member).read() for member in tar.getmembers()}

    def fix(manifest):
        for entry in manifest["files"]:
            data = contents[entry["name"]]
            entry["size"], entry["sha256"] = len(data), hashlib.sha256(data).hexdigest()
        return manifest

    return rewritten(archive, into, {}, manifest=fix)
