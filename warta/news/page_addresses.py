"""A page's address worked out once per path, language and site.

A story page prints its own and its sections' addresses some eight times, and Wagtail
reverses its URL pattern and reads the sites' root paths from the cache for each. When
the request knows its content generation (a reader page), the worker keeps the address
until content changes (every change to a Site is one, warta.news.signals); otherwise the
page keeps it for the request. A moved page has a new path, so it is worked out again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.utils import translation
from wagtail.models import Site

from warta.core import generation
from warta.core.caches import Memo

ADDRESSES = Memo(
    "page-addresses",
    bound=50_000,
    key="a page's URL path, the kind of address, the language and the site",
    invalidated_by="a new content generation (a moved page has a new URL path)",
)


class AddressKept:
    """For a Wagtail page: `get_url()` and `get_url_parts()` kept as above."""

    def get_url_parts(self, request=None):
        return self.address_kept(
            request, "url-parts", lambda: super(AddressKept, self).get_url_parts(request)
        )

    def get_url(self, request=None, current_site=None):
        if current_site is not None:
            return super().get_url(request, current_site)
        return self.address_kept(request, "url", lambda: super(AddressKept, self).get_url(request))

    def address_kept(self, request, kind: str, work_out: Callable[[], Any]):
        site = Site.find_for_request(request) if isinstance(request, HttpRequest) else None
        key = (kind, self.url_path, translation.get_language(), site.pk if site else None)
        if hasattr(request, "content_generation"):
            return generation.kept(request, key, work_out, within=ADDRESSES)
        known = self.__dict__.setdefault("kept_addresses", {})
        if key not in known:
            known[key] = work_out()
        return known[key]
