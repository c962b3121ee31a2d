"""A database locked or unreachable: writes refused fast with 503, cache hits still served."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from wsgiref.util import setup_testing_defaults

import psycopg
import pytest
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import OperationalError, close_old_connections, connection
from django.test import RequestFactory

from warta.core import caches, pagecache
from warta.core.views import server_error
from warta.news.factories import ArticlePageFactory, SectionPageFactory
from warta.replies.models import ReplySubmission
from warta.settings import env

PROJECT = Path(__file__).resolve().parents[3]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# Settings read from the environment.


def postgres_options(monkeypatch, **variables) -> dict:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("DATABASE_URL", "postgres://warta@db.example:5432/warta")
    return env.get_database("DATABASE_URL", None)["OPTIONS"]


def test_postgresql_connections_wait_3_s_for_a_lock_and_10_s_for_a_query(monkeypatch):
    """By default a query gives up after 3 s waiting for a lock, 10 s running."""
    options = postgres_options(monkeypatch)
    assert "-c lock_timeout=3000" in options["options"]
    assert "-c statement_timeout=10000" in options["options"]
    assert "-c jit=off" in options["options"]
    assert options["connect_timeout"] == 5


def test_postgresql_timeouts_come_from_the_environment(monkeypatch):
    """WARTA_DB_*_TIMEOUT set them in seconds; 0 waits for ever."""
    options = postgres_options(
        monkeypatch,
        WARTA_DB_LOCK_TIMEOUT="0.5",
        WARTA_DB_STATEMENT_TIMEOUT="0",
        WARTA_DB_CONNECT_TIMEOUT="0",
    )
    assert "-c lock_timeout=500" in options["options"]
    assert "-c statement_timeout=0" in options["options"]
    assert "connect_timeout" not in options


def test_sqlite_writers_wait_for_the_lock_as_long_as_the_lock_timeout(monkeypatch, tmp_path):
    """SQLite's busy timeout is the lock timeout: bounded, 3 s by default."""
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert env.get_database("DATABASE_URL", tmp_path / "w.sqlite3")["OPTIONS"]["timeout"] == 3
    monkeypatch.setenv("WARTA_DB_LOCK_TIMEOUT", "1.5")
    assert env.get_database("DATABASE_URL", tmp_path / "w.sqlite3")["OPTIONS"]["timeout"] == 1.5


def test_a_bad_timeout_names_its_variable(monkeypatch):
    monkeypatch.setenv("WARTA_DB_LOCK_TIMEOUT", "soon")
    with pytest.raises(env.SettingError, match="WARTA_DB_LOCK_TIMEOUT: expected a number"):
        env.get_database_timeouts()


# The answers.


@pytest.mark.parametrize(
    ("path", "content_type"),
    [("/kudus/", "text/html"), ("/api/engagement/v1/articles/1", "application/json")],
)
def test_a_database_error_outside_the_view_is_a_503_too(path, content_type):
    """The 500 handler (errors raised by middleware) answers a database outage with 503."""
    try:
        raise OperationalError("database is locked")
    except OperationalError:
        response = server_error(RequestFactory().get(path))
    assert response.status_code == 503
    assert response["Retry-After"] == "5" and response["Cache-Control"] == "no-store"
    assert response["Content-Type"].startswith(content_type)


def test_any_other_error_is_still_a_500():
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500


# A database nobody answers on: a closed port, or an SQLite file that cannot be opened.

UNREACHABLE_SCRIPT = """
import json
import django
from django.test import Client
from django.test.utils import setup_test_environment

django.setup()
setup_test_environment()
client = Client(raise_request_exception=False)
answers = []
for method, path, data in [
    ("get", "/", None),
    ("get", "/kudus/banjir-surut/", None),
    ("get", "/api/engagement/v1/articles/1", None),
    ("post", "/hak-jawab/", {"name": "Budi", "contact": "budi@contoh.id", "text": "Keliru."}),
] * 4 + [("get", "/", None), ("get", "/admin/pages/", None)]:
    if len(answers) == 16:  # then as staff: the session is looked up first
        client.cookies["sessionid"] = "a-staff-session"
    response = getattr(client, method)(path, data) if data else getattr(client, method)(path)
    answers.append({
        "path": path,
        "status": response.status_code,
        "retry_after": response.get("Retry-After"),
        "type": response.get("Content-Type", ""),
        "body": response.content.decode(),
    })
print(json.dumps(answers))
"""


@pytest.fixture(params=["postgresql", "sqlite"])
def unreachable_database(request, tmp_path) -> dict:
    """Environment for a Warta whose database cannot be reached."""
    variables = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("WARTA_", "DATABASE_URL", "REDIS_URL"))
    }
    variables.update(
        DJANGO_SETTINGS_MODULE="warta.settings.test",
        WARTA_VAR_DIR=str(tmp_path / "var"),
        WARTA_DB_CONNECT_TIMEOUT="2",
    )
    if request.param == "postgresql":
        variables["WARTA_TEST_POSTGRES_URL"] = (
            f"postgres://postgres@127.0.0.1:{free_port()}/warta_unreachable"
        )
    else:  # a directory where the file should be: SQLite cannot open it
        (tmp_path / "not-a-file").mkdir()
        variables["DATABASE_URL"] = f"sqlite:///{tmp_path / 'not-a-file'}"
    return variables


