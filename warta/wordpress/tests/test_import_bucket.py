"""The import's photos with the uploads in an S3-compatible bucket (moto's server on
loopback): copied into the bucket, the old file addresses leading there, and removed from
it again when the import is rolled back."""

import urllib.request

import pytest
from wagtail.images import get_image_model

from warta.wordpress import wxr
from warta.wordpress.models import ImportedItem, OldAddress

from .conftest import NEWS, UPLOADS

pytestmark = [pytest.mark.django_db, pytest.mark.server]

OLD_FILE = "/wp-content/uploads/2026/12/banjir-juwana.jpg"


def test_photos_are_copied_into_the_bucket(media_bucket, import_export, media_root, client):
    """The photo's file is stored in the bucket as it was in wp-content/uploads, its old
    address answers 301 to its public address there, and nothing lands in MEDIA_ROOT."""
    import_export()
    item = ImportedItem.objects.get(kind="attachment", key="110")
    photo = get_image_model().objects.get(pk=item.object_id)
    original = (UPLOADS / "2026" / "12" / "banjir-juwana.jpg").read_bytes()
    assert media_bucket.objects() == {photo.file.name: original}
    assert not [path for path in media_root.rglob("*") if path.is_file()]
    url = f"{media_bucket.public_url}/{photo.file.name}"
    assert OldAddress.objects.get(path=OLD_FILE).url == url
    response = client.get(OLD_FILE)
    assert (response.status_code, response["Location"]) == (301, url)
    with urllib.request.urlopen(url, timeout=10) as fetched:  # noqa: S310 - loopback
        assert fetched.read() == original


def test_an_import_rolled_back_leaves_no_object(media_bucket, import_export, tmp_path):
    """A file that breaks after its photos were copied leaves no object in the bucket."""
    broken = tmp_path / "broken.xml"
    text = NEWS.read_text(encoding="utf-8")
    broken.write_text(text.replace("</channel>", "<item><title>x</item></channel>"), "utf-8")
    with pytest.raises(wxr.WXRError):
        import_export(broken)
    assert not get_image_model().objects.exists()
    assert media_bucket.objects() == {}
