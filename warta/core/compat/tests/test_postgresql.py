"""The PostgreSQL backend: Django's, with a health check that needs no round trip."""

import time

import psycopg
import pytest
from django.db import connection
from django.db.backends.postgresql.base import DatabaseWrapper as DjangoWrapper

from warta.settings.env import get_database

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="runs on PostgreSQL (WARTA_TEST_POSTGRES_URL)"
)
shortcut = pytest.mark.shortcut("database-backends")


def test_postgresql_databases_use_it_unless_the_shortcut_is_off(monkeypatch):
    monkeypatch.setenv("WARTA_TEST_SOME_DATABASE", "postgres://warta@db.example:5432/warta")
    engine = get_database("WARTA_TEST_SOME_DATABASE", None)["ENGINE"]
    assert engine == "warta.core.compat.postgresql"
    stock = get_database("WARTA_TEST_SOME_DATABASE", None, own_backends=False)["ENGINE"]
    assert stock == "django.db.backends.postgresql"


def test_psycopg_keeps_a_limit_on_the_queries_it_remembers():
    """The backend raises psycopg's limit (a private constant, `_queries`)."""
    from psycopg import _queries

    assert isinstance(_queries.MAX_CACHED_STATEMENT_LENGTH, int)
    assert hasattr(_queries._query2pg, "cache_info")


@pytest.fixture
def round_trips(monkeypatch):
    """How many times Django's own health check (a `SELECT 1`) ran."""
    calls = []
    original = DjangoWrapper.is_usable

    def counted(self):
        calls.append(1)
        return original(self)

    monkeypatch.setattr(DjangoWrapper, "is_usable", counted)
    return calls


@shortcut
@needs_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_healthy_idle_connection_is_judged_without_a_query(round_trips):
    connection.ensure_connection()
    connection.cursor().execute("SELECT 1")
    assert connection.is_usable()
    assert round_trips == []


@shortcut
@needs_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_connection_the_server_ended_is_replaced_before_it_is_used(round_trips):
    connection.ensure_connection()
    pid = connection.connection.info.backend_pid
    with psycopg.connect(connection.connection.info.dsn, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])
    deadline = time.monotonic() + 5
    while connection.is_usable() and time.monotonic() < deadline:
        time.sleep(0.01)  # the server's farewell reaches the socket
    assert not connection.is_usable()
    assert round_trips  # Django's check confirmed it

    # As before a request: the dead connection is closed, the next query opens another.
    connection.health_check_done = False
    connection.close_if_health_check_failed()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        assert cursor.fetchone()[0] != pid


@shortcut
@needs_postgresql
@pytest.mark.django_db
def test_a_connection_inside_a_transaction_gets_django_s_check(round_trips):
    connection.cursor().execute("SELECT 1")  # the test's transaction is open
    assert connection.is_usable()
    assert round_trips == [1]


@shortcut
@needs_postgresql
@pytest.mark.django_db
def test_a_long_query_is_rewritten_for_the_server_once():
    """psycopg remembers how it rewrote a query's parameters for queries up to 64 kB (a
    page's own query is some 8 kB): the second run takes the rewrite it remembered."""
    from psycopg import _queries

    query = "SELECT %s::int /* " + "x" * 8_000 + " */"
    with connection.cursor() as cursor:
        cursor.execute(query, [1])
        before = _queries._query2pg.cache_info()
        cursor.execute(query, [2])
        assert cursor.fetchone() == (2,)
    after = _queries._query2pg.cache_info()
    assert (after.hits, after.misses) == (before.hits + 1, before.misses)