def run_script(script: str, environment: dict) -> subprocess.CompletedProcess:
    """Run `script` in this interpreter with `environment`; it must end well."""
    run = subprocess.run(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, "-c", script],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    return run


def test_an_unreachable_database_answers_503_with_a_body_and_one_log_line(unreachable_database):
    """Pages, the API, a form and staff pages answer 503 with a message, never 500; the log
    says so once, without a traceback or a line per request."""
    run = run_script(UNREACHABLE_SCRIPT, unreachable_database)
    answers = json.loads(run.stdout.splitlines()[-1])
    assert {answer["status"] for answer in answers} == {503}, answers
    assert {answer["retry_after"] for answer in answers} == {"5"}
    pages = [answer for answer in answers if not answer["path"].startswith("/api/")]
    assert all("text/html" in page["type"] and "<h1>" in page["body"] for page in pages)
    api = [json.loads(answer["body"]) for answer in answers if answer["path"].startswith("/api/")]
    assert {body["error"] for body in api} == {"unavailable"}
    log = run.stderr.splitlines()
    assert [line for line in log if "database unavailable" in line] == log[:1]
    assert not any("Traceback" in line or "Service Unavailable" in line for line in log)


# A table locked on PostgreSQL.


@pytest.fixture
def locked_tables():
    """Holds ACCESS EXCLUSIVE locks on tables from a second connection while in the block."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set WARTA_TEST_POSTGRES_URL (CI does)")
    params = connection.settings_dict

    @contextmanager
    def locked(*tables: str) -> Iterator[None]:
        with psycopg.connect(
            dbname=params["NAME"],
            user=params["USER"] or None,
            password=params["PASSWORD"] or None,
            host=params["HOST"] or None,
            port=params["PORT"] or None,
        ) as holder:
            holder.execute(f"LOCK TABLE {', '.join(tables)} IN ACCESS EXCLUSIVE MODE")
            try:
                yield
            finally:
                holder.rollback()

    return locked


@pytest.fixture
def site_app(settings, tmp_path):
    """The page cache in front of Django, as app servers run them."""
    settings.WARTA_ENGAGEMENT = {
        **settings.WARTA_ENGAGEMENT,
        "STATE_PATH": tmp_path / "engagement-state.sqlite3",
        "REDIS_URL": "",
    }
    settings.WARTA_REPLIES = {**settings.WARTA_REPLIES, "ATTACHMENT_ROOT": tmp_path / "replies"}
    caches.reset()
    pagecache.reset_store()
    pagecache.get_store().purge([pagecache.ALL_TAG])
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield pagecache.PageCacheApp(get_wsgi_application())
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)
    pagecache.reset_store()
    caches.reset()


def call(app, path: str, method: str = "GET", body: bytes = b"", **environ) -> tuple:
    """(status code, headers, body) of one request through a WSGI app."""
    request = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "HTTP_HOST": "localhost",
        "wsgi.input": io.BytesIO(body),
        "CONTENT_LENGTH": str(len(body)),
        **environ,
    }
    setup_testing_defaults(request)
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer.update(status=int(status.split()[0]), headers=dict(headers))

    content = b"".join(app(request, start_response))
    return answer["status"], answer["headers"], content


@pytest.mark.django_db
def test_the_connection_carries_the_lock_and_statement_timeouts(locked_tables):
    """PostgreSQL applies the configured timeouts to Warta's own connection."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW lock_timeout")
        (lock,) = cursor.fetchone()
        cursor.execute("SHOW statement_timeout")
        (statement,) = cursor.fetchone()
    expected = env.get_database_timeouts()
    assert (lock, statement) == (f"{expected.lock:g}s", f"{expected.statement:g}s")


# Committed as each request commits: the lock's holder must not wait for this test's
# transaction. The migrations' rows (the default site) are put back afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_locked_table_refuses_writes_with_503_while_cache_hits_are_served(
    locked_tables, site_app, client
):
    """With the pages' tables locked a cached page still answers 200; with the replies'
    table locked a hak jawab answers 503 and an uncached page still 200."""
    section = SectionPageFactory(title="Kudus", slug="kudus")
    story = ArticlePageFactory(parent=section, title="Banjir Surut", slug="banjir-surut")
    call(site_app, story.url)
    assert call(site_app, story.url)[1]["X-Cache"] == "HIT"

    with locked_tables("wagtailcore_page", "news_articlepage", "django_session"):
        status, headers, body = call(site_app, story.url)
    assert (status, headers["X-Cache"]) == (200, "HIT") and b"Banjir Surut" in body

    reply = {
        "name": "Budi Santoso",
        "contact": "budi@contoh.id",
        "story": f"http://testserver{story.url}",
        "text": "Berita itu keliru: jalan desa sudah diperbaiki pada bulan Mei.",
        "website": "",
    }
    with locked_tables("replies_replysubmission"):
        refused = client.post("/hak-jawab/", reply)
        assert (refused.status_code, refused["Retry-After"]) == (503, "5")
        assert b"<h1>" in refused.content
        assert client.get(section.url).status_code == 200
    assert not ReplySubmission.objects.exists()
