"""/healthz and /readyz: answered in front of everything, never stored, naming what failed."""

from __future__ import annotations

import io
import json
import logging
import sqlite3
import threading
import time
from datetime import timedelta
from wsgiref.util import setup_testing_defaults

import pytest
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

import warta.wsgi
from warta.core import health, pagecache
from warta.core.health import PASSING, HealthApp, Heartbeat, Readiness, Report, machine_name
from warta.core.models import WorkerHeartbeat
from warta.core.requestlog import RequestLogApp
from warta.core.tests.redis_server import RedisServer
from warta.core.tests.test_database_outages import (  # noqa: F401 - the fixture
    run_script,
    unreachable_database,
)
from warta.core.tests.test_nginx import Page, get, nginx_site  # noqa: F401 - the fixture
from warta.engagement.tests.test_server import Server, ServerDatabase
from warta.news.factories import ArticlePageFactory
from warta.settings.env import Rate

CHECKS = [
    "database", "migrations", "task_worker", "page_cache", "counter_state", "redis", "replica"
]  # fmt: skip
# Not used by the tests' settings: no Redis, no read replica.
UNUSED = ("redis", "replica")
# Committed, as a probe's own connection sees them; the migrations' rows are put back after.
committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def call(app, path: str, method: str = "GET") -> tuple[int, dict, bytes]:
    """(status code, headers, body) of one request through a WSGI app."""
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "wsgi.input": io.BytesIO()}
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer.update(status=int(status[:3]), headers=dict(headers))

    body = b"".join(app(environ, start_response))
    return answer["status"], answer["headers"], body


def untouchable(environ, start_response):
    pytest.fail(f"{environ['PATH_INFO']} reached the layers inside")


def page(environ, start_response):
    """Stands in for Django: a public, cacheable page at any address."""
    start_response(
        "200 OK",
        [("Content-Type", "text/html"), ("Cache-Control", "public, max-age=60")],
    )
    return [b"<!doctype html><title>Berita</title>"]


class Fixed:
    """Readiness that answers what it is told, counting the probes it answered."""

    def __init__(self, **checks: str):
        self.report = Report.of(dict.fromkeys(CHECKS, "ok") | checks)
        self.asked = 0

    def check(self) -> Report:
        self.asked += 1
        return self.report


@pytest.fixture
def stores(settings, tmp_path):
    """This test's own page store and state file (SQLite files), no Redis, the worker on
    this machine."""
    settings.WARTA_PAGE_CACHE = {
        **settings.WARTA_PAGE_CACHE,
        "PATH": tmp_path / "pages.sqlite3",
        "REDIS_URL": "",
    }
    settings.WARTA_ENGAGEMENT = {
        **settings.WARTA_ENGAGEMENT,
        "STATE_PATH": tmp_path / "engagement-state.sqlite3",
        "REDIS_URL": "",
    }
    settings.REDIS_URL = ""
    settings.WARTA_WORKER = True
    pagecache.reset_store()
    yield tmp_path
    pagecache.reset_store()


@pytest.fixture
def readiness(stores):
    """Readiness as a worker process runs it, keeping no answer between probes."""
    checks = Readiness(keep_for=0, timeout=3)
    yield checks
    checks.close()


@pytest.fixture
def ready_app(readiness):
    return HealthApp(untouchable, checks=readiness)


def beat(machine: str | None = None, seconds_ago: float = 0, every: float = 5) -> None:
    WorkerHeartbeat.objects.update_or_create(
        machine=machine or machine_name(),
        defaults={"seen_at": timezone.now() - timedelta(seconds=seconds_ago), "every": every},
    )


def readyz(app) -> tuple[int, dict]:
    status, _headers, body = call(app, "/readyz")
    return status, json.loads(body)


# /healthz


def test_healthz_answers_ok_without_asking_anything_inside():
    """200 {"status": "ok"}: neither the layers inside nor the readiness checks are asked."""
    checks = Fixed()
    status, headers, body = call(HealthApp(untouchable, checks=checks), "/healthz")
    assert (status, json.loads(body)) == (200, {"status": "ok"})
    assert headers["Content-Type"] == "application/json"
    assert headers["Cache-Control"] == "no-store"
    assert checks.asked == 0


