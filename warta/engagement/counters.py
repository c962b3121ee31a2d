"""Counting views without one write per view, exactly, across processes and servers.

A view that passes the checks (`record_view`) is added to a pending total, and
a flush persists the pending totals every WARTA_ENGAGEMENT_FLUSH_SECONDS (5 s)
and when a worker stops, as one transaction of `views = views + n` updates.

The pending totals of accepted views are always rows in an SQLite file in `var/`
that every worker process of the machine shares (`LocalBackend`): a view is
answered 202 only once its row is written, so neither a worker that dies nor a
Redis that stops loses it. Only a power cut can lose the writes of the last
moments (the file is not synced to disk).

Admission (the 30-minute "already seen" marks, the rate-limit windows and
allowances, the day's salt) lives where REDIS_URL says:

- Local (no Redis): rows in the same file, changed with the pending total in one
  transaction per view.
- Redis: keys changed by one Lua script per view and shared by every app server,
  then the pending total is written to the machine's file. While Redis is away
  (`warta.core.outages.Outage`) admission falls back to the machine's file and
  Redis is tried again every few seconds; nothing counted is lost either way.

A state file that cannot be written (a full disk, a read-only file) raises
`Unavailable`: the beacon answers 503 with Retry-After instead of a success.

A batch of pending totals has an id, written in the same transaction as its
increments (`AppliedBatch`): a batch retried after an unclear failure, or
persisted by two workers at once, is added once.
"""

from __future__ import annotations

import atexit
import logging
import os
import secrets
import sqlite3
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

import redis
from django.conf import settings
from django.db import IntegrityError, close_old_connections, connection, transaction
from django.db.models import F
from django.utils import timezone
from redis.backoff import NoBackoff
from redis.retry import Retry

from warta.core.caches import Memo, lru
from warta.core.clock import newsroom_now
from warta.core.outages import Outage, StoreUnavailable
from warta.core.sqlite_files import SharedSQLiteFile
from warta.news.models import ArticlePage
from warta.settings.env import Rate

from .models import AppliedBatch, ArticleStats, DailyArticleStats
from .readers import Reader

log = logging.getLogger(__name__)

COUNTED = "counted"
DUPLICATE = "duplicate"
READER_LIMITED = "reader_limited"
IP_LIMITED = "ip_limited"
# One address (IPv6: its /64) has given this article all the views or reactions it may in
# the window, whatever cookies or User-Agents it sends: a view is not counted (200), a
# reaction is refused (429).
ADDRESS_ARTICLE_LIMITED = "address_article_limited"
LIMITED = {READER_LIMITED, IP_LIMITED}  # a beacon's 429s
REACTION_LIMITED = {*LIMITED, ADDRESS_ARTICLE_LIMITED}  # a reaction's 429s

PURGE_CHUNK = 5000
# What a refused write tells the client to wait, in seconds: a store that failed is tried
# again after a pause (Outage.retry_after) and each failure is logged once per interval.
UNAVAILABLE_RETRY_SECONDS = 10


class Unavailable(StoreUnavailable):
    """The machine's state file cannot be written: nothing was counted or admitted."""


class Window(NamedTuple):
    """A counter in the shared store: more than `limit` hits within its window means `outcome`.
    (A tuple: a view makes three, and a frozen dataclass sets each field in Python.)"""

    key: str
    seconds: float
    limit: int
    outcome: str


def view_windows(
    article_id: int, reader: Reader, salts: list[bytes]
) -> tuple[list[Window], list[Window]]:
    """The counters a view touches, in the order their verdicts win, and its allowances.

    Hashes change with the day's salt; for one window's length after midnight,
    the windows made with yesterday's salt count as well, so neither a limit
    nor the 30-minute mark starts over at midnight.
    """
    rate = settings.WARTA_ENGAGEMENT["ADDRESS_ARTICLE_RATE"]
    return admission_windows(reader, salts, article_id, rate, "a", marks=True)


