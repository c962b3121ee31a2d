"""Health checks for load balancers and monitors: `/healthz` and `/readyz`.

`/healthz` says the process answers: 200 `{"status": "ok"}` without touching any store.
`/readyz` says whether this app server can do its work: the database answers, its
migrations are applied, the task worker beats, the page cache's store, the counters'
state file, Redis and the read replica (when set) are reachable, the replica not stuck
behind the primary. 200 `{"status": "ready", "checks":
{...}}`, or 503 `{"status": "not ready", "checks": {...}}` naming what failed.

Both are answered by `HealthApp`, the outermost WSGI layer (`warta.wsgi`): before the
request log, the page cache, the render budget and Django, so a stuck Django or a full
cache can neither fake nor block them, nothing stores them, and the access log does not
fill with a probe a second (with WARTA_LOG_LEVEL=DEBUG each writes one debug line).

The checks run in threads of their own, one per store, each with a deadline
(`CHECK_TIMEOUT`): a store that hangs costs the probe that long, never its thread, and
while a check still hangs the next probes say so without starting another. A process
keeps its last answer for `KEEP_FOR` seconds, so a probe every second from several
monitors costs one round of checks a second per worker process.

The task worker writes a heartbeat (`WorkerHeartbeat`, one row per machine, with the
database's clock) every `HEARTBEAT_SECONDS` from a thread of its own (`heartbeat`,
started by `warta worker`). With WARTA_WORKER on, this machine's worker must have beaten
within `STALE_BEATS` beats; with it off, some machine's worker.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import socket
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import redis
from django.conf import settings
from django.db import close_old_connections, connection, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.db.models.functions import Now
from django.utils import timezone
from redis.backoff import NoBackoff
from redis.retry import Retry

from . import caches, generation, pagecache
from .models import WorkerHeartbeat
from .outages import Outage

log = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"

OK = "ok"
OFF = "off"  # the store is not used by this configuration: nothing to check
PASSING = frozenset({OK, OFF})

# Seconds a probe waits for its checks (a hung one is ended later by its client's timeouts).
CHECK_TIMEOUT = 1.0
# Seconds a process answers probes with its last answer.
KEEP_FOR = 1.0
# Seconds between two checks of the migrations once they were found applied.
MIGRATIONS_RECHECK = 60.0
REDIS_TIMEOUT = 0.5
SQLITE_TIMEOUT = 0.5
# Seconds a read replica may take to replay a content change before it counts as stuck.
REPLICA_BEHIND_FOR = 60.0
REPLICA = "replica"  # its alias in DATABASES (warta.core.replica)

# The task worker's heartbeat: a beat every few seconds, stale after a few missed ones.
HEARTBEAT_SECONDS = 5.0
STALE_BEATS = 3
# Rows of machines whose worker has not beaten for this long are removed.
FORGET_MACHINES_AFTER = timedelta(days=7)
PRUNE_SECONDS = 3600.0
# Another machine's worker seen this recently shares the database: without Redis, say so.
OTHER_MACHINES_WITHIN = timedelta(minutes=10)

HEADERS = [
    ("Content-Type", "application/json"),
    ("Cache-Control", "no-store"),
    ("X-Content-Type-Options", "nosniff"),
]
ALIVE = b'{"status": "ok"}'


def machine_name() -> str:
    """The name heartbeats are kept under: this machine's host name."""
    return socket.gethostname()


def failure(kind: str, error: BaseException) -> str:
    """`kind: ErrorType: first line of the message`, short enough for a probe's body."""
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    text = f"{kind}: {type(error).__name__}" + (f": {message}" if message else "")
    return text if len(text) <= 200 else text[:197] + "..."


# The checks ------------------------------------------------------------------------------


