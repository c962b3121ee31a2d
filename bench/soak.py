"""Soak: readers, view beacons, reactions and editors at once, behind nginx, for minutes.

Builds a fresh site in a temporary folder (SQLite; `--postgres URL` for a PostgreSQL
database of its own, created on that server and dropped at the end; `--redis URL` for
Redis under a prefix of its own): the demo content topped up by `generate_archive` to
`--articles` stories, and `--editors` accounts in the editor-in-chief's group. Starts the
production server, `warta serve --workers N` with its task worker, and nginx with
deploy/nginx.conf in front as bench/pages.py runs it (plain http on loopback, the https
server without its certificate), both on free loopback ports. Then, for what is left of
`--minutes` (setup included; at least MIN_LOAD_SECONDS):

- `--readers` readers, each a thread visiting the site again and again: every visit a new
  reader (its own random reader id, as the page's script makes one, and its own address,
  sent as X-Forwarded-For and taken by Warta because nginx on 127.0.0.1 is a trusted proxy;
  one visit in five shares one of 16 carrier-NAT addresses). A visit reads a few pages
  across the archive, following the links the pages show or jumping anywhere (front page,
  sections and their later pages, stories, tags, reporters, month archives, search), loads
  the stylesheet once, and on every story does what its script does: the view beacon, the
  counts, now and then a reaction, sometimes changed or taken back.
- `--editors` editors, signed in to the admin through nginx, each every few seconds
  publishing a new story in their section, updating one of theirs, or unpublishing one of
  theirs or one of the archive's, with the admin's own forms and CSRF tokens. After each
  change the editor asks Warta itself, as nginx would ask it (Host, X-Forwarded-Proto and
  X-Forwarded-For from 127.0.0.1), on fresh connections: the change must show on the first
  request. Then it asks nginx, from whose cache Warta purged the changed pages before the
  admin answered (`WARTA_NGINX_PURGE_URLS`, nginx's purge server): the change must show on
  the first answer there too. Should it not, nginx is asked until it shows, to tell a
  missed purge (shown within `s-maxage`, read from the pages' Cache-Control, plus
  NGINX_MARGIN seconds) from a page never refreshed.
- a sampler reads the resident memory (VmRSS) of the server's workers and task worker.

At the end the load stops, nginx and then the server are stopped with SIGTERM (which
persists the pending views), and the database is read: every view answered 202 must be
stored (each story's count and the daily counts grew by exactly the 202s it got), every
reaction as the reader's last answer left it (the reader's row and the story's tallies).
Exits non-zero when any check fails: a 5xx or a failed connection, a view or reaction not
stored exactly, a change not seen as above, the p99 of reader pages over P99_BOUND_MS, or
a process's RSS growing by TARGET_GROWTH percent or more from the end of the warm-up (the
first quarter of the load) to the end. Bounded by time and by `--max-requests`; it ends
only the processes it started, by their PID.

    .venv/bin/python bench/soak.py [--minutes 5] [--readers 50] [--editors 2]
        [--articles 3000] [--workers 2] [--postgres URL] [--redis URL] [--keep] [--write]

`make soak` runs it (`make soak SOAK_MINUTES=1` for a short one); `--write` replaces the
"Soak" section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import itertools
import json
import os
import random
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections import Counter, defaultdict
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import brotli
from common import free_port, load_demo_site, warta_environment, write_section
from common import machine_description as machine
from engagement import PostgresDatabase
from pages import cpu_seconds, nginx_config, run, start, stop, wait_until_up

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
WARTA = str(VENV_BIN / "warta")

MIN_LOAD_SECONDS = 60  # the load runs at least this long, whatever --minutes leaves
CLOSING_SECONDS = 25  # kept at the end of --minutes for stopping and checking
WARMUP_SHARE, MIN_WARMUP_SECONDS = 0.25, 20  # of the load: memory growth counts from its end
SAMPLE_SECONDS = 5  # between memory readings
WINDOW_SECONDS = 30  # the report's slices of the load
TARGET_GROWTH = 10.0  # percent, per process, from the end of the warm-up to the end
P99_BOUND_MS = 1000  # reader pages through nginx, measured by the readers
NGINX_MARGIN = 2.0  # seconds past s-maxage for nginx's revalidation to bring a missed change
CHANGE_TIMEOUT = 20.0  # seconds an editor waits for a change to show through nginx
THINK_SECONDS = (1.0, 3.0)  # a reader's pause between pages
RAMP_SECONDS = 30  # readers arrive over the first seconds of the load (at most its warm-up)
SIGN_IN_GAP = 5  # seconds between the editors' sign-ins: one hashing slot per worker
EDITOR_PAUSE_SECONDS = (3.0, 6.0)  # an editor's pause between changes
MAX_OWN_STORIES = 8  # an editor's stories live at once, all on the section's first page
REACT_SHARE, CHANGE_SHARE, WITHDRAW_SHARE = 0.15, 0.15, 0.10
SHARED_ADDRESSES = 16  # carrier-NAT addresses one visit in five comes from
TIMEOUT = 30  # seconds a request may take before it counts as failed
REACTIONS = ("like", "love", "haha", "wow", "sad", "angry")
# First segments of reader addresses that are not stories.
NOT_STORIES = frozenset(
    ("static", "media", "feeds", "en", "tag", "penulis", "arsip", "cari", "api", "admin")
)

AGENTS = (
    "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Linux; Android 12; Redmi Note 11) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/130.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, "
    "like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36",
)
EDITOR_AGENT = AGENTS[-1]
SEARCHES = ("banjir", "pati", "dprd", "pasar", "jalan rusak", "pilkades", "harga cabai", "kudus")
PLACES = ("Pati", "Kudus", "Rembang", "Blora", "Jepara", "Juwana", "Tayu", "Cepu")
HEADLINES = (
    "Warga {place} Gotong Royong Bersihkan Saluran Irigasi",
    "Pemkab {place} Buka Pasar Murah di Tiga Kecamatan",
    "Jalan Penghubung Desa di {place} Mulai Diaspal",
    "Posyandu di {place} Gelar Pemeriksaan Gratis untuk Lansia",
    "Petani {place} Mulai Tanam Padi Setelah Hujan Turun",
    "Sekolah di {place} Perbaiki Atap Kelas yang Bocor",
)

# The site as readers and editors need it, the editors' accounts, and the counts before.
SITE_FACTS = """
import json, os
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Sum
from django.urls import reverse
from django.utils import translation
from taggit.models import Tag
from wagtail.models import Page
from warta.engagement.models import ArticleStats, DailyArticleStats, Reaction
from warta.news.models import ArticlePage, Person, SectionPage
from warta.newsroom import roles

translation.activate("id")
chief = Group.objects.get(name=roles.EDITOR_IN_CHIEF)
for name in json.loads(os.environ["SOAK_EDITORS"]):
    user = get_user_model().objects.create_user(
        name, f"{name}@warta.test", os.environ["SOAK_PASSWORD"])
    user.groups.add(chief)

def address(url_path):  # the reader's path: the url_path less the home page's segment
    return "/" + url_path.split("/", 2)[2]

live = ArticlePage.objects.live().public()
stories = [[pk, address(path)] for pk, path in
           live.order_by("-published_at").values_list("pk", "url_path")]
