"""An accepted view is a stored view: Redis stopped, the state file's disk full.

Each test that stops Redis runs its own `redis-server` on a free loopback port, keeping
nothing on disk (as production's may), and stops it by its process id. A full disk is
SQLite's own SQLITE_FULL: the state file is capped with `PRAGMA max_page_count` and
filled, as another program filling the disk would.
"""

import logging
import sqlite3
import subprocess
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from warta.core.tests.redis_server import RedisServer
from warta.engagement import counters
from warta.engagement.counters import flush_views, get_backend
from warta.engagement.models import ArticleStats
from warta.news.factories import ArticlePageFactory

from .conftest import Reader
from .test_server import Server, ServerDatabase

pytestmark = pytest.mark.django_db

COUNTERS_LOG = "warta.engagement.counters"


@pytest.fixture
def own_redis(tmp_path, settings):
    """The counters on a Redis of this test's own; tried again 0.1 s after a failure."""
    server = RedisServer(tmp_path)
    server.start()
    settings.WARTA_ENGAGEMENT = {
        **settings.WARTA_ENGAGEMENT,
        "REDIS_URL": server.url,
        "REDIS_PREFIX": f"warta-test:{uuid.uuid4().hex}:",
    }
    get_backend().outage.retry_after = 0.1
    yield server
    server.kill()


def views_of(article) -> int:
    stats = ArticleStats.objects.filter(article=article).first()
    return stats.views if stats else 0


def view(client, article, n: int):
    """A view from reader n at an address of its own (no address limit comes into play)."""
    return Reader(client, n, address=f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}").view(
        article.pk
    )


def counter_lines(caplog, text: str) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == COUNTERS_LOG and text in r.message]


def test_views_accepted_through_redis_survive_its_death(client, article, own_redis):
    """Views Redis admitted are pending in the machine's file: killing Redis loses none."""
    assert [view(client, article, n).status_code for n in range(1, 6)] == [202] * 5
    assert own_redis.keys() > 0  # judged in Redis
    own_redis.kill()
    assert flush_views() == 5
    assert views_of(article) == 5


def test_beacons_are_counted_on_the_state_file_while_redis_is_down(
    client, article, own_redis, caplog
):
    """Without Redis, beacons are still judged and counted, and the log gets one line."""
    own_redis.kill()
    with caplog.at_level(logging.WARNING, logger=COUNTERS_LOG):
        statuses = [view(client, article, n).status_code for n in range(1, 21)]
        again = view(client, article, 1)
    assert statuses == [202] * 20
    assert again.status_code == 200
    assert again.json() == {"counted": False, "reason": "duplicate"}
    assert len(counter_lines(caplog, "Redis")) == 1
    assert flush_views() == 20
    assert views_of(article) == 20


def test_counting_returns_to_redis_when_it_comes_back(client, article, own_redis, caplog):
    """Redis back on its port is used again without a restart, and the log says so."""
    own_redis.kill()
    assert view(client, article, 1).status_code == 202
    own_redis.start()
    deadline, n = time.monotonic() + 10, 1
    with caplog.at_level(logging.WARNING, logger=COUNTERS_LOG):
        while own_redis.keys() == 0 and time.monotonic() < deadline:
            n += 1
            assert view(client, article, n).status_code == 202
    assert own_redis.keys() > 0
    assert any(line.endswith("is back") for line in counter_lines(caplog, "Redis"))
    assert flush_views() == n
    assert views_of(article) == n


def test_reactions_are_judged_on_the_state_file_while_redis_is_down(client, article, own_redis):
    """A reaction while Redis is away is saved, its limits kept on the machine's file."""
    own_redis.kill()
    response = Reader(client, 1).react(article.pk, "love")
    assert response.status_code == 200
    assert response.json()["reactions"]["love"] == 1


def state_file():
    return getattr(get_backend(), "local", get_backend())


def fill_state_file() -> sqlite3.Connection:
    """Cap the state file at its size and fill what is left of it: the disk is full."""
    db = state_file().db
    db.execute("CREATE TABLE IF NOT EXISTS filler (data BLOB)")
    (pages,) = db.execute("PRAGMA page_count").fetchone()
    db.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(sqlite3.OperationalError, match="full"):
        for _ in range(1000):
            db.execute("INSERT INTO filler VALUES (zeroblob(500))")
    return db


def views_until_refused(client, article, first: int) -> tuple[list, int]:
    """Views from new readers until one is refused, then ten more (bounded: 500 in all).
    Returns the answers and the reader refused first."""
    answers, refused = [], None
    for n in range(first, first + 500):
        answers.append(view(client, article, n))
        if refused is None and answers[-1].status_code == 503:
            refused = n
        if refused is not None and n == refused + 10:
            break
    assert refused is not None, "no view was refused"
    return answers, refused


