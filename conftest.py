"""Shared test fixtures. Chromium for browser tests comes from Debian's `chromium` package."""

import io
import shutil
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import translation

from warta.core import generation
from warta.news import routing


@pytest.fixture(autouse=True)
def _clean_state():
    """Each test starts in the site language with an empty cache and no remembered routes."""
    cache.clear()
    routing.forget_sites()
    generation.forget()
    translation.activate("id")
    yield
    translation.deactivate()


@pytest.fixture
def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium; .ci/run does)")
    return path


@dataclass(frozen=True)
class TableCopy:
    """Every row of one table as `load_demo` left it."""

    table: str
    columns: tuple[str, ...]
    rows: list[tuple]


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker) -> list[TableCopy]:
    """The tables `load_demo` changes, copied after one real load that is then rolled back.

    Loading the demo takes seconds of page publishing and image drawing; copying its
    rows back takes a fraction of one, so the run loads it once and each test gets a copy.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        tables = _copyable_tables()
        before = {table: _read(table) for table in tables}
        call_command("load_demo", stdout=io.StringIO())
        after = {table: _read(table) for table in tables}
        transaction.set_rollback(True)
    return [
        TableCopy(table, *after[table])
        for table in tables
        if sorted(map(repr, after[table][1])) != sorted(map(repr, before[table][1]))
    ]


@pytest.fixture
def demo(demo_snapshot) -> None:
    """The demo content in this test's database, row for row as `load_demo` leaves it."""
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for copy in demo_snapshot:
            cursor.execute(f"DELETE FROM {quote(copy.table)}")  # noqa: S608 - a model's table
        for copy in demo_snapshot:
            if copy.rows:
                columns = ", ".join(map(quote, copy.columns))
                values = ", ".join(["%s"] * len(copy.columns))
                cursor.executemany(
                    f"INSERT INTO {quote(copy.table)} ({columns}) VALUES ({values})",  # noqa: S608
                    copy.rows,
                )
        # Rows came with their ids: PostgreSQL's sequences must continue after them.
        tables = {copy.table for copy in demo_snapshot}
        models = {m for m in _models() if m._meta.db_table in tables}
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


def _models():
    from django.apps import apps

    return [m for m in apps.get_models(include_auto_created=True) if not m._meta.proxy]


def _copyable_tables() -> list[str]:
    """Every model's table, except SQLite's full-text tables, which triggers keep in step."""
    tables = sorted(connection.introspection.django_table_names(only_existing=True))
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'"
            )
            virtual = {name for (name,) in cursor.fetchall()}
        tables = [table for table in tables if table not in virtual]
    return tables


def _read(table: str) -> tuple[tuple[str, ...], list[tuple]]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
        return tuple(column[0] for column in cursor.description), list(cursor.fetchall())
