"""Backup test fixtures: a newsroom's worth of content, its own folders, and other sites.

Another site is a database of its own (a new SQLite file, or a PostgreSQL database made
and dropped by the test) and a `var/` folder, run with the `warta` command in other
processes, as an operator would.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from warta.core import caches
from warta.core.tests.environments import production_environment
from warta.engagement.models import ArticleStats, DailyArticleStats, Reaction
from warta.news.factories import (
    ArticlePageFactory,
    NewsImageFactory,
    PersonFactory,
    SectionPageFactory,
)
from warta.news.models import ArticlePage
from warta.operations.backup import make_backup
from warta.wordpress.models import OldAddress

from .fingerprint import PRINT

ROOT = Path(__file__).resolve().parents[3]
POSTGRES_URL = os.environ.get("WARTA_TEST_POSTGRES_URL", "")
needs_postgresql = pytest.mark.skipif(
    not POSTGRES_URL, reason="needs PostgreSQL: set WARTA_TEST_POSTGRES_URL (CI does)"
)
TIMEOUT = 300  # seconds for one command of another site: a restore migrates from nothing


@pytest.fixture(autouse=True)
def site_folders(settings, tmp_path) -> Path:
    """Uploads, attachments and the counters' state file of this test alone."""
    settings.MEDIA_ROOT = tmp_path / "var" / "media"
    settings.WARTA_REPLIES = {
        **settings.WARTA_REPLIES,
        "ATTACHMENT_ROOT": tmp_path / "var" / "private" / "replies",
    }
    settings.WARTA_ENGAGEMENT = {
        **settings.WARTA_ENGAGEMENT,
        "STATE_PATH": tmp_path / "var" / "engagement-state.sqlite3",
        "REDIS_URL": "",
    }
    caches.reset()
    yield tmp_path / "var"
    caches.reset()


@dataclass
class Newsroom:
    lead: ArticlePage
    draft: ArticlePage
    other: ArticlePage


@pytest.fixture
def newsroom(site_folders) -> Iterator[Newsroom]:
    """Articles with revisions (one with a draft), reporters, tags, a photo and its rendition,
    redirects of both kinds, views, daily counts, reactions, an account and an attachment."""
    section = SectionPageFactory(title="Daerah", slug="daerah")
    people = PersonFactory.create_batch(2)
    photo = NewsImageFactory(title="Ketupat")
    photo.get_rendition("fill-120x68")
    lead = ArticlePageFactory(
        parent=section,
        title="Warga Pati membuat ketupat",
        slug="ketupat-pati",
        body=[("paragraph", "<p>Ribuan ketupat dibuat warga.</p>")],
        main_image=photo,
        reporters=people,
        tags=["lebaran", "pati"],
    )
    draft = ArticlePageFactory(parent=section, title="Banjir di Juwana", reporters=[people[0]])
    other = ArticlePageFactory(parent=section, title="Pasar Kudus ramai")
    lead.save_revision().publish()
    lead.title = "Warga Pati membuat ribuan ketupat"
    lead.save_revision().publish()
    draft.title = "Banjir di Juwana surut"
    draft.save_revision()
    site = Site.objects.get(is_default_site=True)
    Redirect.objects.create(old_path="/berita-lama", site=site, redirect_page=lead)
    OldAddress.objects.create(site=site, path="/2019/05/03/ketupat", page=lead)
    OldAddress.objects.create(site=site, path="/?p=12", url="/tag/lebaran/")
    ArticleStats.objects.ensure([lead.pk, other.pk])
    ArticleStats.objects.filter(pk=lead.pk).update(views=1234)
    ArticleStats.objects.filter(pk=other.pk).update(views=56)
    DailyArticleStats.objects.add({(lead.pk, date(2026, 3, 1)): (100, 2)})
    Reaction.objects.choose(lead.pk, "a" * 64, "love")
    Reaction.objects.choose(lead.pk, "b" * 64, "wow")
    get_user_model().objects.create_user("agus", password=secrets.token_urlsafe())
    attachments = site_folders / "private" / "replies" / "2026"
    attachments.mkdir(parents=True)
    (attachments / "hak-jawab.pdf").write_bytes(b"%PDF-1.4 hak jawab")
    yield Newsroom(lead=lead, draft=draft, other=other)
    # A restore here forgets the content types this process knew. The next test's database
    # is filled from the test run's first snapshot, whose Wagtail tasks look their content
    # type up as they are built and would add the missing ones before the snapshot's own:
    # knowing them again before the database is emptied keeps that from happening.
    ContentType.objects.get_for_models(*apps.get_models())


def as_json(fingerprint: dict) -> dict:
    """A fingerprint as another process prints it."""
    return json.loads(json.dumps(fingerprint, default=str))


class OtherSite:
    """A Warta site of its own, run by the `warta` command in other processes."""

    def __init__(self, folder: Path, vendor: str):
        self.folder, self.vendor = folder, vendor
        folder.mkdir(parents=True)
        if vendor == "sqlite":
            self.url = f"sqlite:///{folder / 'warta.sqlite3'}"
        else:
            self.name = f"backup_dst_{os.getpid()}_{uuid.uuid4().hex[:8]}"
            with admin() as database:
                database.execute(f'CREATE DATABASE "{self.name}"')
            self.url = urlunsplit(urlsplit(POSTGRES_URL)._replace(path=f"/{self.name}"))
        self.env = production_environment(folder / "var", self.url)

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        done = subprocess.run(  # noqa: S603 - our own command
            [sys.executable, "-m", "warta", *args],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
        if check and done.returncode:
            raise AssertionError(f"warta {' '.join(args)}: {done.stdout}{done.stderr}")
        return done

    def fingerprint(self) -> dict:
        done = subprocess.run(  # noqa: S603 - our own program
            [sys.executable, "-c", PRINT],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=True,
        )
        return json.loads(done.stdout)

    def drop(self) -> None:
        if self.vendor == "postgresql":
            with admin() as database:
                database.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def admin():
    """A connection to the PostgreSQL server's own database, to make and drop others."""
    import psycopg

    parts = urlsplit(POSTGRES_URL)
    return psycopg.connect(
        dbname="postgres",
        user=parts.username or "postgres",
        password=parts.password,
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        autocommit=True,
    )


@pytest.fixture
def other_sites(tmp_path):
    """Make other sites (`other_sites("sqlite")`); their databases are dropped at the end."""
    made: list[OtherSite] = []

    def make(vendor: str) -> OtherSite:
        made.append(OtherSite(tmp_path / f"site-{len(made) + 1}", vendor))
        return made[-1]

    yield make
    for site in made:
        site.drop()


@pytest.fixture
def archive_from(tmp_path, other_sites):
    """`archive_from("sqlite")`: a backup of this test's site made on that database: here
    when it is this test's database, else by restoring this site's backup into another
    site of that kind and backing that up."""

    def make(vendor: str) -> Path:
        here = make_backup(tmp_path).path
        if vendor == connection.vendor:
            return here
        site = other_sites(vendor)
        site.run("restore", str(here))
        there = site.folder / "there.tar"
        site.run("backup", str(there))
        return there

    return make
