"""Finding the page a reader's address names in one query, not one per path segment.

Wagtail finds the page for a URL by walking the page tree from the site's home page, one
path segment at a time: a query per segment and one more per `.specific`. Every page
knows its full address in the tree, though (`url_path`: the home page's, then the slugs
below it), so the home page (`HomePage.route`) looks the page up by it: the page's type,
which the worker remembers per address after reading it once, then the live page of that
type at that address, in one query that also brings what the type names
(`reader_select_related` joins and `reader_columns()`) and the content generation. The
slug is asked for as well, so the database finds the page by its slug's index. A page
unpublished, moved or renamed since is no longer live at its address, so nothing needs
purging; an address without a live page is left to Wagtail's walk, which answers 404.

Whether a view restriction (or an alias, which takes its source's restrictions) lies on
the page's branch is answered from the private paths the worker keeps (restrictions.py),
so Wagtail's privacy check needs no query of its own for an open page.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from warta.core import generation
from warta.core.caches import Memo
from warta.core.queries import PreparedQuery, prepared

from .restrictions import private_paths

PAGE_TYPES = Memo(
    "page-types",
    bound=100_000,
    key="a page's address in the tree (url_path)",
    invalidated_by="no live page of that type at the address any more",
)


def route_by_address(home: Page, request, components: list[str]) -> RouteResult | None:
    """The live page below (or at) `home` at the path `components`, or None."""
    url_path = home.url_path + "".join(f"{component}/" for component in components)
    slug = components[-1] if components else home.slug
    model = PAGE_TYPES.get(url_path) or page_type_at(url_path, slug)
    if model is None:
        return None
    found = prepared(("route", model), lambda: route_query(model)).run(url_path=url_path, slug=slug)
    if not found:
        PAGE_TYPES.pop(url_path)
        return None
    PAGE_TYPES[url_path] = model
    page = found[0]
    generation.remember(request, page.content_generation)
    page.may_be_restricted = private_paths(request).may_restrict(page.path)
    return RouteResult(page)


def page_type_at(url_path: str, slug: str) -> type[Page] | None:
    """The model of the live page at `url_path`, if there is one."""
    rows = prepared("page-type", type_query).run(url_path=url_path, slug=slug)
    return ContentType.objects.get_for_id(rows[0]).model_class() if rows else None


def type_query() -> PreparedQuery:
    def build(url_path: str, slug: str) -> QuerySet:
        pages = Page.objects.live().filter(url_path=url_path, slug=slug).order_by()
        return pages.values_list("content_type", flat=True)[:1]

    fields = Page._meta
    return PreparedQuery(
        build, url_path=fields.get_field("url_path"), slug=fields.get_field("slug")
    )


def route_query(model: type[Page]) -> PreparedQuery:
    """The live page of `model` at an address, with what the page type reads with it."""
    columns = model.reader_columns() if hasattr(model, "reader_columns") else {}

    def build(url_path: str, slug: str) -> QuerySet:
        return (
            model.objects.live()
            .select_related(*getattr(model, "reader_select_related", ()))
            .annotate(content_generation=generation.column(), **columns)
            .filter(url_path=url_path, slug=slug)
            .order_by()[:1]
        )

    fields = Page._meta
    return PreparedQuery(
        build, url_path=fields.get_field("url_path"), slug=fields.get_field("slug")
    )
