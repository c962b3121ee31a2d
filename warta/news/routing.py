"""Page routing answered from memory.

Wagtail finds the page for a URL by looking up the site, then walking the page tree one
path segment at a time: a query for the site, one per segment and one per `.specific`.
Each worker here remembers which page a path led to and where in the tree it was, and
fetches that page directly in one query that also checks it is still live, still at that
path and still under the same parent, and brings what the page type names
(`reader_select_related` joins, `reader_columns(places)`, which may use the page's id,
its parent's tree path and what the page type remembered of the page when it was last
served, `route_memory(page)`, for the page to confirm), less the columns the worker
still holds for the page at the current content generation (`kept_reader_columns(id)`).
That query is built and compiled once per page type, shape of what is remembered and
columns left out (warta.core.queries.PreparedQuery). A page unpublished, moved or renamed
since is therefore noticed at once and routed the long way again, so nothing ever needs
purging. Whether any view restriction (or an alias, which takes its source's
restrictions) lies on the page's branch is answered from the private paths the worker
keeps (restrictions.py), so Wagtail's privacy check needs no query of its own for an
unrestricted page. Sites are remembered for a few seconds: a change to a Site
(host name, root page) reaches every worker within `SITE_SECONDS`.
"""

from __future__ import annotations

import threading
import time

from django.db.models import Field
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from warta.core import generation
from warta.core.queries import PreparedQuery, placeholders, prepared

from .restrictions import private_paths

SITE_SECONDS = 10
MAX_ROUTES = 100_000

_sites: dict[tuple[str, int], tuple[Site | None, float]] = {}
# (site, path): (page id, page type, parent's tree path, depth, what the type remembers)
_routes: dict[tuple[int, str], tuple[int, type[Page], str, int, tuple[tuple, tuple]]] = {}
_lock = threading.Lock()


def site_for_request(request) -> Site | None:
    """Wagtail's site for the request's host, looked up at most every few seconds."""
    key = (split_domain_port(request._get_raw_host())[0], request.get_port())
    known = _sites.get(key)
    if known and known[1] > time.monotonic():
        return known[0]
    site = Site._find_for_request(request)
    _sites[key] = (site, time.monotonic() + SITE_SECONDS)
    return site


def remembered_route(request, site: Site, path: str) -> RouteResult | None:
    """The page a path led to before, if it is still live and still at that path; read
    with it, the content generation, which becomes the request's."""
    known = _routes.get((site.pk, path))
    if known is None:
        return None
    page_id, model, parent, depth, memory = known
    shape, values = memory
    kept = model.kept_reader_columns(page_id) if hasattr(model, "kept_reader_columns") else ()
    query = prepared(("route", model, shape, kept), route_query, model, shape, kept)
    found = query.run(
        page_id=page_id,
        url_path=site.root_page.url_path + path,
        parent=parent,
        depth=depth,
        **{name: value for (name, _field), value in zip(shape, values, strict=True)},
    )
    if not found:
        _routes.pop((site.pk, path), None)
        return None
    page = found[0]
    page.remembered = memory
    generation.remember(request, page.content_generation)
    page.may_be_restricted = private_paths(request).may_restrict(page.path)
    return RouteResult(page)


def route_query(
    model: type[Page], remembered: tuple[tuple[str, Field], ...], kept: tuple[str, ...] = ()
) -> PreparedQuery:
    """The live page of `model` with this id at this path, still right under the page at
    `parent` (the tree path) at this `depth`; `remembered` names what else the page type
    remembers of a page (`route_memory`: names and fields, then values), with the fields
    its values are compared with. The columns named `kept` (those the worker holds for the
    page, `kept_reader_columns`) are left out."""
    page = model._meta
    places = placeholders(
        page_id=page.pk,
        url_path=page.get_field("url_path"),
        parent=page.get_field("path"),
        depth=page.get_field("depth"),
        **dict(remembered),
    )
    columns = model.reader_columns(places) if hasattr(model, "reader_columns") else {}
    columns = {name: column for name, column in columns.items() if name not in kept}
    queryset = (
        model.objects.live()
        .select_related(*getattr(model, "reader_select_related", ()))
        .annotate(content_generation=generation.column(), **columns)
        .filter(
            pk=places["page_id"].sample,
            url_path=places["url_path"].sample,
            path__startswith=places["parent"].sample,
            depth=places["depth"].sample,
        )
        .order_by()[:1]
    )
    # What is remembered serves the page type's columns: with some left out, it may not be used.
    return PreparedQuery(queryset, places, optional=frozenset(dict(remembered) if kept else ()))


def remember_route(site: Site, path: str, route: RouteResult | None) -> None:
    """Keep a plain route (a page itself, not a sub-route with arguments) for next time."""
    if route is None or route.args or route.kwargs:
        return
    page = route.page
    model = type(page)
    memory = model.route_memory(page) if hasattr(model, "route_memory") else ((), ())
    key = (site.pk, path)
    entry = (page.pk, model, page.path[: -page.steplen], page.depth, memory)
    if _routes.get(key) == entry:  # a page routed from memory: nothing new to keep
        return
    with _lock:
        if len(_routes) >= MAX_ROUTES:
            _routes.clear()
        _routes[key] = entry


def forget_sites(**kwargs) -> None:
    _sites.clear()
    _routes.clear()


post_save.connect(forget_sites, sender=Site, dispatch_uid="warta.news.routing.site_saved")
post_delete.connect(forget_sites, sender=Site, dispatch_uid="warta.news.routing.site_deleted")
