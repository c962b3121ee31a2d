"""Template tags of the reader pages' <head> and of the share buttons under a story."""

from urllib.parse import quote, urlencode

from django.conf import settings
from django.utils.translation import gettext as _
from jinja2.ext import Extension

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


def share_url(base: str, **params: str) -> str:
    return f"{base}?{urlencode(params, quote_via=quote)}"


def share_links(context, article) -> dict:
    """WhatsApp, Facebook, X and Telegram as plain links; nothing loaded from those sites."""
    request = context["request"]
    url = request.build_absolute_uri(article.get_url(request))
    text = _("%(title)s – read it on %(site)s") % {
        "title": article.title,
        "site": settings.WARTA_SITE_NAME,
    }
    return {
        "article": article,
        "url": url,
        "networks": [
            ("whatsapp", "WhatsApp", share_url("https://wa.me/", text=f"{text} {url}")),
            (
                "facebook",
                "Facebook",
                share_url("https://www.facebook.com/sharer/sharer.php", u=url),
            ),
            ("x", "X", share_url("https://x.com/intent/tweet", text=text, url=url)),
            ("telegram", "Telegram", share_url("https://t.me/share/url", url=url, text=text)),
        ],
    }


class DiscoveryExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        environment.globals.update(
            discovery_meta=inclusion("discovery/meta.html", discovery_meta, takes_context=True),
            share_links=inclusion("discovery/share_links.html", share_links, takes_context=True),
        )
