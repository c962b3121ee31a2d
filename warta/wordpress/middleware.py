"""The old WordPress site's addresses answer 301 with the new ones.

An address whose query names a WordPress object (`/?p=123`, `/?cat=4`) is answered before
any view runs, since the home page would answer it 200: with a 301 when it is kept, else
404. Any other address is looked up only when Warta answers it 404, so a page found costs
nothing more. The look-up is one query by the unique index on (site, path), joined to the
target page: the page's address comes from its own row (a moved page is followed), never
from walking the page tree. An archive's page (`/category/daerah/page/3/`) goes to the
page of the new list (`?page=3`).

The 301s are marked public for an hour and tagged with their page (`page:<id>`) and
`addresses.CACHE_TAG`: the page cache keeps them, and a page moved, unpublished or deleted,
or new rows kept, purges them (warta.news.signals, `addresses.keep`).
"""

from __future__ import annotations

from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve
from django.utils.encoding import escape_uri_path
from wagtail.models import Page, Site

from warta.core import pagecache
from warta.core.compat.wagtail import find_site
from warta.press import retractions

from . import addresses
from .models import OldAddress

# Addresses no WordPress link can mean; the admin reads `?p=` as its own page number.
SKIPPED_PREFIXES = ("/admin/", "/api/", "/static/", "/media/", "/documents/")


class OldAddressMiddleware:
    """Answers an old WordPress address with a permanent redirect to where its object is
    now. Sits below Warta's cache headers and above Wagtail's redirects, so a redirect an
    editor made wins, and a retracted story's page is no 404 to look up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "HEAD") or request.path_info.startswith(SKIPPED_PREFIXES):
            return self.get_response(request)
        query = request.META.get("QUERY_STRING", "")
        if query and addresses.object_parameters(query):
            key = addresses.normalise(escape_uri_path(request.path_info), query)
            redirect = old_address_redirect(request, [(key, addresses.page_asked(query))])
            if redirect is None:
                pagecache.tag_request(request, addresses.CACHE_TAG)
                raise Http404("No such old address.")
            return redirect
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        key = addresses.normalise(escape_uri_path(request.path_info))
        redirect = old_address_redirect(request, addresses.candidates(key))
        if redirect is None and "//" in request.path_info:
            redirect = single_slashed_redirect(request, key)
        if redirect is not None:
            return redirect
        # A 404 cached here goes when addresses are kept; one that names nothing it shows
        # keeps the tag the page cache gives such pages, which any publication purges.
        if not getattr(request, "cache_tags", None):
            pagecache.tag_request(request, pagecache.DEFAULT_TAG)
        pagecache.tag_request(request, addresses.CACHE_TAG)
        return response


def old_address_redirect(
    request: HttpRequest, candidates: list[tuple[str, int | None]]
) -> HttpResponse | None:
    """The 301 for the first of `candidates` (keys, each with the page of a list it asks
    for) kept for the request's site, or None."""
    site = find_site(request)
    candidates = [
        (key, page)
        for key, page in candidates
        if len(key) <= addresses.MAX_KEY_LENGTH and "\0" not in key
    ]
    if site is None or not candidates:
        return None
    keys = [key for key, _page in candidates]
    rows = {
        row.path: row
        for row in OldAddress.objects.filter(site=site, path__in=keys).select_related("page")
    }
    for key, page in candidates:
        if (row := rows.get(key)) is not None:
            return kept_redirect(request, row, page)
    for key, page in candidates[1:]:
        if page and key != "/" and is_own_address(site, key):
            return permanent_redirect(addresses.with_page(quote(f"{key}/"), page), set())
    return None


def single_slashed_redirect(request: HttpRequest, key: str) -> HttpResponse | None:
    """A doubled slash WordPress wrote into a link ("//greek/page/") whose address without
    it is Warta's own page: the 301 there, where no old address was kept (it would loop)."""
    site = find_site(request)
    if site is None or key == "/" or not is_own_address(site, key):
        return None
    return permanent_redirect(quote(f"{key}/"), set())


def kept_redirect(request: HttpRequest, row: OldAddress, page: int | None) -> HttpResponse | None:
    """The 301 to the target of `row`; None when its page is not live, unless the page is
    a retracted story, whose address tells why it went (warta.press)."""
    if row.page_id is None:
        return permanent_redirect(addresses.with_page(row.url, page), set())
    if not row.page.live and not retractions.is_retracted(row.page):
        return None
    if (url := row.page.get_url(request)) is None:
        return None
    return permanent_redirect(addresses.with_page(url, page), {f"page:{row.page_id}"})


def is_own_address(site: Site, path: str) -> bool:
    """Whether `path` (a key, without its slash) is the address of a list Warta shows: a
    view of its own (a tag's, a reporter's) or a live page of the site."""
    try:
        match = resolve(f"{path}/")
    except Resolver404:
        return False
    if match.url_name != "wagtail_serve":
        return True
    url_path = site.root_page.url_path + (match.args[0] if match.args else "")
    return Page.objects.live().filter(url_path=url_path).exists()


def permanent_redirect(location: str, tags: set[str]) -> HttpResponse:
    """A 301 that browsers keep as long as a page and the page cache for an hour."""
    response = HttpResponsePermanentRedirect(location)
    policy = settings.WARTA_HTTP_CACHE
    ttl = policy["PAGE_CACHE_TTL"]
    response["Cache-Control"] = (
        f"public, max-age={min(policy['MAX_AGE'], ttl)}, s-maxage={min(policy['S_MAXAGE'], ttl)}"
    )
    response[pagecache.TTL_HEADER] = str(ttl)
    response[pagecache.TAGS_HEADER] = " ".join(sorted(tags | {addresses.CACHE_TAG}))
    return response
