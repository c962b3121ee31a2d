"""Searching the published stories: the one domain function behind the search page.

Matching is Wagtail's database search (SQLite FTS5 or PostgreSQL full-text). What
costs time at 100,000 articles is not finding the matches but ranking and counting
them all: a word such as "banjir" is in a quarter of the archive. So a search first
asks the index how many stories match, counting no further than RELEVANCE_LIMIT:

- up to that many: ranked by relevance (Wagtail's ranking, title first), counted
  exactly, paginated with "page N of M";
- more: newest first, which PostgreSQL answers by walking the publication-time
  index until it has a page, without ranking or counting everything; the reader
  is told that many stories match and pages on, up to MAX_PAGES.

Asking for newest first skips the ranking, never the limit on counting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.contrib.postgres.search import SearchQuery
from django.core.paginator import Page as PaginatorPage
from django.db import connection
from django.http import Http404
from django.utils.translation import gettext as _
from wagtail.search.backends import get_search_backend

from warta.core.compat.wagtail import count_in_search_index
from warta.news.archive import ArchivePeriod
from warta.news.models import ArticlePage, SectionPage
from warta.news.pagination import ARTICLES_PER_PAGE, paginate

from .text import query_terms

RELEVANCE_LIMIT = 300
MAX_PAGES = 50


@dataclass
class SearchOutcome:
    """One page of results; `count` is the exact number of results, None where not counted."""

    page: PaginatorPage | OpenPage
    count: int | None
    by_relevance: bool


@dataclass(frozen=True)
class ArticleSearch:
    """What a reader asked for; `terms` are the query's folded, stemmed words."""

    terms: tuple[str, ...]
    section: SectionPage | None = None
    date_from: date | None = None
    date_to: date | None = None
    newest_first: bool = False

    @classmethod
    def from_form(cls, cleaned_data: dict) -> ArticleSearch:
        return cls(
            terms=tuple(query_terms(cleaned_data.get("q") or "")),
            section=cleaned_data.get("section"),
            date_from=cleaned_data.get("from"),
            date_to=cleaned_data.get("to"),
            newest_first=cleaned_data.get("sort") == "newest",
        )

    def run(self, request) -> SearchOutcome:
        """The page of results `?page=` asks for; a page that does not exist is a 404."""
        if count_matches(self.terms, RELEVANCE_LIMIT + 1) <= RELEVANCE_LIMIT:
            by_relevance = not self.newest_first
            page = paginate(request, self.results(by_relevance=by_relevance))
            return SearchOutcome(page=page, count=page.paginator.count, by_relevance=by_relevance)
        page = OpenPage.of(self.results(by_relevance=False), request.GET.get("page"))
        # Counted only once the last page is reached (filters may leave few).
        count = None if page.has_next() else (page.number - 1) * ARTICLES_PER_PAGE + len(page)
        return SearchOutcome(page=page, count=count, by_relevance=False)

    def results(self, by_relevance: bool):
        """Live stories holding every term, filtered; best match or newest first.

        Dates are days of the site's calendar, both ends included.
        """
        articles = ArticlePage.objects.live()
        if self.section:
            articles = articles.descendant_of(self.section)
        if self.date_from:
            articles = articles.filter(published_at__gte=_day(self.date_from).start)
        if self.date_to:
            articles = articles.filter(published_at__lt=_day(self.date_to).end)
        articles = (
            articles.order_by() if by_relevance else articles.order_by("-published_at", "-id")
        )
        return articles.search(
            " ".join(self.terms), operator="and", order_by_relevance=by_relevance
        )


def count_matches(terms: Sequence[str], limit: int) -> int:
    """How many articles in the search index hold every term, counting no further than `limit`.

    On PostgreSQL this reads only the GIN index over Wagtail's index entries (see the
    migration warta/search/migrations/0001), whatever the number of matches: a few
    milliseconds. SQLite's FTS5 counts quickly enough through Wagtail itself.
    """
    backend = get_search_backend()
    if connection.vendor == "postgresql" and type(backend).__name__ == "PostgresSearchBackend":
        query = SearchQuery(" ".join(terms), config=backend.config, search_type="plain")
        counted = count_in_search_index(ArticlePage, query, limit)
        if counted is not None:
            return counted
    newest = ArticlePage.objects.order_by("-published_at", "-id")
    return newest.search(" ".join(terms), operator="and", order_by_relevance=False)[:limit].count()


class OpenPage(Sequence):
    """A page of a result set too large to count: it knows only whether another follows."""

    paginator = None

    def __init__(self, items: list, number: int, has_next: bool):
        self.object_list, self.number, self._has_next = items, number, has_next

    @classmethod
    def of(cls, results, number: str | None, per_page: int = ARTICLES_PER_PAGE) -> OpenPage:
        try:
            number = int(number or 1)
        except ValueError:
            raise Http404(_("No such page of results.")) from None
        if not 1 <= number <= MAX_PAGES:
            raise Http404(_("No such page of results."))
        start = (number - 1) * per_page
        items = list(results[start : start + per_page + 1])
        if number > 1 and not items:
            raise Http404(_("No such page of results."))
        return cls(items[:per_page], number, has_next=len(items) > per_page and number < MAX_PAGES)

    def __getitem__(self, index):
        return self.object_list[index]

    def __len__(self) -> int:
        return len(self.object_list)

    def has_next(self) -> bool:
        return self._has_next

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_next() or self.has_previous()

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def start_index(self) -> int:
        return (self.number - 1) * ARTICLES_PER_PAGE + 1 if self.object_list else 0


def _day(day: date) -> ArchivePeriod:
    return ArchivePeriod(day.year, day.month, day.day)
