"""The page cache's bounds and outages: bytes, expiry on a schedule, a flood of query
strings, Redis stopped and an SQLite file that is full."""

import logging
import shutil
import threading
import time
import uuid

import pytest
import redis
from django.core.wsgi import get_wsgi_application
from django.db import connection

from warta.core import pagecache
from warta.core.tests.redis_server import RedisServer
from warta.core.tests.test_pagecache import call, site_app  # noqa: F401 - a fixture
from warta.news.factories import ArticlePageFactory, SectionPageFactory

BODIES = {"identity": b"x" * 1000, "gzip": b"g" * 100, "br": b"b" * 100}


@pytest.fixture(scope="module")
def redis_url():
    """WARTA_TEST_REDIS_URL when CI names one, else a redis-server of this module's own."""
    if url := pagecache.settings.WARTA_PAGE_CACHE.get("REDIS_URL"):
        yield url
        return
    if not shutil.which("redis-server"):
        pytest.skip("no redis-server")
    server = RedisServer()
    server.start()
    yield server.url
    server.stop()


def sqlite_store(tmp_path, **bounds):
    return pagecache.SQLitePageStore(tmp_path / "pages.sqlite3", **bounds)


def redis_store(url, **bounds):
    return pagecache.RedisPageStore(url, **bounds, prefix=f"warta-test:pc:{uuid.uuid4().hex}:")


@pytest.fixture(params=["sqlite", "redis"])
def make_store(request, tmp_path):
    """Each test runs on both stores."""
    if request.param == "sqlite":
        return lambda **bounds: sqlite_store(tmp_path, **bounds)
    url = request.getfixturevalue("redis_url")
    return lambda **bounds: redis_store(url, **bounds)


def keep(store, key: str, ttl: float = 60, bodies=BODIES) -> bool:
    return store.put(
        key,
        ttl,
        "200 OK",
        [],
        bodies,
        '"e"',
        0.0,
        {"all", "listing", f"path:{key}"},
        store.purge_count(),
    )


def size_of_one(store) -> int:
    """The bytes of one page kept under a key as long as `/p/0000`."""
    keep(store, "/p/prob")
    size, _pages = store.usage()
    store.purge(["path:/p/prob"])
    return size


def test_the_store_keeps_within_its_bytes_dropping_the_oldest_page_nobody_read(make_store):
    """Past its bytes the store drops pages not read since they were stored, oldest first."""
    store = make_store(max_bytes=10**9)
    one = size_of_one(store)
    store.max_bytes = int(10.5 * one)  # ten pages, whatever a few bytes more or less
    for number in range(30):
        keep(store, f"/p/{number:04}")
        assert store.usage()[0] <= store.max_bytes
    assert store.usage()[1] == 10
    kept = [n for n in range(30) if store.get(f"/p/{n:04}", "identity")]
    assert kept == list(range(20, 30))


def test_the_store_keeps_within_its_number_of_pages(make_store):
    store = make_store(max_entries=5)
    for number in range(12):
        keep(store, f"/?page={number}")
    assert store.usage()[1] == 5


def test_pages_readers_read_outlast_a_flood_of_new_ones(make_store):
    """A page served from the cache ranks above every page nobody came back to."""
    store = make_store(max_bytes=10**9)
    store.max_bytes = int(10.5 * size_of_one(store))
    keep(store, "/p/hot0")
    assert store.get("/p/hot0", "identity")  # a hit: noted, written with the next put
    for number in range(100):
        keep(store, f"/p/{number:04}")
    assert store.get("/p/hot0", "identity") is not None
    assert store.usage()[1] == 10


def test_pages_read_again_keep_only_their_share(make_store):
    """Pages read again cannot take the whole store: new pages still get in."""
    store = make_store(max_bytes=10**9)
    store.max_bytes = int(10.5 * size_of_one(store))
    for number in range(10):
        keep(store, f"/r/{number:04}")
        store.get(f"/r/{number:04}", "identity")
    store.flush_touches()
    keep(store, "/n/0000")
    assert store.get("/n/0000", "identity") is not None
    assert store.get("/r/0000", "identity") is None  # the least recently read went


def test_a_purge_gives_back_the_bytes_and_tags(make_store):
    """...and names the pages it removed, for the nginx caches in front."""
    store = make_store()
    for number in range(5):
        keep(store, f"/{number}/")
    assert sorted(store.purge(["listing"])) == [f"/{number}/" for number in range(5)]
    assert store.usage() == (0, 0)
    assert store.purge(["listing"]) == []


def test_expired_pages_are_removed_on_a_schedule_not_only_by_a_purge(
    make_store, monkeypatch, settings
):
    """Each worker's maintenance thread removes expired pages and gives their bytes back."""
    store = make_store()
    keep(store, "/short/", ttl=30)
    keep(store, "/long/", ttl=3600)
    later = time.time() + 31
    monkeypatch.setattr(pagecache.time, "time", lambda: later)
    monkeypatch.setattr(pagecache, "get_store", lambda: pagecache.GuardedStore(store))
    maintenance = pagecache.Maintenance()
    maintenance.ensure_started(interval=0.01, sweep_every=0)
    try:
        assert maintenance.swept.wait(10)
    finally:
        maintenance.stop()
    assert store.usage()[1] == 1
    assert store.get("/long/", "identity") is not None


