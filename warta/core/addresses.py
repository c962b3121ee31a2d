"""Addresses the reader pages print, worked out once rather than on every render.

Django's `reverse()` walks the URL patterns each time, and a story page prints some
thirty addresses (the feeds, the tags, the reporters, the home page, ...). The same
name and arguments give the same address for a URL configuration, script prefix and
language, so `reverse()` here keeps each for the life of the process, for all three.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit, urlunsplit

from django.contrib.staticfiles.storage import STATICFILES_STORAGE_ALIAS
from django.core.files.storage import storages
from django.urls import NoReverseMatch, Resolver404, get_script_prefix, get_urlconf, resolve
from django.urls import reverse as django_reverse
from django.utils import translation

from .caches import lru


def reverse(name: str, *args, **kwargs) -> str:
    """Django's `reverse(name, args=args, kwargs=kwargs)`, kept per process."""
    return _reverse(
        get_urlconf(), get_script_prefix(), translation.get_language(), name, args,
        tuple(sorted(kwargs.items())),
    )  # fmt: skip


@lru(
    "reversed-urls",
    maxsize=4096,
    key="a URL configuration, script prefix and language, a URL name and its arguments",
    invalidated_by="a new URL configuration (tests)",
)
def _reverse(urlconf, _prefix, _language, name: str, args: tuple, kwargs: tuple) -> str:
    return django_reverse(name, urlconf=urlconf, args=args or None, kwargs=dict(kwargs) or None)


def static(path: str) -> str:
    """The address of a static file: Django's `static()`, without asking the app registry
    on every call whether staticfiles is installed (it is, in settings.base). The storage
    keeps each file's URL (warta.core.storage); it is taken from Django's storage handler,
    which `staticfiles_storage` wraps: every attribute read through that lazy wrapper
    raises and catches an AttributeError first."""
    return storages[STATICFILES_STORAGE_ALIAS].url(path)


# What `iri_to_uri` leaves as it is: unreserved characters and those it keeps.
LEFT_BY_IRI_TO_URI = re.compile(r"[A-Za-z0-9_.~\-/#%\[\]=:;$&()+,!?*@']*")


def absolute_url(request, location: str) -> str:
    """`request.build_absolute_uri(location)`: for a plain absolute path, the request's
    scheme and host (worked out once per request) before it, which is what Django
    builds, without parsing and quoting it again. A story's <head>, structured data
    and share links print some twenty."""
    if (
        location.startswith("/")
        and not location.startswith("//")
        and "/./" not in location
        and "/../" not in location
        and LEFT_BY_IRI_TO_URI.fullmatch(location)
    ):
        origin = request.__dict__.get("warta_origin")
        if origin is None:
            origin = request.__dict__["warta_origin"] = request.build_absolute_uri("/")[:-1]
        return origin + location
    return request.build_absolute_uri(location)


def url_in_language(request, url: str, code: str) -> str:
    """`url` in language `code`, as Django's `translate_url` gives it, once per request
    (the language switch and the hreflang links ask for the same ones). The current page's
    own path is not resolved again: the request's match is reused."""
    translated = request.__dict__.setdefault("warta_urls_in_language", {})
    key = (url, code)
    if key not in translated:
        translated[key] = _translate(request, url, code)
    return translated[key]


def _translate(request, url: str, code: str) -> str:
    parsed = urlsplit(url)
    path = unquote(parsed.path)
    match = request.resolver_match if path == request.path_info else None
    if match is None:
        try:
            match = resolve(path)
        except Resolver404:
            return url
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    with translation.override(code):
        try:
            translated = reverse(name, *match.args, **match.kwargs)
        except NoReverseMatch:
            return url
    return urlunsplit((parsed.scheme, parsed.netloc, translated, parsed.query, parsed.fragment))
