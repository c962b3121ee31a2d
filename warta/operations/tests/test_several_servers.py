"""Several app servers on one PostgreSQL database and one Redis, as a growing newsroom runs.

Two `warta serve` processes (three workers and a task worker each) run as two machines:
each on a host of its own where this machine allows namespaces (`hosts.py`: a network
namespace with its own address and link, and its own host name; the database and Redis
reached over the link), else on loopback; each with a `var/` folder of its own, both with
one secret key, on one PostgreSQL database (made from the test database) and one Redis,
whose keys they keep under a prefix of this run's own (`WARTA_REDIS_PREFIX`). Over HTTP
the tests show that views and reactions add up exactly across them, that a publication
on one purges the page cache of all, that a sign-in and its limits hold on any, and that
each scheduled change and daily task runs once. The servers start once for the module;
each test has stories and accounts of its own.

They need PostgreSQL and Redis, and are skipped unless WARTA_TEST_POSTGRES_URL and
WARTA_TEST_REDIS_URL are set (docs/operations.md, "Several app servers").
"""

from __future__ import annotations

import json
import os
import secrets
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from http.client import HTTPMessage
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

import pytest
import redis
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.tasks import TaskResultStatus
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from pytest_django import DjangoDbBlocker
from wagtail.models import PageLogEntry

from warta.core import caches
from warta.core.models import WorkerHeartbeat
from warta.engagement.models import ArticleStats, Reaction
from warta.engagement.tests.conftest import CHROME, REDIS_URL, reader_id
from warta.engagement.tests.test_server import (
    Server,
    ServerDatabase,
    forget_redis_keys,
    send_views,
    wait_for_views,
)
from warta.integrity.tasks import scan_every_night
from warta.news.factories import ArticlePageFactory, SectionPageFactory
from warta.news.models import ArticlePage
from warta.news.tasks import apply_scheduled_changes
from warta.news.tests.test_scheduled_serve import wait_until
from warta.newsroom.tests.helpers import article_form
from warta.operations.tasks import back_up_every_day
from warta.operations.tests.hosts import Host, hosts_available

POSTGRES_URL = os.environ.get("WARTA_TEST_POSTGRES_URL", "")
pytestmark = [
    pytest.mark.server,
    pytest.mark.django_db,
    pytest.mark.skipif(
        not (POSTGRES_URL and REDIS_URL),
        reason="several app servers share PostgreSQL and Redis: "
        "set WARTA_TEST_POSTGRES_URL and WARTA_TEST_REDIS_URL (CI's PostgreSQL pass does)",
    ),
]

PASSWORD = secrets.token_urlsafe(16)
HOST = "localhost"  # the one site name both servers answer, as behind one proxy
AHEAD = 3  # seconds from scheduling a story to its go-live time
BOUND = 30  # seconds within which something the servers do must have happened


@dataclass
class Story:
    pk: int
    url: str
    slug: str


@dataclass
class Servers:
    """The two servers, the database they share, and what each test works on."""

    a: Server
    b: Server
    database: ServerDatabase
    blocker: DjangoDbBlocker
    redis_prefix: str
    stories: dict[str, Story] = field(default_factory=dict)
    scheduled: list[Story] = field(default_factory=list)

    @contextmanager
    def on_their_database(self):
        """This thread's connection on the servers' database for a while: what an editor
        does without the admin, and reading what the servers stored."""
        own = connections[DEFAULT_DB_ALIAS]
        theirs = type(own)({**own.settings_dict, "NAME": self.database.name})
        connections[DEFAULT_DB_ALIAS] = theirs
        try:
            with self.blocker.unblock():
                yield
        finally:
            theirs.close()
            connections[DEFAULT_DB_ALIAS] = own
            caches.reset()


def make_content(servers: Servers) -> None:
    """The stories and accounts the tests use, in the servers' database."""
    section = SectionPageFactory(title="Daerah", slug="daerah")
    for name, title in [
        ("views", "Pasar Juwana ramai jelang Lebaran"),
        ("reactions", "Harga cabai di Pati naik lagi"),
        ("purge", "Jembatan Juwana diperbaiki"),
        ("unpublish", "Lowongan kerja pabrik gula Trangkil"),
    ]:
        story = ArticlePageFactory(parent=section, title=title)
        servers.stories[name] = Story(story.pk, story.url, story.slug)
    for n in range(3):
        story = ArticlePageFactory(parent=section, title=f"Pelabuhan Juwana serentak {n}")
        story.unpublish()
        servers.scheduled.append(Story(story.pk, story.url, story.slug))
    # Production's hasher: the servers do not know the tests' fast one.
    hashed = Argon2PasswordHasher().encode(PASSWORD, Argon2PasswordHasher().salt())
    for username in ("redaktur", "sekretaris", "penjaga"):
        get_user_model().objects.create(
            username=username, password=hashed, is_staff=True, is_superuser=True
        )
    # Whatever waits must be what these servers queue as they start.
    DBTaskResult.objects.all().delete()