others = [address(path) for path in Page.objects.live().filter(depth__gte=2)
          .exclude(pk__in=live.values("pk")).values_list("url_path", flat=True)]
sections = [[pk, address(path)] for pk, path in
            SectionPage.objects.live().public().order_by("path").values_list("pk", "url_path")]
tags = Tag.objects.filter(pk__in=live.values("tagged_items__tag")).values_list("slug", flat=True)
people = Person.objects.filter(pk__in=live.values("reporter_links__person"))
months = live.dates("published_at", "month")
kinds = ["like", "love", "haha", "wow", "sad", "angry"]
stats = {pk: row for pk, *row in ArticleStats.objects.values_list("pk", "views", *kinds)}
print(json.dumps({
    "stories": stories,
    "others": others,
    "sections": sections,
    "tags": [reverse("news:tag", kwargs={"slug": slug}) for slug in tags],
    "people": [reverse("news:reporter", kwargs={"slug": p.slug}) for p in people],
    "months": [reverse("news:archive_month", kwargs={"year": f"{m.year:04}",
               "month": f"{m.month:02}"}) for m in months],
    "stats": stats,
    "daily_views": DailyArticleStats.objects.aggregate(n=Sum("views"))["n"] or 0,
    "reaction_rows": Reaction.objects.count(),
}))
"""

# After the run: what the database holds against what the readers were answered.
STORED = """
import json, os
from collections import Counter
from django.db.models import Sum
from warta.engagement.models import ArticleStats, DailyArticleStats, Reaction
from warta.engagement.readers import lasting_key

expected = json.loads(open(os.environ["SOAK_EXPECTED"]).read())
kinds = ["like", "love", "haha", "wow", "sad", "angry"]
before = {int(pk): row for pk, row in expected["before"].items()}
now = {pk: row for pk, *row in ArticleStats.objects.values_list("pk", "views", *kinds)}
accepted = {int(pk): n for pk, n in expected["accepted"].items()}
unknown = {int(pk): n for pk, n in expected["unknown"].items()}
rows = {(pk, reader): kind for pk, reader, kind in
        Reaction.objects.values_list("article_id", "reader", "kind")}
chosen = Counter((pk, kind) for pk, _reader, kind in expected["reactions"] if kind)
views = {"stored": 0, "wrong": []}
reactions = {"checked": len(expected["reactions"]), "wrong": [], "tallies_wrong": []}
for pk in set(now) | set(before):
    grew = [a - b for a, b in zip(now.get(pk, [0] * 7), before.get(pk, [0] * 7))]
    views["stored"] += grew[0]
    # A beacon nginx gave up on may have been counted: at most that many more.
    if not accepted.get(pk, 0) <= grew[0] <= accepted.get(pk, 0) + unknown.get(pk, 0):
        views["wrong"].append([pk, accepted.get(pk, 0), unknown.get(pk, 0), grew[0]])
    for kind, tally in zip(kinds, grew[1:]):
        if tally != chosen[pk, kind]:
            reactions["tallies_wrong"].append([pk, kind, chosen[pk, kind], tally])
views["daily"] = (DailyArticleStats.objects.aggregate(n=Sum("views"))["n"] or 0) - expected[
    "daily_before"]
for pk, reader, kind in expected["reactions"]:
    if rows.get((pk, lasting_key(reader))) != kind:
        reactions["wrong"].append([pk, kind, rows.get((pk, lasting_key(reader)))])
