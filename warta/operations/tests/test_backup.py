"""`warta backup`: one archive with a manifest and checksums, consistent while editors save."""

import hashlib
import json
import stat
import tarfile
import threading
import time

import pytest
from django.core.management import CommandError, call_command
from django.db import close_old_connections, connection, transaction
from django.utils import translation
from wagtail.models import Page

from warta.engagement.models import AppliedBatch, ArticleStats
from warta.news.factories import ArticlePageFactory, SectionPageFactory
from warta.news.models import ArticlePage
from warta.operations import backup, rows
from warta.operations.backup import make_backup, state_file
from warta.operations.restore import restore

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def members(path) -> dict[str, bytes]:
    with tarfile.open(path) as tar:
        return {member.name: tar.extractfile(member).read() for member in tar.getmembers()}


def test_the_manifest_lists_every_file_with_its_size_and_checksum(newsroom, tmp_path):
    """Each file of the archive is in the manifest with its size and SHA-256, and the
    manifest names the database, its migrations and when the backup was made."""
    archive = members(make_backup(tmp_path / "site.tar").path)
    manifest = json.loads(archive.pop("manifest.json"))
    listed = {entry["name"]: entry for entry in manifest["files"]}
    assert set(listed) == set(archive)
    for name, data in archive.items():
        assert listed[name]["size"] == len(data)
        assert listed[name]["sha256"] == hashlib.sha256(data).hexdigest()
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["database"]["tables"]["news_articlepage"] == 3
    assert ["news", "0001_initial"] in manifest["migrations"]
    assert manifest["created_at"] and manifest["warta_version"]
    assert "media/" + newsroom.lead.main_image.file.name in archive
    assert "private/replies/2026/hak-jawab.pdf" in archive


def test_a_backup_never_overwrites_a_file(newsroom, tmp_path):
    """A destination that exists is refused and left as it was."""
    existing = tmp_path / "site.tar"
    existing.write_bytes(b"yesterday")
    with translation.override("en"), pytest.raises(CommandError, match="exists already"):
        call_command("backup", str(existing))
    assert existing.read_bytes() == b"yesterday"


def test_a_backup_among_the_uploaded_files_is_refused(newsroom, site_folders):
    """The web server serves the media folder: no archive may land in it."""
    refused = pytest.raises(CommandError, match="among the uploaded files")
    with translation.override("en"), refused:
        call_command("backup", str(site_folders / "media"))
    assert not list((site_folders / "media").glob("*.tar"))


def test_a_folder_gets_a_new_timestamped_archive_each_time(newsroom, tmp_path):
    """Backups into a folder take new names, even two within one second."""
    first, second = make_backup(tmp_path).path, make_backup(tmp_path).path
    assert first != second
    assert first.name.startswith("warta-backup-") and second.name.endswith(".tar")
    assert sorted(path.name for path in tmp_path.glob("warta-backup-*")) == sorted(
        [first.name, second.name]
    )


def test_the_archive_is_readable_by_its_owner_only(newsroom, tmp_path):
    """It holds password hashes: mode 0600."""
    path = make_backup(tmp_path / "site.tar").path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_backup_that_fails_leaves_no_file(newsroom, tmp_path, monkeypatch):
    """A failure half-way leaves neither the archive nor its temporary file."""
    folder = tmp_path / "backups"
    folder.mkdir()

    def broken(*args):
        raise OSError("disk full")

    monkeypatch.setattr(rows, "dump", broken)
    with pytest.raises(OSError, match="disk full"):
        make_backup(folder)
    assert list(folder.iterdir()) == []


def test_a_compressed_archive_is_made_when_its_name_says_so(newsroom, tmp_path):
    """A name ending in .tar.gz gives a gzip-compressed archive."""
    path = make_backup(tmp_path / "site.tar.gz").path
    assert path.read_bytes()[:2] == b"\x1f\x8b"
    assert "manifest.json" in members(path)


def test_views_pending_at_the_backup_are_restored_once(newsroom, tmp_path, monkeypatch):
    """Views the state file holds go into the archive: pending ones are added on restore, a
    batch the database already holds is not added twice."""
    lead = newsroom.lead.pk
    store = state_file()
    for _ in range(3):
        store.add_view((lead, newsroom.lead.published_at.date()))
    # A batch persisted to the database whose removal from the state file had not happened.
    ArticleStats.objects.filter(pk=lead).update(views=1234 + 5)
    AppliedBatch.objects.create(id="persisted")
    store.db.execute("INSERT INTO batches VALUES ('persisted', ?, '2026-03-01', 5)", (lead,))
    monkeypatch.setattr(backup.counters, "flush_views", lambda: 0)  # views arrive meanwhile
    made = make_backup(tmp_path)
    assert made.pending_views == 8
    restore(made.path, force=True)
    assert ArticleStats.objects.get(pk=lead).views == 1234 + 5 + 3
    assert store.pending_views() == 0  # in the restored counts now: not to be added again


def test_a_backup_taken_while_pages_are_saved_restores_one_moment(newsroom, tmp_path, monkeypatch):
    """Stories published while the backup reads the database are in it whole or not at all:
    the restored tree is sound, each story has its revision, and the number of stories lies
    between those before and after the backup."""
    section = SectionPageFactory(title="Ekonomi")
    stop = threading.Event()
    saved = []

    def editor():
        try:
            while not stop.is_set():
                with transaction.atomic():
                    article = ArticlePageFactory(parent=section, title=f"Harga cabai {len(saved)}")
                    article.save_revision().publish()
                saved.append(article.pk)
                time.sleep(0.005)
        finally:
            close_old_connections()

    columns = rows.columns

    def slowly(model):  # the dump reads one table after another while the editor saves
        time.sleep(0.01)
        return columns(model)

    monkeypatch.setattr(rows, "columns", slowly)
    thread = threading.Thread(target=editor)
    thread.start()
    try:
        time.sleep(0.1)
        before = len(saved)
        made = make_backup(tmp_path)
        after = len(saved)
    finally:
        stop.set()
        thread.join(timeout=30)
    assert after > before
    monkeypatch.setattr(rows, "columns", columns)
    restore(made.path, force=True)
    restored = ArticlePage.objects.filter(title__startswith="Harga cabai")
    assert before <= restored.count() <= after + 1
    assert all(article.live_revision_id for article in restored)
    assert Page.find_problems() == ([], [], [], [], [])
    call_command("check")
