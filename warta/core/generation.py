"""What every reader page shows, kept in each worker until published content changes.

The navigation, the breaking ticker and the newsroom settings are the same on every
page; a page rendered fresh should not rebuild them. Each worker keeps them in memory,
stamped with the *content generation*: the number in a one-row table that every change
to published content increments inside its own transaction (`bump()`, called from
warta.news.signals). A worker reads the number once per request, one lookup by primary
key (or a column of the page's own query, `column()`), and recomputes whatever it kept
at an older number. The number lives in the database, so this holds across worker
processes and app servers alike, and a worker sees a new number exactly when it can see
the change that came with it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable
from typing import Any

from django.db import connections, router
from django.db.models import F, Subquery
from wagtail.models import Site

from .caches import Memo
from .models import ContentGeneration

# Parts every page shares, and story cards (under 1 kB each): the spread of stories a
# worker serves in a day fits.
SHARED = Memo(
    "kept-parts",
    bound=20_000,
    key="a part's name and what it depends on (site, language, story id and card style)",
    invalidated_by="a new content generation; some parts also expire at a time they name",
)


def current(request=None) -> int:
    """The content generation, read once per request."""
    if request is not None and hasattr(request, "content_generation"):
        return request.content_generation
    number = read()
    if request is not None:
        request.content_generation = number
    return number


def read(using: str | None = None) -> int:
    """The content generation in the database `using`; by default the one this request's
    reads go to (a replica's number, with a reader's page read from it: warta.core.replica),
    so what a worker keeps is stamped with the number of the data it was made from."""
    db = connections[using or router.db_for_read(ContentGeneration)]
    table = db.ops.quote_name(ContentGeneration._meta.db_table)
    with db.cursor() as cursor:
        cursor.execute(f"SELECT number FROM {table} WHERE id = 1")  # noqa: S608 - a model's table
        row = cursor.fetchone()
    return row[0] if row else 0


def column():
    """The content generation as a column of another query (a page's, warta.news.routing):
    read with it, the request needs no query of its own for it (see `remember`)."""
    return Subquery(ContentGeneration.objects.filter(pk=1).values("number")[:1])


def remember(request, number: int | None) -> None:
    """Take `number`, read with another query of this request, as its content generation."""
    request.content_generation = number or 0


def bump() -> None:
    """Published content changed: everything kept at the current number is out of date."""
    if not ContentGeneration.objects.filter(pk=1).update(number=F("number") + 1):
        ContentGeneration.objects.get_or_create(pk=1, defaults={"number": 1})


def kept[T](
    request,
    key: Hashable,
    compute: Callable[[], T],
    expires_at: Callable[[T], float | None] = lambda value: None,
    within: Memo = SHARED,
) -> T:
    """`compute()`, or what it gave at this content generation before, unless that has
    passed the time (`time.time()`) that `expires_at(value)` set for it; kept `within`
    the shared memo unless another is given."""
    generation = current(request)
    entry = within.get(key)
    if (
        entry is not None
        and entry[0] == generation
        and (entry[1] is None or entry[1] > time.time())
    ):
        return entry[2]
    value = compute()
    keep(within, key, generation, value, expires_at(value))
    return value


def keep(within: Memo, key: Hashable, generation: int, value, expires: float | None = None):
    """Keep `value` `within` a memo as what `key` is at this content generation."""
    within[key] = (generation, expires, value)


def found(within: Memo, key: Hashable, generation: int) -> Any | None:
    """What is kept `within` a memo for `key` at this content generation, or None."""
    entry = within.get(key)
    return entry[2] if entry is not None and entry[0] == generation else None


def kept_each[K: Hashable, T](
    request, keys: list[K], compute_missing: Callable[[list[K]], dict[K, T]]
) -> dict[K, T]:
    """For each of `keys`, in order, what was kept for it at this content generation; the
    keys with nothing kept are given to `compute_missing` together, and what it returns is
    kept. A key it leaves out is left out of the result too."""
    generation = current(request)
    kept_now: dict[K, T] = {}
    for key in keys:
        entry = SHARED.get(key)
        if entry is not None and entry[0] == generation:
            kept_now[key] = entry[2]
    missing = [key for key in keys if key not in kept_now]
    if missing:
        computed = compute_missing(missing)
        for key, value in computed.items():
            SHARED[key] = (generation, None, value)
        kept_now.update(computed)
    return {key: kept_now[key] for key in keys if key in kept_now}


class KeptSiteSetting:
    """For a Wagtail site setting that every reader page reads: `kept_for_request()` gives
    the request's site's, kept by the worker until content changes. Saving the setting
    must therefore change content (purge every page and bump the generation)."""

    @classmethod
    def kept_for_request(cls, request):
        site = Site.find_for_request(request)
        if site is None:
            return cls()  # the defaults
        return kept(request, (cls._meta.label, site.pk), lambda: cls.for_site(site))