def reaction_windows(
    article_id: int, reader: Reader, salts: list[bytes]
) -> tuple[list[Window], list[Window]]:
    """The counters a reaction touches (no "already seen" mark), and its allowances."""
    rate = settings.WARTA_ENGAGEMENT["ADDRESS_REACTION_RATE"]
    return admission_windows(reader, salts, article_id, rate, "ar", marks=False)


def admission_windows(
    reader: Reader, salts: list[bytes], article_id: int, allowance: Rate, kind: str, marks: bool
) -> tuple[list[Window], list[Window]]:
    """Windows every request counts against (address, reader, and with `marks` the "already
    seen" mark of the article) and the allowances of the address for the article,
    which only a request that passes them all uses up (see `LocalBackend.admit`)."""
    config = settings.WARTA_ENGAGEMENT
    ip_rate, reader_rate = config["IP_RATE"], config["READER_RATE"]
    seen_seconds = config["DEDUPE_MINUTES"] * 60
    limits, readers, seen, allowances = [], [], [], []
    for salt in salts:
        network, who = reader.network_key(salt), reader.key(salt)
        limits.append(Window(f"n:{network}", ip_rate.seconds, ip_rate.limit, IP_LIMITED))
        readers.append(Window(f"r:{who}", reader_rate.seconds, reader_rate.limit, READER_LIMITED))
        if marks:
            seen.append(Window(f"s:{article_id}:{who}", seen_seconds, 1, DUPLICATE))
        allowances.append(
            Window(
                f"{kind}:{article_id}:{network}",
                allowance.seconds,
                allowance.limit,
                ADDRESS_ARTICLE_LIMITED,
            )
        )
    return limits + readers + seen, allowances


def verdict(windows: list[Window], hits: list[int]) -> str:
    for window, count in zip(windows, hits, strict=True):
        if count > window.limit:
            return window.outcome
    return COUNTED


def longest_window() -> float:
    config = settings.WARTA_ENGAGEMENT
    return max(
        config["IP_RATE"].seconds,
        config["READER_RATE"].seconds,
        config["DEDUPE_MINUTES"] * 60,
        config["ADDRESS_ARTICLE_RATE"].seconds,
        config["ADDRESS_REACTION_RATE"].seconds,
    )


def day_salts(store, now: datetime) -> list[bytes]:
    """Today's salt, and yesterday's during the first window's length after midnight."""
    salts = [store.salt(now.date())]
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if (now - midnight).total_seconds() < longest_window():
        salts.append(store.salt(now.date() - timedelta(days=1)))
    return salts


def record_view(article_id: int, reader: Reader) -> str:
    """Count one view of a live article unless the reader saw it lately, is over a limit,
    or the reader's address has given the article its views for the window."""
    store = get_backend()
    now = newsroom_now()
    windows, allowances = view_windows(article_id, reader, day_salts(store, now))
    outcome = store.admit(windows, (article_id, now.date()), allowances)
    if outcome == COUNTED:
        flusher.ensure_started()
    return outcome


def check_limits(reader: Reader, article_id: int) -> str:
    """Count a reaction to an article against the reader's and the address's limits, and
    against the address's reactions to that article."""
    store = get_backend()
    windows, allowances = reaction_windows(article_id, reader, day_salts(store, newsroom_now()))
    return store.admit(windows, None, allowances)


def reaction_retry_after(outcome: str) -> int:
    """Seconds after which a reaction refused with `outcome` is sure to be judged afresh."""
    config = settings.WARTA_ENGAGEMENT
    rate = {
        READER_LIMITED: config["READER_RATE"],
        IP_LIMITED: config["IP_RATE"],
        ADDRESS_ARTICLE_LIMITED: config["ADDRESS_REACTION_RATE"],
    }[outcome]
    return rate.seconds


