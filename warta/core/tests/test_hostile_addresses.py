"""What an address may carry (warta.core.converters) and the addresses outside the apps
(documents, uploads): hostile input is a 404, never a server error."""

import pytest
from django.urls import Resolver404, resolve, reverse
from wagtail.documents.views import serve as documents

from warta.core.converters import MAX_NUMBER, parse_number


def test_a_number_is_parsed_up_to_the_largest_64_bit_id():
    """2**63 - 1 is the largest id PostgreSQL and SQLite hold; one more is no number."""
    assert parse_number(str(MAX_NUMBER)) == MAX_NUMBER
    assert parse_number(str(MAX_NUMBER + 1)) is None


@pytest.mark.parametrize("text", ["", "-1", "1.0", " 1", "١٢", "9" * 4301])
def test_a_number_is_ascii_digits_only(text):
    """Signs, spaces, other scripts' digits and text past Python's 4,300-digit limit are
    no number (and raise nothing)."""
    assert parse_number(text) is None


def test_an_id_beyond_64_bits_matches_no_address():
    """/api/engagement/v1/articles/<20 digits> is not the counts endpoint."""
    assert resolve(f"/api/engagement/v1/articles/{MAX_NUMBER}").url_name == "counts"
    assert resolve(f"/api/engagement/v1/articles/{MAX_NUMBER + 1}").url_name == "unknown"


@pytest.mark.parametrize("path", ["/tag/a\x00b/", "/penulis/a\x00b/", "/feeds/tag/a\x00b/rss/"])
def test_a_slug_with_a_nul_byte_matches_no_address(path):
    """A NUL byte, which PostgreSQL refuses in a query, never reaches a view as a slug."""
    with pytest.raises(Resolver404):
        resolve(path)


@pytest.mark.parametrize("slug", ["banjir-rob", "pendidikan_2024", "日本", "ĉapelo"])
def test_a_slug_in_any_script_still_matches(slug):
    """Slugs are unicode (Person.slug, taggit's and Wagtail's): their letters all match."""
    assert resolve(f"/tag/{slug}/").kwargs == {"slug": slug}


def test_a_document_address_keeps_wagtails_name_and_form():
    """Wagtail's documents still link to /documents/<id>/<file name>, its view answering."""
    url = reverse("wagtaildocs_serve", args=(5, "laporan 2024.pdf"))
    assert url == "/documents/5/laporan%202024.pdf"
    assert resolve(url).func is documents.serve


@pytest.mark.django_db
def test_a_document_id_of_4301_digits_is_not_found(client):
    """Wagtail's own pattern passed 4,301 digits to the database lookup (ValueError, 500)."""
    client.raise_request_exception = False
    assert client.get(f"/documents/{'9' * 4301}/laporan.pdf").status_code == 404


@pytest.mark.django_db
def test_an_upload_name_longer_than_a_file_system_holds_is_not_found(client):
    """A 5,000-character name made looking the upload up raise OSError (a 500)."""
    client.raise_request_exception = False
    assert client.get(f"/media/images/{'x' * 5000}.jpg").status_code == 404


@pytest.mark.django_db
def test_an_upload_is_still_served(client, settings, tmp_path):
    """A file under MEDIA_ROOT is answered by the app, as small sites need."""
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "banjir.txt").write_text("air")
    response = client.get("/media/images/banjir.txt")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"air"