class Migrations:
    """Whether the database holds every migration this code has: the migration graph's
    leaves, read from the code once per process, against `django_migrations`. Once found
    applied, that is believed for `MIGRATIONS_RECHECK` seconds."""

    def __init__(self, recheck: float = MIGRATIONS_RECHECK):
        self.recheck = recheck
        self.leaves: dict[tuple[str, str], list[tuple[str, str]]] | None = None
        self.applied_at: float | None = None

    def forget(self) -> None:
        self.applied_at = None

    def check(self) -> str:
        if self.applied_at is not None and time.monotonic() - self.applied_at < self.recheck:
            return OK
        if self.leaves is None:
            loader = MigrationLoader(connection, ignore_no_migrations=True)
            # A squashed migration counts as applied when all it replaces are.
            self.leaves = {
                leaf: list(getattr(loader.replacements.get(leaf), "replaces", None) or [])
                for leaf in loader.graph.leaf_nodes()
            }
        recorded = set(MigrationRecorder(connection).applied_migrations())
        missing = sorted(
            f"{app}.{name}"
            for (app, name), replaced in self.leaves.items()
            if (app, name) not in recorded
            and not (replaced and all(key in recorded for key in replaced))
        )
        if missing:
            shown = ", ".join(missing[:3])
            more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
            return f"not applied: {shown}{more}; run warta migrate"
        self.applied_at = time.monotonic()
        return OK


def task_worker_state() -> str:
    """The task worker's heartbeat: this machine's worker's with WARTA_WORKER on, else the
    freshest of any machine's (the worker runs as a service of its own somewhere)."""
    beats = WorkerHeartbeat.objects.annotate(now=Now())
    own = settings.WARTA_WORKER
    if own:
        beats = beats.filter(machine=machine_name())
    newest = max(beats.values_list("seen_at", "every", "now"), key=lambda row: row[0], default=None)
    whose = f"this machine's worker ({machine_name()})" if own else "any worker"
    if newest is None:
        return f"no heartbeat from {whose}"
    seen_at, every, now = newest
    age = (now - seen_at).total_seconds()
    if age > STALE_BEATS * every:
        return f"stale: no heartbeat from {whose} for {age:.0f} s"
    return OK


def page_cache_state() -> str:
    """The page cache's store answers (Redis, or the SQLite file, whose write lock can be
    taken: a locked or unwritable file fails here)."""
    guarded = pagecache.get_store()
    if guarded is None:
        return OFF
    store = guarded.store
    store.usage()
    if isinstance(store, pagecache.SQLitePageStore):
        with store.transaction():
            pass
    return OK


class StateFile:
    """The counters' state file of this machine (warta.engagement.counters) can be
    written: its write lock taken and given back, from one connection kept per probe
    thread. A file not made yet is fine when its folder can be written."""

    def __init__(self):
        self.path: Path | None = None
        self.db: sqlite3.Connection | None = None

    def check(self) -> str:
        path = Path(settings.WARTA_ENGAGEMENT["STATE_PATH"])
        if not path.exists():
            folder = next((p for p in path.parents if p.exists()), None)
            if folder is None or not folder.is_dir():
                return f"unwritable: no folder for {path}"
            return OK
        if self.db is None or self.path != path:
            self.close()
            self.db = sqlite3.connect(
                f"file:{path}?mode=rw", uri=True, timeout=SQLITE_TIMEOUT, isolation_level=None
            )
            self.path = path
        try:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("ROLLBACK")
        except sqlite3.Error:
            self.close()
            raise
        return OK

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
        self.db = None


class RedisPing:
    """PING to REDIS_URL (Django's cache and the counters' admission), with short
    timeouts and no retry."""

    def __init__(self):
        self.url = ""
        self.client: redis.Redis | None = None

    def check(self) -> str:
        url = settings.REDIS_URL
        if not url:
            return OFF
        if self.client is None or self.url != url:
            self.client = redis.Redis.from_url(
                url,
                socket_connect_timeout=REDIS_TIMEOUT,
                socket_timeout=REDIS_TIMEOUT,
                retry=Retry(NoBackoff(), 0),
            )
            self.url = url
        self.client.ping()
        return OK


