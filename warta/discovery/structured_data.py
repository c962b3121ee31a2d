"""schema.org JSON-LD: NewsArticle, BreadcrumbList, WebSite with SearchAction, the publisher.

Each object goes into its own ``<script type="application/ld+json">``: a data
block the browser never runs, so the Content-Security-Policy allows it. The JSON
is escaped like Django's ``json_script`` so that ``</script>`` in a headline
cannot end the block.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from warta.core.addresses import absolute_url, reverse, static
from warta.news.models import ArticlePage

from .feeds import modified_at
from .images import structured_data_renditions
from .models import PublisherSettings

SCHEMA_ORG = "https://schema.org"
SEARCH_PATH = "/cari/"  # warta.search's page; query parameter q
JSON_SCRIPT_ESCAPES = ((">", "\\u003E"), ("<", "\\u003C"), ("&", "\\u0026"))


def to_json_ld(data: dict) -> SafeString:
    """JSON safe to place inside a <script> element (no "<", ">" or "&" left). Replaced
    one character at a time: `str.translate` looks every character of the text up."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    for character, escaped in JSON_SCRIPT_ESCAPES:
        text = text.replace(character, escaped)
    return mark_safe(text)  # noqa: S308 - escaped just above


def iso(moment) -> str:
    """2024-03-28T13:02:12+07:00; a draft without a publication time is dated now."""
    return timezone.localtime(moment or timezone.now()).isoformat(timespec="seconds")


def home_url(request: HttpRequest) -> str:
    return absolute_url(request, reverse("wagtail_serve", ""))


def logo(request: HttpRequest) -> dict:
    spec = settings.WARTA_PUBLISHER_LOGO
    return {
        "@type": "ImageObject",
        "url": absolute_url(request, static(spec["path"])),
        "width": spec["width"],
        "height": spec["height"],
    }


def organization_id(request: HttpRequest) -> str:
    return f"{home_url(request)}#organization"


def publisher(request: HttpRequest) -> dict:
    """The outlet as the publisher of a story: enough for search engines to show it."""
    return {
        "@type": "NewsMediaOrganization",
        "@id": organization_id(request),
        "name": settings.WARTA_SITE_NAME,
        "url": home_url(request),
        "logo": logo(request),
    }


def news_media_organization(request: HttpRequest, publisher_settings: PublisherSettings) -> dict:
    """The outlet with its editorial policies, for the front page."""
    data = {"@context": SCHEMA_ORG, **publisher(request)}
    for prop, link in publisher_settings.policy_links().items():
        data[prop] = absolute_url(request, link)
    if publisher_settings.same_as_links:
        data["sameAs"] = publisher_settings.same_as_links
    return data


def website(request: HttpRequest, language: str) -> dict:
    """The site, with the search box search engines may show under its name."""
    search = absolute_url(request, SEARCH_PATH)
    return {
        "@context": SCHEMA_ORG,
        "@type": "WebSite",
        "@id": f"{home_url(request)}#website",
        "url": home_url(request),
        "name": settings.WARTA_SITE_NAME,
        "inLanguage": language,
        "publisher": {"@id": organization_id(request)},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumb_list(crumbs: list[tuple[str, str]]) -> dict:
    """(name, absolute URL) pairs, outermost first, as the visible breadcrumb shows them."""
    return {
        "@context": SCHEMA_ORG,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def image_object(request: HttpRequest, rendition, image=None) -> dict:
    """A rendition of `image` (a NewsImage) as an ImageObject."""
    data = {
        "@type": "ImageObject",
        "url": absolute_url(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
    }
    # An image made with AI says so in IPTC's terms (Peraturan Dewan Pers 1/2025).
    if image is not None and (source_type := image.digital_source_type):
        data["digitalSourceType"] = source_type
    return data


def news_article(article: ArticlePage, request: HttpRequest, canonical: str) -> dict:
    """Everything Google's article rich results read, from the page as published."""
    authors = [
        {
            "@type": "Person",
            "name": person.name,
            "url": absolute_url(request, person.get_absolute_url()),
        }
        for person in article.reporters
    ] or [{"@type": "Organization", "name": settings.WARTA_SITE_NAME, "url": home_url(request)}]
    data = {
        "@context": SCHEMA_ORG,
        "@type": "NewsArticle",
        "@id": f"{canonical}#article",
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
        "url": canonical,
        "headline": article.title,
        "description": article.search_description or article.summary,
        "datePublished": iso(article.published_at),
        "dateModified": iso(modified_at(article)),
        "author": authors,
        "publisher": publisher(request),
        "articleSection": [section.title for section in article.sections],
        "keywords": [tag.name for tag in article.tag_list],
        # The story is written in the site language; /en/ translates only the interface.
        "inLanguage": settings.LANGUAGE_CODE,
        "isAccessibleForFree": True,
    }
    if article.dateline:
        data["dateline"] = article.dateline
    if article.ai_used:  # how the story was made, in the words readers see on it
        data["backstory"] = article.ai_label
    if article.is_sponsored:  # schema.org's type for paid content, with who paid
        data["@type"] = "AdvertiserContentArticle"
        data["sponsor"] = {"@type": "Organization", "name": article.sponsor_name}
    if article.main_image:
        data["image"] = [
            image_object(request, rendition, article.main_image)
            for rendition in structured_data_renditions(article.main_image)
        ]
    return data
