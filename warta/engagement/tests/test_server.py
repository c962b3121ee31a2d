"""Exact counts from a real multi-worker server: concurrent readers, SIGTERM, restart.

Each test starts `warta serve` (granian, several worker processes) on 127.0.0.1
with a database of its own: a copy of the test database in a temporary SQLite
file, or, when the suite runs on PostgreSQL, a database it creates from the
test database and drops afterwards. With WARTA_TEST_REDIS_URL the tests run a
second time counting in Redis. Requests are bounded in number and time; the
tests end only the servers they started.
"""

import http.client
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.db import connection

from warta.core.tests.environments import production_environment
from warta.news.factories import ArticlePageFactory

from .conftest import CHROME, REDIS_URL, reader_id

pytestmark = [
    pytest.mark.server,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROOT = Path(__file__).resolve().parents[3]
CLIENTS, VIEWS_EACH = 8, 500
MODES = ["local", "redis"] if REDIS_URL else ["local"]


class ServerDatabase:
    """The server's own database, made from the test database (which holds the articles)."""

    def __init__(self, tmp_path: Path):
        self.vendor = connection.vendor
        self.tmp_path = tmp_path
        self.settings = dict(connection.settings_dict)
        self.name = f"engagement_srv_{os.getpid()}_{uuid.uuid4().hex[:8]}"

    def _admin(self):
        import psycopg

        return psycopg.connect(
            dbname="postgres",
            user=self.settings["USER"],
            password=self.settings["PASSWORD"] or None,
            host=self.settings["HOST"] or "127.0.0.1",
            port=self.settings["PORT"] or 5432,
            autocommit=True,
        )

    def create(self) -> str:
        if self.vendor == "sqlite":
            path = self.tmp_path / "server.sqlite3"
            connection.ensure_connection()
            target = sqlite3.connect(path)
            connection.connection.backup(target)
            target.close()
            self.path = path
            return f"sqlite:///{path}"
        connection.close()  # CREATE DATABASE ... TEMPLATE needs the template unused
        with self._admin() as admin:
            # A connection a finished test's thread left open would hold it too.
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                (self.settings["NAME"],),
            )
            admin.execute(f'CREATE DATABASE "{self.name}" TEMPLATE "{self.settings["NAME"]}"')
        s = self.settings
        password = f":{s['PASSWORD']}" if s["PASSWORD"] else ""
        host = s["HOST"] or "127.0.0.1"
        return f"postgres://{s['USER']}{password}@{host}:{s['PORT'] or 5432}/{self.name}"

    def views(self, article_id: int) -> int:
        query = "SELECT views FROM engagement_articlestats WHERE article_id = %s"
        if self.vendor == "sqlite":
            with sqlite3.connect(self.path) as db:
                row = db.execute(query.replace("%s", "?"), (article_id,)).fetchone()
        else:
            import psycopg

            with psycopg.connect(self.url) as db:
                row = db.execute(query, (article_id,)).fetchone()
        return row[0] if row else 0

    def drop(self) -> None:
        if self.vendor != "sqlite":
            with self._admin() as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


class Server:
    """`warta serve` with 3 workers on a free loopback port (or on a namespace "machine":
    `on_host`)."""

    def __init__(self, tmp_path: Path, database_url: str, redis_prefix: str, flush_seconds: float):
        self.address = "127.0.0.1"
        self.launcher: list[str] = []  # what runs the command elsewhere
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.env = production_environment(
            tmp_path / "var",
            database_url,
            WARTA_SECURE_COOKIES="0",
            # Every test reader comes from 127.0.0.1.
            WARTA_ENGAGEMENT_IP_RATE="1000000/10m",
            WARTA_ENGAGEMENT_ADDRESS_ARTICLE_RATE="1000000/h",
            WARTA_ENGAGEMENT_FLUSH_SECONDS=str(flush_seconds),
        )
        if redis_prefix:  # the same prefix after a restart: the same shared state
            self.env["REDIS_URL"] = REDIS_URL
            self.env["WARTA_ENGAGEMENT_REDIS_PREFIX"] = redis_prefix
        self.log = tmp_path / f"server-{self.port}.log"
        self.process = None

    def on_host(self, host) -> None:
        """Run on `host` (warta.operations.tests.hosts.Host): its address, its name, and
        the database and Redis reached over its link."""
        self.address, self.launcher = host.inside, host.command()
        self.env["WARTA_ALLOWED_HOSTS"] = f"localhost,127.0.0.1,{host.inside}"
        for name in ("DATABASE_URL", "REDIS_URL"):
            if self.env.get(name):
                self.env[name] = host.reach(self.env[name])

    def start(self, probe_article: int) -> None:
        with self.log.open("a") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own command
                [*self.launcher, sys.executable, "-m", "warta", "serve"]
                + ["--bind", f"{self.address}:{self.port}", "--workers", "3"],
                env=self.env,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, to kill it whole
            )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text()[-3000:]
            try:
                status, _ = self.request("GET", f"/api/engagement/v1/articles/{probe_article}")
                if status == 200:
                    return
            except OSError:
                time.sleep(0.2)
        pytest.fail("the server did not start in 90 s:\n" + self.log.read_text()[-3000:])

    def request(self, method: str, path: str, headers: dict | None = None) -> tuple[int, bytes]:
        status, _headers, body = self.exchange(method, path, headers)
        return status, body

    def exchange(
        self, method: str, path: str, headers: dict | None = None, body: bytes | None = None
    ):
        """(status, response headers, body) of one request."""
        conn = http.client.HTTPConnection(self.address, self.port, timeout=20)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, response.headers, response.read()
        finally:
            conn.close()

    def view(self, article_id: int, reader: int) -> int:
        status, _ = self.request(
            "POST",
            f"/api/engagement/v1/articles/{article_id}/views",
            {
                "Cookie": f"warta_reader={reader_id(reader)}",
                "User-Agent": CHROME,
                "Sec-Fetch-Site": "same-origin",
                "Content-Length": "0",
            },
        )
        return status

    def stop(self) -> None:
        """SIGTERM, as a service manager stops it; granian stops its workers gracefully."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:  # pragma: no cover - only if a worker hangs
                self.process.kill()
                self.process.wait()
                pytest.fail("the server did not stop within 40 s of SIGTERM")

    def kill(self) -> None:
        """SIGKILL to the server and its workers at once: no code of theirs runs again."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()


