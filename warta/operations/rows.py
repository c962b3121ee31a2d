"""The database as rows: every table of the site's models, written the same way from SQLite
and from PostgreSQL and loaded into either, so that an archive restores across vendors.

A dump is JSON lines: for each table a header object (`table`, `model`, `columns`), then
one array per row. A value is what Django reads from its column, its converters applied
(SQLite's 0/1 is a bool, PostgreSQL's timestamp an aware datetime), written as JSON:
dates and times in ISO 8601, decimals and UUIDs as strings, durations in ISO 8601, bytes in
base64, a StreamField's blocks as their JSON. Loading turns every value back through its
field (`to_python`, then `get_db_prep_save` for the database at hand) and inserts the rows
as they were, primary keys and all, so every reference between rows holds as it did.

The search index is left out: its tables differ between SQLite (FTS5) and PostgreSQL
(tsvector), and a restore rebuilds it from the pages.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import IO, Any
from uuid import UUID

from django.core.management.color import no_style
from django.db import connections, models
from django.utils.duration import duration_iso_string
from wagtail.blocks import StreamValue

# Rebuilt from the pages after a restore (`update_index`), in the database's own form.
NOT_DUMPED = frozenset({"wagtailsearch.indexentry", "wagtailsearch.sqliteftsindexentry"})
INSERT_BATCH = 1000
READ_CHUNK = 2000
# Columns whose values are JSON's own types as Django reads them and as both databases take
# them back: loaded as they are, without a field's conversions (most columns are these).
PLAIN_TYPES = frozenset(
    {
        "AutoField",
        "BigAutoField",
        "SmallAutoField",
        "IntegerField",
        "BigIntegerField",
        "SmallIntegerField",
        "PositiveIntegerField",
        "PositiveBigIntegerField",
        "PositiveSmallIntegerField",
        "BooleanField",
        "CharField",
        "TextField",
        "SlugField",
        "EmailField",
        "URLField",
        "FileField",
        "FilePathField",
    }
)


class RowsError(Exception):
    """A dump that does not fit the database it is loaded into."""


def dumped_models(candidates: Iterable[type[models.Model]], tables: set[str]) -> list:
    """The models whose rows a dump holds: concrete, managed ones whose table exists, one
    per table, the search index's aside; in the order of their tables."""
    chosen: dict[str, type[models.Model]] = {}
    for model in candidates:
        meta = model._meta
        if meta.proxy or not meta.managed or meta.swapped or meta.label_lower in NOT_DUMPED:
            continue
        if meta.db_table in tables:
            chosen.setdefault(meta.db_table, model)
    return [chosen[table] for table in sorted(chosen)]


def columns(model: type[models.Model]) -> list[models.Field]:
    """The columns of the model's own table (a page type's holds its own fields only)."""
    return [field for field in model._meta.local_concrete_fields if not field.generated]


def encode(value: Any) -> Any:
    """A value JSON has no type for, as JSON (json.dumps calls this for each of them)."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    if isinstance(value, timedelta):
        return duration_iso_string(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, StreamValue):
        return value.get_prep_value()
    raise TypeError(f"no JSON form for a {type(value).__name__} in a backup")


def dump(models_: list, using: str, out: IO[str]) -> dict[str, int]:
    """Write every row of `models_` from database `using` to `out`; rows per table.

    The caller holds one snapshot of the database open (`warta.operations.snapshot`), so
    the tables agree with each other however long the dump takes."""
    counts = {}
    for model in models_:
        fields = columns(model)
        header = {
            "table": model._meta.db_table,
            "model": model._meta.label_lower,
            "columns": [field.column for field in fields],
        }
        out.write(json.dumps(header) + "\n")
        rows = (
            model._base_manager.using(using)
            .order_by("pk")
            .values_list(*(field.attname for field in fields))
            .iterator(chunk_size=READ_CHUNK)
        )
        written = 0
        for row in rows:
            out.write(json.dumps(row, default=encode, ensure_ascii=False, separators=(",", ":")))
            out.write("\n")
            written += 1
        counts[model._meta.db_table] = written
    return counts


def converter(field: models.Field, using: str) -> Callable | None:
    """How a dumped value of `field` becomes a parameter for database `using`; None: as
    it is."""
    connection = connections[using]
    target = field
    while target.is_relation:  # a reference takes the type of what it refers to
        target = target.target_field
    if target.get_internal_type() in PLAIN_TYPES:
        return None
    return lambda value: field.get_db_prep_save(field.to_python(value), connection)


def load(lines: Iterator[str], models_: list, using: str) -> dict[str, int]:
    """Insert the dumped rows into the (emptied) tables of `models_` in database `using`;
    rows per table.

    Run it in one transaction: Django's foreign keys are checked at its end on both
    databases, so tables may come in any order."""
    connection = connections[using]
    by_table = {model._meta.db_table: model for model in models_}
    quote = connection.ops.quote_name
    counts: dict[str, int] = {}
    table, statement, convert, batch = "", "", [], []

    def insert() -> None:
        if batch:
            with connection.cursor() as cursor:
                cursor.executemany(statement, batch)
            batch.clear()

    for line in lines:
        item = json.loads(line)
        if isinstance(item, list):
            batch.append(
                [
                    value if value is None or change is None else change(value)
                    for change, value in zip(convert, item, strict=True)
                ]
            )
            counts[table] += 1
            if len(batch) >= INSERT_BATCH:
                insert()
            continue
        insert()
        table = item["table"]
        if table not in by_table:
            raise RowsError(f"table {table} ({item['model']}) has no model here")
        fields = {field.column: field for field in columns(by_table[table])}
        if missing := [column for column in item["columns"] if column not in fields]:
            raise RowsError(f"table {table} has no column {', '.join(missing)} here")
        convert = [converter(fields[column], using) for column in item["columns"]]
        names = ", ".join(quote(column) for column in item["columns"])
        marks = ", ".join(["%s"] * len(item["columns"]))
        statement = f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})"  # noqa: S608
        counts[table] = 0
    insert()
    return counts


def reset_sequences(models_: list, using: str) -> None:
    """Start each table's id sequence after its highest id (PostgreSQL; SQLite's own
    AUTOINCREMENT counter moves past inserted ids by itself)."""
    connection = connections[using]
    statements = connection.ops.sequence_reset_sql(no_style(), models_)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def flush(models_: list, using: str) -> None:
    """Empty the tables of `models_` and every other model's (the search index's), in the
    caller's transaction."""
    connection = connections[using]
    tables = set(connection.introspection.table_names())
    wanted = {model._meta.db_table for model in models_}
    wanted |= set(connection.introspection.django_table_names(only_existing=True))
    statements = connection.ops.sql_flush(
        no_style(), sorted(wanted & tables), reset_sequences=False, allow_cascade=True
    )
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