class ReplicaLag:
    """The read replica answers, and replays the primary's content changes: a content
    generation the primary had is on the replica within `behind_for` seconds. (Meanwhile
    readers read from the primary, warta.core.replica, so the site shows nothing old.)"""

    def __init__(self, behind_for: float = REPLICA_BEHIND_FOR):
        self.behind_for = behind_for
        self.awaited: tuple[int, float] | None = None  # (a primary's number, seen at)

    def check(self) -> str:
        if REPLICA not in settings.DATABASES:
            return OFF
        close_old_connections()
        try:
            replica = generation.read(REPLICA)
        except Exception as error:  # noqa: BLE001 - the answer names it
            return failure("unreachable", error)
        primary = generation.read("default")
        now = time.monotonic()
        if self.awaited is None or replica >= self.awaited[0]:
            self.awaited = (primary, now) if replica < primary else None
            return OK
        number, seen_at = self.awaited
        if now - seen_at < self.behind_for:
            return OK
        return (
            f"behind: content generation {number} of the primary not replayed in "
            f"{now - seen_at:.0f} s (the replica has {replica}); readers read from the primary"
        )


# Running them --------------------------------------------------------------------------


@dataclass
class _Run:
    started: float = field(default_factory=time.monotonic)
    done: threading.Event = field(default_factory=threading.Event)
    results: dict[str, str] = field(default_factory=dict)


class Probe:
    """Checks that share a store, run in one thread of their own, one run at a time: a run
    that hangs is reported by every probe until it ends, and no second one starts."""

    def __init__(self, names: tuple[str, ...], run: Callable[[], dict[str, str]]):
        self.names, self.run = names, run
        self.lock = threading.Lock()
        self.current: _Run | None = None
        self.jobs: queue.SimpleQueue | None = None
        self.thread: threading.Thread | None = None
        self.pid: int | None = None

    def start(self) -> _Run:
        with self.lock:
            if self.pid == os.getpid() and self.current and not self.current.done.is_set():
                return self.current
            if self.pid != os.getpid():  # a thread does not cross a fork, nor its run
                self.pid, self.jobs = os.getpid(), queue.SimpleQueue()
                self.thread = threading.Thread(
                    target=self.serve,
                    args=(self.jobs,),
                    name=f"warta-readiness-{self.names[0]}",
                    daemon=True,
                )
                self.thread.start()
            self.current = _Run()
            self.jobs.put(self.current)
            return self.current

    def serve(self, jobs: queue.SimpleQueue) -> None:
        while (run := jobs.get()) is not None:
            try:
                run.results = self.run()
            except Exception as error:  # noqa: BLE001 - reported as the checks' answer
                run.results = dict.fromkeys(self.names, failure("error", error))
            finally:
                run.done.set()
        connections.close_all()

    def stop(self, wait: float = 5.0) -> None:
        """End the thread once its run is over, closing its database connections; wait at
        most `wait` seconds for that."""
        with self.lock:
            thread = self.thread if self.pid == os.getpid() else None
            if thread is not None:
                self.jobs.put(None)
            self.jobs, self.thread, self.pid = None, None, None
        if thread is not None:
            thread.join(wait)


@dataclass(frozen=True)
class Report:
    """One answer to /readyz."""

    ready: bool
    checks: dict[str, str]
    body: bytes

    @classmethod
    def of(cls, checks: dict[str, str]) -> Report:
        """Ready when every check passes; the JSON body names each check's state."""
        ready = all(value in PASSING for value in checks.values())
        body = json.dumps({"status": "ready" if ready else "not ready", "checks": checks})
        return cls(ready, checks, body.encode())