reactions["rows_added"] = Reaction.objects.count() - expected["reaction_rows_before"]
reactions["rows_expected"] = sum(chosen.values())
print(json.dumps({"views": views, "reactions": reactions}))
"""


@dataclass
class Answer:
    status: int | str  # "error": no answer (refused, reset, timed out)
    headers: http.client.HTTPMessage | None
    text: str
    ms: float


def decoded(raw: bytes, encoding: str | None) -> str:
    if encoding == "br":
        raw = brotli.decompress(raw)
    elif encoding == "gzip":
        raw = gzip.decompress(raw)
    return raw.decode("utf-8", "replace")


class Connection:
    """One keep-alive connection, as a browser keeps one to a site."""

    def __init__(self, port: int, tally: Tally):
        self.port, self.tally = port, tally
        self.http: http.client.HTTPConnection | None = None
        self.used = False

    def request(self, method: str, path: str, headers: dict, body: bytes | None = None) -> Answer:
        for _attempt in range(2):
            if self.http is None:
                self.http = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
                self.used = False
            reused = self.used
            started = time.monotonic()
            try:
                self.http.request(method, path, body=body, headers=headers)
                response = self.http.getresponse()
                raw = response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close()
                if reused:  # the server closed an idle connection: a browser asks again
                    self.tally.count("retried on a new connection")
                    continue
                return Answer("error", None, "", (time.monotonic() - started) * 1000)
            except (OSError, http.client.HTTPException):
                self.close()
                return Answer("error", None, "", (time.monotonic() - started) * 1000)
            ms = (time.monotonic() - started) * 1000
            self.used = True
            if response.will_close:
                self.close()
            return Answer(
                response.status,
                response.headers,
                decoded(raw, response.headers.get("Content-Encoding")),
                ms,
            )
        return Answer("error", None, "", 0.0)

    def close(self) -> None:
        if self.http is not None:
            self.http.close()
            self.http = None


@dataclass
class Tally:
    """What every thread saw, under one lock."""

    started: float
    max_requests: int
    lock: threading.Lock = field(default_factory=threading.Lock)
    statuses: dict = field(default_factory=lambda: defaultdict(Counter))  # group: status: n
    latencies: dict = field(default_factory=lambda: defaultdict(list))  # kind: [(t, ms)]
    proxy_cache: Counter = field(default_factory=Counter)  # nginx's X-Proxy-Cache on pages
    accepted: Counter = field(default_factory=Counter)  # story id: views answered 202
    unknown: Counter = field(default_factory=Counter)  # story id: beacons Warta did not answer
    not_counted: Counter = field(default_factory=Counter)  # reason: beacons answered 200
    reactions: dict = field(default_factory=dict)  # (reader id, story id): kind or None
    unsure: set = field(default_factory=set)  # (reader id, story id) with a reaction unanswered
    events: Counter = field(default_factory=Counter)
    failed_at: Counter = field(default_factory=Counter)  # window of the load: 5xx and failures
    failures: list = field(default_factory=list)  # the first few 5xx and failed requests
    changes: list = field(default_factory=list)  # the editors' changes and what they saw
    requests: int = 0

    def take(self) -> bool:
        """One request from the run's budget; False once it is spent."""
        with self.lock:
            self.requests += 1
            return self.requests <= self.max_requests

    def count(self, event: str) -> None:
        with self.lock:
            self.events[event] += 1

    def record(self, group: str, method: str, path: str, answer: Answer, kind: str = "") -> None:
        with self.lock:
            self.statuses[group][str(answer.status)] += 1
            if kind:
                self.latencies[kind].append((time.monotonic() - self.started, answer.ms))
            failed = answer.status == "error" or answer.status >= 500
            if failed:
                self.failed_at[int((time.monotonic() - self.started) // WINDOW_SECONDS)] += 1
            if failed and len(self.failures) < 20:
                request_id = answer.headers.get("X-Request-Id") if answer.headers else None
                self.failures.append(
                    f"{group}: {method} {path} -> {answer.status} "
                    f"(after {answer.ms:.0f} ms, request id {request_id})"
                )


@dataclass
class Site:
    """What readers and editors know of the site, shared and kept up to date."""

    stories: list  # [id, path] newest first, live at the start
    sections: list  # [id, path]
    listings: list  # tag, reporter and month archive paths
    not_stories: set  # paths of live pages other than stories
    made: set = field(default_factory=set)  # ids of the stories the editors published
    lock: threading.Lock = field(default_factory=threading.Lock)

    def is_story(self, path: str) -> bool:
        """Whether a link on a page leads to a story (of the archive or a new one)."""
        if path in self.not_stories or path.count("/") < 3:
            return False
        return path.split("/")[1] not in NOT_STORIES


# Readers.


def visit_address(number: int) -> str:
    """The address a visit comes from: its own, or (one in five) a carrier-NAT address."""
    if number % 5 == 0:
        return f"100.64.0.{number // 5 % SHARED_ADDRESSES + 1}"
    return f"10.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}"


LINK = re.compile(r'href="(/[^"#?]*|\?page=\d+)"')
API = re.compile(r'data-api="(/api/engagement/v1/articles/(\d+))"')
STYLESHEET = re.compile(r'<link rel="stylesheet" href="(/static/[^"]+)"')


class Reader:
    """One of the concurrent readers: visit after visit, each a new reader of the site."""

    visits = itertools.count(1)

    def __init__(self, port: int, origin: str, site: Site, tally: Tally, stop_at: threading.Event):
        self.port, self.origin, self.stop_at = port, origin, stop_at
        self.site, self.tally = site, tally
        self.random = random.Random(secrets.randbits(64))

    def run(self) -> None:
        while not self.stop_at.is_set():
            if not self.visit(next(self.visits)):
                return

    def visit(self, number: int) -> bool:
        """A few pages read by a new reader; False once the run's request budget is spent."""
        self.reader_id = secrets.token_hex(16)
        self.headers = {
            "User-Agent": self.random.choice(AGENTS),
            "Accept-Language": "id-ID,id;q=0.9,en;q=0.8",
            "Accept-Encoding": "gzip, deflate, br",
            "X-Forwarded-For": visit_address(number),
        }
        self.connection = Connection(self.port, self.tally)
        links: list[str] = []
        current = "/"
        try:
            for step in range(self.random.randint(2, 6)):
                if self.stop_at.is_set():
                    break
                path, kind = self.choose(links, current, first=step == 0)
                if not self.tally.take():
                    return False
                answer = self.page(path, kind)
                if step == 0 and answer.status == 200 and (sheet := STYLESHEET.search(answer.text)):
                    if not self.tally.take():
                        return False
                    self.get(sheet.group(1), "static", "text/css,*/*;q=0.1", kind="static file")
                if answer.status == 200:
                    if kind == "story" and not self.engage(answer.text):
                        return False
                    links, current = LINK.findall(answer.text), path
                self.stop_at.wait(self.random.uniform(*THINK_SECONDS))
        finally:
            self.connection.close()
        return True

    def choose(self, links: list[str], current: str, first: bool) -> tuple[str, str]:
        """The next page: mostly a link on the page in hand, else anywhere on the site."""
        pick = self.random.random()
        stories = [link for link in links if self.site.is_story(link)]
        if not first and stories and pick < 0.55:
            return self.random.choice(stories), "story"
        listed = [link for link in links if link.startswith(("/tag/", "/penulis/"))]
        if not first and listed and pick < 0.65:
            path = self.random.choice(listed)
            return path, "tag" if path.startswith("/tag/") else "reporter"
        later = [link for link in links if link.startswith("?page=")]
        if not first and later and pick < 0.72:
            return current.split("?")[0] + self.random.choice(later), "later page"
        pick = self.random.random()
        with self.site.lock:
            if pick < 0.25:
                return "/", "front page"
            if pick < 0.45:
                return self.random.choice(self.site.sections)[1], "section"
            if pick < 0.55:
                path = self.random.choice(self.site.listings)
                kind = {"tag": "tag", "penulis": "reporter"}.get(path.split("/")[1], "archive")
                return path, kind
            if pick < 0.59:
                query = urllib.parse.quote_plus(self.random.choice(SEARCHES))
                return f"/cari/?q={query}", "search"
            return self.random.choice(self.site.stories)[1], "story"

    def get(self, path: str, group: str, accept: str, kind: str = "", **headers) -> Answer:
        answer = self.connection.request("GET", path, {**self.headers, "Accept": accept, **headers})
        self.tally.record(group, "GET", path, answer, kind)
        return answer

    def page(self, path: str, kind: str) -> Answer:
        answer = self.get(path, "reader pages", "text/html,application/xhtml+xml,*/*;q=0.8", kind)
        if answer.headers is not None:
            with self.tally.lock:
                self.tally.proxy_cache[answer.headers.get("X-Proxy-Cache", "-")] += 1
        return answer

    def api(self, method: str, path: str, group: str, body: bytes | None = None) -> Answer:
        """A request of the page's script: same-origin, with the reader's id cookie."""
        headers = {
            **self.headers,
            "Accept": "application/json" if body else "*/*",
            "Cookie": f"warta_reader={self.reader_id}",
            "Origin": self.origin,
            "Sec-Fetch-Site": "same-origin",
            "Sec-Fetch-Mode": "cors" if body else "no-cors",
            "Sec-Fetch-Dest": "empty",
        }
        if body is not None:
            headers["Content-Type"] = "application/json"
        answer = self.connection.request(method, path, headers, body if body else b"")
        self.tally.record(group, method, path, answer)
        return answer

    def engage(self, html: str) -> bool:
        """What the story's script does: the beacon, the counts, sometimes a reaction."""
        found = API.search(html)
        if not found:
            self.tally.count("story without its engagement script")
            return True
        api, story = found.group(1), int(found.group(2))
        if not self.tally.take():
            return False
        answer = self.api("POST", api + "/views", "view beacons")
        with self.tally.lock:
            if answer.status == 202:
                self.tally.accepted[story] += 1
            elif answer.status == "error" or "X-Request-Id" not in answer.headers:
                self.tally.unknown[story] += 1  # nginx gave up waiting: counted or not
            elif answer.status == 200:
                self.tally.not_counted[json.loads(answer.text).get("reason", "?")] += 1
        if not self.tally.take():
            return False
        self.get(api, "view counts", "*/*")
        if self.random.random() < REACT_SHARE:
            choices = [self.random.choice(REACTIONS)]
            if self.random.random() < CHANGE_SHARE:
                choices.append(self.random.choice(REACTIONS))
            if self.random.random() < WITHDRAW_SHARE:
                choices.append(None)
            for choice in choices:
                if not self.tally.take():
                    return False
                self.react(api, story, choice)
        return True

    def react(self, api: str, story: int, choice: str | None) -> None:
        body = json.dumps({"reaction": choice}).encode()
        answer = self.api("POST", api + "/reaction", "reactions", body)
        key = (self.reader_id, story)
        with self.tally.lock:
            if answer.status == 200:
                self.tally.reactions[key] = json.loads(answer.text)["choice"]
            elif answer.status == "error" or answer.status >= 500:
                self.tally.unsure.add(key)  # saved or not: cannot be checked


# Editors.


def flat_form(title: str, slug: str, place: str, paragraph: str) -> dict[str, str]:
    """What the admin's story form posts (as wagtail.test.utils.form_data builds it)."""
    body = {
        "blocks": [
            {
                "key": secrets.token_hex(3)[:5],
                "type": "unstyled",
                "depth": 0,
                "text": paragraph,
                "inlineStyleRanges": [],
                "entityRanges": [],
            }
        ],
        "entityMap": {},
    }
    form = {
        "title": title,
        "slug": slug,
        "summary": f"Ringkasan: {title}.",
        "dateline": place,
        "tags": f"{place}, Desa",
        "body-count": "1",
        "body-0-type": "paragraph",
        "body-0-value": json.dumps(body),
        "body-0-deleted": "",
        "body-0-order": "0",
        "action-publish": "action-publish",
    }
    for inline in ("reporter_links", "comments"):
        form |= {
            f"{inline}-TOTAL_FORMS": "0",
            f"{inline}-INITIAL_FORMS": "0",
            f"{inline}-MIN_NUM_FORMS": "0",
            f"{inline}-MAX_NUM_FORMS": "1000",
        }
    return form


@dataclass
class Story:
    """A story an editor published in this run."""

    id: int
    path: str
    headline: str
    slug: str
    place: str
    revision: int = 0

    @property
    def title(self) -> str:
        return self.headline + (f", Pembaruan {self.revision}" if self.revision else "")


TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Editor:
    """An editor in the admin, changing a story every few seconds and checking each change."""

    def __init__(
        self,
        number: int,
        password: str,
        section: list,
        ports: dict,
        origin: str,
        site: Site,
        tally: Tally,
        stop_changes_at: float,
    ):
        self.number, self.password = number, password
        self.section_id, self.section_path = section
        self.ports, self.origin, self.site, self.tally = ports, origin, site, tally
        self.stop_changes_at = stop_changes_at
        self.random = random.Random(secrets.randbits(64))
        self.connection = Connection(ports["nginx"], tally)
        self.cookies: dict[str, str] = {}
        self.stories: list[Story] = []
        self.made = 0

    @property
    def username(self) -> str:
        return f"redaktur{self.number}"

    def admin(self, method: str, path: str, form: dict | None = None, kind: str = "") -> Answer:
        headers = {
            "User-Agent": EDITOR_AGENT,
            "Accept": "text/html",
            "Accept-Encoding": "gzip, br",
            "X-Forwarded-For": f"192.168.10.{self.number}",  # the newsroom's office
            "Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items()),
        }
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form).encode()
            headers |= {
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": self.origin,
                "Referer": self.origin + path,
                "Sec-Fetch-Site": "same-origin",
            }
        answer = self.connection.request(method, path, headers, body)
        self.tally.record("admin", method, path, answer, kind)
        for cookie in answer.headers.get_all("Set-Cookie") or [] if answer.headers else []:
            name, _, value = cookie.split(";", 1)[0].partition("=")
            self.cookies[name.strip()] = value
        return answer

    def form_token(self, path: str) -> str:
        answer = self.admin("GET", path)
        found = TOKEN.search(answer.text) if answer.status == 200 else None
        if not found:
            raise RuntimeError(f"{path} answered {answer.status} without a form")
        return found.group(1)

    def sign_in(self) -> None:
        token = self.form_token("/admin/login/")
        answer = self.admin(
            "POST",
            "/admin/login/",
            {
                "csrfmiddlewaretoken": token,
                "username": self.username,
                "password": self.password,
                "next": "/admin/",
            },
        )
        if answer.status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"{self.username} could not sign in: {answer.status}")

    def run(self) -> None:
        try:
            time.sleep((self.number - 1) * SIGN_IN_GAP)
            self.sign_in()
            while time.monotonic() < self.stop_changes_at:
                self.change()
                time.sleep(self.random.uniform(*EDITOR_PAUSE_SECONDS))
        except Exception as error:  # noqa: BLE001 - the run goes on; the report says it
            with self.tally.lock:
                self.tally.failures.append(f"editor {self.number} stopped: {error!r}")
                self.tally.events["editor stopped by an error"] += 1

    def change(self) -> None:
        pick = self.random.random()
        if len(self.stories) >= MAX_OWN_STORIES:  # the oldest would leave the section's page
            self.unpublish_own(self.stories.pop(0))
        elif len(self.stories) < 2 or pick < 0.4:
            self.publish()
        elif pick < 0.75:
            self.update(self.random.choice(self.stories))
        elif pick < 0.88:
            self.unpublish_own(self.stories.pop(0))
        else:
            self.unpublish_archive()

    def post_story(self, path: str, story: Story) -> Answer:
        token = self.form_token(path)
        paragraph = (
            f"{story.place} - {story.title}. Warga dan perangkat desa hadir sejak pagi "
            "dan kegiatan berlangsung tertib."
        )
        form = {
            "csrfmiddlewaretoken": token,
            **flat_form(story.title, story.slug, story.place, paragraph),
        }
        answer = self.admin("POST", path, form, kind="admin change")
        if answer.status != 302:
            errors = re.findall(r'class="error-message"[^>]*>\s*<span>([^<]*)', answer.text)
            raise RuntimeError(f"{path} answered {answer.status}: {errors[:3]}")
        return answer

    def publish(self) -> None:
        self.made += 1
        place = self.random.choice(PLACES)
        headline = self.random.choice(HEADLINES).format(place=place)
        headline += f" ({self.number}.{self.made})"
        slug = f"{re.sub(r'[^a-z0-9]+', '-', headline.lower()).strip('-')}"
        story = Story(0, f"{self.section_path}{slug}/", headline, slug, place)
        started = time.monotonic()
        self.post_story(f"/admin/pages/add/news/articlepage/{self.section_id}/", story)
        admin_ms = (time.monotonic() - started) * 1000
        answers = self.check(
            "publish",
            story.path,
            admin_ms,
            [
                (story.path, lambda a: a.status == 200 and story.title in a.text),
                (self.section_path, lambda a: a.status == 200 and f'href="{story.path}"' in a.text),
            ],
        )
        found = API.search(answers[0].text) if answers else None
        if found:
            story.id = int(found.group(2))
            self.stories.append(story)
            with self.site.lock:
                self.site.stories.insert(0, [story.id, story.path])
                self.site.made.add(story.id)

    def update(self, story: Story) -> None:
        # The section's page must show the new title if it showed the old one (a story
        # later pages list is not looked for).
        listed = story.title in self.from_app(self.section_path).text
        story.revision += 1
        started = time.monotonic()
        self.post_story(f"/admin/pages/{story.id}/edit/", story)
        admin_ms = (time.monotonic() - started) * 1000
        wanted = [(story.path, lambda a: a.status == 200 and story.title in a.text)]
        if listed:
            wanted.append((self.section_path, lambda a: a.status == 200 and story.title in a.text))
        self.check("update", story.path, admin_ms, wanted)

    def unpublish(self, story_id: int) -> float:
        path = f"/admin/pages/{story_id}/unpublish/"
        started = time.monotonic()
        token = self.form_token(path)
        answer = self.admin("POST", path, {"csrfmiddlewaretoken": token}, kind="admin change")
        if answer.status != 302:
            raise RuntimeError(f"{path} answered {answer.status}")
        return (time.monotonic() - started) * 1000

    def unpublish_own(self, story: Story) -> None:
        with self.site.lock:
            self.site.stories.remove([story.id, story.path])
        admin_ms = self.unpublish(story.id)
        self.check(
            "unpublish",
            story.path,
            admin_ms,
            [
                (story.path, lambda a: a.status == 404),
                (
                    self.section_path,
                    lambda a: a.status == 200 and f'href="{story.path}"' not in a.text,
                ),
            ],
        )

    def unpublish_archive(self) -> None:
        """A story of the archive that readers are reading: one of the newest most often."""
        with self.site.lock:
            archive = [story for story in self.site.stories if story[0] not in self.site.made]
            newest = archive[:60] if self.random.random() < 0.5 else archive
            story_id, path = self.random.choice(newest)
            self.site.stories.remove([story_id, path])
        admin_ms = self.unpublish(story_id)
        self.check("unpublish (archive)", path, admin_ms, [(path, lambda a: a.status == 404)])

    def check(self, kind: str, path: str, admin_ms: float, wanted: list) -> list[Answer]:
        """The change on Warta's next answers, then through nginx until it shows."""
        changed = time.monotonic()
        record = {
            "editor": self.number,
            "kind": kind,
            "path": path,
            "admin_ms": admin_ms,
            "app": True,
            "first": True,
            "seconds": None,
        }
        answers = []
        for address, test in wanted:
            # Fresh connections, so that the answers come from the workers at random.
            for _ in range(max(2, self.ports["workers"])):
                answer = self.from_app(address)
                if not test(answer):
                    record["app"] = False
                    record.setdefault("seen", f"{address}: {answer.status}")
            answers.append(answer)
        readers = Connection(self.ports["nginx"], self.tally)
        deadline = time.monotonic() + CHANGE_TIMEOUT  # nginx asked at least once
        try:
            while time.monotonic() < deadline:
                shown = True
                for address, test in wanted:
                    answer = readers.request(
                        "GET",
                        address,
                        {
                            "User-Agent": AGENTS[0],
                            "Accept-Encoding": "gzip, deflate, br",
                            "X-Forwarded-For": f"10.250.{self.number}.1",
                        },
                    )
                    self.tally.record("editors' checks through nginx", "GET", address, answer)
                    shown = shown and test(answer)
                if not shown:
                    record["first"] = False
                    time.sleep(0.1)
                    continue
                record["seconds"] = time.monotonic() - changed
                break
        finally:
            readers.close()
        with self.tally.lock:
            self.tally.changes.append(record)
        return answers

    def from_app(self, path: str) -> Answer:
        """`path` from Warta itself, on a new connection, as nginx would ask for it."""
        connection = Connection(self.ports["app"], self.tally)
        try:
            answer = connection.request(
                "GET",
                path,
                {
                    "Host": "127.0.0.1",
                    "User-Agent": AGENTS[0],
                    "Accept-Encoding": "br",
                    "X-Forwarded-Proto": "http",
                    "X-Forwarded-For": f"10.251.{self.number}.1",
                },
            )
        finally:
            connection.close()
        self.tally.record("editors' checks of Warta", "GET", path, answer)
        return answer


