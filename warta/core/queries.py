"""Query shapes that stay fast as the archive grows."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Hashable
from datetime import UTC, datetime, timedelta

from django.db import connections, models
from django.db.models import (
    QuerySet,
    StringAgg,
    Subquery,
    TextField,
    Value,
    prefetch_related_objects,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce, JSONArray
from django.utils.dateparse import parse_datetime


def keys_of_any(*querysets: QuerySet) -> RawSQL | list:
    """The primary keys selected by any of `querysets`, as one subquery for `pk__in`.

    Each queryset is usually a short, sliced list (the newest four of a section): the
    database reads a few index entries for each, whatever the size of the table.
    `pk IN (a) OR pk IN (b)` would instead make PostgreSQL test every row against both
    lists. Each member is wrapped in its own SELECT because SQLite refuses LIMIT in a
    member of a compound SELECT.
    """
    members, params = [], []
    for number, queryset in enumerate(querysets):
        sql, member_params = queryset.values("pk").query.get_compiler(queryset.db).as_sql()
        members.append(f"SELECT * FROM ({sql}) AS member_{number}")  # noqa: S608 - compiled
        params.extend(member_params)
    if not members:
        return []  # an empty `pk__in`: Django answers without asking the database
    return RawSQL(" UNION ALL ".join(members), params)  # noqa: S611 - values are parameters


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


class Placeholder:
    """A stand-in for a value in a query built once (see PreparedQuery); `field` is the model
    field the value is compared with, which converts it for the database."""

    def __init__(self, name: str, field: models.Field, sample):
        self.name, self.field, self.sample = name, field, sample

    def db_value(self, value, connection):
        return self.field.get_db_prep_value(value, connection, prepared=False)


def placeholders(**fields: models.Field) -> dict[str, Placeholder]:
    """A placeholder per keyword, each with a sample value no real query uses."""
    made = {}
    for number, (name, field) in enumerate(fields.items(), start=1):
        if isinstance(field, models.DateTimeField):
            sample = datetime(1901, 1, 1, tzinfo=UTC) + timedelta(seconds=number)
        elif isinstance(field, models.CharField | models.TextField):
            sample = f"WartaPlaceholder{number}Z"
        else:  # integers and keys: positive and 32-bit, or Django finds it out of range
            sample = 2_147_480_000 + number
        made[name] = Placeholder(name, field, sample)
    return made


class PreparedQuery:
    """A query built and compiled to SQL once per process, then run with new values.

    Django takes far longer to build and compile a query than the database takes to
    answer a lookup by key: fetching a page with its joins costs some 5 ms in the ORM
    and 0.3 ms in SQLite. `queryset` is built from the samples of `places`; each sample
    must reach the SQL as a parameter of its own, as in exact, comparison and
    startswith lookups. `run(**values)` puts the values in their places and gives model
    instances as the queryset would: select_related, annotations and prefetch_related
    included, or rows for a `values()` or `values_list()` queryset. A sample that cannot
    be found in the parameters is an error at once, unless its place is named `optional`
    (offered to parts of the query that may not use it); `run` ignores values for places
    the query does not have.
    """

    def __init__(
        self,
        queryset: QuerySet,
        places: dict[str, Placeholder],
        optional: frozenset[str] = frozenset(),
    ):
        self.queryset = queryset
        connection = connections[queryset.db]
        self.compiler = queryset.query.get_compiler(queryset.db)
        self.sql, params = self.compiler.as_sql()
        self.params = list(params)
        self.slots: list[tuple[int, Placeholder, str | None]] = []  # (index, place, LIKE form)
        self.converters: dict[object, Callable] = {}
        for place in places.values():
            sample = place.db_value(place.sample, connection)
            found = [i for i, param in enumerate(self.params) if param == sample]
            if isinstance(sample, str):
                found_in = [
                    i
                    for i, param in enumerate(self.params)
                    if isinstance(param, str) and sample in param and param != sample
                ]
                # A pattern such as "<sample>%": kept with the sample's place marked.
                self.slots += [(i, place, self.params[i].replace(sample, "{}")) for i in found_in]
            else:
                found_in = []
            if not found and not found_in and place.name not in optional:
                raise ValueError(f"placeholder {place.name!r} is not a parameter of the query")
            self.slots += [(i, place, None) for i in found]

    def run(self, **values) -> list:
        connection = connections[self.queryset.db]
        params = list(self.params)
        for index, place, like in self.slots:
            value = place.db_value(values[place.name], connection)
            if like is None:
                params[index] = value
            else:  # the value goes into the pattern escaped
                params[index] = like.replace("{}", connection.ops.prep_for_like_query(value))
        compiler = copy.copy(self.compiler)
        compiler.connection = connection  # connections are per thread
        compiler.as_sql = lambda *args, **kwargs: (self.sql, tuple(params))
        compiler.get_converters = self.converters_for(connection)
        objects = list(self.queryset._iterable_class(_Compiled(self.queryset, compiler)))
        if self.queryset._prefetch_related_lookups and objects:
            prefetch_related_objects(objects, *self.queryset._prefetch_related_lookups)
        return objects

    def converters_for(self, connection) -> Callable:
        """The compiler's converters of column values, worked out once per connection (once
        per thread): Django would ask every column's field for them on every run."""
        converters = self.converters.get(connection)
        if converters is None:
            compiler = copy.copy(self.compiler)
            compiler.connection = connection
            known: dict[tuple, dict] = {}

            def converters(expressions):
                key = tuple(map(id, expressions))
                if key not in known:
                    known[key] = compiler.get_converters(expressions)
                return known[key]

            self.converters[connection] = converters
        return converters


class _Compiled:
    """What Django's iterables read of a queryset and its query, with the compiler given
    rather than built; the rest is the queryset's own query."""

    def __init__(self, queryset: QuerySet, compiler):
        self.db, self.model = queryset.db, queryset.model
        self._fetch_mode = queryset._fetch_mode
        self._known_related_objects = queryset._known_related_objects
        self.query = self
        self._query = queryset.query
        self._compiler = compiler

    def get_compiler(self, using=None, connection=None, elide_empty=True):
        return self._compiler

    def __getattr__(self, name: str):
        return getattr(self._query, name)


_prepared: dict[Hashable, PreparedQuery] = {}


def prepared(key: Hashable, build: Callable[..., PreparedQuery], *args) -> PreparedQuery:
    """The query `build(*args)` makes, built on first use in this process, known by `key`."""
    query = _prepared.get(key)
    if query is None:
        query = _prepared[key] = build(*args)
    return query