def apply_batch(batch_id: str, counts: dict[tuple[int, date], int]) -> bool:
    """Add a batch of pending views to the totals and daily counts, once.

    Views of articles deleted meanwhile are dropped. Returns False when the
    batch had already been added.
    """
    with transaction.atomic():
        try:
            with transaction.atomic():
                AppliedBatch.objects.create(id=batch_id)
        except IntegrityError:
            return False
        article_ids = {pk for pk, _day in counts}
        existing = set(ArticlePage.objects.filter(pk__in=article_ids).values_list("pk", flat=True))
        totals: Counter[int] = Counter()
        daily: dict[tuple[int, date], tuple[int, int]] = {}
        for (pk, day), views in counts.items():
            if pk in existing and views:
                totals[pk] += views
                daily[(pk, day)] = (views, 0)
        ArticleStats.objects.ensure(totals)
        for pk, views in totals.items():
            ArticleStats.objects.filter(pk=pk).update(views=F("views") + views)
        DailyArticleStats.objects.add(daily)
    return True


class LocalBackend:
    """The machine's state file: the pending totals, and without Redis (or while it is away)
    marks, windows and salts, in an SQLite file that every process of this machine shares,
    so any worker can persist what another accepted.

    The file is not the site's database: it is written without waiting for the disk and
    the site's database never waits for it. A process that dies loses nothing (its writes
    are with the operating system); a power cut can lose the last moments of writes, that
    is at most one flush interval of views, or a dedupe mark (a reader counted twice).
    A write that fails (a full disk, a read-only file) raises `Unavailable`, after which
    writes are refused for a pause without trying (`Outage`); what the file holds stays.
    """

    SCHEMA = """
        CREATE TABLE IF NOT EXISTS windows (
            key TEXT PRIMARY KEY, hits INTEGER NOT NULL, expires INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS windows_by_expiry ON windows (expires);
        CREATE TABLE IF NOT EXISTS salts (day TEXT PRIMARY KEY, salt TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS pending (
            article INTEGER NOT NULL, day TEXT NOT NULL, views INTEGER NOT NULL,
            PRIMARY KEY (article, day)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS batches (
            batch TEXT NOT NULL, article INTEGER NOT NULL, day TEXT NOT NULL,
            views INTEGER NOT NULL, PRIMARY KEY (batch, article, day)
        ) WITHOUT ROWID;
    """
    HIT = (
        "INSERT INTO windows (key, hits, expires) VALUES {values} "
        "ON CONFLICT (key) DO UPDATE SET "
        "hits = CASE WHEN windows.expires <= ?1 THEN 1 ELSE windows.hits + 1 END, "
        "expires = CASE WHEN windows.expires <= ?1 "
        "THEN excluded.expires ELSE windows.expires END "
        "RETURNING key, hits"
    )
    USED = "SELECT key, hits FROM windows WHERE expires > ? AND key IN ({keys})"
    ADD_VIEW = (
        "INSERT INTO pending (article, day, views) VALUES (?, ?, 1) "
        "ON CONFLICT (article, day) DO UPDATE SET views = views + 1"
    )

    def __init__(self, path):
        self.path = Path(path)
        # No busy timeout: `write` retries a busy file itself (see there).
        self.file = SharedSQLiteFile(self.path, self.SCHEMA, synchronous="OFF", timeout=0)
        self.salts: dict[date, bytes] = {}
        self.outage = Outage(f"Engagement state file {self.path}", log)

    @property
    def db(self) -> sqlite3.Connection:
        return self.file.connection

    @contextmanager
    def guarded(self) -> Iterator[None]:
        """Writes that may fail: an SQLite error (SQLITE_FULL, a read-only or vanished file,
        a lock held for 10 s) raises `Unavailable`, and starts or continues an outage,
        during which writes are refused without trying."""
        if not self.outage.available():
            raise Unavailable(f"{self.path} is unavailable")
        probing = self.outage.down
        try:
            yield
        except sqlite3.Error as error:
            self.outage.failed(error)
            raise Unavailable(f"{self.path}: {error}") from error
        if probing:  # see RedisBackend.admit
            self.outage.recovered()

    @staticmethod
    def when_free(run: Callable[[], object]) -> object:
        """Run a statement that takes the file's write lock, retrying while it is busy.

        Transactions here hold the file for some microseconds, but SQLite's own busy
        wait sleeps whole milliseconds and more, so under load the workers would mostly
        sleep beside a free file. A busy file is retried after a short, growing pause.
        """
        deadline, pause = time.monotonic() + 10, 0.00005
        while True:
            try:
                return run()
            except sqlite3.OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(pause)
                pause = min(pause * 2, 0.002)

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction on the shared file (see `guarded` for its failures)."""
        with self.guarded():
            db = self.db
            self.when_free(lambda: db.execute("BEGIN IMMEDIATE"))
            try:
                yield db
                db.execute("COMMIT")
            except BaseException:
                # SQLite may have rolled back already (SQLITE_FULL does): a second
                # ROLLBACK would fail and hide the first error.
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise

    def salt(self, day: date) -> bytes:
        if day not in self.salts:
            fresh = secrets.token_hex(32)
            with self.write() as db:
                db.execute("INSERT OR IGNORE INTO salts VALUES (?, ?)", (day.isoformat(), fresh))
                # The day before yesterday's hashes can no longer be linked to anyone.
                db.execute(
                    "DELETE FROM salts WHERE day < ?", ((day - timedelta(days=1)).isoformat(),)
                )
                (salt,) = db.execute(
                    "SELECT salt FROM salts WHERE day = ?", (day.isoformat(),)
                ).fetchone()
            self.salts = {d: s for d, s in self.salts.items() if d >= day - timedelta(days=1)}
            self.salts[day] = bytes.fromhex(salt)
        return self.salts[day]

    def hit(self, windows: list[Window]) -> list[int]:
        """Count a hit on each window in one statement; a window that has ended starts over."""
        now = int(time.time() * 1000)
        params: list = [now]
        for window in windows:
            params += (window.key, now + int(window.seconds * 1000))
        found = dict(self.db.execute(self.hit_statement(len(windows)), params))
        return [found[window.key] for window in windows]

    @staticmethod
    def hit_statement(windows: int) -> str:
        """HIT for this many windows (a view touches three, or six just after midnight)."""
        return hit_statement(windows)

    def admit(
        self,
        windows: list[Window],
        view: tuple[int, date] | None,
        allowances: list[Window] | tuple = (),
    ) -> str:
        """Judge the windows' hits; when all pass, take one from each allowance (all have to
        have one left), then add the view (if any) to the pending totals. One transaction."""
        with self.write() as db:
            outcome = verdict(windows, self.hit(windows))
            if outcome == COUNTED and allowances:
                outcome = self.take(allowances)
            if outcome == COUNTED and view:
                db.execute(self.ADD_VIEW, (view[0], view[1].isoformat()))
        return outcome

    def add_view(self, view: tuple[int, date]) -> None:
        """Add a view admitted elsewhere (in Redis) to the pending totals: one statement, its
        own transaction (a third cheaper than BEGIN, the statement and COMMIT)."""
        params = (view[0], view[1].isoformat())
        with self.guarded():
            db = self.db
            self.when_free(lambda: db.execute(self.ADD_VIEW, params))

    def take(self, allowances: list[Window]) -> str:
        """Use one of each allowance, or none when one of them is used up (its outcome)."""
        keys = [allowance.key for allowance in allowances]
        used = dict(self.db.execute(used_statement(len(keys)), [int(time.time() * 1000), *keys]))
        for allowance in allowances:
            if used.get(allowance.key, 0) >= allowance.limit:
                return allowance.outcome
        self.hit(allowances)
        return COUNTED

    def pending_views(self) -> int:
        (pending,) = self.db.execute(
            "SELECT (SELECT coalesce(sum(views), 0) FROM pending)"
            " + (SELECT coalesce(sum(views), 0) FROM batches)"
        ).fetchone()
        return pending

    def flush(self) -> int:
        """Move the pending totals into a batch, then persist every batch not yet persisted."""
        with self.write() as db:
            db.execute(
                "INSERT INTO batches SELECT ?, article, day, views FROM pending",
                (uuid.uuid4().hex,),
            )
            db.execute("DELETE FROM pending")
        batches: dict[str, Counter] = {}
        for batch_id, article_id, day, views in db.execute("SELECT * FROM batches"):
            batches.setdefault(batch_id, Counter())[(article_id, date.fromisoformat(day))] += views
        persisted = 0
        for batch_id, counts in batches.items():
            # Raises on failure: the batch stays for the next try. Added at most once.
            if apply_batch(batch_id, counts):
                persisted += sum(counts.values())
            with self.write() as db:
                db.execute("DELETE FROM batches WHERE batch = ?", (batch_id,))
        return persisted

    @contextmanager
    def held(self) -> Iterator[dict[str, dict[tuple[int, date], int]]]:
        """Hold the file's write lock, so that no view is counted, batched or persisted
        meanwhile, and yield the views not yet persisted by batch id (those still pending
        under a new one). A backup takes its database snapshot inside (warta.operations)."""
        with self.write() as db:
            batches: dict[str, dict[tuple[int, date], int]] = {}
            pending = db.execute("SELECT ?, article, day, views FROM pending", (uuid.uuid4().hex,))
            batched = db.execute("SELECT batch, article, day, views FROM batches")
            for batch_id, article_id, day, views in [*pending, *batched]:
                batches.setdefault(batch_id, {})[(article_id, date.fromisoformat(day))] = views
            yield batches

    def discard(self) -> int:
        """Drop every view not yet persisted, since the database they count for was replaced
        (a restore); how many were dropped."""
        with self.write() as db:
            dropped = self.pending_views()
            db.execute("DELETE FROM pending")
            db.execute("DELETE FROM batches")
        return dropped

    def purge_expired(self) -> None:
        """Delete ended windows a chunk at a time, so no statement holds the file long."""
        for _ in range(20):
            with self.write() as db:
                deleted = db.execute(
                    "DELETE FROM windows WHERE key IN "
                    "(SELECT key FROM windows WHERE expires < ? LIMIT ?)",
                    (int(time.time() * 1000), PURGE_CHUNK),
                ).rowcount
            if deleted < PURGE_CHUNK:
                return


@lru("window-statements", maxsize=8, key="a number of rate-limit windows")
def hit_statement(windows: int) -> str:
    values = (f"(?{2 + 2 * i}, 1, ?{3 + 2 * i})" for i in range(windows))  # ?1 is now
    return LocalBackend.HIT.format(values=", ".join(values))


@lru("allowance-statements", maxsize=8, key="a number of allowances")
def used_statement(allowances: int) -> str:
    """How much of each allowance is used: SQL for this many keys (one, or two after midnight)."""
    return LocalBackend.USED.format(keys=", ".join("?" * allowances))


# One round trip per view: count the hits, judge them, and take one of each allowance (when
# all have one left). KEYS: the windows, then the allowances; ARGV: the number of windows,
# then for each key its milliseconds, limit and outcome. The pending total of a counted view
# goes to the machine's state file (RedisBackend.admit).
ADMIT_SCRIPT = """
local windows = tonumber(ARGV[1])
local verdict = false
for i = 1, windows do
  local hits = redis.call('INCR', KEYS[i])
  local base = 2 + (i - 1) * 3
  if hits == 1 then redis.call('PEXPIRE', KEYS[i], ARGV[base]) end
  if not verdict and hits > tonumber(ARGV[base + 1]) then verdict = ARGV[base + 2] end