class Readiness:
    """The checks of /readyz, run in parallel with a deadline, the answer kept briefly."""

    def __init__(self, *, timeout: float = CHECK_TIMEOUT, keep_for: float = KEEP_FOR):
        self.timeout, self.keep_for = timeout, keep_for
        self.migrations = Migrations()
        self.state_file = StateFile()
        self.redis = RedisPing()
        self.replica = ReplicaLag()
        self.probes = [
            Probe(("database", "migrations", "task_worker"), self.database_checks),
            Probe(("page_cache",), lambda: {"page_cache": self.guarded(page_cache_state)}),
            Probe(("counter_state",), lambda: {"counter_state": self.counter_state()}),
            Probe(("redis",), lambda: {"redis": self.guarded(self.redis.check)}),
            Probe(("replica",), lambda: {"replica": self.guarded(self.replica.check, "error")}),
        ]
        self.last: Report | None = None
        self.last_at = 0.0
        self.was_ready: bool | None = None

    def forget(self) -> None:
        """Drop the kept answer and what is known of the migrations (tests, caches.reset)."""
        self.last, self.last_at = None, 0.0
        self.migrations.forget()
        self.replica.awaited = None

    def close(self) -> None:
        for probe in self.probes:
            probe.stop()

    @staticmethod
    def guarded(check: Callable[[], str], kind: str = "unreachable") -> str:
        try:
            return check()
        except Exception as error:  # noqa: BLE001 - the answer names it
            return failure(kind, error)

    def database_checks(self) -> dict[str, str]:
        close_old_connections()  # a connection that failed or grew old is replaced
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
        except Exception as error:  # noqa: BLE001 - the answer names it
            unknown = "unknown: the database is unreachable"
            return {
                "database": failure("unreachable", error),
                "migrations": unknown,
                "task_worker": unknown,
            }
        return {
            "database": OK,
            "migrations": self.guarded(self.migrations.check, "error"),
            "task_worker": self.guarded(task_worker_state, "error"),
        }

    def counter_state(self) -> str:
        return self.guarded(self.state_file.check, "unwritable")

    def check(self) -> Report:
        """The answer: kept for `keep_for` seconds, else the checks' within `timeout`."""
        started = time.monotonic()
        last = self.last
        if last is not None and started - self.last_at < self.keep_for:
            return last
        runs = [(probe, probe.start()) for probe in self.probes]
        deadline = started + self.timeout
        checks: dict[str, str] = {}
        for probe, run in runs:
            if run.done.wait(max(0.0, deadline - time.monotonic())):
                checks.update(run.results)
            else:
                waited = time.monotonic() - run.started
                checks.update(dict.fromkeys(probe.names, f"timeout: no answer in {waited:.1f} s"))
        report = Report.of(checks)
        self.note(report)
        self.last, self.last_at = report, time.monotonic()
        return report

    def note(self, report: Report) -> None:
        """One log line when this process finds itself not ready, and when ready again."""
        if report.ready == self.was_ready or (report.ready and self.was_ready is None):
            self.was_ready = report.ready
            return
        self.was_ready = report.ready
        if report.ready:
            log.warning("Ready again: every check of /readyz passes")
        else:
            failed = "; ".join(
                f"{name} {value}" for name, value in report.checks.items() if value not in PASSING
            )
            log.warning("Not ready: %s", failed)


readiness = Readiness()
caches.register(
    "readiness",
    readiness.forget,
    key="none: the last answer to /readyz, and whether the migrations were found applied",
    invalidated_by=f"{KEEP_FOR:g} s; the migrations, {MIGRATIONS_RECHECK:g} s",
    bound="2",
)


# The WSGI layer --------------------------------------------------------------------------


