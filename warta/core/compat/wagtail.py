"""Shortcuts past Wagtail's internals: sites remembered by each worker (site-memo), and
search matches counted in Wagtail's index table (search-index-count)."""

from __future__ import annotations

import time

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db.models import F
from django.db.models.expressions import CombinedExpression
from django.http.request import split_domain_port
from wagtail.models import Page, Site
from wagtail.search.models import IndexEntry
from wagtail.search.utils import get_descendants_content_types_pks

from ..caches import Memo
from . import on

SITE_SECONDS = 10
SITES = Memo(
    "sites",
    bound=1_000,
    key="a request's host name and port",
    invalidated_by=f"{SITE_SECONDS} seconds; any change to a Site, in the worker that made it",
)


def find_site(request) -> Site | None:
    """The request's Wagtail site, as `Site.find_for_request` gives it.

    With the site-memo shortcut, each worker looks a host's site up at most every
    SITE_SECONDS, with its home page as its own type, and hands it to Wagtail for the
    request: Wagtail asks the database for the site on every request, and for the home
    page's type when it routes. A change to a Site so reaches every worker within
    SITE_SECONDS. Assumes (compat/tests/test_wagtail.py): Wagtail keeps the request's
    site as `request._wagtail_site` and finds it with `Site._find_for_request`.
    """
    if not on("site-memo"):
        return Site.find_for_request(request)
    key = (split_domain_port(request._get_raw_host())[0], request.get_port())
    known = SITES.get(key)
    if known and known[1] > time.monotonic():
        site = known[0]
    else:
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page = site.root_page.specific
        SITES[key] = (site, time.monotonic() + SITE_SECONDS)
    request._wagtail_site = site
    return site


def forget_sites() -> None:
    """A Site changed: this worker looks sites up again (the others within SITE_SECONDS)."""
    SITES.clear()


def count_in_search_index(model: type[Page], query: SearchQuery, limit: int) -> int | None:
    """How many pages of `model` Wagtail's PostgreSQL index entries match, up to `limit`;
    None without the search-index-count shortcut. Reads only the GIN index over the
    entries (warta/search/migrations/0001), however many match."""
    if not on("search-index-count"):
        return None
    document = CombinedExpression(F("title"), "||", F("body"), output_field=SearchVectorField())
    matching = (
        IndexEntry.objects.filter(content_type_id__in=get_descendants_content_types_pks(model))
        .annotate(document=document)
        .filter(document=query)
    )
    return matching[:limit].count()
