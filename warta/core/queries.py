"""Query shapes that stay fast as the archive grows."""

from __future__ import annotations

from django.db.models import QuerySet
from django.db.models.expressions import RawSQL


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
