"""Which pages may be private: kept by each worker until content changes.

Every reader page must check the view restrictions on its branch, and Wagtail's
`public()` reads them all before it filters a list. Restrictions are few and rarely
change, and every change to one is a change of content (warta.news.signals bumps the
content generation), so each worker keeps the paths of restricted pages, and of
aliases (which take their source's restrictions), until the next change. A path is a
page's ancestors' paths with more steps, so a page lies in a restricted branch exactly
when one of those paths is a prefix of its own.

A page found by its address (warta.news.routing) is told whether it may be restricted
(`may_be_restricted`), so Wagtail's check before serving it (`get_view_restrictions`,
`ViewRestrictionsKnown`) needs no query for an open page, and one for any other.
"""

from __future__ import annotations

from typing import NamedTuple

from django.db.models import Q, QuerySet, Value
from wagtail.models import Page, PageViewRestriction

from warta.core import generation
from warta.core.caches import lru


class PrivatePaths(NamedTuple):
    restricted: tuple[str, ...]  # pages with a view restriction
    aliases: tuple[str, ...]

    def may_restrict(self, path: str) -> bool:
        """Whether a restriction (its own, an ancestor's or an alias source's) may apply."""
        return any(path.startswith(prefix) for prefix in (*self.restricted, *self.aliases))

    def restricted_q(self) -> Q:
        """Pages in a restricted branch, for `PageQuerySet.private_q()`."""
        branches = Q()
        for path in self.restricted:
            branches |= Q(path__startswith=path)
        return branches if branches else Q(pk__in=[])


def private_paths(request=None) -> PrivatePaths:
    return generation.kept(request, "private-paths", read_private_paths)


def read_private_paths() -> PrivatePaths:
    # Restricted pages by id: joining restrictions to pages would make SQLite read the
    # whole page table to find the few restricted ones. One query for both lists.
    restricted = Page.objects.filter(
        pk__in=PageViewRestriction.objects.values("page_id")
    ).order_by()
    # "> 0" rather than "IS NOT NULL": SQLite then finds the few aliases by their index.
    aliases = Page.objects.filter(alias_of__gt=0).order_by()
    rows = (
        restricted.annotate(alias=Value(False))
        .values_list("path", "alias")
        .union(aliases.annotate(alias=Value(True)).values_list("path", "alias"), all=True)
    )
    found = list(rows)
    return PrivatePaths(
        tuple(sorted(path for path, alias in found if not alias)),
        tuple(sorted(path for path, alias in found if alias)),
    )


class ViewRestrictionsKnown:
    """For a Wagtail page: the view restrictions on it and its ancestors, checked on every
    page a reader is served: none when the page was found knowing that none apply, else
    in one query (Wagtail takes two)."""

    def get_view_restrictions(self):
        if getattr(self, "may_be_restricted", True) is False:
            return no_restrictions()
        if self.alias_of_id:
            return super().get_view_restrictions()
        steplen = self.steplen
        paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        # An alias among the ancestors has its source's restrictions, not its own.
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__aliases__path__in=paths)
        ).distinct()


@lru(
    "no-view-restrictions",
    maxsize=1,
    key="none: one empty set of restrictions",
    invalidated_by="nothing",
)
def no_restrictions() -> QuerySet:
    """No restrictions, as a queryset already read (Wagtail's check only iterates it):
    building and compiling a query for each page to find none cost more than the rest
    of the check."""
    nothing = PageViewRestriction.objects.none()
    len(nothing)  # read now: iterating it later reads what was read
    return nothing