def test_a_head_request_gets_the_headers_without_a_body():
    status, headers, body = call(HealthApp(untouchable, checks=Fixed()), "/readyz", "HEAD")
    assert (status, body) == (200, b"")
    assert int(headers["Content-Length"]) > 0


def test_other_methods_are_refused():
    status, headers, _body = call(HealthApp(untouchable, checks=Fixed()), "/healthz", "POST")
    assert (status, headers["Allow"]) == (405, "GET, HEAD")


def test_other_addresses_reach_the_layers_inside():
    """Only the two exact paths are the probes'; `/healthz/` is an address like any other."""
    app = HealthApp(page, checks=Fixed())
    for path in ("/healthz/", "/readyz/x", "/berita/healthz"):
        status, _headers, body = call(app, path)
        assert (status, body) == (200, b"<!doctype html><title>Berita</title>")


# /readyz


@committed
def test_readyz_names_every_check_and_answers_200_when_all_pass(ready_app):
    """The JSON shape: status and one entry per check; Redis or a replica unset is "off",
    not a failure."""
    beat()
    status, body = readyz(ready_app)
    assert status == 200
    assert body == {
        "status": "ready",
        "checks": {name: "off" if name in UNUSED else "ok" for name in CHECKS},
    }


def test_readyz_is_never_stored_and_says_so():
    status, headers, _body = call(HealthApp(untouchable, checks=Fixed()), "/readyz")
    assert status == 200
    assert headers["Cache-Control"] == "no-store"


def test_a_failing_check_answers_503_naming_it():
    checks = Fixed(redis="unreachable: ConnectionError: refused")
    status, body = readyz(HealthApp(untouchable, checks=checks))
    assert status == 503
    assert body["status"] == "not ready"
    assert body["checks"]["redis"] == "unreachable: ConnectionError: refused"
    assert body["checks"]["database"] == "ok"


@committed
def test_an_unapplied_migration_makes_readyz_503_naming_it(ready_app):
    beat()
    recorder = MigrationRecorder(connection)
    recorder.record_unapplied("core", "0002_worker_heartbeat")
    try:
        status, body = readyz(ready_app)
    finally:
        recorder.record_applied("core", "0002_worker_heartbeat")
    assert status == 503
    assert body["checks"]["migrations"] == (
        "not applied: core.0002_worker_heartbeat; run warta migrate"
    )
    assert readyz(ready_app)[0] == 200  # applied again: checked again while not ready


@committed
def test_migrations_found_applied_are_not_read_again_for_a_minute(readiness, ready_app):
    beat()
    assert readyz(ready_app)[0] == 200
    recorder = MigrationRecorder(connection)
    recorder.record_unapplied("core", "0002_worker_heartbeat")
    try:
        assert readyz(ready_app)[1]["checks"]["migrations"] == "ok"
        readiness.migrations.applied_at -= health.MIGRATIONS_RECHECK
        assert readyz(ready_app)[1]["checks"]["migrations"].startswith("not applied")
    finally:
        recorder.record_applied("core", "0002_worker_heartbeat")


@committed
def test_a_stale_heartbeat_of_this_machines_worker_makes_readyz_503(ready_app):
    """Three beats missed (15 s at a beat every 5 s) and the worker counts as stopped."""
    beat(seconds_ago=60)
    status, body = readyz(ready_app)
    assert status == 503
    assert body["checks"]["task_worker"] == (
        f"stale: no heartbeat from this machine's worker ({machine_name()}) for 60 s"
    )
    beat(seconds_ago=12)
    assert readyz(ready_app)[0] == 200


@committed
def test_another_machines_heartbeat_does_not_stand_for_this_ones_worker(ready_app):
    beat("web-2")
    status, body = readyz(ready_app)
    assert status == 503
    assert body["checks"]["task_worker"] == (
        f"no heartbeat from this machine's worker ({machine_name()})"
    )


