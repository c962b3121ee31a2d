"""The full-page cache: anonymous reader pages served straight from a shared store.

A thin WSGI layer in front of Django (see `warta.wsgi`). A cache hit costs one
lookup and no Django request handling at all, which is what lets one small
server take a breaking-news crowd. Entries are stored once per encoding
(identity, gzip, brotli), so a hit never compresses anything.

What is cached: GET and HEAD without a session cookie whose response Django
marked `Cache-Control: public` and which sets no cookie: pages, their 404s, and the
301s of old WordPress addresses (warta.wordpress.middleware). Each entry carries
*tags* naming what it shows (`page:12` for each story on it, `list:section:4`,
`list:tag:banjir`, `person:3`, ...; warta.news.signals says what purges which);
publishing purges exactly the entries tagged with what changed. Entries that
name no tags get `listing`, purged by any publication: conservative for pages
such as feeds and sitemaps that list many stories.

Keys: the scheme, host, path and the query parameters reader pages read
(`READ_PARAMETERS`), in a fixed order. Any other parameter (`utm_*`, `fbclid`,
a random one) is dropped from the key and from the request Django sees, so it
can neither make a new entry nor change a stored page.

Bounds: at most `MAX_BYTES` and `MAX_ENTRIES` per store. Past either, pages
nobody has read from the cache since they were stored go first, oldest first;
pages read again keep up to `READ_SHARE` of the store, least recently read
going first past it. Which pages were read is written by each worker's
maintenance thread every few seconds (a hit itself writes nothing), which also
removes expired pages every `SWEEP_SECONDS`.

Stores: Redis when `REDIS_URL` is set (shared by every app server), otherwise
an SQLite file in `var/` shared by the workers of one machine. A store that
fails (Redis gone, a full disk, a locked file) never fails a reader: the page
is rendered and served without being stored, the log gets one line per
interval (`warta.core.outages`), and the store is tried again after a pause.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode

import brotli
import redis
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from redis.backoff import NoBackoff
from redis.retry import Retry

from . import nginx_purge
from .outages import Outage
from .render_budget import RenderBudget
from .sqlite_files import SharedSQLiteFile

log = logging.getLogger(__name__)

# Response headers that carry instructions from Django to this layer; never sent on.
TAGS_HEADER = "X-Warta-Cache-Tags"
TTL_HEADER = "X-Warta-Cache-Ttl"
INTERNAL_HEADERS = {TAGS_HEADER.lower(), TTL_HEADER.lower()}
# Headers recomputed for each stored encoding.
PER_VARIANT_HEADERS = {"content-length", "content-encoding", "etag", "last-modified", "vary"}

ENCODINGS = ("br", "gzip", "identity")
MAX_BODY_BYTES = 5 * 1024 * 1024
DEFAULT_MAX_ENTRIES = 5_000
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
DEFAULT_REDIS_PREFIX = "warta:pc:"
DEFAULT_TAG = "listing"
ALL_TAG = "all"

# Every query parameter a reader page, feed or form outside the staff area reads: the
# page cache keeps these (and only these) in its key and in the request Django sees.
# tests/test_pagecache_keys.py fails when a view reads one missing here.
READ_PARAMETERS = frozenset(
    {
        "page",  # a page of a list of stories or of search results
        "q",  # search words
        "section",  # search: within a section
        "from",  # search: from a date
        "to",  # search: until a date
        "sort",  # search: the order of results
        "full",  # feeds: whole stories
        "story",  # the hak jawab form: the story it answers
        # An old WordPress address names its object by these (warta.wordpress.addresses);
        # without them `/?p=123` would reach Django as `/`.
        "p",
        "page_id",
        "cat",
        "tag",
        "author",
        "author_name",
        "attachment_id",
        "feed",
        "paged",
    }
)

# A page read from the cache since it was stored ranks above every page that was not
# (its rank is the time it was last read plus this); pages not read go first.
READ_BONUS = 1e10
# Pages read again keep at most this share of the store's bytes and entries.
READ_SHARE = 0.8
# Hits a worker remembers between two writes of them (more are not remembered).
TOUCH_LIMIT = 4_096
# How often each worker writes the hits it saw, and removes expired pages.
TOUCH_SECONDS = 5.0
SWEEP_SECONDS = 60.0
SWEEP_BATCH = 500
# A shared store must answer quickly or be taken as down: a reader is waiting.
REDIS_CONNECT_TIMEOUT, REDIS_TIMEOUT = 0.5, 1.0
SQLITE_BUSY_TIMEOUT = 1.0
STORE_ERRORS = (redis.RedisError, sqlite3.Error, OSError)
# Tells nginx in front not to keep a response (nginx takes the header, never sends it on):
# nginx keeps only copies a purge can name (warta.core.nginx_purge).
NOT_FOR_PROXY = ("X-Accel-Expires", "0")


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


def cache_query(query_string: str) -> str:
    """The parameters of a WSGI query string that reader pages read, in a fixed order
    (by name; the values of one name in their order), encoded alike however they came.

    Decoded as Django decodes a query string, so Django reads the same values from the
    result as it would have read from the original."""
    if not query_string:
        return ""
    raw = query_string.encode("iso-8859-1", "replace")
    try:
        text = raw.decode()
    except UnicodeDecodeError:
        text = raw.decode("iso-8859-1")
    kept = [pair for pair in parse_qsl(text, keep_blank_values=True) if pair[0] in READ_PARAMETERS]
    kept.sort(key=lambda pair: pair[0])
    return urlencode(kept, quote_via=quote)


def cache_key(environ: dict, query: str) -> str:
    """Scheme, host, path and the kept query: what a stored page may depend on."""
    return "|".join(
        (
            environ.get("wsgi.url_scheme", "http"),
            environ.get("HTTP_HOST", ""),
            environ.get("PATH_INFO", "/"),
            query,
        )
    )


def not_for_proxy(start_response: Callable) -> Callable:
    """`start_response` adding NOT_FOR_PROXY to the headers."""

    def start(status, headers, exc_info=None):
        return start_response(status, [*headers, NOT_FOR_PROXY], exc_info)

    return start


class CachedPage:
    """One stored response: status, headers, and the body in one encoding."""

    __slots__ = ("status", "headers", "body", "etag", "modified")

    def __init__(self, status: str, headers: list, body: bytes, etag: str, modified: float):
        # Stored as JSON lists; WSGI wants (name, value) tuples, and some servers insist.
        self.status, self.headers, self.body = status, [tuple(h) for h in headers], body
        self.etag, self.modified = etag, modified


def entry_size(key: str, status: str, headers_json: str, etag: str, bodies: dict) -> int:
    """The bytes a page takes in a store, as the bounds count them."""
    return len(key) + len(status) + len(headers_json) + len(etag) + sum(map(len, bodies.values()))


class TouchedKeys:
    """The keys a worker served from the cache since its last write of them."""

    def __init__(self):
        self.keys: dict[str, None] = {}

    def add(self, key: str) -> None:
        if len(self.keys) < TOUCH_LIMIT:
            self.keys[key] = None

    def take(self) -> list[str]:
        keys, self.keys = self.keys, {}
        return list(keys)


class SQLitePageStore:
    """Entries in an SQLite file in WAL mode: shared by all worker processes of a machine.

    Triggers keep the totals (bytes and pages, all and read again) and drop a page's tags
    with it, whichever way it goes."""

    SCHEMA = """
        CREATE TABLE IF NOT EXISTS pages (
            key TEXT PRIMARY KEY, expires REAL NOT NULL, used REAL NOT NULL,
            size INTEGER NOT NULL, modified REAL NOT NULL, status TEXT NOT NULL,
            headers TEXT NOT NULL, etag TEXT NOT NULL,
            identity BLOB NOT NULL, gzip BLOB NOT NULL, br BLOB NOT NULL);
        CREATE INDEX IF NOT EXISTS pages_by_expiry ON pages (expires);
        CREATE INDEX IF NOT EXISTS pages_by_use ON pages (used);
        CREATE TABLE IF NOT EXISTS page_tags (tag TEXT NOT NULL, key TEXT NOT NULL,
            PRIMARY KEY (tag, key)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS page_tags_by_key ON page_tags (key);
        CREATE TABLE IF NOT EXISTS totals (id INTEGER PRIMARY KEY CHECK (id = 1),
            purges INTEGER NOT NULL, bytes INTEGER NOT NULL, pages INTEGER NOT NULL,
            read_bytes INTEGER NOT NULL, read_pages INTEGER NOT NULL);
        INSERT OR IGNORE INTO totals VALUES (1, 0, 0, 0, 0, 0);
        CREATE TRIGGER IF NOT EXISTS page_added AFTER INSERT ON pages BEGIN
            UPDATE totals SET bytes = bytes + NEW.size, pages = pages + 1; END;
        CREATE TRIGGER IF NOT EXISTS page_read AFTER UPDATE OF used ON pages
            WHEN OLD.used < 1e10 AND NEW.used >= 1e10 BEGIN
            UPDATE totals SET read_bytes = read_bytes + NEW.size, read_pages = read_pages + 1;
            END;
        CREATE TRIGGER IF NOT EXISTS page_removed AFTER DELETE ON pages BEGIN
            UPDATE totals SET bytes = bytes - OLD.size, pages = pages - 1,
                read_bytes = read_bytes - (OLD.used >= 1e10) * OLD.size,
                read_pages = read_pages - (OLD.used >= 1e10);
            DELETE FROM page_tags WHERE key = OLD.key; END;
        -- The layout before the store counted its bytes: its pages are dropped.
        DROP TABLE IF EXISTS entries;
        DROP TABLE IF EXISTS tags;
        DROP TABLE IF EXISTS purges;
    """

    def __init__(
        self, path: Path, max_entries: int = DEFAULT_MAX_ENTRIES, max_bytes: int = DEFAULT_MAX_BYTES
    ):
        self.file = SharedSQLiteFile(path, self.SCHEMA, timeout=SQLITE_BUSY_TIMEOUT)
        self.name = f"page cache (SQLite file {path})"
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self.touched = TouchedKeys()

    @property
    def db(self) -> sqlite3.Connection:
        return self.file.connection

    def get(self, key: str, encoding: str) -> CachedPage | None:
        row = self.db.execute(
            f"SELECT status, headers, {encoding}, etag, modified, expires "  # noqa: S608 - fixed names
            "FROM pages WHERE key = ?",
            (key,),
        ).fetchone()
        if row is None or row[5] < time.time():
            return None
        self.touched.add(key)
        return CachedPage(row[0], json.loads(row[1]), row[2], row[3], row[4])

    def purge_count(self) -> int:
        return self.db.execute("SELECT purges FROM totals").fetchone()[0]

    def usage(self) -> tuple[int, int]:
        """(bytes, pages) stored."""
        return self.db.execute("SELECT bytes, pages FROM totals").fetchone()

    def put(self, key, ttl, status, headers, bodies, etag, modified, tags, purges_seen) -> bool:
        headers_json = json.dumps(headers)
        size = entry_size(key, status, headers_json, etag, bodies)
        now = time.time()
        with self.transaction() as db:
            # A purge while the page was rendering may concern it: do not store it.
            if self.purge_count() != purges_seen:
                return False
            db.execute("DELETE FROM pages WHERE key = ?", (key,))
            db.execute(
                "INSERT INTO pages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (key, now + ttl, now, size, modified, status, headers_json, etag,
                 bodies["identity"], bodies["gzip"], bodies["br"]),
            )  # fmt: skip
            db.executemany(
                "INSERT OR IGNORE INTO page_tags VALUES (?, ?)", [(t, key) for t in tags]
            )
            # This worker's hits first, so that the pages readers read are spared.
            self.mark_read(db, self.touched.take(), now)
            self.evict(db)
        return True

    def transaction(self):
        return _SQLiteTransaction(self.db)

    @staticmethod
    def mark_read(db: sqlite3.Connection, keys: list[str], now: float) -> None:
        db.executemany(
            "UPDATE pages SET used = ? WHERE key = ?", [(now + READ_BONUS, k) for k in keys]
        )

    def flush_touches(self) -> None:
        """Write the hits this worker saw since the last write."""
        if keys := self.touched.take():
            with self.transaction() as db:
                self.mark_read(db, keys, time.time())

    def evict(self, db: sqlite3.Connection) -> int:
        """Pages go until the store is within its bounds (see the module's docstring)."""
        total_bytes, pages, read_bytes, read_pages = db.execute(
            "SELECT bytes, pages, read_bytes, read_pages FROM totals"
        ).fetchone()
        need_bytes, need_pages = total_bytes - self.max_bytes, pages - self.max_entries
        if need_bytes <= 0 and need_pages <= 0:
            return 0
        over_bytes = read_bytes - self.max_bytes * READ_SHARE
        over_pages = read_pages - self.max_entries * READ_SHARE
        read = db.execute(
            "SELECT key, size FROM pages WHERE used >= ? ORDER BY used", (READ_BONUS,)
        )
        new = db.execute("SELECT key, size FROM pages WHERE used < ? ORDER BY used", (READ_BONUS,))
        victims = []

        def needed() -> bool:
            return need_bytes > 0 or need_pages > 0

        while needed() and (over_bytes > 0 or over_pages > 0) and (row := next(read, None)):
            victims.append(row[0])
            need_bytes, need_pages = need_bytes - row[1], need_pages - 1
            over_bytes, over_pages = over_bytes - row[1], over_pages - 1
        for rows in (new, read):
            while needed() and (row := next(rows, None)):
                victims.append(row[0])
                need_bytes, need_pages = need_bytes - row[1], need_pages - 1
        db.executemany("DELETE FROM pages WHERE key = ?", [(key,) for key in victims])
        return len(victims)

    def sweep(self) -> int:
        """Remove expired pages, a batch per transaction; returns how many went."""
        removed, now = 0, time.time()
        while True:
            with self.transaction() as db:
                count = db.execute(
                    "DELETE FROM pages WHERE key IN "
                    "(SELECT key FROM pages WHERE expires < ? LIMIT ?)",
                    (now, SWEEP_BATCH),
                ).rowcount
            removed += count
            if count < SWEEP_BATCH:
                return removed

    def purge(self, tags: Iterable[str]) -> list[str]:
        """Remove the pages tagged with any of `tags`; returns their keys."""
        tags = list(tags)
        marks = ",".join("?" * len(tags))
        with self.transaction() as db:
            db.execute("UPDATE totals SET purges = purges + 1")
            keys = [
                row[0]
                for row in db.execute(
                    f"SELECT DISTINCT key FROM page_tags WHERE tag IN ({marks})",  # noqa: S608
                    tags,
                )
            ]
            db.executemany("DELETE FROM pages WHERE key = ?", [(key,) for key in keys])
        return keys


class _SQLiteTransaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error if SQLite has not already."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, exc, traceback) -> None:
        if exc_type is None:
            self.db.execute("COMMIT")
        elif self.db.in_transaction:  # a full disk may have ended it already
            self.db.execute("ROLLBACK")


# Redis keeps, beside each page's hash: `sizes` (entry -> [size, tags, key]), `index` (entry ->
# rank, as the SQLite store's `used`), `expiry` (entry -> time it expires), the totals
# `bytes`, `read_bytes`, `read_pages`, and `purges`. Each change is one script: atomic.
LUA_REMOVE = """
local p = ARGV[1]
local BONUS = 1e10
-- Returns the page's key (nil when it was not stored).
local function remove(entry)
    local meta = redis.call('HGET', p .. 'sizes', entry)
    local key
    if meta then
        local size_and_tags = cjson.decode(meta)
        local size = size_and_tags[1]
        redis.call('DECRBY', p .. 'bytes', size)
        local rank = redis.call('ZSCORE', p .. 'index', entry)
        if rank and tonumber(rank) >= BONUS then
            redis.call('DECRBY', p .. 'read_bytes', size)
            redis.call('DECR', p .. 'read_pages')
        end
        for _, tag in ipairs(size_and_tags[2]) do
            redis.call('SREM', p .. 't:' .. tag, entry)
        end
        redis.call('HDEL', p .. 'sizes', entry)
        key = size_and_tags[3]
    end
    redis.call('ZREM', p .. 'index', entry)
    redis.call('ZREM', p .. 'expiry', entry)
    redis.call('DEL', entry)
    return key
end
local function total(name)
    return tonumber(redis.call('GET', p .. name) or '0')
end
"""

LUA_PUT = (
    LUA_REMOVE
    + """
-- ARGV: prefix, purges seen, entry, now, expires, ttl, size, [size, tags, key],
--       max bytes, max entries, read share, meta, identity, gzip, br, tags...
if total('purges') ~= tonumber(ARGV[2]) then return -1 end
local entry, now, size = ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[7])
remove(entry)
redis.call('HSET', entry, 'meta', ARGV[12], 'identity', ARGV[13], 'gzip', ARGV[14], 'br', ARGV[15])
redis.call('EXPIRE', entry, ARGV[6])
redis.call('HSET', p .. 'sizes', entry, ARGV[8])
redis.call('INCRBY', p .. 'bytes', size)
redis.call('ZADD', p .. 'index', now, entry)
redis.call('ZADD', p .. 'expiry', ARGV[5], entry)
for i = 16, #ARGV do
    local tag = p .. 't:' .. ARGV[i]
    redis.call('SADD', tag, entry)
    -- A tag's set lasts as long as its newest entry, not for ever.
    redis.call('EXPIRE', tag, ARGV[6], 'GT')
    redis.call('EXPIRE', tag, ARGV[6], 'NX')
end
local max_bytes, max_pages, share = tonumber(ARGV[9]), tonumber(ARGV[10]), tonumber(ARGV[11])
local evicted = 0
while total('bytes') > max_bytes or redis.call('HLEN', p .. 'sizes') > max_pages do
    local victim
    if total('read_bytes') > max_bytes * share or total('read_pages') > max_pages * share then
        victim = redis.call('ZRANGEBYSCORE', p .. 'index', BONUS, '+inf', 'LIMIT', 0, 1)[1]
    end
    victim = victim
        or redis.call('ZRANGEBYSCORE', p .. 'index', '-inf', '(10000000000', 'LIMIT', 0, 1)[1]
    victim = victim or redis.call('ZRANGE', p .. 'index', 0, 0)[1]
    if not victim then break end
    remove(victim)
    evicted = evicted + 1
end
return evicted
"""
)

LUA_TOUCH = (
    LUA_REMOVE
    + """
-- ARGV: prefix, now, entries...
local rank = tonumber(ARGV[2]) + BONUS
for i = 3, #ARGV do
    local entry = ARGV[i]
    local old = redis.call('ZSCORE', p .. 'index', entry)
    if old then
        if tonumber(old) < BONUS then
            local meta = redis.call('HGET', p .. 'sizes', entry)
            if meta then
                redis.call('INCRBY', p .. 'read_bytes', cjson.decode(meta)[1])
                redis.call('INCR', p .. 'read_pages')
            end
        end
        redis.call('ZADD', p .. 'index', rank, entry)
    end
end
return 0
"""
)

LUA_SWEEP = (
    LUA_REMOVE
    + """
-- ARGV: prefix, now, batch
local expired = redis.call('ZRANGEBYSCORE', p .. 'expiry', '-inf', ARGV[2], 'LIMIT', 0, ARGV[3])
for _, entry in ipairs(expired) do remove(entry) end
return #expired
"""
)

LUA_PURGE = (
    LUA_REMOVE
    + """
-- ARGV: prefix, tags... Returns the keys of the pages removed.
redis.call('INCR', p .. 'purges')
local removed = {}
for i = 2, #ARGV do
    local tag = p .. 't:' .. ARGV[i]
    for _, entry in ipairs(redis.call('SMEMBERS', tag)) do
        local key = remove(entry)
        if key then table.insert(removed, key) end
    end
    redis.call('DEL', tag)
end
return removed
"""
)


class RedisPageStore:
    """Entries in Redis hashes with tag sets: one store for every app server. Every key
    starts with `prefix` (`WARTA_REDIS_PREFIX` followed by `pc:`)."""

    def __init__(
        self,
        url: str,
        max_entries: int = DEFAULT_MAX_ENTRIES,
        max_bytes: int = DEFAULT_MAX_BYTES,
        prefix: str = DEFAULT_REDIS_PREFIX,
    ):
        self.prefix = prefix
        # No retries: a Redis that does not answer at once is down, and a reader waits.
        self.redis = redis.Redis.from_url(
            url,
            socket_connect_timeout=REDIS_CONNECT_TIMEOUT,
            socket_timeout=REDIS_TIMEOUT,
            retry=Retry(NoBackoff(), 0),
        )
        self.name = "page cache (Redis)"
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self.touched = TouchedKeys()
        self.scripts = {
            name: self.redis.register_script(source)
            for name, source in (
                ("put", LUA_PUT),
                ("touch", LUA_TOUCH),
                ("sweep", LUA_SWEEP),
                ("purge", LUA_PURGE),
            )
        }

    def _entry(self, key: str) -> str:
        return f"{self.prefix}e:{hashlib.sha1(key.encode()).hexdigest()}"  # noqa: S324 - a name

    def get(self, key: str, encoding: str) -> CachedPage | None:
        meta, body = self.redis.hmget(self._entry(key), "meta", encoding)
        if meta is None or body is None:
            return None
        status, headers, etag, modified, expires = json.loads(meta)
        if expires < time.time():  # Redis expires it a second later; the clock here decides
            return None
        self.touched.add(self._entry(key))
        return CachedPage(status, headers, body, etag, modified)

    def purge_count(self) -> int:
        return int(self.redis.get(f"{self.prefix}purges") or 0)

    def usage(self) -> tuple[int, int]:
        """(bytes, pages) stored."""
        with self.redis.pipeline(transaction=False) as pipe:
            pipe.get(f"{self.prefix}bytes")
            pipe.hlen(f"{self.prefix}sizes")
            total, pages = pipe.execute()
        return int(total or 0), pages

    def put(self, key, ttl, status, headers, bodies, etag, modified, tags, purges_seen) -> bool:
        self.flush_touches()  # this worker's hits first, so that eviction spares them
        now = time.time()
        meta = json.dumps([status, headers, etag, modified, now + ttl])
        size = entry_size(key, status, meta, etag, bodies)
        tags = sorted(tags)
        result = self.scripts["put"](
            args=[
                self.prefix, purges_seen, self._entry(key), now, now + ttl, int(ttl) + 1,
                size, json.dumps([size, tags, key]), self.max_bytes, self.max_entries, READ_SHARE,
                meta, bodies["identity"], bodies["gzip"], bodies["br"], *tags,
            ]
        )  # fmt: skip
        return result != -1

    def flush_touches(self) -> None:
        """Write the hits this worker saw since the last write."""
        if entries := self.touched.take():
            self.scripts["touch"](args=[self.prefix, time.time(), *entries])

    def sweep(self) -> int:
        """Remove expired pages, a batch per script; returns how many went."""
        removed, now = 0, time.time()
        while True:
            count = self.scripts["sweep"](args=[self.prefix, now, SWEEP_BATCH])
            removed += count
            if count < SWEEP_BATCH:
                return removed

    def purge(self, tags: Iterable[str]) -> list[str]:
        return [key.decode() for key in self.scripts["purge"](args=[self.prefix, *tags])]


class GuardedStore:
    """A store as the page cache uses it: an error is an outage, never a failed request.

    While the store is out, readers get pages rendered by Django (not stored), and a
    purge that could not be made is owed: the first successful call after the outage
    purges everything this worker might have left stale."""

    def __init__(self, store, retry_after: float = 2.0, log_every: float = 60.0):
        self.store = store
        self.outage = Outage(store.name, log, retry_after=retry_after, log_every=log_every)
        self.purge_owed = False

    def call(self, method: str, *args, default=None):
        if not self.outage.available():
            return default
        try:
            if self.purge_owed:
                self.store.purge([ALL_TAG])
                self.purge_owed = False
            result = getattr(self.store, method)(*args)
        except STORE_ERRORS as error:
            self.outage.failed(error)
            return default
        self.outage.recovered()
        return result

    def get(self, key: str, encoding: str) -> CachedPage | None:
        return self.call("get", key, encoding)

    def purge_count(self) -> int | None:
        return self.call("purge_count")

    def put(self, *args) -> bool:
        return self.call("put", *args, default=False)

    def usage(self) -> tuple[int, int] | None:
        return self.call("usage")

    def flush_touches(self) -> None:
        self.call("flush_touches")

    def sweep(self) -> int:
        return self.call("sweep", default=0)

    def purge(self, tags: Iterable[str]) -> list[str]:
        missing = object()
        removed = self.call("purge", list(tags), default=missing)
        if removed is missing:
            self.purge_owed = True
            return []
        return removed


def store_from_settings():
    """The configured store, or None when the page cache is off."""
    config = settings.WARTA_PAGE_CACHE
    if not config.get("ENABLED", True):
        return None
    bounds = (
        config.get("MAX_ENTRIES", DEFAULT_MAX_ENTRIES),
        config.get("MAX_BYTES", DEFAULT_MAX_BYTES),
    )
    if config.get("REDIS_URL"):
        prefix = config.get("REDIS_PREFIX", DEFAULT_REDIS_PREFIX)
        return RedisPageStore(config["REDIS_URL"], *bounds, prefix)
    return SQLitePageStore(config["PATH"], *bounds)


_store = None
_store_lock = threading.Lock()


def get_store() -> GuardedStore | None:
    global _store
    if _store is None:
        with _store_lock:
            if _store is None:
                store = store_from_settings()
                _store = GuardedStore(store) if store else False
    return _store or None


def reset_store() -> None:
    """Forget the store (tests that change the settings)."""
    global _store
    _store = None


def purge(*tags: str) -> int:
    """Remove every cached page showing any of `tags`, here and in the nginx caches in
    front (warta.core.nginx_purge); returns how many pages the page cache removed."""
    store = get_store()
    if not store or not tags:
        return 0
    keys = store.purge(tags)
    nginx_purge.purge(keys)
    return len(keys)


class Maintenance:
    """Each worker's thread: writes the hits it saw every `TOUCH_SECONDS` and removes
    expired pages every `SWEEP_SECONDS`, whether or not anything is published."""

    def __init__(self):
        self.pid: int | None = None
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.swept = threading.Event()

    def ensure_started(
        self, interval: float = TOUCH_SECONDS, sweep_every: float = SWEEP_SECONDS
    ) -> None:
        if self.pid == os.getpid():
            return
        with self.lock:
            if self.pid == os.getpid():
                return
            self.pid = os.getpid()
            self.stopping.clear()
            threading.Thread(
                target=self.run, args=(interval, sweep_every), name="warta-page-cache", daemon=True
            ).start()

    def run(self, interval: float, sweep_every: float) -> None:
        last_sweep = time.monotonic()
        while not self.stopping.wait(interval):
            sweep = time.monotonic() - last_sweep >= sweep_every
            try:
                self.run_once(sweep)
            except Exception:
                log.exception("Page cache maintenance failed; it runs again shortly")
            if sweep:
                last_sweep = time.monotonic()
                self.swept.set()

    @staticmethod
    def run_once(sweep: bool) -> None:
        store = get_store()
        if store is None:
            return
        store.flush_touches()
        if sweep:
            store.sweep()

    def stop(self) -> None:
        self.stopping.set()
        self.pid = None


maintenance = Maintenance()


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
        rate = settings.WARTA_PAGE_CACHE.get("RENDER_RATE")
        self.render_budget = RenderBudget(rate.limit, rate.seconds) if rate else None

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

        # Django sees only what the key holds, so a stored page cannot depend on more.
        query = cache_query(environ.get("QUERY_STRING", ""))
        if query != environ.get("QUERY_STRING", ""):
            environ = {**environ, "QUERY_STRING": query}
            # Another spelling of the address (extra or reordered parameters): the page is
            # served, but a purge names the address one way, so nginx must not keep it.
            start_response = not_for_proxy(start_response)
        key = cache_key(environ, query)
        encoding = preferred_encoding(environ.get("HTTP_ACCEPT_ENCODING", ""))
        page = store.get(key, encoding)
        if page is not None:
            return self.respond(environ, start_response, page, encoding, "HIT")
        address = environ.get("REMOTE_ADDR", "")
        if self.render_budget is not None and not self.render_budget.allow(address):
            return self.over_budget(environ, start_response, self.render_budget.wait(address))
        return self.fill(environ, start_response, store, key, path, encoding)

    @staticmethod
    def over_budget(environ, start_response, retry_after: int):
        """429 for an address that has had its share of renders (warta.core.render_budget)."""
        language = "en" if environ.get("PATH_INFO", "").startswith("/en/") else None
        with translation.override(language or settings.LANGUAGE_CODE):
            text = _("Too many pages asked for at once. Please try again in a moment.")
        body = (text + "\n").encode()
        start_response(
            "429 Too Many Requests",
            [
                ("Content-Type", "text/plain; charset=utf-8"),
                ("Content-Length", str(len(body))),
                ("Cache-Control", "no-store"),
                ("Retry-After", str(retry_after)),
            ],
        )
        return [b""] if environ["REQUEST_METHOD"] == "HEAD" else [body]

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

    def fill(self, environ, start_response, store: GuardedStore, key, path, encoding):
        # None: the store is out. The page is rendered and served all the same; as it is
        # not stored, no purge could name it, so nginx must not keep it either.
        purges_seen = store.purge_count()
        if purges_seen is None:
            return self.app(environ, not_for_proxy(start_response))
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
            start_response(status, [*headers, NOT_FOR_PROXY])
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
        kept = store.put(
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
        if not kept:
            # Refused because a purge came while it rendered (it may show what the purge
            # removed), or the store failed: nginx must not keep it either.
            start_response = not_for_proxy(start_response)
        page = CachedPage(status, kept_headers, bodies[encoding], etag, modified)
        return self.respond(environ, start_response, page, encoding, "MISS")

    @staticmethod
    def storable(status: str, headers: list, body: bytes):
        """(ttl, tags, headers to keep) when the response may be stored, else None."""
        if not status.startswith(("200", "301", "404")) or len(body) > MAX_BODY_BYTES:
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