@pytest.mark.django_db
def test_pages_are_served_while_redis_is_down_and_stored_again_when_it_returns(
    site_app,  # noqa: F811
    settings,
    caplog,
):
    """Redis stopped: every page is rendered and served (one log line, not one per
    request); Redis back: pages are stored and hit again, without a restart."""
    server = RedisServer()
    server.start()
    settings.WARTA_PAGE_CACHE = {**settings.WARTA_PAGE_CACHE, "REDIS_URL": server.url}
    pagecache.reset_store()
    try:
        app = site_app
        article = ArticlePageFactory(title="Tetap Terbit")
        assert call(app, article.url).cache == "MISS"
        assert call(app, article.url).cache == "HIT"
        server.stop()
        pagecache.get_store().outage.retry_after = 0  # try Redis on every request
        with caplog.at_level(logging.WARNING, logger="warta.core.pagecache"):
            for _ in range(20):
                response = call(app, article.url)
                assert response.status_code == 200 and "Tetap Terbit" in response.text
            server.start()
            assert call(app, article.url).cache == "MISS"
            assert call(app, article.url).cache == "HIT"
        lines = [record.getMessage() for record in caplog.records]
        assert len(lines) == 2, lines
        assert "unavailable" in lines[0] and "is back" in lines[1]
    finally:
        server.stop()
        pagecache.reset_store()


@pytest.mark.django_db
def test_a_purge_made_while_the_store_is_down_is_made_when_it_returns(settings):
    """A publication during an outage cannot leave a stale page once the store is back."""
    server = RedisServer()
    server.start()
    settings.WARTA_PAGE_CACHE = {**settings.WARTA_PAGE_CACHE, "REDIS_URL": server.url}
    pagecache.reset_store()
    try:
        store = pagecache.get_store()
        store.outage.retry_after = 0
        keep(store, "/lama/")
        client = redis.Redis.from_url(server.url)
        client.client_pause(2000)  # Redis answers nothing: as if it were gone
        store.store.redis.connection_pool.disconnect()
        assert pagecache.purge("listing") == 0  # not made now...
        assert store.purge_owed
        client.client_unpause()
        assert store.get("/lama/", "identity") is None  # ...but before the next read
        assert not store.purge_owed
    finally:
        server.stop()
        pagecache.reset_store()


@pytest.mark.django_db
def test_pages_are_served_when_the_sqlite_file_is_full(
    site_app,  # noqa: F811
    caplog,
    settings,
    tmp_path,
):
    """A full disk (the file may not grow) costs the cache its stores, never a reader."""
    settings.WARTA_PAGE_CACHE = {
        **settings.WARTA_PAGE_CACHE,
        "REDIS_URL": "",
        "PATH": tmp_path / "pages.sqlite3",
    }
    pagecache.reset_store()
    article = ArticlePageFactory(title="Disk Penuh")
    store = pagecache.get_store()
    store.outage.retry_after = 0
    db = store.store.db
    (pages,) = db.execute("PRAGMA page_count").fetchone()
    db.execute(f"PRAGMA max_page_count = {pages}")
    try:
        with caplog.at_level(logging.ERROR, logger="warta.core.pagecache"):
            for _ in range(3):
                response = call(site_app, article.url)
                assert response.status_code == 200 and "Disk Penuh" in response.text
        assert any("full" in record.getMessage() for record in caplog.records)
        assert store.get(article.url, "identity") is None
    finally:
        db.execute("PRAGMA max_page_count = 1073741823")


FLOOD = 10_000


# Transactional for the threads; serialized rollback restores the migrations' home page.
@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_flood_of_query_strings_leaves_the_store_bounded_and_readers_hit(settings, tmp_path):
    """10,000 distinct query strings from 4 threads (one in ten a new search, the rest
    tracking or unknown parameters): the store stays within its bytes, and another
    reader's page is answered from the cache throughout."""
    settings.WARTA_PAGE_CACHE = {
        **settings.WARTA_PAGE_CACHE,
        "PATH": tmp_path / "pages.sqlite3",
        "MAX_BYTES": 2 * 1024 * 1024,
    }
    pagecache.reset_store()
    section = SectionPageFactory()
    article = ArticlePageFactory(parent=section, title="Dibaca Terus")
    app = pagecache.PageCacheApp(get_wsgi_application())
    store = pagecache.get_store()
    assert call(app, article.url).cache == "MISS"
    done, highest, reader_states = threading.Event(), [0], []

    def flood(part: int) -> None:
        try:
            flood_part(part)
        finally:
            connection.close()  # the thread's own connection, or it outlives the test

    def flood_part(part: int) -> None:
        for number in range(part, FLOOD, 4):
            if number % 10 == 0:
                query = f"q=kata{number}&utm_source={number}"
                path = "/cari/"
            else:
                query = f"utm_campaign={number}&fbclid={number}&x{number}=1"
                path = section.url
            assert call(app, f"{path}?{query}").status_code == 200
            if number % 50 == 0:
                highest[0] = max(highest[0], store.usage()[0])

    def read() -> None:
        try:
            while not done.is_set():
                reader_states.append(call(app, article.url).cache)
        finally:
            connection.close()

    reader = threading.Thread(target=read)
    reader.start()
    flooders = [threading.Thread(target=flood, args=(part,)) for part in range(4)]
    for thread in flooders:
        thread.start()
    for thread in flooders:
        thread.join()
    done.set()
    reader.join()
    try:
        size, pages = store.usage()
        assert size <= 2 * 1024 * 1024 and highest[0] <= 2 * 1024 * 1024
        assert pages > 10  # the searches did fill it
        # The read page is never evicted for the flood's pages; a rare miss can only come
        # from the store timing out under the flood's load (it is then skipped for a moment).
        assert reader_states.count("HIT") >= 0.99 * len(reader_states), reader_states.count("MISS")
        assert store.get(f"http|localhost|{article.url}|", "identity") is not None
    finally:
        pagecache.reset_store()