def collect_static(folder) -> None:
    """The static files both servers serve, collected once with hashed names; without the
    compressed copies production adds, which take seconds and no test reads."""
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=folder, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)


class Pair:
    """Two servers on one database and one Redis, started by the first test that asks."""

    def __init__(self, folder, blocker):
        self.folder, self.blocker = folder, blocker
        self.prefix = f"warta-test:{uuid.uuid4().hex}:"
        self.database: ServerDatabase | None = None
        self.servers: Servers | None = None
        self.failed: str | None = None
        self.started: list[Server] = []
        self.hosts: list[Host] = []

    def ensure(self) -> Servers:
        if self.failed:
            pytest.fail(f"the servers did not start: {self.failed}")
        if self.servers is None:
            try:
                self.servers = self.start()
            except BaseException as error:
                self.failed = repr(error)
                raise
        return self.servers

    def start(self) -> Servers:
        folder = self.folder
        with self.blocker.unblock():
            self.database = ServerDatabase(folder)  # now the test database is set up
            self.database.url = self.database.create()
            collect_static(folder / "static")
        environment = {
            "WARTA_SECRET_KEY": secrets.token_urlsafe(60),  # one key: sessions hold on both
            "WARTA_REDIS_PREFIX": self.prefix,
            "WARTA_STATIC_ROOT": str(folder / "static"),
            "WARTA_BACKUP_DIR": str(folder / "backups"),  # the daily backup is queued too
            "WARTA_LOGIN_ACCOUNT_FAILURES": "3",
            "WARTA_ENGAGEMENT_ADDRESS_REACTION_RATE": "1000/h",  # every reader is 127.0.0.1
            "WARTA_WORKER_INTERVAL": "0.5",
        }
        pair = []
        on_hosts = hosts_available()
        for name in ("a", "b"):
            (folder / name).mkdir()
            server = Server(folder / name, self.database.url, self.prefix, flush_seconds=1)
            # The counters' keys follow WARTA_REDIS_PREFIX, as they do by default.
            del server.env["WARTA_ENGAGEMENT_REDIS_PREFIX"]
            server.env.update(environment)
            if on_hosts:
                host = Host(f"web-{name}")
                self.hosts.append(host)
                for url in (self.database.url, REDIS_URL):
                    host.relay(urlsplit(url).port or 0)
                server.on_host(host)
            pair.append(server)
        servers = Servers(
            *pair, database=self.database, blocker=self.blocker, redis_prefix=self.prefix
        )
        with servers.on_their_database():
            make_content(servers)
        self.started.extend(pair)
        probe = servers.stories["views"].pk
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(lambda server: server.start(probe), pair))
        return servers

    def stop(self) -> None:
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(Server.stop, self.started))
        for host in self.hosts:
            host.remove()
        if self.database is not None:
            self.database.drop()
        forget_redis_keys(self.prefix)


@pytest.fixture(scope="module")
def pair(django_db_blocker, tmp_path_factory):
    """The module's two servers; stopped, their database dropped and their Redis keys
    deleted at the end."""
    pair = Pair(tmp_path_factory.mktemp("several-servers"), django_db_blocker)
    yield pair
    pair.stop()


@pytest.fixture
def servers(pair) -> Servers:
    """The two servers, started by the first test that asks, on a copy of the test
    database as the migrations left it: tests that are not transactional, such as these,
    run before those that empty it."""
    return pair.ensure()


@dataclass
class Answer:
    status: int
    headers: HTTPMessage
    text: str

    @property
    def cache(self) -> str:
        return self.headers.get("X-Cache", "")


def read(server: Server, path: str) -> Answer:
    """A reader's GET of a page, by the site's name, as the proxy passes it to any server."""
    status, headers, body = server.exchange("GET", path, {"Host": HOST})
    return Answer(status, headers, body.decode())


