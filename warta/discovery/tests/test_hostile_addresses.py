"""Feed and sitemap addresses that hostile input makes: a 404, never a server error."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    client.raise_request_exception = False  # a server error is answered, not raised
    return client


@pytest.mark.parametrize(
    "path", ["/feeds/tag/a%00b/rss/", "/feeds/penulis/a%00b/atom/", "/feeds/daerah/a%00b/rss/"]
)
def test_a_nul_byte_in_a_feed_address_is_not_found(client, path):
    """PostgreSQL refuses a NUL byte in a query: a tag's, reporter's or section's feed 404s."""
    assert client.get(path).status_code == 404


def test_a_sitemap_number_beyond_64_bits_is_not_found(client):
    """/sitemap-articles-<20 digits>.xml answers 404 on SQLite too."""
    assert client.get("/sitemap-articles-99999999999999999999.xml").status_code == 404
