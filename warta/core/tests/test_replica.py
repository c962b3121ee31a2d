"""A read replica (WARTA_DATABASE_REPLICA_URL): anonymous readers read from it, everything
else from the primary, and a replica behind the primary's content serves nobody."""

import sqlite3
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore

from warta.core.replica import REPLICA, ReplicaRouter, reads_from_replica
from warta.core.tests.test_settings import run_warta
from warta.engagement.models import ArticleStats
from warta.engagement.tests.test_server import Server, ServerDatabase, wait_for_views
from warta.news.factories import ArticlePageFactory

router = ReplicaRouter()


def test_reads_go_to_the_replica_only_while_a_readers_request_allows_it():
    """Outside a reader's request (the worker, a command, a thread) every read is the
    primary's."""
    assert router.db_for_read(ArticleStats) == "default"
    token = reads_from_replica.set(True)
    try:
        assert router.db_for_read(ArticleStats) == REPLICA
    finally:
        reads_from_replica.reset(token)
    assert router.db_for_read(ArticleStats) == "default"


def test_a_write_goes_to_the_primary_and_so_do_the_reads_after_it():
    """A request that wrote reads what it wrote: from the primary, for the rest of it."""
    token = reads_from_replica.set(True)
    try:
        assert router.db_for_write(ArticleStats) == "default"
        assert router.db_for_read(ArticleStats) == "default"
    finally:
        reads_from_replica.reset(token)


def test_migrations_never_run_on_the_replica():
    """The replica has the primary's tables by replication."""
    assert router.allow_migrate(REPLICA, "engagement", model_name="articlestats") is False
    assert router.allow_migrate("default", "engagement", model_name="articlestats") is None


def test_a_replica_of_another_kind_of_database_stops_start_up(tmp_path):
    """One line naming the variable: a PostgreSQL site cannot read from an SQLite file."""
    result = run_warta(
        "check",
        DATABASE_URL=f"sqlite:///{tmp_path / 'primary.sqlite3'}",
        WARTA_DATABASE_REPLICA_URL="postgres://warta@127.0.0.1:5432/warta",
        WARTA_VAR_DIR=str(tmp_path),
        DJANGO_SETTINGS_MODULE="warta.settings.dev",
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "warta: configuration error: WARTA_DATABASE_REPLICA_URL: a replica must be the "
        "primary's kind of database (sqlite), not postgresql"
    ]


def execute(database: ServerDatabase, sql: str, *params) -> None:
    """One statement in a server's database, with %s placeholders."""
    if database.vendor == "sqlite":
        with sqlite3.connect(database.path) as db:
            db.execute(sql.replace("%s", "?"), params)
        return
    import psycopg

    with psycopg.connect(database.url) as db:
        db.execute(sql, params)


def staff_session() -> str:
    """The session key of a signed-in member of the newsroom, in the test database."""
    user = get_user_model().objects.create_user("redaktur", password="x", is_staff=True)
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def views_answered(server: Server, article_id: int, headers: dict | None = None) -> int:
    status, _headers, body = server.exchange(
        "GET", f"/api/engagement/v1/articles/{article_id}", headers
    )
    assert status == 200, body
    return int(body.split(b'"views": ')[1].split(b",")[0])


@pytest.mark.server
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_readers_read_the_replica_and_everything_else_the_primary(tmp_path: Path):
    """With a replica holding other counts than the primary: an anonymous reader's GET is
    answered from the replica; a signed-in editor's, from the primary; a view counted goes
    to the primary; and once the primary has content the replica lacks (a publication it
    has not replayed yet), readers are answered from the primary."""
    article = ArticlePageFactory()
    ArticleStats.objects.create(article=article, views=7)
    session_key = staff_session()
    primary, replica = ServerDatabase(tmp_path / "primary"), ServerDatabase(tmp_path / "replica")
    for database in (primary, replica):
        database.tmp_path.mkdir()
        database.url = database.create()
    execute(
        replica, "UPDATE engagement_articlestats SET views = 111 WHERE article_id = %s", article.pk
    )
    server = Server(tmp_path, primary.url, "", flush_seconds=0.2)
    # The editor's session is signed with the test's key; no page cache between the
    # requests and the databases.
    server.env.update(
        WARTA_DATABASE_REPLICA_URL=replica.url,
        WARTA_SECRET_KEY=settings.SECRET_KEY,
        WARTA_PAGE_CACHE="0",
    )
    try:
        server.start(article.pk)
        assert views_answered(server, article.pk) == 111
        editor = {"Cookie": f"{settings.SESSION_COOKIE_NAME}={session_key}"}
        assert views_answered(server, article.pk, editor) == 7

        assert server.view(article.pk, reader=1) == 202
        assert wait_for_views(primary, article.pk, 8, seconds=10) == 8
        assert replica.views(article.pk) == 111
        assert views_answered(server, article.pk) == 111  # the replica has not replayed it

        execute(primary, "UPDATE core_contentgeneration SET number = number + 1")
        execute(primary, "INSERT INTO core_contentgeneration (id, number) SELECT 1, 1 "
                "WHERE NOT EXISTS (SELECT 1 FROM core_contentgeneration)")  # fmt: skip
        assert views_answered(server, article.pk) == 8
        execute(replica, "DELETE FROM core_contentgeneration")
        execute(replica, "INSERT INTO core_contentgeneration (id, number) "
                "VALUES (1, 1000000)")  # fmt: skip
        assert views_answered(server, article.pk) == 111  # caught up: the replica again

        deadline = time.monotonic() + 30
        while (answer := server.exchange("GET", "/readyz"))[0] != 200:
            assert time.monotonic() < deadline, answer
            time.sleep(0.2)
        assert b'"replica": "ok"' in answer[2]
    finally:
        server.stop()
        primary.drop()
        replica.drop()