class Browser:
    """A staff member's browser: its cookies go to whichever server answers the site."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def ask(self, server: Server, method: str, path: str, form: dict | None = None) -> Answer:
        headers = {"Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items())}
        body = None
        if form is not None:
            form = {**form, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
            body = urlencode(form, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        status, answer, content = server.exchange(method, path, headers, body)
        for line in answer.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(line).items():
                if morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return Answer(status, answer, content.decode())

    def sign_in(self, server: Server, username: str, password: str = PASSWORD) -> Answer:
        self.ask(server, "GET", "/admin/login/")  # the CSRF cookie
        form = {"username": username, "password": password, "next": "/admin/"}
        return self.ask(server, "POST", "/admin/login/", form)


def signed_in(server: Server, username: str) -> Browser:
    browser = Browser()
    answer = browser.sign_in(server, username)
    assert answer.status == 302, answer.text[-2000:]
    return browser


def react(server: Server, article_id: int, reader: int, reaction: str | None) -> int:
    """A reader's reaction as the page's script sends it (None takes it back); the status."""
    status, _headers, _body = server.exchange(
        "POST",
        f"/api/engagement/v1/articles/{article_id}/reaction",
        {
            "Cookie": f"warta_reader={reader_id(reader)}",
            "User-Agent": CHROME,
            "Sec-Fetch-Site": "same-origin",
            "Content-Type": "application/json",
        },
        json.dumps({"reaction": reaction}).encode(),
    )
    return status


def test_views_spread_over_both_servers_add_up_exactly(servers):
    """4 threads on each server, 480 readers: the stored count is what was accepted, and a
    reader counted on one server is not counted again on the other."""
    story = servers.stories["views"]
    with ThreadPoolExecutor(2) as pool:
        on_a = pool.submit(send_views, servers.a, story.pk, 1, 4, 60)
        on_b = pool.submit(send_views, servers.b, story.pk, 1_001, 4, 60)
        accepted = on_a.result() + on_b.result()
    assert accepted == 480
    # Within the 30 minutes, readers seen on A send their beacon again to B: not counted.
    assert {servers.b.view(story.pk, reader) for reader in range(1, 41)} == {200}
    assert wait_for_views(servers.database, story.pk, accepted, seconds=BOUND) == 480


def test_reactions_on_both_servers_tally_one_per_reader(servers):
    """30 readers react on A, then 10 of them change their reaction on B and 5 take it
    back there: the tallies are each reader's last choice."""
    story = servers.stories["reactions"]
    first = {reader: ("love", "wow", "sad")[reader % 3] for reader in range(1, 31)}
    last = {**first, **dict.fromkeys(range(1, 11), "haha")}
    for reader in range(11, 16):
        del last[reader]

    def reader_reacts(reader: int) -> list[int]:
        statuses = [react(servers.a, story.pk, reader, first[reader])]
        if reader <= 15:
            statuses.append(react(servers.b, story.pk, reader, last.get(reader)))
        return statuses

    with ThreadPoolExecutor(6) as pool:
        statuses = [status for answer in pool.map(reader_reacts, first) for status in answer]
    assert set(statuses) == {200}
    expected = {kind: list(last.values()).count(kind) for kind in Reaction.Kind.values}
    with servers.on_their_database():
        tallies = ArticleStats.objects.get(pk=story.pk).reaction_counts()
        rows = Reaction.objects.filter(article_id=story.pk).count()
    assert tallies == expected
    assert rows == len(last) == 25


def test_a_publication_on_one_server_purges_the_page_cache_of_all(servers):
    """A story read on B is stored once for both; edited and published in A's admin, B
    shows the change on the next request."""
    story = servers.stories["purge"]
    assert read(servers.b, story.url).cache == "MISS"
    assert read(servers.a, story.url).cache == "HIT"  # the page B stored: one cache
    stored = redis.Redis.from_url(REDIS_URL).keys(f"{servers.redis_prefix}pc:e:*")
    assert stored, "the page cache keeps its pages under WARTA_REDIS_PREFIX"

    editor = signed_in(servers.a, "redaktur")
    form = {
        **article_form("Jembatan Juwana dibuka kembali", slug=story.slug),
        "action-publish": "1",
    }
    answer = editor.ask(servers.a, "POST", f"/admin/pages/{story.pk}/edit/", form)
    assert answer.status == 302, answer.text[-2000:]
    page = read(servers.b, story.url)
    assert page.status == 200
    assert page.cache == "MISS"
    assert "Jembatan Juwana dibuka kembali" in page.text


