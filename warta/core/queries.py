"""Query shapes that stay fast as the archive grows, and queries run again and again."""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable
from datetime import UTC, datetime, timedelta

from django.db import models
from django.db.models import Q, QuerySet, StringAgg, Subquery, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce, JSONArray
from django.utils.dateparse import parse_datetime

from . import compat
from .caches import Memo
from .compat.orm import CompiledQuery, sql_of


def in_any(*querysets: QuerySet) -> Q:
    """The rows whose primary key any of `querysets` selects, as a filter.

    Each queryset is usually a short, sliced list (the newest four of a section): the
    database reads a few index entries for each, whatever the size of the table. With the
    union-of-lists shortcut they are one subquery, `pk IN (a UNION ALL b)`:
    `pk IN (a) OR pk IN (b)` makes PostgreSQL test every row against both lists. Each
    member is wrapped in its own SELECT because SQLite refuses LIMIT in a member of a
    compound SELECT.
    """
    if not querysets:
        return Q(pk__in=[])  # Django answers without asking the database
    if not compat.on("union-of-lists"):
        which = Q(pk__in=[])
        for queryset in querysets:
            which |= Q(pk__in=queryset.values("pk"))
        return which
    members, params = [], []
    for number, queryset in enumerate(querysets):
        sql, member_params = sql_of(queryset.values("pk"))
        members.append(f"SELECT * FROM ({sql}) AS member_{number}")  # noqa: S608 - compiled
        params.extend(member_params)
    return Q(pk__in=RawSQL(" UNION ALL ".join(members), params))  # noqa: S611 - parameters


def rows_column(queryset: QuerySet, *values: str) -> Coalesce:
    """The rows of `queryset`, each the JSON array of `values` (field names), joined with
    commas in one text: a column another query can carry (read back with `read_rows`).
    Joined without an aggregate ordering, which SQLite before 3.44 lacks."""
    rows = (
        queryset.order_by()
        .annotate(all_rows=Value(1))  # a constant: no GROUP BY, one row for all
        .values("all_rows")
        .annotate(rows=StringAgg(Cast(JSONArray(*values), TextField()), Value(",")))
        .values("rows")
    )
    return Coalesce(Subquery(rows), Value(""), output_field=TextField())


def read_rows(text: str) -> list[list]:
    """The rows of a `rows_column`, in no particular order."""
    return json.loads(f"[{text}]")


def read_datetime(value: str | None) -> datetime | None:
    """A date and time a `rows_column` carried: as PostgreSQL writes it in JSON (ISO 8601
    with its offset) or as SQLite stores it (UTC, without one)."""
    if value is None:
        return None
    moment = parse_datetime(value)
    if moment is None:
        raise ValueError(f"not a date and time: {value!r}")
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class RowsColumn:
    """A few rows of `model`, brought as one text column of another query and read back.

    A page's own query can so carry what it shows from other tables (an article's tags
    and bylines): on PostgreSQL each query of its own is a round trip to the server,
    which costs more than the rows. `column(queryset)` is the column's expression: a
    subquery over `queryset`, filtered by an OuterRef, whose rows reach `model` through
    the relation `through` (or are `model`'s own when it is empty); each row is the JSON
    array of `order`, then the model's concrete fields (`rows_column`). `read(text)`
    gives the instances, sorted by `order` (None last), as the queryset would give them.
    JSON carries numbers, text and booleans as they are, so only models whose fields are
    all of those are accepted.
    """

    PLAIN_FIELDS = (
        models.AutoField,
        models.BigAutoField,
        models.IntegerField,
        models.CharField,
        models.TextField,
        models.BooleanField,
        models.ForeignKey,
        models.FileField,
    )

    def __init__(self, model: type[models.Model], *, through: str = "", order: tuple[str, ...]):
        self.model, self.through, self.order = model, through, order
        self.fields = model._meta.concrete_fields
        if unfit := [f.name for f in self.fields if not isinstance(f, self.PLAIN_FIELDS)]:
            raise TypeError(f"{model.__name__} has fields JSON would not carry as is: {unfit}")
        self.names = [field.attname for field in self.fields]
        # JSON carries numbers and text as the fields hold them; only booleans differ (SQLite
        # writes them as 0 and 1), so only they are converted.
        self.booleans = [
            (number, field)
            for number, field in enumerate(self.fields)
            if isinstance(field, models.BooleanField)
        ]

    def column(self, queryset: QuerySet) -> Coalesce:
        prefix = f"{self.through}__" if self.through else ""
        return rows_column(queryset, *self.order, *(prefix + name for name in self.names))

    def read(self, text: str, using: str = "default") -> list[models.Model]:
        rows = read_rows(text)
        keys = len(self.order)
        rows.sort(key=lambda row: [(value is None, value) for value in row[:keys]])
        instances = []
        for row in rows:
            values = row[keys:]
            if len(values) != len(self.fields):
                raise ValueError(f"a row of {len(values)} values for {len(self.fields)} fields")
            for number, field in self.booleans:
                values[number] = field.to_python(values[number])
            instances.append(self.model.from_db(using, self.names, values))
        return instances


def sample_values(fields: dict[str, models.Field]) -> dict[str, object]:
    """A sample value per field that no real query uses, for building a query once."""
    samples = {}
    for number, (name, field) in enumerate(fields.items(), start=1):
        if isinstance(field, models.DateTimeField):
            samples[name] = datetime(1901, 1, 1, tzinfo=UTC) + timedelta(seconds=number)
        elif isinstance(field, models.CharField | models.TextField):
            samples[name] = f"WartaPlaceholder{number}Z"
        else:  # integers and keys: positive and 32-bit, or Django finds it out of range
            samples[name] = 2_147_480_000 + number
    return samples


class PreparedQuery:
    """A query a reader page runs on every request with new values: `build(**values)`
    makes its queryset, `fields` name the model field each value is compared with.

    `run(**values)` gives what iterating `build(**values)` would: model instances with
    their joins, annotations and prefetches, or the rows of a `values_list()`. With the
    prepared-queries shortcut (warta.core.compat.orm.CompiledQuery) the queryset is built
    and compiled to SQL once per process, from sample values, and run with the new ones:
    Django takes far longer to build and compile a query than the database takes to
    answer a lookup by key. Each value must therefore reach the SQL as a parameter of its
    own, as in exact, comparison and startswith lookups; a query whose SQL lacks one of
    the values is an error on its first run.
    """

    def __init__(self, build: Callable[..., QuerySet], **fields: models.Field):
        self.build, self.fields = build, fields
        self.compiled: CompiledQuery | None = None

    def run(self, **values) -> list:
        if not compat.on("prepared-queries"):
            return list(self.build(**values))
        if self.compiled is None:
            samples = sample_values(self.fields)
            self.compiled = CompiledQuery(
                self.build(**samples),
                {name: (field, samples[name]) for name, field in self.fields.items()},
            )
        return self.compiled.run(values)


# One per shape of query (a number of tags, of sections, of images): a few hundred at most.
PREPARED = Memo(
    "prepared-queries",
    bound=1_000,
    key="the shape of a query (its kind, and how many values of each sort it takes)",
    invalidated_by="nothing: a query's SQL depends on its shape only",
)


def prepared(key: Hashable, make: Callable[[], PreparedQuery]) -> PreparedQuery:
    """The PreparedQuery `make()` gives, made once per process and known by `key`."""
    query = PREPARED.get(key)
    if query is None:
        query = PREPARED[key] = make()
    return query