@committed
def test_with_the_worker_elsewhere_any_machines_fresh_heartbeat_will_do(settings, ready_app):
    """WARTA_WORKER=0: the worker runs as a service of its own, somewhere."""
    settings.WARTA_WORKER = False
    beat("worker-1", seconds_ago=40)
    assert readyz(ready_app)[1]["checks"]["task_worker"] == (
        "stale: no heartbeat from any worker for 40 s"
    )
    beat("worker-2", seconds_ago=1)
    assert readyz(ready_app)[0] == 200


@committed
def test_redis_stopped_makes_readyz_503_naming_it(settings, tmp_path, ready_app):
    """Ready while Redis answers PING; 503 naming Redis once it is killed; ready again
    when it is back, without a restart."""
    server = RedisServer(tmp_path)
    server.start()
    try:
        settings.REDIS_URL = server.url
        beat()
        status, body = readyz(ready_app)
        assert (status, body["checks"]["redis"]) == (200, "ok")
        server.kill()
        status, body = readyz(ready_app)
        assert status == 503
        assert body["checks"]["redis"].startswith("unreachable: ConnectionError: ")
        failed = [name for name, value in body["checks"].items() if value not in PASSING]
        assert failed == ["redis"]
        server.start()
        assert readyz(ready_app)[0] == 200
    finally:
        server.stop()


@committed
def test_a_locked_state_file_makes_readyz_503_naming_it(stores, ready_app):
    """The counters cannot write their state file while another holds its lock."""
    beat()
    path = stores / "engagement-state.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        status, body = readyz(ready_app)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert status == 503
    assert body["checks"]["counter_state"] == ("unwritable: OperationalError: database is locked")
    assert readyz(ready_app)[0] == 200


@committed
def test_a_page_store_that_cannot_be_opened_makes_readyz_503_naming_it(settings, stores, ready_app):
    beat()
    (stores / "not-a-file").mkdir()
    settings.WARTA_PAGE_CACHE = {**settings.WARTA_PAGE_CACHE, "PATH": stores / "not-a-file"}
    pagecache.reset_store()
    status, body = readyz(ready_app)
    assert status == 503
    assert body["checks"]["page_cache"] == (
        "unreachable: OperationalError: unable to open database file"
    )


@committed
def test_the_page_cache_switched_off_is_off_not_a_failure(settings, ready_app):
    beat()
    settings.WARTA_PAGE_CACHE = {**settings.WARTA_PAGE_CACHE, "ENABLED": False}
    pagecache.reset_store()
    status, body = readyz(ready_app)
    assert (status, body["checks"]["page_cache"]) == (200, "off")


UNREACHABLE_SCRIPT = """
import json
import django
from wsgiref.util import setup_testing_defaults

django.setup()
from warta.core.health import HealthApp, Readiness

app = HealthApp(lambda environ, start_response: [], checks=Readiness(keep_for=0, timeout=10))
answers = {}
for path in ("/healthz", "/readyz"):
    environ = {"PATH_INFO": path, "REQUEST_METHOD": "GET"}
    setup_testing_defaults(environ)
    status = []
    body = b"".join(app(environ, lambda line, headers, exc_info=None: status.append(line)))
    answers[path] = [int(status[0][:3]), json.loads(body)]
print(json.dumps(answers))
"""


def test_healthz_stays_200_while_the_database_is_unreachable(unreachable_database):  # noqa: F811
    """The database cannot be reached: /healthz still answers 200, /readyz 503 naming it
    (what needs it, the migrations and the worker's heartbeat, unknown)."""
    run = run_script(UNREACHABLE_SCRIPT, unreachable_database)
    answers = json.loads(run.stdout.splitlines()[-1])
    assert answers["/healthz"] == [200, {"status": "ok"}]
    status, body = answers["/readyz"]
    assert status == 503
    assert body["checks"]["database"].startswith("unreachable: OperationalError: ")
    assert body["checks"]["migrations"] == "unknown: the database is unreachable"
    assert body["checks"]["task_worker"] == "unknown: the database is unreachable"


# Bounded: a store that hangs, and many probes at once.


