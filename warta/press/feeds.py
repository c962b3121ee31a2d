"""The feed of corrections (RSS 2.0 and Atom), beside the stories' feeds (warta.discovery)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from warta.core.compat.wagtail import find_site
from warta.discovery.feeds import FEED_ITEMS, FEED_MAX_AGE

from .corrections import public_corrections
from .models import Correction

FEED_TYPES = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


class CorrectionsFeed(Feed):
    """The newest corrections, each linking to its place at the end of its story."""

    def __init__(self, kind: str):
        self.feed_type = FEED_TYPES[kind]
        self.language = settings.LANGUAGE_CODE

    def __call__(self, request, *args, **kwargs):
        # In the site language, as the stories' feeds are.
        with translation.override(settings.LANGUAGE_CODE):
            response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
        return response

    def get_object(self, request, *args, **kwargs) -> HttpRequest:
        self.request = request
        return request

    def title(self) -> str:
        return _("%(site)s: corrections") % {"site": settings.WARTA_SITE_NAME}

    def link(self) -> str:
        return reverse("press:corrections")

    def description(self) -> str:
        return _("Corrections to stories published by %(site)s.") % {
            "site": settings.WARTA_SITE_NAME
        }

    def author_name(self) -> str:
        return settings.WARTA_SITE_NAME

    def items(self, request: HttpRequest) -> list[Correction]:
        site = find_site(request)
        return list(public_corrections(site.root_page, request)[:FEED_ITEMS])

    def item_title(self, item: Correction) -> str:
        return _("Correction: %(title)s") % {"title": item.article.title}

    def item_link(self, item: Correction) -> str:
        return f"{item.article.get_url(self.request)}#{item.anchor}"

    def item_description(self, item: Correction) -> str:
        # Plain text; feed summaries are HTML, hence escaped once.
        return escape(" ".join(part for part in (item.text, item.apology) if part))

    def item_guid(self, item: Correction) -> str:
        return f"urn:uuid:{item.article.translation_key}:ralat:{item.pk}"

    def item_guid_is_permalink(self, item: Correction) -> bool:
        return False

    def item_pubdate(self, item: Correction):
        return timezone.localtime(item.corrected_at)


def corrections_feed(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in FEED_TYPES:
        return HttpResponseNotFound()
    return CorrectionsFeed(kind)(request)
