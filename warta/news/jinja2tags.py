"""Template pieces of the news pages: navigation, the breaking ticker, the article body."""

import re
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from jinja2.ext import Extension
from wagtail.models import Site
from wagtail.rich_text import RichText, expand_db_html

from warta.core import generation
from warta.core.jinja2 import inclusion
from warta.core.pagecache import tag_pages_shown, tag_request
from warta.images import specs as image_specs

from .models import ArticlePage, SectionPage
from .models.disclosure import mark_sponsored_links

FIRST_PARAGRAPH_OPENING = re.compile(r"<p\b[^>]*>")
LAST_PARAGRAPH_CLOSING = re.compile(r"</p>\s*$")


@dataclass(frozen=True)
class PageLink:
    """A page as the navigation and the ticker show it: kept across requests, so plain."""

    pk: int
    path: str
    title: str
    url: str
    ends: datetime | None = None


def kept_per_site(request, name: str, compute):
    """What `compute(request)` gives for this site and language, kept until content changes
    (warta.core.generation), or until `ends` of the first link that has one."""
    site = Site.find_for_request(request)
    key = (name, site.pk if site else None, translation.get_language())

    def first_end(links: list[PageLink]) -> float | None:
        return min((link.ends.timestamp() for link in links if link.ends), default=None)

    return generation.kept(request, key, lambda: compute(request), first_end)


def menu_sections(request) -> list[PageLink]:
    """The sections the menu shows under this site's home page."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    sections = SectionPage.below(site.root_page, in_menu=True)
    return [PageLink(s.pk, s.path, s.title, s.get_url(request)) for s in sections]


def breaking_stories(request) -> list[PageLink]:
    articles = (
        ArticlePage.objects.breaking(timezone.now())
        .newest_first()
        .only("title", "url_path", "path", "breaking_until")[:5]
    )
    return [PageLink(a.pk, a.path, a.title, a.get_url(request), a.breaking_until) for a in articles]


def main_navigation(context) -> dict:
    page = context.get("page")
    sections = kept_per_site(context["request"], "navigation", menu_sections)
    current = None
    if isinstance(page, SectionPage | ArticlePage) and page.depth > 2:
        current = page.path[: SectionPage.steplen * 3]
    return {
        "sections": sections,
        "current_section_id": next((s.pk for s in sections if s.path == current), None),
    }


def breaking_news_ticker(context) -> dict:
    """Live breaking stories; a cached page expires when the first of them leaves the ticker."""
    request = context["request"]
    now = timezone.now()
    articles = [
        link
        for link in kept_per_site(request, "ticker", breaking_stories)
        if link.ends is None or link.ends > now
    ]
    tag_request(request, "list:breaking")
    tag_pages_shown(request, articles)
    ends = [a.ends for a in articles if a.ends]
    if ends:
        request.cache_ttl_limit = (min(ends) - now).total_seconds()
    return {"articles": articles}


def render_block(block) -> str:
    """A block of the body as HTML. Rich text skips Wagtail's template of one line,
    `{{ html|safe }}`: the same HTML without a template lookup per paragraph."""
    if isinstance(block.value, RichText):
        return expand_db_html(block.value.source)
    return block.render()


def article_body(article: ArticlePage, sign_off: str = "") -> SafeString:
    """The body with the dateline before the first sentence and the initials after the last.

    Both go inside the paragraphs, as a newspaper prints them: "PATI – Kerja sama ..."
    and "... LPPM Unissula Semarang. (Ag)".
    """
    rendered = [(block.block_type, render_block(block)) for block in article.body]
    paragraphs = [i for i, (kind, _html) in enumerate(rendered) if kind == "paragraph"]
    html = [str(part) for _kind, part in rendered]

    if article.dateline:
        dateline = format_html('<span class="dateline">{} –</span> ', article.dateline.upper())
        if paragraphs:
            first = paragraphs[0]
            html[first] = FIRST_PARAGRAPH_OPENING.sub(
                lambda opening: opening.group(0) + dateline, html[first], count=1
            )
        else:
            html.insert(0, format_html("<p>{}</p>", dateline))

    if sign_off:
        initials = format_html(' <span class="sign-off">({})</span>', sign_off)
        if rendered and rendered[-1][0] == "paragraph" and LAST_PARAGRAPH_CLOSING.search(html[-1]):
            html[-1] = LAST_PARAGRAPH_CLOSING.sub(lambda _m: initials + "</p>", html[-1], count=1)
        else:
            html.append(format_html('<p class="sign-off-line">{}</p>', initials))

    body = "\n".join(html)
    if article.is_sponsored:  # paid content's links are paid links (PPMS 6)
        body = mark_sponsored_links(body)
    # Each part is Wagtail-rendered HTML or built with format_html above.
    return mark_safe(body)  # noqa: S308


class NewsExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        environment.globals.update(
            article_body=article_body,
            breaking_news_ticker=inclusion(
                "news/includes/ticker.html", breaking_news_ticker, takes_context=True
            ),
            main_navigation=inclusion(
                "news/includes/navigation.html", main_navigation, takes_context=True
            ),
            # The renditions the templates show, by name (warta.images.specs).
            image_specs=image_specs,
        )