# Memory.


def server_processes(server_pid: int) -> dict[int, str]:
    """The server's worker processes and its task worker, by PID, from /proc."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
            command = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(text[text.rindex(")") + 2 :].split()[1]) == server_pid:
            worker = b"warta\0worker" in command
            found[int(stat.parent.name)] = "task worker" if worker else "worker"
    return found


def rss_kib(pid: int) -> int | None:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    found = re.search(r"^VmRSS:\s+(\d+) kB", text, re.MULTILINE)
    return int(found.group(1)) if found else None


def sample(server_pid: int, started: float, readings: list, stop_at: threading.Event) -> None:
    """A reading of every server process's RSS now, every SAMPLE_SECONDS, and once stopped."""
    while True:
        processes = server_processes(server_pid)
        at = time.monotonic() - started
        readings.append((at, {pid: (role, rss_kib(pid)) for pid, role in processes.items()}))
        if stop_at.is_set():
            return
        stop_at.wait(SAMPLE_SECONDS)


def memory(readings: list, warmup: float) -> dict:
    """Each process's RSS at the end of the warm-up and at the end, its maximum and growth;
    processes that came or went meanwhile (a respawned worker) are named."""
    after = next((reading for at, reading in readings if at >= warmup), readings[-1][1])
    end = readings[-1][1]
    processes = []
    for pid, (role, start_kib) in sorted(after.items(), key=lambda item: item[1][0]):
        end_kib = end.get(pid, (role, None))[1]
        if not start_kib or not end_kib:
            continue
        peak = max(reading.get(pid, (role, 0))[1] or 0 for _at, reading in readings)
        picks = readings[:: max(1, WINDOW_SECONDS // SAMPLE_SECONDS)]
        series = [reading.get(pid, (role, None))[1] for _at, reading in picks]
        processes.append(
            {
                "role": role,
                "pid": pid,
                "start_kib": start_kib,
                "end_kib": end_kib,
                "max_kib": peak,
                "growth_pct": (end_kib - start_kib) / start_kib * 100,
                "series": series,
            }
        )
    first, last = set(readings[0][1]), set(end)
    return {"processes": processes, "came_or_went": sorted(first ^ last), "readings": len(readings)}


# The run.


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def stop_gracefully(process: subprocess.Popen, timeout: float = 60) -> None:
    """SIGTERM to the process alone, as systemd stops it; its group is killed if it hangs."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def clear_redis(url: str, prefix: str) -> None:
    import redis

    client = redis.Redis.from_url(url)
    for key in client.scan_iter(match=prefix + "*", count=1000):
        client.delete(key)


def load(options, site: Site, ports: dict, server: subprocess.Popen, deadline: float) -> dict:
    """Readers, editors and the memory sampler until the load's end; what they saw."""
    started = time.monotonic()
    (machine, ours), client = cpu_seconds(), sum(os.times()[:2])
    seconds = max(MIN_LOAD_SECONDS, deadline - CLOSING_SECONDS - started)
    warmup = max(MIN_WARMUP_SECONDS, seconds * WARMUP_SHARE)
    tally = Tally(started=started, max_requests=options.max_requests)
    origin = f"http://127.0.0.1:{ports['nginx']}"
    stop_at, stop_sampling = threading.Event(), threading.Event()
    readings: list = []
    sampler = threading.Thread(target=sample, args=(server.pid, started, readings, stop_sampling))
    sampler.start()
    editors = [
        Editor(
            number,
            options.password,
            site.sections[(number - 1) % len(site.sections)],
            ports,
            origin,
            site,
            tally,
            started + seconds - 8,
        )
        for number in range(1, options.editors + 1)
    ]
    threads = [threading.Thread(target=editor.run) for editor in editors]
    readers = [Reader(ports["nginx"], origin, site, tally, stop_at) for _ in range(options.readers)]
    print(
        f"soak: {options.readers} readers and {options.editors} editors for {seconds:.0f} s "
        f"(warm-up {warmup:.0f} s)",
        flush=True,
    )
    for thread in threads:
        thread.start()
    for reader in readers:  # readers arrive over the first seconds, not all at once
        threads.append(threading.Thread(target=reader.run))
        threads[-1].start()
        time.sleep(min(RAMP_SECONDS, warmup) / len(readers))
    report_at = started + 30
    while time.monotonic() < started + seconds and tally.requests < options.max_requests:
        time.sleep(1)
        if time.monotonic() >= report_at:
            report_at += 30
            print(
                f"  {time.monotonic() - started:4.0f} s: {tally.requests:,} requests, "
                f"{len(tally.changes)} changes",
                flush=True,
            )
    stop_at.set()
    for thread in threads:
        thread.join(timeout=CHANGE_TIMEOUT + 2 * TIMEOUT)
    load_seconds = time.monotonic() - started
    stop_sampling.set()
    sampler.join()
    (machine_after, ours_after), client_after = cpu_seconds(), sum(os.times()[:2])
    capacity = load_seconds * (os.cpu_count() or 1) / 100
    changed = Counter(change["editor"] for change in tally.changes)
    return {
        "seconds": load_seconds,
        "warmup": warmup,
        "tally": tally,
        "memory": memory(readings, warmup),
        "cpu": {
            "machine": (machine_after - machine) / capacity,
            "client": (client_after - client) / capacity,
            "server": (ours_after - ours - (client_after - client)) / capacity,
            "others": (machine_after - machine - (ours_after - ours)) / capacity,
        },
        "editors": {editor.number: changed[editor.number] for editor in editors},
        "stuck": sum(thread.is_alive() for thread in threads),
    }


def stored(env: dict, workdir: Path, facts: dict, tally: Tally) -> dict:
    """What the database holds, read after the server stopped, against the readers' answers."""
    expected = workdir / "expected.json"
    expected.write_text(
        json.dumps(
            {
                "before": facts["stats"],
                "daily_before": facts["daily_views"],
                "reaction_rows_before": facts["reaction_rows"],
                "accepted": tally.accepted,
                "unknown": tally.unknown,
                "reactions": [
                    [story, reader, kind]
                    for (reader, story), kind in tally.reactions.items()
                    if (reader, story) not in tally.unsure
                ],
            }
        )
    )
    output = run([WARTA, "shell", "-c", STORED], {**env, "SOAK_EXPECTED": str(expected)})
    return json.loads(output.splitlines()[-1])


def soak(options, workdir: Path, database_url: str, deadline: float) -> dict:
    env = warta_environment(workdir, database_url, page_cache=True)
    ports = {
        "app": free_port(),
        "nginx": free_port(),
        "purge": free_port(),
        "workers": options.workers,
    }
    env["WARTA_NGINX_PURGE_URLS"] = f"http://127.0.0.1:{ports['purge']}"
    # nginx passes Host without its port (proxy_set_header Host $host): on a loopback port
    # the browser's Origin names a port the host lacks, which on 443 it would not.
    env["WARTA_CSRF_TRUSTED_ORIGINS"] = f"http://127.0.0.1:{ports['nginx']}"
    if options.redis:
        env["REDIS_URL"] = options.redis
        env["WARTA_REDIS_PREFIX"] = options.redis_prefix
    started = time.monotonic()
    print(f"soak: the demo and {options.articles:,} stories in {workdir}", flush=True)
    load_demo_site(env)
    run([WARTA, "generate_archive", "--articles", str(options.articles), "-v0"], env)
    editors = [f"redaktur{number}" for number in range(1, options.editors + 1)]
    facts = json.loads(
        run(
            [WARTA, "shell", "-c", SITE_FACTS],
            {**env, "SOAK_EDITORS": json.dumps(editors), "SOAK_PASSWORD": options.password},
        ).splitlines()[-1]
    )
    setup_seconds = time.monotonic() - started
    sections = sorted(
        facts["sections"], key=lambda s: (s[1] not in ("/daerah/pati/", "/politik/"), s[1])
    )
    site = Site(
        stories=facts["stories"],
        sections=sections,
        listings=facts["tags"] + facts["people"] + facts["months"],
        not_stories=set(facts["others"]),
    )
    with ExitStack() as stack:
        log = workdir / "warta.log"
        server = start(
            [
                WARTA,
                "serve",
                "--bind",
                f"127.0.0.1:{ports['app']}",
                "--workers",
                str(options.workers),
            ],
            env,
            log,
        )
        stack.callback(stop, server)
        wait_until_up(f"http://127.0.0.1:{ports['app']}/", timeout=120, log=log)
        config = nginx_config(
            workdir, ports["app"], ports["nginx"], free_port(), purge_port=ports["purge"]
        )
        nginx = start(
            [shutil.which("nginx"), "-c", str(config), "-g", "daemon off;"],
            dict(os.environ),
            workdir / "nginx.log",
        )
        stack.callback(stop, nginx)
        wait_until_up(f"http://127.0.0.1:{ports['nginx']}/healthz", log=workdir / "nginx.log")
        with urllib.request.urlopen(f"http://127.0.0.1:{ports['nginx']}/") as front:  # noqa: S310
            s_maxage = int(re.search(r"s-maxage=(\d+)", front.headers["Cache-Control"]).group(1))
        result = load(options, site, ports, server, deadline)
        result["s_maxage"] = s_maxage
        stop_gracefully(nginx)
        stop_gracefully(server)  # persists the pending views
    result["log_errors"] = [
        line
        for line in log.read_text().splitlines()
        if re.search(r"ERROR|CRITICAL|Traceback", line)
    ][:10]
    result["nginx_errors"] = [
        line
        for line in (workdir / "nginx-error.log").read_text().splitlines()
        if "[error]" in line or "[crit]" in line
    ][:10]
    result["stored"] = stored(env, workdir, facts, result["tally"])
    result["setup_seconds"] = setup_seconds
    result["stories"] = len(facts["stories"])
    return result


# The verdict and the report.


def verdicts(result: dict) -> list[tuple[str, str, str, bool]]:
    """Each check: what it is, its target, what was measured, whether it was met."""
    tally: Tally = result["tally"]
    total = sum(sum(statuses.values()) for statuses in tally.statuses.values())
    bad = Counter()
    for statuses in tally.statuses.values():
        for status, count in statuses.items():
            if status == "error" or status.startswith("5"):
                bad[status] += count
    views, reactions = result["stored"]["views"], result["stored"]["reactions"]
    accepted = sum(tally.accepted.values())
    unknown = sum(tally.unknown.values())
    changes = tally.changes
    bound = result["s_maxage"] + NGINX_MARGIN
    seen = [change["seconds"] for change in changes if change["seconds"] is not None]
    late = [c for c in changes if c["seconds"] is None or c["seconds"] > bound]
    pages = [
        ms for kind, values in tally.latencies.items() if kind in PAGE_KINDS for _at, ms in values
    ]
    p99 = percentile(pages, 0.99)
    grown = [p for p in result["memory"]["processes"] if p["growth_pct"] >= TARGET_GROWTH]
    growth = ", ".join(
        f"{p['role']} {p['growth_pct']:+.1f}%" for p in result["memory"]["processes"]
    )
    made = result["editors"]
    return [
        (
            "no 5xx, no failed request",
            "0",
            f"{sum(bad.values()):,} of {total:,}" + (f" ({dict(bad)})" if bad else ""),
            not bad and not result["stuck"],
        ),
        (
            "every accepted view stored",
            "stored = 202s, per story and per day",
            f"{accepted:,} answered 202, {views['stored']:,} stored ({views['daily']:,} in the "
            f"daily counts); {len(views['wrong'])} stories differ"
            + (
                f"; {unknown} beacons nginx gave up on, which may each be counted"
                if unknown
                else ""
            ),
            accepted > 0
            and not views["wrong"]
            and accepted <= views["daily"] <= accepted + unknown,
        ),
        (
            "every reaction stored as last answered",
            "all",
            f"{reactions['checked']:,} readers' last reactions: {len(reactions['wrong'])} rows "
            f"and {len(reactions['tallies_wrong'])} tallies differ; "
            f"{reactions['rows_added']:,} rows added for {reactions['rows_expected']:,} "
            "reactions left standing"
            + (f"; {len(tally.unsure)} unanswered" if tally.unsure else ""),
            reactions["checked"] > 0
            and not reactions["wrong"]
            and not reactions["tallies_wrong"]
            and reactions["rows_added"] == reactions["rows_expected"]
            and not tally.unsure,
        ),
        (
            "each change on Warta's next answer",
            "all",
            f"{sum(c['app'] for c in changes)} of {len(changes)} ("
            + ", ".join(f"editor {number}: {n}" for number, n in made.items())
            + ")",
            bool(changes) and all(c["app"] for c in changes) and all(made.values()),
        ),
        (
            "each change on nginx's next answer",
            "all",
            f"{sum(c['first'] for c in changes)} of {len(changes)}; "
            f"{len(changes) - len(late)} within s-maxage + {NGINX_MARGIN:.0f} s = {bound:.0f} s "
            f"(slowest {max(seen, default=0):.1f} s)",
            bool(changes) and all(c["first"] for c in changes) and not late,
        ),
        (
            "reader pages' p99 through nginx",
            f"< {P99_BOUND_MS:,} ms",
            f"{p99:.0f} ms",
            bool(pages) and p99 < P99_BOUND_MS,
        ),
        (
            "RSS growth after the warm-up",
            f"< {TARGET_GROWTH:.0f}% per process",
            growth
            + (
                "; came or went: " + str(result["memory"]["came_or_went"])
                if result["memory"]["came_or_went"]
                else ""
            ),
            not grown and not result["memory"]["came_or_went"],
        ),
    ]


PAGE_KINDS = (
    "front page",
    "section",
    "later page",
    "story",
    "tag",
    "reporter",
    "archive",
    "search",
)


def latency_rows(tally: Tally, warmup: float) -> list[str]:
    """Per kind of page: p50, p95, p99 and the maximum over the load, and p99 after the
    warm-up (when the workers have served a while)."""
    rows = []
    groups = [
        *((kind, [kind]) for kind in PAGE_KINDS),
        ("all reader pages", list(PAGE_KINDS)),
        ("stylesheet (nginx, from disk)", ["static file"]),
        ("admin: a change posted", ["admin change"]),
    ]
    for name, kinds in groups:
        timed = [(at, ms) for kind in kinds for at, ms in tally.latencies.get(kind, [])]
        values = [ms for _at, ms in timed]
        later = [ms for at, ms in timed if at >= warmup]
        if values:
            rows.append(
                f"| {name} | {len(values):,} | {percentile(values, 0.5):.0f} ms "
                f"| {percentile(values, 0.95):.0f} ms | {percentile(values, 0.99):.0f} ms "
                f"| {max(values):.0f} ms | {percentile(later, 0.99):.0f} ms |"
            )
    return rows


def admin_median(tally: Tally, kind: str) -> float:
    return statistics.median(c["admin_ms"] for c in tally.changes if c["kind"] == kind)


def windows(tally: Tally) -> str:
    """Each slice of the load: its reader pages' p99 and its failures."""
    slices = defaultdict(list)
    for kind in PAGE_KINDS:
        for at, ms in tally.latencies.get(kind, []):
            slices[int(at // WINDOW_SECONDS)].append(ms)
    return ", ".join(
        f"{n * WINDOW_SECONDS}–{(n + 1) * WINDOW_SECONDS} s {percentile(slices[n], 0.99):.0f} ms "
        f"({tally.failed_at[n]})"
        for n in sorted(slices)
    )


def render(options, result: dict, checks: list) -> str:
    tally: Tally = result["tally"]
    cpu = result["cpu"]
    database = "PostgreSQL" if options.postgres else "SQLite"
    command = ".venv/bin/python bench/soak.py --write" + (
        f" --minutes {options.minutes:g}" if options.minutes != 5 else ""
    )
    for name in ("postgres", "redis"):
        if getattr(options, name):
            command += f" --{name} URL"
    revision = run(["git", "rev-parse", "--short", "HEAD"], dict(os.environ)).strip()
    ours = ["warta", "deploy", "bench/soak.py", "bench/common.py", "bench/pages.py"]
    if run(["git", "status", "--porcelain", "--", *ours], dict(os.environ)):
        revision += " with uncommitted changes"
    statuses = "; ".join(
        f"{group} " + ", ".join(f"{status}: {count:,}" for status, count in sorted(counts.items()))
        for group, counts in tally.statuses.items()
    )
    changes = Counter(change["kind"] for change in tally.changes)
    cache = ", ".join(f"{name} {count:,}" for name, count in tally.proxy_cache.most_common())
    lines = [
        f"Machine: {machine()}; the machine is shared, so the figures move with what else runs "
        f"on it. Run: `{command}` (`make soak SOAK_ARGS=--write`; "
        f"{time.strftime('%Y-%m-%d')}, at {revision}), "
        f"{(result['setup_seconds'] + result['seconds']) / 60:.1f} minutes in all: "
        f"{result['setup_seconds']:.0f} s to build the site ({database}"
        + (" and Redis" if options.redis else "")
        + f"; the demo and {result['stories']:,} live stories), then {result['seconds']:.0f} s "
        f"of load, of which the first {result['warmup']:.0f} s count as warm-up for memory. "
        f"`warta serve --workers {options.workers}` (2 threads each) with its task worker, "
        "behind nginx with deploy/nginx.conf as `bench/pages.py` runs it (plain http on "
        f"loopback); {options.readers} readers and {options.editors} editors (Python threads "
        f"on the same machine). In the load the machine's CPU was {cpu['machine']:.0f}% busy: "
        f"Warta and nginx {cpu['server']:.0f}%, the readers and editors {cpu['client']:.0f}%, "
        f"other processes {cpu['others']:.0f}%.",
        "",
        "| check | target | measured | |",
        "|---|---|---|---|",
        *(
            f"| {name} | {target} | {measured} | {'met' if ok else '**not met**'} |"
            for name, target, measured, ok in checks
        ),
        "",
        "Reader latency as the readers measured it (through nginx, over the whole load, warm-up "
        "included):",
        "",
        "| page | requests | p50 | p95 | p99 | max | p99 after the warm-up |",
        "|---|---:|---:|---:|---:|---:|---:|",
        *latency_rows(tally, result["warmup"]),
        "",
        f"Reader pages by {WINDOW_SECONDS} s of the load, p99 (5xx and failed requests of any "
        "kind): " + windows(tally) + ".",
        "",
        f"Traffic: {tally.requests:,} requests by the readers "
        f"({tally.requests / result['seconds']:.0f}/s); answers by kind: {statuses}. nginx's "
        f"cache on reader pages (X-Proxy-Cache): {cache}. Beacons not counted, by reason: "
        + (
            ", ".join(f"{reason} {count:,}" for reason, count in tally.not_counted.items())
            or "none"
        )
        + ". Editors' changes, each with the median time its form took to post: "
        + (
            ", ".join(
                f"{kind} {n} ({admin_median(tally, kind):.0f} ms)" for kind, n in changes.items()
            )
            or "none"
        )
        + ".",
        "",
        "Memory (VmRSS, from /proc every "
        f"{SAMPLE_SECONDS} s, {result['memory']['readings']} readings):",
        "",
        "| process | after the warm-up | at the end | max | growth |",
        "|---|---:|---:|---:|---:|",
        *(
            f"| {p['role']} {n} | {p['start_kib'] / 1024:.1f} MiB | {p['end_kib'] / 1024:.1f} MiB "
            f"| {p['max_kib'] / 1024:.1f} MiB | {p['growth_pct']:+.1f}% |"
            for n, p in enumerate(result["memory"]["processes"], 1)
        ),
        "",
        f"RSS in MiB every {WINDOW_SECONDS} s: "
        + "; ".join(
            f"{p['role']} {n}: "
            + " ".join(f"{kib / 1024:.0f}" if kib else "–" for kib in p["series"])
            for n, p in enumerate(result["memory"]["processes"], 1)
        )
        + ".",
        "",
        SOAK_NOTES,
    ]
    return "\n".join(lines)


SOAK_NOTES = (
    "How to read it. Each visit is a new reader: a random reader id as the page's script "
    "makes one, and an address of its own sent as X-Forwarded-For, which Warta takes because "
    "nginx on 127.0.0.1 is its trusted proxy (`WARTA_TRUSTED_PROXIES=127.0.0.1,::1`, as "
    "documented); one visit in five comes from one of 16 shared carrier-NAT addresses. No "
    "engagement limit is lifted: the readers stay within them as real ones do, and a view "
    "past an address's allowance is answered 200 and not counted, as documented. The only "
    "setting made for the run is `WARTA_CSRF_TRUSTED_ORIGINS` with nginx's loopback origin: "
    "nginx passes the Host without its port, so the admin's forms posted to a loopback port "
    "carry an Origin the host lacks, which on port 443 they would not. The editors sign in "
    f"{SIGN_IN_GAP} s apart: a worker checks one password at a time "
    "(`WARTA_LOGIN_HASHING_SLOTS=1`) and answers a second sign-in at the same moment 503 "
    "with Retry-After, by design. A change is checked "
    "twice: on Warta's next answers (asked as nginx asks, on new connections so that "
    "different workers answer), and on nginx's next answer: nginx keeps a page for Warta's "
    "`s-maxage`, and Warta purges the pages a change concerns from it before the admin "
    "answers (`WARTA_NGINX_PURGE_URLS`, [deploy.md](deploy.md)); both must show the change "
    "at once. Latencies are the "
    "readers' own, from Python threads sharing the two cores with the server, so they carry "
    "the client's waits too. The stylesheet, served by nginx from disk, is timed the same "
    "way: where its tail is as long as the pages', the machine and the client made it. The "
    "first runs met 504s and changes not shown for 30 s: `warta serve` let each worker keep "
    "only 16 connections, idle keep-alive ones included, fewer than nginx keeps; a "
    "connection past them waited unaccepted until an idle one timed out (since fixed, "
    "[performance.md](performance.md#the-app-server)). Each worker keeps parts of pages "
    "up to bounds ([architecture.md](architecture.md#caches)), filled as readers spread over "
    "the archive: growth after a warm-up of a minute is mostly that filling; in a 10-minute "
    "run (2026-12-07) the workers levelled off at 185 and 191 MiB. Before Warta purged "
    "nginx's copies (runs up to 2026-12-07), nginx served pages stale while it asked again: "
    "only 4 to 7 of some 80 changes showed on nginx's first answer, and the reader-page p99 "
    "was 120 to 190 ms. Now a reader after a change waits for the new page: the front page "
    "for at most nginx's 200 ms lock wait, and a search, which every publication purges "
    "(any new story may match), for its rendering: on SQLite that makes most of the p99 "
    "(search p50 449 ms on 2026-12-07, against 114 ms on PostgreSQL)."
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5.0, help="the whole run, setup included")
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--editors", type=int, default=2)
    parser.add_argument("--articles", type=int, default=3000, help="generated archive stories")
    parser.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 1))
    parser.add_argument("--max-requests", type=int, default=200_000, help="the readers' budget")
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="a PostgreSQL server's admin URL, e.g. postgres://postgres@127.0.0.1:5432/postgres",
    )
    parser.add_argument("--redis", metavar="URL", help="e.g. redis://127.0.0.1:6379/0")
    parser.add_argument("--keep", action="store_true", help="keep the site's folder")
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    options = parser.parse_args()
    if options.minutes <= 0 or options.readers < 1 or options.editors < 1 or options.workers < 1:
        parser.error("--minutes, --readers, --editors and --workers must be positive")
    if not shutil.which("nginx"):
        print("soak: nginx is not installed (apt-get install nginx)", file=sys.stderr)
        return 1
    options.password = secrets.token_urlsafe(16)
    options.redis_prefix = f"warta-soak:{secrets.token_hex(4)}:"
    deadline = time.monotonic() + options.minutes * 60
    workdir = Path(tempfile.mkdtemp(prefix="warta-soak-"))
    workdir.chmod(0o755)  # nginx's workers run as an unprivileged user
    with ExitStack() as stack:
        if not options.keep:
            stack.callback(shutil.rmtree, workdir, ignore_errors=True)
        if options.redis:
            stack.callback(clear_redis, options.redis, options.redis_prefix)
        if options.postgres:
            database_url = stack.enter_context(PostgresDatabase(options.postgres))
        else:
            database_url = f"sqlite:///{workdir}/var/warta.sqlite3"
        result = soak(options, workdir, database_url, deadline)
    checks = verdicts(result)
    report = render(options, result, checks)
    print(report)
    tally: Tally = result["tally"]
    for heading, lines in (
        ("failed requests", tally.failures),
        (
            "changes not seen in time",
            [
                c
                for c in tally.changes
                if not c["app"]
                or not c["first"]
                or c["seconds"] is None
                or c["seconds"] > result["s_maxage"] + NGINX_MARGIN
            ],
        ),
        ("errors in the server's log", result["log_errors"]),
        ("errors in nginx's log", result["nginx_errors"]),
        (
            "views stored otherwise (story, 202s, unknown, stored)",
            result["stored"]["views"]["wrong"][:10],
        ),
        ("reactions stored otherwise", result["stored"]["reactions"]["wrong"][:10]),
        ("events", [f"{event}: {n}" for event, n in tally.events.items()]),
    ):
        if lines:
            print(f"\n{heading}:", *lines, sep="\n  ")
    if options.keep:
        print(f"\nThe site is kept in {workdir}")
    if options.write:
        write_section("Soak (PostgreSQL and Redis)" if options.postgres else "Soak", report)
    return 0 if all(ok for *_rest, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