def test_a_hanging_check_costs_the_probe_its_timeout_and_is_not_run_twice(stores, monkeypatch):
    """While a store hangs, each probe waits at most the timeout and says so; the hanging
    check is not started again until it ends."""
    release, started = threading.Event(), []

    def hangs() -> str:
        started.append(time.monotonic())
        release.wait(10)
        return "ok"

    monkeypatch.setattr(health, "page_cache_state", hangs)
    checks = Readiness(keep_for=0, timeout=0.2)
    try:
        began = time.monotonic()
        first = checks.check()
        second = checks.check()
        assert time.monotonic() - began < 1.5
        waited = [
            float(report.checks["page_cache"].removeprefix("timeout: no answer in ")[:-2])
            for report in (first, second)
        ]
        assert 0.2 <= waited[0] < waited[1]  # the second probe waited for the same run
        assert not first.ready and len(started) == 1
        release.set()
        time.sleep(0.1)
        assert checks.check().checks["page_cache"] == "ok"
        assert len(started) == 2
    finally:
        release.set()
        checks.close()


def test_one_answer_serves_every_probe_for_a_second(stores, monkeypatch):
    """Within KEEP_FOR a process answers again what it found, without checking again."""
    calls = []
    monkeypatch.setattr(health, "page_cache_state", lambda: calls.append(1) or "ok")
    checks = Readiness(keep_for=60, timeout=2)
    try:
        assert checks.check() is checks.check()
        assert len(calls) == 1
        checks.forget()
        checks.check()
        assert len(calls) == 2
    finally:
        checks.close()


# In front of everything else.


def test_neither_probe_is_stored_by_the_page_cache(stores):
    """Behind the health layer the page cache stores a page, never a probe's answer."""
    app = HealthApp(pagecache.PageCacheApp(page), checks=Fixed())
    for path in ("/healthz", "/readyz", "/healthz", "/readyz"):
        status, headers, _body = call(app, path)
        assert status == 200 and "X-Cache" not in headers
    assert pagecache.get_store().usage() == (0, 0)
    assert call(app, "/berita/")[1]["X-Cache"] == "MISS"
    assert pagecache.get_store().usage()[1] == 1


def test_probes_are_answered_when_the_render_budget_is_spent(settings, stores):
    """An address past its renders gets 429 for pages, and still the probes' answers."""
    settings.WARTA_PAGE_CACHE = {**settings.WARTA_PAGE_CACHE, "RENDER_RATE": Rate(1, 60)}
    app = HealthApp(pagecache.PageCacheApp(page), checks=Fixed())
    assert call(app, "/berita/?page=2")[0] == 200
    assert call(app, "/berita/?page=3")[0] == 429
    assert call(app, "/readyz")[0] == 200
    assert call(app, "/healthz")[0] == 200


def test_probes_are_left_out_of_the_access_log(caplog):
    """A probe a second would flood it; with the log at debug, each writes a line there."""
    app = HealthApp(RequestLogApp(page, access_log=True), checks=Fixed())
    with caplog.at_level(logging.DEBUG):
        call(app, "/healthz")
        call(app, "/readyz")
        call(app, "/berita/")
    access = [r.getMessage() for r in caplog.records if r.name == "warta.access"]
    assert len(access) == 1 and '"GET /berita/ HTTP/1.0" 200' in access[0]
    probes = [r.getMessage() for r in caplog.records if r.name == "warta.core.health"]
    assert [line.split(" in ")[0] for line in probes] == ["GET /healthz 200", "GET /readyz 200"]


def test_nginx_passes_every_probe_on_and_keeps_no_copy(nginx_site):  # noqa: F811
    """deploy/nginx.conf: each probe reaches the app server, even when its answer (here a
    stand-in's) says it may be cached."""
    _plain, proxy, _purges = nginx_site
    for path in ("/healthz", "/healthz", "/readyz", "/readyz"):
        assert get(f"{proxy}{path}") is None  # no X-Proxy-Cache: nginx's cache is not asked
    assert len(Page.asked) == 4


