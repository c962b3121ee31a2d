"""The full-page cache: anonymous reader pages served straight from a shared store.

A thin WSGI layer in front of Django (see `warta.wsgi`). A cache hit costs one
lookup and no Django request handling at all, which is what lets one small
server take a breaking-news crowd. Entries are stored once per encoding
(identity, gzip, brotli), so a hit never compresses anything.

What is cached: GET and HEAD without a session cookie whose response Django
marked `Cache-Control: public` and which sets no cookie. Each entry carries
*tags* naming what it shows (`page:12` for each story on it, `list:section:4`,
`list:tag:banjir`, `person:3`, ...; warta.news.signals says what purges which);
publishing purges exactly the entries tagged with what changed. Entries that
name no tags get `listing`, purged by any publication: conservative for pages
such as feeds and sitemaps that list many stories.

Stores: Redis when `REDIS_URL` is set (shared by every app server), otherwise
an SQLite file in `var/` shared by the workers of one machine.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path

import brotli
import redis
from django.conf import settings
from redis.exceptions import WatchError

from .sqlite_files import SharedSQLiteFile

# Response headers that carry instructions from Django to this layer; never sent on.
TAGS_HEADER = "X-Warta-Cache-Tags"
TTL_HEADER = "X-Warta-Cache-Ttl"
INTERNAL_HEADERS = {TAGS_HEADER.lower(), TTL_HEADER.lower()}
# Headers recomputed for each stored encoding.
PER_VARIANT_HEADERS = {"content-length", "content-encoding", "etag", "last-modified", "vary"}

ENCODINGS = ("br", "gzip", "identity")
MAX_BODY_BYTES = 5 * 1024 * 1024
# Every this many stores a process checks the store's size against its bound.
TRIM_EVERY = 64
DEFAULT_TAG = "listing"
ALL_TAG = "all"


def path_tag(path: str) -> str:
    return f"path:{path}"


def tag_request(request, *tags: str) -> None:
    """Record what a response shows, for exact purging; call from views and page contexts."""
    if not hasattr(request, "cache_tags"):
        request.cache_tags = set()
    request.cache_tags.update(tags)


def tag_pages_shown(request, pages: Iterable) -> None:
    """Record that a response shows these pages: publishing one of them purges it."""
    tag_page_ids_shown(request, (page.pk for page in pages if page is not None))


def tag_page_ids_shown(request, ids: Iterable[int]) -> None:
    tag_request(request, *(f"page:{pk}" for pk in ids))


def preferred_encoding(accept_encoding: str) -> str:
    accepted = {part.split(";")[0].strip().lower() for part in accept_encoding.split(",")}
    for encoding in ("br", "gzip"):
        if encoding in accepted:
            return encoding
    return "identity"


class CachedPage:
    """One stored response: status, headers, and the body in one encoding."""

    __slots__ = ("status", "headers", "body", "etag", "modified")

    def __init__(self, status: str, headers: list, body: bytes, etag: str, modified: float):
        # Stored as JSON lists; WSGI wants (name, value) tuples, and some servers insist.
        self.status, self.headers, self.body = status, [tuple(h) for h in headers], body
        self.etag, self.modified = etag, modified


class SQLitePageStore:
    """Entries in an SQLite file in WAL mode: shared by all worker processes of a machine."""

    SCHEMA = """
        CREATE TABLE IF NOT EXISTS entries (
            key TEXT PRIMARY KEY, expires REAL NOT NULL, modified REAL NOT NULL,
            status TEXT NOT NULL, headers TEXT NOT NULL, etag TEXT NOT NULL,
            identity BLOB NOT NULL, gzip BLOB NOT NULL, br BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS tags (tag TEXT NOT NULL, key TEXT NOT NULL,
            PRIMARY KEY (tag, key)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS tags_by_key ON tags (key);
        CREATE INDEX IF NOT EXISTS entries_by_expiry ON entries (expires);
        CREATE TABLE IF NOT EXISTS purges (id INTEGER PRIMARY KEY CHECK (id = 1), count INTEGER);
        INSERT OR IGNORE INTO purges VALUES (1, 0);
    """

    def __init__(self, path: Path, max_entries: int):
        self.file = SharedSQLiteFile(path, self.SCHEMA)
        self.max_entries, self.stores = max_entries, 0

    @property
    def db(self) -> sqlite3.Connection:
        return self.file.connection

    def get(self, key: str, encoding: str) -> CachedPage | None:
        row = self.db.execute(
            f"SELECT status, headers, {encoding}, etag, modified, expires "  # noqa: S608 - fixed names
            "FROM entries WHERE key = ?",
            (key,),
        ).fetchone()
        if row is None or row[5] < time.time():
            return None
        return CachedPage(row[0], json.loads(row[1]), row[2], row[3], row[4])

    def purge_count(self) -> int:
        return self.db.execute("SELECT count FROM purges").fetchone()[0]

    def put(self, key, ttl, status, headers, bodies, etag, modified, tags, purges_seen) -> bool:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            # A purge while the page was rendering may concern it: do not store it.
            if self.purge_count() != purges_seen:
                db.execute("ROLLBACK")
                return False
            db.execute(
                "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    time.time() + ttl,
                    modified,
                    status,
                    json.dumps(headers),
                    etag,
                    bodies["identity"],
                    bodies["gzip"],
                    bodies["br"],
                ),
            )
            db.execute("DELETE FROM tags WHERE key = ?", (key,))
            db.executemany("INSERT OR IGNORE INTO tags VALUES (?, ?)", [(t, key) for t in tags])
            self.stores += 1
            if self.stores % TRIM_EVERY == 1:
                self.trim(db)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return True

    def trim(self, db: sqlite3.Connection) -> None:
        """Expired entries go, and past `max_entries` those expiring soonest."""
        (count,) = db.execute("SELECT count(*) FROM entries").fetchone()
        (expired,) = db.execute(
            "SELECT count(*) FROM entries WHERE expires < ?", (time.time(),)
        ).fetchone()
        excess = max(expired, count - self.max_entries)
        if excess > 0:
            keys = [
                (row[0],)
                for row in db.execute("SELECT key FROM entries ORDER BY expires LIMIT ?", (excess,))
            ]
            db.executemany("DELETE FROM entries WHERE key = ?", keys)
            db.executemany("DELETE FROM tags WHERE key = ?", keys)

    def purge(self, tags: Iterable[str]) -> int:
        tags = list(tags)
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("UPDATE purges SET count = count + 1")
            marks = ",".join("?" * len(tags))
            keys = [
                row[0]
                for row in db.execute(
                    f"SELECT DISTINCT key FROM tags WHERE tag IN ({marks})",  # noqa: S608
                    tags,
                )
            ]
            db.executemany("DELETE FROM entries WHERE key = ?", [(k,) for k in keys])
            db.executemany("DELETE FROM tags WHERE key = ?", [(k,) for k in keys])
            # Expired entries go with any purge, so the file does not grow without bound.
            expired = [
                row[0]
                for row in db.execute("SELECT key FROM entries WHERE expires < ?", (time.time(),))
            ]
            db.executemany("DELETE FROM entries WHERE key = ?", [(k,) for k in expired])
            db.executemany("DELETE FROM tags WHERE key = ?", [(k,) for k in expired])
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return len(keys)


class RedisPageStore:
    """Entries in Redis hashes with tag sets: one store for every app server."""

    PREFIX = "warta:pc:"

    def __init__(self, url: str, max_entries: int):
        self.redis = redis.Redis.from_url(url)
        self.max_entries, self.stores = max_entries, 0

    def _entry(self, key: str) -> str:
        return f"{self.PREFIX}e:{hashlib.sha1(key.encode()).hexdigest()}"  # noqa: S324 - a name

    def get(self, key: str, encoding: str) -> CachedPage | None:
        meta, body = self.redis.hmget(self._entry(key), "meta", encoding)
        if meta is None or body is None:
            return None
        status, headers, etag, modified, expires = json.loads(meta)
        if expires < time.time():  # Redis expires it a second later; the clock here decides
            return None
        return CachedPage(status, headers, body, etag, modified)

    def purge_count(self) -> int:
        return int(self.redis.get(f"{self.PREFIX}purges") or 0)

    def put(self, key, ttl, status, headers, bodies, etag, modified, tags, purges_seen) -> bool:
        entry = self._entry(key)
        with self.redis.pipeline() as pipe:
            pipe.watch(f"{self.PREFIX}purges")
            if int(pipe.get(f"{self.PREFIX}purges") or 0) != purges_seen:
                return False
            pipe.multi()
            pipe.delete(entry)
            pipe.hset(
                entry,
                mapping={
                    "meta": json.dumps([status, headers, etag, modified, time.time() + ttl]),
                    **bodies,
                },
            )
            pipe.expire(entry, int(ttl) + 1)
            pipe.zadd(f"{self.PREFIX}index", {entry: time.time() + ttl})
            for tag in tags:
                pipe.sadd(f"{self.PREFIX}t:{tag}", entry)
                # A tag's set lasts as long as its newest entry, not for ever.
                pipe.expire(f"{self.PREFIX}t:{tag}", int(ttl) + 1, gt=True)
                pipe.expire(f"{self.PREFIX}t:{tag}", int(ttl) + 1, nx=True)
            try:
                pipe.execute()
            except WatchError:  # a purge came in between
                return False
        self.stores += 1
        if self.stores % TRIM_EVERY == 1:
            self.trim()
        return True

    def trim(self) -> None:
        """Expired entries leave the index, and past `max_entries` those expiring soonest
        go (Redis expires the entries themselves)."""
        index = f"{self.PREFIX}index"
        self.redis.zremrangebyscore(index, "-inf", time.time())
        excess = self.redis.zcard(index) - self.max_entries
        if excess > 0:
            entries = [entry for entry, _expires in self.redis.zpopmin(index, excess)]
            self.redis.delete(*entries)

    def purge(self, tags: Iterable[str]) -> int:
        tag_keys = [f"{self.PREFIX}t:{tag}" for tag in tags]
        with self.redis.pipeline(transaction=True) as pipe:
            pipe.incr(f"{self.PREFIX}purges")
            pipe.sunion(tag_keys)
            pipe.delete(*tag_keys)
            _count, entries, _deleted = pipe.execute()
        if entries:
            self.redis.delete(*entries)
        return len(entries)


def store_from_settings():
    """The configured store, or None when the page cache is off."""
    config = settings.WARTA_PAGE_CACHE
    if not config.get("ENABLED", True):
        return None
    max_entries = config.get("MAX_ENTRIES", 5_000)
    if config.get("REDIS_URL"):
        return RedisPageStore(config["REDIS_URL"], max_entries)
    return SQLitePageStore(config["PATH"], max_entries)


_store = None
_store_lock = threading.Lock()


def get_store():
    global _store
    if _store is None:
        with _store_lock:
            if _store is None:
                _store = store_from_settings() or False
    return _store or None


def reset_store() -> None:
    """Forget the store (tests that change the settings)."""
    global _store
    _store = None


def purge(*tags: str) -> int:
    """Remove every cached page showing any of `tags`; returns how many were removed."""
    store = get_store()
    return store.purge(tags) if store and tags else 0


class PageCacheApp:
    """WSGI middleware answering anonymous GET/HEAD from the page store."""

    def __init__(
        self,
        app: Callable,
        *,
        session_cookie: str = "sessionid",
        bypass_prefixes: tuple[str, ...] = ("/admin/", "/static/", "/media/"),
    ):
        self.app = app
        self.session_cookie = f"{session_cookie}="
        self.bypass_prefixes = bypass_prefixes

    def __call__(self, environ, start_response):
        method = environ["REQUEST_METHOD"]
        path = environ.get("PATH_INFO", "/")
        store = get_store()
        if (
            store is None
            or method not in ("GET", "HEAD")
            or path.startswith(self.bypass_prefixes)
            or self.session_cookie in environ.get("HTTP_COOKIE", "")
        ):
            return self.app(environ, start_response)

        key = f"{environ.get('HTTP_HOST', '')}|{path}|{environ.get('QUERY_STRING', '')}"
        encoding = preferred_encoding(environ.get("HTTP_ACCEPT_ENCODING", ""))
        page = store.get(key, encoding)
        if page is not None:
            return self.respond(environ, start_response, page, encoding, "HIT")
        return self.fill(environ, start_response, store, key, path, encoding)

    def respond(self, environ, start_response, page: CachedPage, encoding: str, state: str):
        headers = [
            *page.headers,
            ("ETag", page.etag),
            ("X-Cache", state),
            ("Last-Modified", formatdate(page.modified, usegmt=True)),
            ("Vary", "Accept-Encoding"),
        ]
        if self.not_modified(environ, page):
            start_response("304 Not Modified", headers)
            return [b""]
        if encoding != "identity":
            headers.append(("Content-Encoding", encoding))
        headers.append(("Content-Length", str(len(page.body))))
        start_response(page.status, headers)
        return [b""] if environ["REQUEST_METHOD"] == "HEAD" else [page.body]

    @staticmethod
    def not_modified(environ, page: CachedPage) -> bool:
        if_none_match = environ.get("HTTP_IF_NONE_MATCH")
        if if_none_match is not None:
            return page.etag in {tag.strip() for tag in if_none_match.split(",")} or (
                if_none_match.strip() == "*"
            )
        if_modified_since = environ.get("HTTP_IF_MODIFIED_SINCE")
        if if_modified_since:
            try:
                return parsedate_to_datetime(if_modified_since).timestamp() >= int(page.modified)
            except (TypeError, ValueError):
                return False
        return False

    def fill(self, environ, start_response, store, key, path, encoding):
        purges_seen = store.purge_count()
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return lambda data: None  # the legacy write() callable; Django does not use it

        # A conditional request must not turn the stored copy into an empty 304.
        inner = {
            k: v
            for k, v in environ.items()
            if k not in ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")
        }
        inner["REQUEST_METHOD"] = "GET"
        result = self.app(inner, capture)
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()

        status, headers = captured["status"], captured["headers"]
        stored = self.storable(status, headers, body)
        if stored is None:
            start_response(status, headers)
            return [b""] if environ["REQUEST_METHOD"] == "HEAD" else [body]

        ttl, tags, kept_headers = stored
        bodies = {
            "identity": body,
            "gzip": gzip.compress(body, compresslevel=6, mtime=0),
            "br": brotli.compress(body, quality=6),
        }
        etag_base = hashlib.sha256(body).hexdigest()[:20]
        modified = time.time()
        # One ETag per encoding: they are different byte sequences.
        etag = f'"{etag_base}"'
        store.put(
            key,
            ttl,
            status,
            kept_headers,
            bodies,
            etag,
            modified,
            tags | {ALL_TAG, path_tag(path)},
            purges_seen,
        )
        page = CachedPage(status, kept_headers, bodies[encoding], etag, modified)
        return self.respond(environ, start_response, page, encoding, "MISS")

    @staticmethod
    def storable(status: str, headers: list, body: bytes):
        """(ttl, tags, headers to keep) when the response may be stored, else None."""
        if not status.startswith(("200", "404")) or len(body) > MAX_BODY_BYTES:
            return None
        lowered = {name.lower(): value for name, value in headers}
        cache_control = lowered.get("cache-control", "").lower()
        if (
            "set-cookie" in lowered
            or "public" not in cache_control
            or "content-encoding" in lowered
            or any(word in cache_control for word in ("private", "no-store", "no-cache"))
        ):
            return None
        ttl = lowered.get(TTL_HEADER.lower())
        if ttl is None:
            ttl = next(
                (
                    int(part.split("=")[1])
                    for part in cache_control.split(",")
                    if part.strip().startswith("max-age=")
                ),
                0,
            )
        ttl = int(ttl)
        if ttl <= 0:
            return None
        tags = set(lowered.get(TAGS_HEADER.lower(), "").split()) or {DEFAULT_TAG}
        kept = [
            (name, value)
            for name, value in headers
            if name.lower() not in INTERNAL_HEADERS | PER_VARIANT_HEADERS
        ]
        return ttl, tags, kept