def assert_refused_honestly(answers, state, caplog, error: str) -> None:
    """Views are 202 until the first refusal; then 503 with Retry-After for the pause, and
    one log line naming the file."""
    statuses = [response.status_code for response in answers]
    first = statuses.index(503)
    assert set(statuses[:first]) <= {202}
    assert set(statuses[first:]) == {503}
    refused = answers[first]
    assert refused.json()["error"] == "unavailable"
    assert refused["Retry-After"] == str(counters.UNAVAILABLE_RETRY_SECONDS)
    assert refused["Cache-Control"] == "no-store"
    lines = counter_lines(caplog, str(state.path))
    assert len(lines) == 1
    assert error in lines[0]


def retry_until_written(client, article, reader: int):
    """The refused reader's beacon again, until the file takes writes after its pause."""
    deadline = time.monotonic() + 10
    while (response := view(client, article, reader)).status_code == 503:
        assert time.monotonic() < deadline, "the state file was not tried again"
    return response


def test_a_full_disk_refuses_views_with_503_and_keeps_those_accepted(client, article, caplog):
    """SQLITE_FULL: the beacon answers 503 with Retry-After, the log names the file once, and
    every view answered 202 is stored once space is back."""
    state = state_file()
    state.outage.retry_after = 1  # after a failure, the file is left alone for a second
    db = fill_state_file()
    with caplog.at_level(logging.WARNING, logger=COUNTERS_LOG):
        # A view whose rows fit in a page already there is still written; the first that
        # needs a new page is refused, and so is every view during the pause after it.
        answers, refused = views_until_refused(client, article, 1)
    assert_refused_honestly(answers, state, caplog, "database or disk is full")

    db.execute("PRAGMA max_page_count = 1000000")  # space again
    # Refused, so not counted, so counted when the reader tries again (not a duplicate).
    assert retry_until_written(client, article, refused).status_code == 202
    assert flush_views() == refused
    assert views_of(article) == refused


def test_an_unwritable_state_file_refuses_views_and_gives_redis_its_hits_back(
    client, article, own_redis, caplog
):
    """A view Redis admitted whose pending total cannot be written is refused (503), and its
    marks are given back: the reader's retry is counted, not taken for a duplicate."""
    state = state_file()
    state.outage.retry_after = 1
    assert [view(client, article, n).status_code for n in range(1, 4)] == [202] * 3
    state.db.execute("PRAGMA query_only = ON")  # SQLITE_READONLY on every write
    with caplog.at_level(logging.WARNING, logger=COUNTERS_LOG):
        answers, refused = views_until_refused(client, article, 4)
    assert refused == 4
    assert_refused_honestly(answers, state, caplog, "readonly")

    state.db.execute("PRAGMA query_only = OFF")
    assert retry_until_written(client, article, refused).status_code == 202
    assert flush_views() == 4
    assert views_of(article) == 4