class HealthApp:
    """The outermost WSGI layer: answers /healthz and /readyz, passes everything else on."""

    def __init__(self, app: Callable, *, checks: Readiness | None = None):
        self.app = app
        self.readiness = checks if checks is not None else readiness

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO")
        if path != HEALTH_PATH and path != READY_PATH:
            return self.app(environ, start_response)
        started = time.perf_counter()
        method = environ.get("REQUEST_METHOD")
        if method not in ("GET", "HEAD"):
            status, headers, body = (
                "405 Method Not Allowed",
                [*HEADERS, ("Allow", "GET, HEAD")],
                b'{"error": "method not allowed"}',
            )
        elif path == HEALTH_PATH:
            status, headers, body = "200 OK", HEADERS, ALIVE
        else:
            report = self.readiness.check()
            status = "200 OK" if report.ready else "503 Service Unavailable"
            headers, body = HEADERS, report.body
        start_response(status, [*headers, ("Content-Length", str(len(body)))])
        if log.isEnabledFor(logging.DEBUG):
            milliseconds = (time.perf_counter() - started) * 1000
            log.debug("%s %s %s in %.3f ms", method, path, status[:3], milliseconds)
        return [b""] if method == "HEAD" else [body]


# The task worker's heartbeat -------------------------------------------------------------


class Heartbeat:
    """The task worker's thread writing this machine's `WorkerHeartbeat` every `every`
    seconds, with the database's clock; rows of machines silent for a week go."""

    def __init__(self, every: float = HEARTBEAT_SECONDS):
        self.every = every
        self.pid: int | None = None
        self.thread: threading.Thread | None = None
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.pruned_at: float | None = None  # monotonic time; None: not yet this process
        self.outage = Outage("Task worker heartbeat", log, log_every=60.0)

    def beat(self) -> None:
        """Write this machine's heartbeat now."""
        machine = machine_name()
        values = {"seen_at": Now(), "every": self.every}
        if not WorkerHeartbeat.objects.filter(machine=machine).update(**values):
            WorkerHeartbeat.objects.get_or_create(machine=machine, defaults=values)
        # The monotonic clock starts at boot: a machine up for less than PRUNE_SECONDS
        # prunes on its first beat too.
        if self.pruned_at is None or time.monotonic() - self.pruned_at >= PRUNE_SECONDS:
            self.pruned_at = time.monotonic()
            forgotten = timezone.now() - FORGET_MACHINES_AFTER
            WorkerHeartbeat.objects.filter(seen_at__lt=forgotten).delete()
            self.warn_of_other_machines_without_redis(machine)

    @staticmethod
    def warn_of_other_machines_without_redis(machine: str) -> None:
        """Several machines on one database keep their page caches and counters' marks
        apart without Redis (docs/operations.md#several-app-servers): logged at start and
        hourly. Instances on one machine share its var/ and are fine."""
        if settings.REDIS_URL:
            return
        others = sorted(
            WorkerHeartbeat.objects.filter(seen_at__gte=timezone.now() - OTHER_MACHINES_WITHIN)
            .exclude(machine=machine)
            .values_list("machine", flat=True)
        )
        if others:
            log.warning(
                "App servers on other machines (%s) share this database, but REDIS_URL is "
                "not set: a publication purges only the pages cached on the machine that "
                "made it, and views are told apart per machine. Set REDIS_URL on every "
                "server (docs/operations.md#several-app-servers).",
                ", ".join(others),
            )

    def ensure_started(self) -> None:
        """Start beating in this process (once: the worker calls it as it starts)."""
        with self.lock:
            if self.pid != os.getpid():
                self.pid = os.getpid()
                self.stopping.clear()
                self.thread = threading.Thread(target=self.run, name="warta-heartbeat", daemon=True)
                self.thread.start()

    def run(self) -> None:
        while threading.main_thread().is_alive() and not self.stopping.is_set():
            try:
                close_old_connections()
                self.beat()
            except Exception as error:  # noqa: BLE001 - logged once a minute, tried again
                self.outage.failed(error)
            else:
                self.outage.recovered()
            self.stopping.wait(self.every)
        connections.close_all()

    def stop(self, wait: float = 5.0) -> None:
        """End the thread after its beat, waiting at most `wait` seconds."""
        self.stopping.set()
        thread, self.thread, self.pid = self.thread, None, None
        if thread is not None:
            thread.join(wait)


heartbeat = Heartbeat()
