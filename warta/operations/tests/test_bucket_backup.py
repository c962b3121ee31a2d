"""Backup and restore of a site whose uploads are in an S3-compatible bucket (moto's server
on loopback): the archive holds the bucket's objects, and a restore writes them back."""

import io
import tarfile

import pytest
from django.conf import settings
from django.core.management import call_command

from warta.operations.backup import make_backup

from .conftest import as_json
from .fingerprint import site_fingerprint

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.server]


def archived_media(archive) -> dict[str, bytes]:
    """The archive's media files by their name in the storage."""
    with tarfile.open(archive) as tar:
        return {
            member.name.removeprefix("media/"): tar.extractfile(member).read()
            for member in tar.getmembers()
            if member.name.startswith("media/")
        }


def test_the_archive_holds_every_object_of_the_bucket(media_bucket, newsroom, tmp_path):
    """The photo and its renditions, read from the bucket, are in the archive byte for
    byte; nothing is read from or written to MEDIA_ROOT."""
    stored = media_bucket.objects()
    photo = newsroom.lead.main_image
    renditions = {rendition.file.name for rendition in photo.renditions.all()}
    assert renditions and {photo.file.name, *renditions} == set(stored)
    made = make_backup(tmp_path)
    assert archived_media(made.path) == stored
    assert made.files == len(stored) + 1  # and the right-of-reply attachment, from disk
    assert not settings.MEDIA_ROOT.exists()


@pytest.mark.parametrize("bucket_before", ["emptied", "changed"])
def test_a_restore_puts_the_bucket_back_object_for_object(
    media_bucket, newsroom, tmp_path, bucket_before
):
    """Restored into an emptied bucket, or one with a photo changed and a stray object
    added, the bucket holds exactly the objects backed up, and the site its content."""
    stored = media_bucket.objects()
    before = as_json(site_fingerprint())
    archive = make_backup(tmp_path).path
    client = media_bucket.server.client()
    if bucket_before == "emptied":
        media_bucket.empty()
    else:
        photo = newsroom.lead.main_image.file.name
        client.put_object(Bucket=media_bucket.name, Key=photo, Body=b"bukan foto")
        client.put_object(Bucket=media_bucket.name, Key="original_images/lain.jpg", Body=b"x")
    newsroom.other.delete()
    call_command("restore", str(archive), "--force", stdout=io.StringIO())
    assert media_bucket.objects() == stored
    assert as_json(site_fingerprint()) == before
    assert not settings.MEDIA_ROOT.exists()
