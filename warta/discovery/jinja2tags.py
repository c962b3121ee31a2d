"""Template tags of the reader pages' <head> and of the share buttons under a story."""

from urllib.parse import quote

from django.conf import settings
from django.utils.translation import gettext as _
from jinja2.ext import Extension

from warta.core.addresses import absolute_url
from warta.core.jinja2 import inclusion

from .metadata import page_metadata


def discovery_meta(context, title=None, description=None, robots="", canonical=True) -> dict:
    """Canonical URL, description, OpenGraph, X card, language versions, feeds and JSON-LD.

    Pages that are not the usual reader pages (the 404 page, search results) pass what
    the context cannot tell: `{{ discovery_meta(title=..., robots="noindex", canonical=False) }}`.
    """
    return {
        "meta": page_metadata(
            context, title=title, description=description, robots=robots, canonical=canonical
        ),
        "site_name": settings.WARTA_SITE_NAME,
    }


def share_links(context, article) -> dict:
    """WhatsApp, Facebook, X and Telegram as plain links; nothing loaded from those sites."""
    request = context["request"]
    url = absolute_url(request, article.get_url(request))
    text = _("%(title)s – read it on %(site)s") % {
        "title": article.title,
        "site": settings.WARTA_SITE_NAME,
    }
    # Each quoted once: quoting works character by character, in Python.
    url_quoted, text_quoted = quote(url, safe=""), quote(text, safe="")
    return {
        "article": article,
        "url": url,
        "networks": [
            ("whatsapp", "WhatsApp", f"https://wa.me/?text={text_quoted}%20{url_quoted}"),
            ("facebook", "Facebook", f"https://www.facebook.com/sharer/sharer.php?u={url_quoted}"),
            ("x", "X", f"https://x.com/intent/tweet?text={text_quoted}&url={url_quoted}"),
            ("telegram", "Telegram", f"https://t.me/share/url?url={url_quoted}&text={text_quoted}"),
        ],
    }


class DiscoveryExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        environment.globals.update(
            discovery_meta=inclusion("discovery/meta.html", discovery_meta, takes_context=True),
            share_links=inclusion("discovery/share_links.html", share_links, takes_context=True),
        )