@pytest.fixture
def tiny_filesystem(tmp_path, settings):
    """The state file on a 256 KiB tmpfs of its own, where mounting one is allowed."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(  # noqa: S603 - a fixed command
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)],  # noqa: S607
        capture_output=True,
        check=False,
    )
    if done.returncode:
        pytest.skip("cannot mount a tmpfs here (needs root): " + done.stderr.decode().strip())
    settings.WARTA_ENGAGEMENT = {
        **settings.WARTA_ENGAGEMENT,
        "STATE_PATH": mount / "engagement-state.sqlite3",
    }
    try:
        yield mount
        connection = getattr(state_file().file.local, "connection", None)
        if connection is not None:
            connection.close()
    finally:
        subprocess.run(["umount", "--lazy", str(mount)], check=True)  # noqa: S603, S607


def test_a_full_filesystem_refuses_views_with_redis_too(
    client, article, tiny_filesystem, own_redis, caplog
):
    """A disk that is really full (ENOSPC): views Redis admits are refused with 503 until
    space is freed; every view answered 202 is stored."""
    state = state_file()
    state.outage.retry_after = 1
    assert view(client, article, 1).status_code == 202
    filler = tiny_filesystem / "filler"
    with pytest.raises(OSError, match="No space"), filler.open("wb") as out:
        for _ in range(1024):
            out.write(b"\0" * 4096)
            out.flush()
    with caplog.at_level(logging.WARNING, logger=COUNTERS_LOG):
        answers, refused = views_until_refused(client, article, 2)
    assert_refused_honestly(answers, state, caplog, "full")

    filler.unlink()
    assert retry_until_written(client, article, refused).status_code == 202
    assert flush_views() == refused
    assert views_of(article) == refused


def test_the_pixel_of_a_view_not_written_down_is_a_503(client, article):
    """A reader without JavaScript is not told a view was taken that was not: 503, no-store."""
    state_file().db.execute("PRAGMA query_only = ON")
    response = client.get(
        f"/api/engagement/v1/articles/{article.pk}/pixel.gif",
        headers=Reader(client).headers(),
        REMOTE_ADDR="10.0.0.1",
    )
    assert response.status_code == 503
    assert response["Content-Type"] == "image/gif"
    assert response["Retry-After"] == str(counters.UNAVAILABLE_RETRY_SECONDS)
    assert response["Cache-Control"] == "no-store"


def test_a_full_disk_refuses_reactions_with_503(client, article):
    """A reaction whose limits cannot be written is refused with 503, not saved unjudged."""
    state_file().outage.retry_after = 1
    fill_state_file()
    answers = [
        Reader(client, n, address=f"10.9.{n}.9").react(article.pk, "love") for n in range(1, 60)
    ]
    refused = [response for response in answers if response.status_code == 503]
    assert refused, "no reaction was refused"
    assert {response.status_code for response in answers} <= {200, 503}
    assert refused[0].json()["error"] == "unavailable"
    assert refused[0]["Retry-After"] == str(counters.UNAVAILABLE_RETRY_SECONDS)
    saved = sum(response.status_code == 200 for response in answers)
    assert ArticleStats.objects.get(article=article).reaction_counts()["love"] == saved


CLIENTS, VIEWS_EACH = 8, 250  # 2,000 beacons
KILL_AT, RESTART_AT = 600, 1200  # answers received when Redis is killed, then started again


class Beacons:
    """Answers to beacons sent by several threads, and Redis killed and started among them."""

    def __init__(self, server: Server, article_id: int, own_redis: RedisServer):
        self.server, self.article_id, self.redis = server, article_id, own_redis
        self.lock = threading.Lock()
        self.answered, self.redis_down = 0, False
        self.statuses: Counter[int] = Counter()
        self.while_down: Counter[int] = Counter()

    def send(self, reader: int) -> int:
        status = self.server.view(self.article_id, reader)
        with self.lock:
            self.answered += 1
            self.statuses[status] += 1
            if self.redis_down:
                self.while_down[status] += 1
            if self.answered == KILL_AT:
                self.redis.kill()
                self.redis_down = True
            elif self.answered == RESTART_AT:
                self.redis.start()
                self.redis_down = False
        return status

    def client(self, number: int) -> None:
        for i in range(VIEWS_EACH):
            self.send(1 + number * VIEWS_EACH + i)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.server
def test_redis_killed_under_load_then_the_server_killed_loses_no_accepted_view(tmp_path):
    """2,000 beacons from 8 threads to 3 workers; Redis killed after 600 answers and started
    again after 1,200; then every process of the server killed and the server started
    again: each beacon answered 202 is stored, every other answer is an honest 503, the
    log has a line per worker, not per beacon, and counting goes back to Redis."""
    article = ArticlePageFactory()
    own_redis = RedisServer(tmp_path)
    own_redis.start()
    database = ServerDatabase(tmp_path)
    database.url = database.create()
    servers: list[Server] = []

    def serve() -> Server:
        # Flushing only when it starts and stops: the views wait in the state file.
        server = Server(tmp_path, database.url, "", flush_seconds=60)
        server.env.update(REDIS_URL=own_redis.url, WARTA_ENGAGEMENT_REDIS_PREFIX="warta-test:")
        servers.append(server)
        server.start(article.pk)
        return server

    try:
        server = serve()
        beacons = Beacons(server, article.pk, own_redis)
        with ThreadPoolExecutor(CLIENTS) as pool:
            list(pool.map(beacons.client, range(CLIENTS)))
        # Back in Redis without a restart: the next beacons leave their marks there.
        deadline, reader = time.monotonic() + 15, CLIENTS * VIEWS_EACH
        while own_redis.keys() == 0 and time.monotonic() < deadline:
            reader += 1
            beacons.send(reader)
        assert own_redis.keys() > 0, "counting did not go back to Redis"

        accepted = beacons.statuses[202]
        assert set(beacons.statuses) <= {202, 503}, beacons.statuses
        assert beacons.while_down[202] > 0, "nothing was counted while Redis was down"
        log = server.log.read_text()
        down = [line for line in log.splitlines() if "Redis" in line and "unavailable" in line]
        assert 1 <= len(down) <= 3, down  # once per worker that met the outage
        assert "is back" in log

        server.kill()  # SIGKILL to every process: no flush on the way down
        assert database.views(article.pk) == 0
        serve()  # persists what the state file holds before serving
        assert database.views(article.pk) == accepted
    finally:
        for server in servers:
            server.stop()
        database.drop()
        own_redis.kill()
