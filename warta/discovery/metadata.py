"""What a reader page says about itself in its <head>: canonical URL, description, link
previews (OpenGraph, X cards), language versions, feeds and JSON-LD.

``page_metadata`` reads the template context every reader page already has
(``page`` for Wagtail pages, ``tag`` or ``person`` with ``articles`` for the tag and
reporter pages), so templates need no extra code to get complete metadata.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.text import Truncator, add_truncation_text, calculate_truncate_chars_length
from django.utils.translation import gettext as _
from taggit.models import Tag

from warta.core.addresses import absolute_url, reverse, static, url_in_language
from warta.news.models import ArticlePage, HomePage, Person, SectionPage

from . import structured_data
from .feeds import modified_at
from .images import share_rendition
from .models import PublisherSettings

DESCRIPTION_LENGTH = 160
FIRST_COMBINING_CHARACTER = "\u0300"  # none before it has a combining class
OG_LOCALES = {"id": "id_ID", "en": "en_US"}


@dataclass
class ShareImage:
    url: str
    width: int
    height: int
    alt: str
    mime_type: str


@dataclass
class FeedLink:
    title: str
    url: str
    mime_type: str


@dataclass
class PageMetadata:
    title: str
    description: str
    image: ShareImage | None
    og_type: str = "website"
    canonical: str = ""
    robots: str = ""
    locale: str = ""
    alternate_locales: list[str] = field(default_factory=list)
    language_versions: list[tuple[str, str]] = field(default_factory=list)  # (hreflang, URL)
    feeds: list[FeedLink] = field(default_factory=list)
    article_properties: list[tuple[str, str]] = field(default_factory=list)  # og article:*
    twitter_site: str = ""
    json_ld: list[SafeString] = field(default_factory=list)


def site_description() -> str:
    return _("%(site)s: the latest regional news, from the villages to the regency hall.") % {
        "site": settings.WARTA_SITE_NAME
    }


def default_share_image(request) -> ShareImage:
    spec = settings.WARTA_SHARE_IMAGE
    return ShareImage(
        url=absolute_url(request, static(spec["path"])),
        width=spec["width"],
        height=spec["height"],
        alt=settings.WARTA_SITE_NAME,
        mime_type="image/png" if spec["path"].endswith(".png") else "image/jpeg",
    )


def article_share_image(request, article: ArticlePage) -> ShareImage:
    rendition = share_rendition(article.main_image)
    return ShareImage(
        url=absolute_url(request, rendition.url),
        width=rendition.width,
        height=rendition.height,
        alt=article.main_image.default_alt_text or article.title,
        mime_type="image/jpeg",
    )


def feed_links(subject: str, name: str, **kwargs) -> list[FeedLink]:
    return [
        FeedLink(
            title=f"{subject} ({label})",
            url=reverse(f"discovery:{name}", **kwargs, kind=kind),
            mime_type=mime_type,
        )
        for kind, label, mime_type in (
            ("rss", "RSS", "application/rss+xml"),
            ("atom", "Atom", "application/atom+xml"),
        )
    ]


def section_feed_links(section: SectionPage) -> list[FeedLink]:
    # url_path is /<home slug>/<section path>/; feeds address sections by the part after home.
    section_path = section.url_path.split("/", 2)[2].strip("/")
    subject = f"{settings.WARTA_SITE_NAME}: {section.title}"
    return feed_links(subject, "section_feed", section_path=section_path)


def shortened(text: str, length: int) -> str:
    """`text` on one line, cut to `length` characters with an ellipsis as Django's
    Truncator cuts it; most descriptions fit, and need no character-by-character count."""
    text = unicodedata.normalize("NFC", " ".join(text.split()))  # as Truncator counts
    if len(text) <= length:
        return text
    if length < 1 or max(text) >= FIRST_COMBINING_CHARACTER:
        return Truncator(text).chars(length)
    # Without combining characters, which Truncator counts as none, each character counts
    # one: the text keeps as many as the ellipsis leaves room for, as Truncator's does.
    return add_truncation_text(text[: calculate_truncate_chars_length(length, None)])


def listing_page_number(context) -> int:
    articles = context.get("articles")
    return getattr(articles, "number", 1) or 1


def with_page_number(path: str, number: int) -> str:
    return f"{path}?page={number}" if number > 1 else path


def page_metadata(
    context,
    title: str | None = None,
    description: str | None = None,
    robots: str = "",
    canonical: bool = True,
) -> PageMetadata:
    request = context["request"]
    site_name = settings.WARTA_SITE_NAME
    page = context.get("page")
    view_name = getattr(getattr(request, "resolver_match", None), "view_name", "")
    home_path = reverse("wagtail_serve", "")

    meta = PageMetadata(
        title=title or site_name,
        description=description or site_description(),
        image=None,  # the page's own, or the site's (below)
        robots=robots,
    )
    crumbs: list[tuple[str, str]] = []
    path = with_page_number(request.path, listing_page_number(context))

    if isinstance(page, ArticlePage):
        path = page.get_url(request)
        meta.title = title or page.seo_title or page.title
        meta.description = description or page.search_description or page.summary or ""
        meta.og_type = "article"
        if page.main_image:
            meta.image = article_share_image(request, page)
        crumbs = [(s.title, s.get_url(request)) for s in page.sections] + [(page.title, path)]
        if page.sections:
            meta.feeds = section_feed_links(page.sections[-1])
        meta.article_properties = [
            ("article:published_time", structured_data.iso(page.published_at)),
            ("article:modified_time", structured_data.iso(modified_at(page))),
            *(("article:section", s.title) for s in page.sections[-1:]),
            *(("article:tag", tag.name) for tag in page.tag_list),
            *(
                ("article:author", absolute_url(request, person.get_absolute_url()))
                for person in page.reporters
            ),
        ]
    elif isinstance(page, SectionPage):
        path = with_page_number(page.get_url(request), listing_page_number(context))
        meta.title = title or page.seo_title or page.title
        meta.description = (
            description
            or page.search_description
            or page.introduction
            or _("The latest stories in %(section)s from %(site)s.")
            % {"section": page.title, "site": site_name}
        )
        crumbs = [(s.title, s.get_url(request)) for s in page.sections] + [
            (page.title, page.get_url(request))
        ]
        meta.feeds = section_feed_links(page)
    elif isinstance(page, HomePage):
        path = page.get_url(request) or home_path
        meta.description = description or page.search_description or site_description()
    elif view_name == "news:tag" and isinstance(context.get("tag"), Tag):
        tag = context["tag"]
        path = with_page_number(reverse("news:tag", slug=tag.slug), listing_page_number(context))
        meta.title = title or f"#{tag.name}"
        meta.description = description or _("Stories tagged %(tag)s on %(site)s.") % {
            "tag": tag.name,
            "site": site_name,
        }
        crumbs = [(tag.name, reverse("news:tag", slug=tag.slug))]
        meta.feeds = feed_links(f"{site_name}: #{tag.name}", "tag_feed", slug=tag.slug)
    elif view_name == "news:reporter" and isinstance(context.get("person"), Person):
        person = context["person"]
        path = with_page_number(person.get_absolute_url(), listing_page_number(context))
        meta.title = title or person.name
        meta.og_type = "profile"
        meta.description = (
            description
            or person.bio
            or _("Stories by %(name)s on %(site)s.")
            % {
                "name": person.name,
                "site": site_name,
            }
        )
        crumbs = [(person.name, person.get_absolute_url())]
        meta.feeds = feed_links(f"{site_name}: {person.name}", "reporter_feed", slug=person.slug)

    if meta.image is None:
        meta.image = default_share_image(request)
    meta.description = shortened(meta.description, DESCRIPTION_LENGTH)
    meta.feeds = feed_links(_("%(site)s: latest news") % {"site": site_name}, "site_feed") + (
        meta.feeds
    )

    language = translation.get_language()
    meta.locale = OG_LOCALES.get(language, language)
    meta.alternate_locales = [
        OG_LOCALES.get(code, code) for code, _name in settings.LANGUAGES if code != language
    ]
    page_url = absolute_url(request, path)
    if canonical:
        meta.canonical = page_url
        versions = {
            code: absolute_url(request, url_in_language(request, path, code))
            for code, _name in settings.LANGUAGES
        }
        meta.language_versions = [
            *versions.items(),
            ("x-default", versions[settings.LANGUAGE_CODE]),
        ]

    publisher_settings = PublisherSettings.kept_for_request(request)
    meta.twitter_site = publisher_settings.x_handle

    json_ld = []
    if isinstance(page, ArticlePage):
        json_ld.append(structured_data.news_article(page, request, page_url))
    if isinstance(page, HomePage):
        json_ld.append(structured_data.website(request, language))
        json_ld.append(structured_data.news_media_organization(request, publisher_settings))
    if crumbs:
        home = (_("Home"), home_path)
        json_ld.append(
            structured_data.breadcrumb_list(
                [(name, absolute_url(request, url)) for name, url in [home, *crumbs]]
            )
        )
    meta.json_ld = [structured_data.to_json_ld(data) for data in json_ld]
    return meta
