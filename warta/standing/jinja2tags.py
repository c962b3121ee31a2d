"""Template pieces of the standing pages: the footer's links on every page, the body."""

from __future__ import annotations

from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from jinja2.ext import Extension
from wagtail.models import Site

from warta.core import generation
from warta.core.jinja2 import inclusion
from warta.news.jinja2tags import render_block

from .board import Link
from .models import StandingPage


def footer_pages(request) -> list[Link]:
    """The live, public standing pages of this site marked for the footer, in order."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    pages = (
        StandingPage.objects.live()
        .public(request)
        .descendant_of(site.root_page)
        .filter(show_in_footer=True)
        .order_by("footer_order", "path")
    )
    return [Link(page.title, page.get_url(request)) for page in pages]


def standing_footer(context) -> dict:
    """The footer's links, kept by the worker per site and language until content
    changes; publishing a standing page is such a change (signals.py)."""
    request = context["request"]
    site = Site.find_for_request(request)
    key = ("standing-footer", site.pk if site else None, translation.get_language())
    return {"links": generation.kept(request, key, lambda: footer_pages(request))}


def standing_body(page: StandingPage) -> SafeString:
    # Each part is Wagtail-rendered HTML.
    return mark_safe("\n".join(str(render_block(block)) for block in page.body))  # noqa: S308


class StandingExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        environment.globals.update(
            standing_body=standing_body,
            standing_footer=inclusion(
                "standing/includes/footer.html", standing_footer, takes_context=True
            ),
        )