end
if verdict then return verdict end
for i = windows + 1, #KEYS do
  local base = 2 + (i - 1) * 3
  if tonumber(redis.call('GET', KEYS[i]) or '0') >= tonumber(ARGV[base + 1]) then
    return ARGV[base + 2]
  end
end
for i = windows + 1, #KEYS do
  if redis.call('INCR', KEYS[i]) == 1 then
    redis.call('PEXPIRE', KEYS[i], ARGV[2 + (i - 1) * 3])
  end
end
return 'counted'
"""

# Give back the hits of a view that was admitted but could not be written down: the reader's
# retry is judged afresh, not taken for a duplicate. KEYS: the windows and allowances.
UNDO_SCRIPT = """
for i = 1, #KEYS do
  if redis.call('DECR', KEYS[i]) <= 0 then redis.call('DEL', KEYS[i]) end
end
return 0
"""


class RedisBackend:
    """Marks, windows and salts in Redis, shared by every worker and server; the pending
    totals in the machine's state file (`local`), so that what Redis loses is never a view
    already answered as counted.

    While Redis fails, admission falls back to the state file (marks and limits then hold
    per machine), and Redis is tried again after a pause (`Outage`): a reader waits for
    at most one connection attempt every few seconds per worker, and the log gets one
    line per minute rather than one per request.
    """

    def __init__(self, url: str, prefix: str, local: LocalBackend):
        self.url, self.prefix, self.local = url, prefix, local
        self.salts: dict[date, bytes] = {}
        self.outage = Outage(
            "Engagement counters' Redis (admission falls back to the machine's state file)", log
        )

    @cached_property
    def redis(self) -> redis.Redis:
        # Short timeouts and one retry (a pooled connection Redis closed when it restarted):
        # a Redis that does not answer must not hold a reader's thread long; `outage` waits.
        client = redis.Redis.from_url(
            self.url, socket_timeout=2, socket_connect_timeout=1, retry=Retry(NoBackoff(), 1)
        )
        self.admit_script = client.register_script(ADMIT_SCRIPT)
        self.undo_script = client.register_script(UNDO_SCRIPT)
        return client

    def salt(self, day: date) -> bytes:
        if day in self.salts:
            return self.salts[day]
        if self.outage.available():
            key = f"{self.prefix}salt:{day.isoformat()}"
            probing = self.outage.down
            try:
                # Whoever comes first sets the day's salt; it expires after the next day.
                self.redis.set(key, secrets.token_hex(32), nx=True, ex=2 * 86400)
                salt = bytes.fromhex(self.redis.get(key).decode())
            except redis.RedisError as error:
                self.outage.failed(error)
            else:
                if probing:
                    self.outage.recovered()
                self.salts = {d: s for d, s in self.salts.items() if d >= day - timedelta(days=1)}
                self.salts[day] = salt
                return salt
        # Not kept here: once Redis is back, every server uses its salt again.
        return self.local.salt(day)

    def admit(
        self,
        windows: list[Window],
        view: tuple[int, date] | None,
        allowances: list[Window] | tuple = (),
    ) -> str:
        """Judge in Redis, then write a counted view's pending total to the state file; while
        Redis is away, all of it in the state file. `Unavailable` when the file cannot be
        written: then nothing is counted, and Redis's hits are given back."""
        if view and not self.local.outage.available():
            raise Unavailable(f"{self.local.path} is unavailable")
        if not self.outage.available():
            return self.local.admit(windows, view, allowances)
        args: list = [len(windows)]
        keys = []
        for window in (*windows, *allowances):
            args += [int(window.seconds * 1000), window.limit, window.outcome]
            keys.append(self.prefix + window.key)
        # Only a try made during the outage ends it: a request that was under way when
        # another thread saw Redis fail may still succeed, and says nothing about now.
        probing = self.outage.down
        try:
            self.redis  # noqa: B018 - connects and registers the scripts
            outcome = self.admit_script(keys=keys, args=args).decode()
        except redis.RedisError as error:
            self.outage.failed(error)
            return self.local.admit(windows, view, allowances)
        if probing:
            self.outage.recovered()
        if outcome == COUNTED and view:
            try:
                self.local.add_view(view)
            except Unavailable:
                self.give_back(keys)
                raise
        return outcome

    def give_back(self, keys: list[str]) -> None:
        try:
            self.undo_script(keys=keys)
        except redis.RedisError as error:
            self.outage.failed(error)

    def pending_views(self) -> int:
        return self.local.pending_views()

    def flush(self) -> int:
        return self.local.flush()

    def purge_expired(self) -> None:
        """Redis expires its keys by itself; the state file's windows are those of outages."""
        self.local.purge_expired()


