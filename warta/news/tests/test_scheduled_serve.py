"""Scheduling as a newsroom meets it: `warta serve` alone makes scheduled changes happen.

The production server (granian, with the task worker it starts) runs on a copy of the
test database: SQLite, or PostgreSQL when the suite runs on it. An editor's session
(`warta shell` on the server's database) schedules a story a few seconds ahead, an
expiry and a breaking story's end; the test only reads pages until each has happened.
"""

import http.client
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from warta.engagement.tests.test_server import served  # noqa: F401 - the fixture
from warta.news.factories import ArticlePageFactory, SectionPageFactory

pytestmark = [
    pytest.mark.server,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROOT = Path(__file__).resolve().parents[3]
AHEAD = 6  # seconds from the editor's action to the scheduled moment
BOUND = 60  # "within a minute"

EDITOR_SESSION = """
from datetime import timedelta
from django.utils import timezone
from warta.news.models import ArticlePage

moment = timezone.now() + timedelta(seconds={ahead})
story = ArticlePage.objects.get(pk={scheduled})
story.go_live_at = moment
story.save_revision().publish()
story = ArticlePage.objects.get(pk={expiring})
story.expire_at = moment
story.save_revision().publish()
story = ArticlePage.objects.get(pk={breaking})
story.breaking_until = moment
story.save_revision().publish()
print(moment.timestamp())
"""


def as_editor(server, **stories) -> float:
    """Run the editor's changes on the server's database; the scheduled moment."""
    result = subprocess.run(  # noqa: S603 - our own command
        [
            sys.executable,
            "-m",
            "warta",
            "shell",
            "-c",
            EDITOR_SESSION.format(ahead=AHEAD, **stories),
        ],
        env=server.env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return float(result.stdout.strip().splitlines()[-1])


def get(server, path: str) -> tuple[int, str]:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=20)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read().decode()
    finally:
        conn.close()


def ticker(html: str) -> str:
    found = re.search(r'<section class="ticker".*?</section>', html, re.S)
    return found.group(0) if found else ""


def wait_until(condition, seconds: float) -> float | None:
    """Poll `condition()` every half second; the time it first held, or None."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return time.time()
        time.sleep(0.5)
    return None


def test_scheduled_expiring_and_breaking_stories_change_with_nothing_run_by_hand(served):  # noqa: F811
    """A story goes live, one expires and one leaves the ticker, each at its time."""
    section = SectionPageFactory(title="Daerah")
    probe = ArticlePageFactory(parent=section, title="Berita pertama")
    scheduled = ArticlePageFactory(parent=section, title="Jembatan Juwana dibuka")
    scheduled.unpublish()
    expiring = ArticlePageFactory(parent=section, title="Lowongan kerja pabrik gula")
    breaking = ArticlePageFactory(parent=section, title="Banjir bandang Kudus", is_breaking=True)
    server = served(probe.pk, "local", flush_seconds=5, pages=True)

    moment = as_editor(server, scheduled=scheduled.pk, expiring=expiring.pk, breaking=breaking.pk)
    # Before the moment: nothing has happened yet.
    assert time.time() < moment
    assert get(server, scheduled.url)[0] == 404
    status, home = get(server, "/")
    assert status == 200
    assert "Jembatan Juwana dibuka" not in home
    assert "Lowongan kerja pabrik gula" in home
    assert "Banjir bandang Kudus" in ticker(home)

    appeared = wait_until(
        lambda: (
            get(server, scheduled.url)[0] == 200 and "Jembatan Juwana dibuka" in get(server, "/")[1]
        ),
        BOUND,
    )
    expired = wait_until(
        lambda: (
            get(server, expiring.url)[0] == 404
            and "Lowongan kerja pabrik gula" not in get(server, "/")[1]
        ),
        BOUND,
    )
    left_ticker = wait_until(
        lambda: "Banjir bandang Kudus" not in ticker(get(server, "/")[1]), BOUND
    )
    for happened in (appeared, expired, left_ticker):
        assert happened is not None, server.log.read_text()[-3000:]
        assert moment <= happened < moment + BOUND


def worker_of(server) -> int | None:
    """The process id of the task worker `warta serve` started, if one runs."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        parent = re.search(r"^PPid:\s+(\d+)", status, re.M)
        if parent and int(parent.group(1)) == server.process.pid and b"worker" in command:
            return int(entry.name)
    return None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_worker_is_started_again_and_ends_with_the_server(served):  # noqa: F811
    """A killed worker is replaced; SIGTERM to the server ends the worker with it."""
    probe = ArticlePageFactory()
    server = served(probe.pk, "local", flush_seconds=5)
    first = worker_of(server)
    assert first is not None
    os.kill(first, signal.SIGKILL)
    assert wait_until(lambda: worker_of(server) not in (None, first), 20) is not None
    second = worker_of(server)
    server.stop()
    assert (
        not Path(f"/proc/{second}").exists()
        or "zombie" in Path(f"/proc/{second}/status").read_text()
    )


SCHEDULE_MANY = """
from datetime import timedelta
from django.utils import timezone
from warta.news.models import ArticlePage

moment = timezone.now() + timedelta(seconds={ahead})
for story in ArticlePage.objects.filter(pk__in={stories}):
    story.go_live_at = moment
    story.save_revision().publish()
"""

COUNT_PUBLICATIONS = """
from wagtail.models import PageLogEntry
from warta.news.models import ArticlePage

stories = ArticlePage.objects.filter(pk__in={stories})
print(stories.filter(live=True).count(), PageLogEntry.objects.filter(
    page__in=stories, action="wagtail.publish.scheduled").count())
"""


def shell(server, code: str) -> str:
    result = subprocess.run(  # noqa: S603 - our own command
        [sys.executable, "-m", "warta", "shell", "-c", code],
        env=server.env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


def test_two_app_servers_publish_each_scheduled_story_once(served):  # noqa: F811
    """Two servers, two workers, one database: six stories due at once, each published once."""
    probe = ArticlePageFactory()
    stories = [ArticlePageFactory(title=f"Serentak {n}") for n in range(6)]
    for story in stories:
        story.unpublish()
    ids = [story.pk for story in stories]
    first = served(probe.pk, "local", flush_seconds=5)
    served(probe.pk, "local", flush_seconds=5)
    shell(first, SCHEDULE_MANY.format(ahead=AHEAD, stories=ids))
    count = COUNT_PUBLICATIONS.format(stories=ids)
    assert wait_until(lambda: shell(first, count).split()[0] == "6", BOUND) is not None
    time.sleep(2)  # a second publication, were there one, would be done by now
    assert shell(first, count) == "6 6"
