"""Crawler-facing views at the site root: robots.txt and the sitemaps."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .sitemaps import URL_SETS, NewsUrlSet, SiteLinks, in_site_language, index_xml, urlset_xml

XML = "application/xml; charset=utf-8"
SITEMAP_MAX_AGE = 3600
NEWS_SITEMAP_MAX_AGE = 300  # Google News re-reads it often; new stories should show soon
# Reader URLs that crawlers should leave alone: the back office and search results.
# Wagtail's previews and draft views live under /admin/.
CRAWLER_EXCLUDED_PATHS = ("/admin/", "/cari/", "/_util/")


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    other_languages = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    paths = [
        *CRAWLER_EXCLUDED_PATHS,
        *(f"/{code}{path}" for code in other_languages for path in CRAWLER_EXCLUDED_PATHS[1:]),
    ]
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in paths),
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('discovery:sitemap_index'))}",
        "",
    ]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=SITEMAP_MAX_AGE)
    return response


@require_safe
def sitemap_index(request: HttpRequest) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        in_site_language(index_xml(SiteLinks(request))), content_type=XML
    )
    patch_cache_control(response, public=True, max_age=NEWS_SITEMAP_MAX_AGE)
    return response


@require_safe
def sitemap(request: HttpRequest, kind: str, number: int) -> StreamingHttpResponse:
    url_set = URL_SETS[kind](SiteLinks(request))
    # Page 1 always exists, so a news sitemap with no recent story is empty rather than missing.
    if number < 1 or (number > 1 and not url_set.has_page(number)):
        raise Http404(_("No such sitemap page."))
    response = StreamingHttpResponse(urlset_xml(url_set, number), content_type=XML)
    max_age = NEWS_SITEMAP_MAX_AGE if isinstance(url_set, NewsUrlSet) else SITEMAP_MAX_AGE
    patch_cache_control(response, public=True, max_age=max_age)
    return response