BACKENDS = Memo(
    "engagement-stores",
    bound=8,
    key="the process id and the store's settings",
    invalidated_by="a fork (a new process id) or new settings (tests)",
)


def get_backend() -> LocalBackend | RedisBackend:
    """This process's backend (a forked worker makes its own: connections do not cross a fork)."""
    config = settings.WARTA_ENGAGEMENT
    signature = (os.getpid(), config["REDIS_URL"], config["REDIS_PREFIX"], config["STATE_PATH"])
    if signature not in BACKENDS:
        local = LocalBackend(config["STATE_PATH"])
        if config["REDIS_URL"]:
            BACKENDS[signature] = RedisBackend(config["REDIS_URL"], config["REDIS_PREFIX"], local)
        else:
            BACKENDS[signature] = local
    return BACKENDS[signature]


class Flusher:
    """Persists pending views every few seconds from a thread of each worker process."""

    PRUNE_EVERY = 3600

    def __init__(self):
        self.lock = threading.Lock()
        self.start_lock = threading.Lock()
        self.pid: int | None = None
        self.last_prune = 0.0
        # A database or state file that fails fails every few seconds: one line a minute.
        self.outage = Outage("Persisting pending views (they stay pending for the next try)", log)

    def ensure_started(self) -> None:
        config = settings.WARTA_ENGAGEMENT
        if not config["FLUSH_IN_BACKGROUND"] or self.pid == os.getpid():
            return
        name = connection.settings_dict["NAME"]
        if connection.vendor == "sqlite" and (name == ":memory:" or "mode=memory" in str(name)):
            return  # a database in memory: another thread cannot share it; flush by hand
        with self.start_lock:
            if self.pid == os.getpid():
                return
            self.pid = os.getpid()
            atexit.register(self.flush_at_exit)
            thread = threading.Thread(
                target=self.run, args=(config["FLUSH_SECONDS"],), name="warta-views", daemon=True
            )
            thread.start()

    def run(self, interval: float) -> None:
        while True:
            time.sleep(interval)
            try:
                close_old_connections()
                self.flush()
                self.prune()
            except Exception as error:  # noqa: BLE001 - logged, and tried again
                self.outage.failed(error)
            else:
                self.outage.recovered()
            finally:
                close_old_connections()

    def flush(self) -> int:
        with self.lock:
            return get_backend().flush()

    def prune(self) -> None:
        get_backend().purge_expired()
        if time.monotonic() - self.last_prune > self.PRUNE_EVERY:
            self.last_prune = time.monotonic()
            AppliedBatch.objects.filter(applied_at__lt=timezone.now() - timedelta(days=2)).delete()

    def flush_at_exit(self) -> None:
        """On a graceful stop (SIGTERM): persist what this worker holds, or say what is lost."""
        if self.pid != os.getpid():
            return
        try:
            persisted = self.flush()
            if persisted:
                log.info("Persisted %d pending views on shutdown", persisted)
        except Exception:
            log.exception(
                "Could not persist %d pending views on shutdown", get_backend().pending_views()
            )


flusher = Flusher()


def flush_views() -> int:
    """Persist the pending views now; returns how many were added."""
    return flusher.flush()
