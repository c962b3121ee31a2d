"""Rows a slow command leaves in the database, kept once per run and copied into each test.

Loading the demo or generating an archive publishes pages, indexes them and draws
images: seconds per run. A session fixture runs the command once inside a transaction,
keeps every row of each table the command changed, and rolls back; a test's fixture
then writes those rows back, which takes a fraction of a second. Non-transactional
tests get the rows inside their own rolled-back transaction; live-server tests get
them committed, and pytest-django flushes them afterwards as it flushes anything else.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction


@dataclass(frozen=True)
class TableRows:
    table: str
    columns: tuple[str, ...]
    rows: list[tuple]


class TableSnapshot:
    """The state `load()` leaves in every table it changes, to restore in later tests."""

    def __init__(self, tables: list[TableRows]):
        self.tables = tables

    @classmethod
    def after(cls, django_db_blocker, load: Callable[[], object]) -> "TableSnapshot":
        with django_db_blocker.unblock(), transaction.atomic():
            names = _copyable_tables()
            before = {name: _read(name) for name in names}
            load()
            after = {name: _read(name) for name in names}
            transaction.set_rollback(True)
        return cls(
            [
                TableRows(name, *after[name])
                for name in names
                if sorted(map(repr, after[name][1])) != sorted(map(repr, before[name][1]))
            ]
        )

    def restore(self) -> None:
        """Replace the rows of each kept table with the kept ones, ids and all."""
        quote = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            for kept in self.tables:
                cursor.execute(f"DELETE FROM {quote(kept.table)}")  # noqa: S608 - a model's table
            for kept in self.tables:
                if kept.rows:
                    columns = ", ".join(map(quote, kept.columns))
                    values = ", ".join(["%s"] * len(kept.columns))
                    cursor.executemany(
                        f"INSERT INTO {quote(kept.table)} ({columns}) VALUES ({values})",  # noqa: S608
                        kept.rows,
                    )
            # The rows came with their ids: PostgreSQL's sequences must continue after them.
            names = {kept.table for kept in self.tables}
            models = [
                model
                for model in apps.get_models(include_auto_created=True)
                if not model._meta.proxy and model._meta.db_table in names
            ]
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)


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