def test_the_health_layer_is_the_outermost_of_the_app_servers():
    assert type(warta.wsgi.application).__name__ == "HealthApp"
    assert type(warta.wsgi.application.app).__name__ == "RequestLogApp"


def test_not_ready_and_ready_again_are_logged_once_each(caplog):
    checks = Readiness()
    ready = Report.of(dict.fromkeys(CHECKS, "ok"))
    down = Report.of(dict.fromkeys(CHECKS, "ok") | {"redis": "unreachable: ConnectionError"})
    with caplog.at_level(logging.INFO, logger="warta.core.health"):
        for report in (ready, ready, down, down, down, ready, ready):
            checks.note(report)
    assert [record.getMessage() for record in caplog.records] == [
        "Not ready: redis unreachable: ConnectionError",
        "Ready again: every check of /readyz passes",
    ]


# The task worker's heartbeat.


@pytest.mark.django_db
def test_a_beat_writes_this_machines_heartbeat_once():
    heartbeat = Heartbeat(every=5)
    heartbeat.beat()
    heartbeat.beat()
    assert list(WorkerHeartbeat.objects.values_list("machine", "every")) == [(machine_name(), 5)]
    age = timezone.now() - WorkerHeartbeat.objects.get().seen_at
    assert abs(age.total_seconds()) < 5


@pytest.mark.django_db
def test_heartbeats_of_machines_silent_for_a_week_are_removed():
    beat("retired", seconds_ago=8 * 86400)
    beat("resting", seconds_ago=6 * 86400)
    Heartbeat().beat()
    assert sorted(WorkerHeartbeat.objects.values_list("machine", flat=True)) == sorted(
        ["resting", machine_name()]
    )


@pytest.mark.django_db
@pytest.mark.parametrize("redis", ["", "redis://127.0.0.1:6379/0"])
def test_other_machines_on_the_database_without_redis_are_pointed_out(settings, caplog, redis):
    """Two machines' workers beating into one database, and no Redis: the log says what
    goes wrong and what to set. A machine silent for longer has left; Redis: all is well."""
    settings.REDIS_URL = redis
    beat("web-2", seconds_ago=30)
    beat("web-old", seconds_ago=3600)
    with caplog.at_level(logging.WARNING, logger="warta.core.health"):
        Heartbeat().beat()
    warned = [r.getMessage() for r in caplog.records if "REDIS_URL" in r.getMessage()]
    if redis:
        assert warned == []
    else:
        assert len(warned) == 1 and "(web-2)" in warned[0]


@committed
def test_the_heartbeat_thread_beats_until_stopped():
    heartbeat = Heartbeat(every=0.05)
    heartbeat.ensure_started()
    try:
        deadline = time.monotonic() + 10
        while not WorkerHeartbeat.objects.exists():
            assert time.monotonic() < deadline, "no heartbeat within 10 s"
            time.sleep(0.02)
        first = WorkerHeartbeat.objects.get().seen_at
        while WorkerHeartbeat.objects.get().seen_at == first:
            assert time.monotonic() < deadline, "a single heartbeat within 10 s"
            time.sleep(0.02)
    finally:
        heartbeat.stop()
    assert heartbeat.thread is None


@pytest.mark.server
@committed
def test_a_served_warta_is_ready_once_its_worker_beats(tmp_path):
    """`warta serve`: /healthz at once, /readyz 200 as soon as the task worker it started
    has written its heartbeat."""
    article = ArticlePageFactory()
    database = ServerDatabase(tmp_path)
    server = Server(tmp_path, database.create(), "", flush_seconds=5)
    try:
        server.start(article.pk)
        assert server.request("GET", "/healthz") == (200, b'{"status": "ok"}')
        deadline = time.monotonic() + 60
        while (answer := server.request("GET", "/readyz"))[0] != 200:
            assert time.monotonic() < deadline, answer
            time.sleep(0.2)
        assert json.loads(answer[1]) == {
            "status": "ready",
            "checks": {name: "off" if name in UNUSED else "ok" for name in CHECKS},
        }
    finally:
        server.stop()
        database.drop()
