"""Purging nginx's copies with the page cache's, and telling nginx what not to keep.

nginx itself runs in test_nginx.py; here a stand-in purge server records what Warta
sends, so that what a publication purges can be read request by request."""

import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from warta.core import nginx_purge, pagecache
from warta.core.tests.test_pagecache import call, publish, site_app  # noqa: F401 - fixtures
from warta.news.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


class PurgeServer(BaseHTTPRequestHandler):
    """Answers as nginx's purge server does: 200 purged, or `status` for every request."""

    protocol_version = "HTTP/1.1"
    received: list[tuple[str, str, str | None]] = []
    status = 200

    def do_PURGE(self):  # noqa: N802 - the name http.server calls
        PurgeServer.received.append(
            (self.headers["Host"], self.path, self.headers.get("Accept-Encoding"))
        )
        body = b"purged"
        self.send_response(PurgeServer.status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server(settings):
    """A stand-in purge server, named in WARTA_NGINX_PURGE_URLS."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeServer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    PurgeServer.received, PurgeServer.status = [], 200
    address = f"http://127.0.0.1:{server.server_port}"
    settings.WARTA_PAGE_CACHE = {**settings.WARTA_PAGE_CACHE, "NGINX_PURGE_URLS": [address]}
    nginx_purge.forget_outages()
    yield PurgeServer
    server.shutdown()
    server.server_close()
    nginx_purge.forget_outages()


def purged(server) -> set[tuple[str, str]]:
    """(host, address) of each page purged in all three encodings."""
    pages = {(host, path) for host, path, _encoding in server.received}
    return {
        page
        for page in pages
        if sorted(e for h, p, e in server.received if (h, p) == page) == ["br", "gzip", "identity"]
    }


def test_a_publication_purges_nginx_copies_of_the_pages_it_changed(
    site_app,  # noqa: F811
    publish,  # noqa: F811
    purge_server,
):
    """Every page the page cache purged, in each encoding nginx keeps, before the
    publication's request returns; a page not showing the story is left alone."""
    article, other = ArticlePageFactory(), ArticlePageFactory()
    section = article.get_parent().specific
    for path in (article.url, "/", f"{section.url}?page=1", "/tidak-ada/"):
        call(site_app, path)
    other.title = "Judul lain yang tidak berubah"  # cached, not republished
    call(site_app, other.url)

    article.title = "Banjir Surut, Warga Kembali ke Rumah"
    publish(article)

    pages = purged(purge_server)
    assert ("localhost", article.url) in pages
    assert ("localhost", "/") in pages
    assert ("localhost", f"{section.url}?page=1") in pages
    assert ("localhost", other.url) not in {(h, p) for h, p, _ in purge_server.received}
    assert len(purge_server.received) == 3 * len(pages)  # nothing asked twice


def test_nginx_is_told_not_to_keep_another_spelling_of_an_address(site_app):  # noqa: F811
    """A purge names an address the one way the page cache keys it; any other query
    string (an extra parameter, parameters in another order) is served, not kept."""
    article = ArticlePageFactory()
    assert "x-accel-expires" not in call(site_app, article.url).headers
    for query in ("utm_source=wa", "q=banjir&page=2", "page=02&q=banjir&page=2"):
        answer = call(site_app, f"/cari/?{query}")
        assert answer.headers.get("x-accel-expires") == "0", query
    assert "x-accel-expires" not in call(site_app, "/cari/?page=2&q=banjir").headers
    served_from_cache = call(site_app, f"{article.url}?fbclid=abc")
    assert served_from_cache.cache == "HIT"
    assert served_from_cache.headers["x-accel-expires"] == "0"


def test_a_page_rendered_across_a_purge_is_not_kept_by_nginx(site_app):  # noqa: F811
    """The page cache refuses a page rendered while a purge came (it may show what was
    purged); nginx must refuse it too, or it would keep it past the purge."""

    def purge_while_rendering(environ, start_response):
        pagecache.purge("list:home")
        return site_app.app(environ, start_response)

    app = pagecache.PageCacheApp(purge_while_rendering)
    article = ArticlePageFactory()
    answer = call(app, article.url)
    assert answer.status_code == 200 and answer.cache == "MISS"
    assert answer.headers["x-accel-expires"] == "0"
    assert call(app, article.url).cache == "MISS"  # not stored here either


def test_a_page_served_while_the_store_is_out_is_not_kept_by_nginx(
    site_app,  # noqa: F811
    monkeypatch,
):
    article = ArticlePageFactory()
    monkeypatch.setattr(pagecache.get_store(), "purge_count", lambda: None)
    answer = call(site_app, article.url)
    assert answer.status_code == 200
    assert answer.headers["x-accel-expires"] == "0"


def test_an_address_is_sent_as_a_browser_spells_it():
    assert nginx_purge.nginx_address("https|berita.example.id|/berita/caf\xc3\xa9/|") == (
        "berita.example.id",
        "/berita/caf%C3%A9/",
    )
    assert nginx_purge.nginx_address("http|b.id|/cari/|page=2&q=banjir%20rob") == (
        "b.id",
        "/cari/?page=2&q=banjir%20rob",
    )
    assert nginx_purge.nginx_address("http|b.id|/a|b/|q=x") == ("b.id", "/a%7Cb/?q=x")


def test_a_purge_server_that_fails_is_logged_and_never_fails_the_change(
    site_app,  # noqa: F811
    publish,  # noqa: F811
    purge_server,
    caplog,
):
    """nginx down or refusing (403 from an address it does not allow): the publication
    stands and the page cache is purged; the log says so once, not per page."""
    article = ArticlePageFactory()
    call(site_app, article.url)
    purge_server.status = 403
    article.title = "Jembatan Desa Selesai Diperbaiki"
    with caplog.at_level(logging.ERROR, logger="warta.core.nginx_purge"):
        publish(article)
    assert len(purge_server.received) == 1  # stopped at the first refusal
    assert "nginx purge server" in caplog.text and "403" in caplog.text
    answer = call(site_app, article.url)
    assert answer.cache == "MISS" and "Jembatan Desa" in answer.text


def test_an_unreachable_purge_server_costs_one_timeout_then_a_pause(settings, caplog):
    settings.WARTA_PAGE_CACHE = {
        **settings.WARTA_PAGE_CACHE,
        "NGINX_PURGE_URLS": ["http://127.0.0.1:9"],  # discard: nothing listens
    }
    nginx_purge.forget_outages()
    with caplog.at_level(logging.ERROR, logger="warta.core.nginx_purge"):
        assert nginx_purge.purge(["https|b.id|/|"]) == 0
        assert nginx_purge.purge(["https|b.id|/|"]) == 0  # paused: not tried again
    assert caplog.text.count("unavailable") == 1
    nginx_purge.forget_outages()


def test_a_purge_stops_once_every_copy_has_expired_anyway(settings, purge_server, caplog):
    """After s-maxage nginx asks Warta again for every copy it held: purging on would
    only hold up the editor."""
    settings.WARTA_HTTP_CACHE = {**settings.WARTA_HTTP_CACHE, "S_MAXAGE": 0}
    keys = [f"https|b.id|/berita/{number}/|" for number in range(50)]
    with caplog.at_level(logging.WARNING, logger="warta.core.nginx_purge"):
        assert nginx_purge.purge(keys) == 0
    assert purge_server.received == []
    assert "stopped after s-maxage" in caplog.text
