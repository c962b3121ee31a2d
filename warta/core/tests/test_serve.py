"""`warta serve` as readers meet it: a page rendered, then answered from the page cache."""

import gzip

import brotli
import pytest

from warta.engagement.tests.test_server import served  # noqa: F401 - the fixture
from warta.news.factories import ArticlePageFactory

pytestmark = [
    pytest.mark.server,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_production_server_answers_from_the_page_cache(served):  # noqa: F811
    """Through granian: a miss, then hits in every encoding, HEAD, and a 304."""
    article = ArticlePageFactory(title="Banjir surut di Juwana")
    server = served(article.pk, "local", flush_seconds=5, pages=True)
    status, headers, body = server.exchange("GET", article.url)
    assert (status, headers["X-Cache"]) == (200, "MISS")
    assert "Banjir surut di Juwana" in body.decode()

    for encoding, decode in (
        ("identity", bytes),
        ("gzip", gzip.decompress),
        ("br", brotli.decompress),
    ):
        status, headers, packed = server.exchange("GET", article.url, {"Accept-Encoding": encoding})
        assert (status, headers["X-Cache"]) == (200, "HIT"), encoding
        assert decode(packed) == body

    status, headers, empty = server.exchange("HEAD", article.url)
    assert (status, headers["X-Cache"], empty) == (200, "HIT", b"")
    status, _headers, _body = server.exchange(
        "GET", article.url, {"If-None-Match": headers["ETag"]}
    )
    assert status == 304
