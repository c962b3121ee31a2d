"""Shortcuts past Django's ORM internals: queries compiled once, SQL of a queryset, pages
built from their stored rows.

Django takes far longer to build and compile a query than SQLite or PostgreSQL take to
answer a lookup by key (some 5 ms against 0.3 ms for a page with its joins), and a
reader page runs the same few queries with new values on every request.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping

from django.db import connections, models
from django.db.models import QuerySet, prefetch_related_objects


class CompiledQuery:
    """`queryset`, compiled to SQL once, run again with other values.

    The queryset is built from sample values (`samples`: a name's field and sample), each
    of which must reach the SQL as a parameter of its own, as in exact, comparison and
    startswith lookups; `run(values)` puts the values in the samples' places, converted
    by their fields, and gives what iterating the queryset would: model instances with
    their select_related objects, annotations and prefetches, or the rows of a
    `values()` or `values_list()` queryset.

    Assumes (warta/core/compat/tests/test_orm.py): a compiler's `as_sql()` and
    `get_converters()`, and what a queryset's iterable class reads of the queryset
    (`_iterable_class`, `_fetch_mode`, `_known_related_objects`, `query.get_compiler`).
    """

    def __init__(self, queryset: QuerySet, samples: Mapping[str, tuple[models.Field, object]]):
        self.queryset = queryset
        connection = connections[queryset.db]
        self.compiler = queryset.query.get_compiler(queryset.db)
        self.sql, params = self.compiler.as_sql()
        self.params = list(params)
        self.fields = {name: field for name, (field, _sample) in samples.items()}
        self.slots: list[tuple[int, str, str | None]] = []  # (index, name, LIKE form)
        self.converters: dict[object, Callable] = {}
        for name, (field, sample) in samples.items():
            value = field.get_db_prep_value(sample, connection, prepared=False)
            found = [i for i, param in enumerate(self.params) if param == value]
            patterns = []
            if isinstance(value, str):  # a pattern such as "<sample>%": kept with its place
                patterns = [
                    i
                    for i, param in enumerate(self.params)
                    if isinstance(param, str) and value in param and param != value
                ]
                self.slots += [(i, name, self.params[i].replace(value, "{}")) for i in patterns]
            if not found and not patterns:
                raise ValueError(f"the value {name!r} is not a parameter of the query")
            self.slots += [(i, name, None) for i in found]

    def run(self, values: Mapping[str, object]) -> list:
        connection = connections[self.queryset.db]
        params = list(self.params)
        for index, name, like in self.slots:
            value = self.fields[name].get_db_prep_value(values[name], connection, prepared=False)
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


def sql_of(queryset: QuerySet) -> tuple[str, tuple]:
    """The SQL of `queryset` and its parameters, as Django would run it."""
    sql, params = queryset.query.get_compiler(queryset.db).as_sql()
    return sql, tuple(params)


def page_from_row(model: type[models.Model], db: str, values: tuple, fetch_mode=None):
    """A stored page of `model` from the values of all its concrete fields, built by
    Django's model constructor alone: modelcluster's constructor only sorts out child
    objects passed as keywords and Wagtail's only fills in a page that has no id yet,
    neither of which a stored row has, and both ran for every page a reader is served."""
    page = model.__new__(model)
    models.Model.__init__(page, *values)
    page._state.adding = False
    page._state.db = db
    if fetch_mode is not None:
        page._state.fetch_mode = fetch_mode
    return page