@pytest.fixture
def served(tmp_path):
    """Start servers on one database of their own; stop them and drop it afterwards."""
    database = ServerDatabase(tmp_path)
    servers: list[Server] = []
    redis_prefix = f"warta-test:{uuid.uuid4().hex}:"

    def start(probe_article: int, mode: str, flush_seconds: float, pages: bool = False) -> Server:
        """`pages`: collect the static files first, as a site serving pages needs them."""
        if not servers:
            database.url = database.create()
        prefix = redis_prefix if mode == "redis" else ""
        server = Server(tmp_path, database.url, prefix, flush_seconds)
        servers.append(server)
        if pages:
            subprocess.run(  # noqa: S603 - our own command
                [sys.executable, "-m", "warta", "collectstatic", "--no-input", "-v0"],
                env=server.env,
                cwd=ROOT,
                check=True,
                timeout=300,
            )
        server.start(probe_article)
        return server

    start.database = database
    yield start
    for server in servers:
        server.stop()
    database.drop()
    forget_redis_keys(redis_prefix)


def forget_redis_keys(prefix: str) -> None:
    """Delete what servers left in the test Redis under their key prefix."""
    if REDIS_URL:
        import redis

        client = redis.Redis.from_url(REDIS_URL)
        keys = list(client.scan_iter(f"{prefix}*"))
        if keys:
            client.delete(*keys)


def send_views(server: Server, article_id: int, first_reader: int, clients: int, each: int):
    """`clients` threads, each sending `each` views from readers of its own; the 202 count."""

    def client(number: int) -> int:
        base = first_reader + number * each
        return sum(server.view(article_id, base + i) == 202 for i in range(each))

    with ThreadPoolExecutor(clients) as pool:
        return sum(pool.map(client, range(clients)))


def wait_for_views(database: ServerDatabase, article_id: int, expected: int, seconds: float):
    deadline = time.monotonic() + seconds
    while (stored := database.views(article_id)) != expected and time.monotonic() < deadline:
        time.sleep(0.25)
    return stored


@pytest.mark.parametrize("mode", MODES)
def test_concurrent_readers_on_several_workers_add_up_exactly(served, mode):
    """8 clients × 500 distinct readers against 3 workers: stored total == accepted beacons."""
    article = ArticlePageFactory()
    server = served(article.pk, mode, flush_seconds=1)
    accepted = send_views(server, article.pk, 1, CLIENTS, VIEWS_EACH)
    assert accepted == CLIENTS * VIEWS_EACH
    # The flush every second persists them while the server runs, no restart needed.
    assert wait_for_views(served.database, article.pk, accepted, seconds=20) == accepted
    # The read endpoint may be cached for 5 seconds; then it shows the new total.
    deadline, body = time.monotonic() + 15, b""
    while f'"views": {accepted}'.encode() not in body and time.monotonic() < deadline:
        time.sleep(0.5)
        _status, body = server.request("GET", f"/api/engagement/v1/articles/{article.pk}")
    assert f'"views": {accepted}'.encode() in body


@pytest.mark.parametrize("mode", MODES)
def test_sigterm_then_restart_loses_no_accepted_view(served, mode):
    """Views still pending when SIGTERM arrives are persisted on the way down."""
    article = ArticlePageFactory()
    # A long interval: only the flush at shutdown can have persisted them.
    server = served(article.pk, mode, flush_seconds=60)
    accepted = send_views(server, article.pk, 1, clients=4, each=75)
    assert served.database.views(article.pk) == 0
    server.stop()
    assert served.database.views(article.pk) == accepted == 300

    again = served(article.pk, mode, flush_seconds=60)
    more = send_views(again, article.pk, 10_000, clients=4, each=50)
    # Seen before the restart, 30 minutes not over: the marks outlive the server.
    duplicate = again.view(article.pk, 1)
    again.stop()
    assert duplicate == 200
    assert served.database.views(article.pk) == accepted + more == 500


@pytest.mark.parametrize("mode", MODES)
def test_a_killed_server_loses_no_accepted_view(served, mode):
    """SIGKILL to every process: the accepted views wait in the shared store for the restart."""
    article = ArticlePageFactory()
    server = served(article.pk, mode, flush_seconds=60)
    accepted = send_views(server, article.pk, 1, clients=4, each=50)
    server.kill()
    assert served.database.views(article.pk) == 0
    served(article.pk, mode, flush_seconds=60)  # persists what it finds before serving
    assert served.database.views(article.pk) == accepted == 200