def test_unpublishing_on_one_server_takes_the_story_off_all(servers):
    """A story cached for both servers, unpublished in A's admin: B answers 404 at once."""
    story = servers.stories["unpublish"]
    assert read(servers.b, story.url).status == 200
    assert read(servers.a, story.url).cache == "HIT"
    editor = signed_in(servers.a, "redaktur")
    answer = editor.ask(servers.a, "POST", f"/admin/pages/{story.pk}/unpublish/", {})
    assert answer.status == 302, answer.text[-2000:]
    assert read(servers.b, story.url).status == 404
    assert read(servers.a, story.url).status == 404


def test_a_sign_in_on_one_server_holds_on_the_other_until_signed_out_there(servers):
    """Signed in on A, the same cookie opens B's admin; signing out on B ends the session
    on A too, even for a copy of the old cookie."""
    browser = signed_in(servers.a, "sekretaris")
    assert browser.ask(servers.b, "GET", "/admin/").status == 200
    old_cookies = dict(browser.cookies)
    assert browser.ask(servers.b, "POST", "/admin/logout/", {}).status == 302
    assert "sessionid" not in browser.cookies
    browser.cookies = old_cookies
    answer = browser.ask(servers.a, "GET", "/admin/")
    assert answer.status == 302
    assert answer.headers["Location"].startswith("/admin/login/")


def test_failed_sign_ins_count_across_servers(servers):
    """Three wrong passwords, on A, B and A, block the account on B too: the right
    password is refused there (429) until the block ends."""
    browser = Browser()
    for server in (servers.a, servers.b, servers.a):
        assert browser.sign_in(server, "penjaga", "salah").status == 200
    answer = browser.sign_in(servers.b, "penjaga")
    assert answer.status == 429
    assert "sessionid" not in browser.cookies


def test_a_scheduled_story_goes_live_once_on_every_server(servers):
    """Three stories due at one moment, two workers polling: each is published once, by
    one worker, and B stops answering 404 for it at once."""
    with servers.on_their_database():
        moment = timezone.now() + timedelta(seconds=AHEAD)
        for scheduled in servers.scheduled:
            story = ArticlePage.objects.get(pk=scheduled.pk)
            story.go_live_at = moment
            story.save_revision().publish()
    for story in servers.scheduled:
        assert read(servers.b, story.url).status == 404  # and cached so, for a minute
    live = wait_until(
        lambda: all(read(servers.b, story.url).status == 200 for story in servers.scheduled),
        BOUND,
    )
    assert live is not None, servers.a.log.read_text()[-3000:] + servers.b.log.read_text()[-3000:]
    assert live >= moment.timestamp()
    time.sleep(1)  # a second publication, were there one, would be done by now
    ids = [story.pk for story in servers.scheduled]
    with servers.on_their_database():
        publications = PageLogEntry.objects.filter(
            page_id__in=ids, action="wagtail.publish.scheduled"
        )
        published = sorted(publications.values_list("page_id", flat=True))
        runs = list(
            DBTaskResult.objects.filter(task_path=apply_scheduled_changes.module_path).values_list(
                "args_kwargs", "status", "worker_ids"
            )
        )
    assert published == sorted(ids)
    assert sorted(args["args"][0] for args, _status, _workers in runs) == sorted(ids)
    for _args, status, workers in runs:
        assert status == TaskResultStatus.SUCCESSFUL
        assert len(workers) == 1


def test_both_servers_starting_queue_one_run_of_each_daily_task(servers):
    """Both servers queued the daily tasks missing as they started: one run of each waits."""
    with servers.on_their_database():
        waiting = {
            task.module_path: DBTaskResult.objects.filter(
                task_path=task.module_path, status=TaskResultStatus.READY
            ).count()
            for task in (scan_every_night, back_up_every_day)
        }
    assert waiting == {scan_every_night.module_path: 1, back_up_every_day.module_path: 1}


def test_each_server_runs_as_a_machine_of_its_own(servers, pair):
    """On two hosts (namespaces): each server is ready, its task worker beating under its
    host's name, and neither warns of a shared database without Redis."""
    if not pair.hosts:
        pytest.skip("this machine allows no network namespaces (root and `ip` needed)")
    for server in (servers.a, servers.b):
        status, _headers, body = server.exchange("GET", "/readyz", {"Host": HOST})
        assert status == 200, body
    with servers.on_their_database():
        machines = set(WorkerHeartbeat.objects.values_list("machine", flat=True))
    assert machines == {"web-a", "web-b"}
    for server in (servers.a, servers.b):
        assert server.address.startswith("10.231.")
        assert "REDIS_URL is not set" not in server.log.read_text()
