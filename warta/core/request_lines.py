"""Refuse request lines too long for any Warta page: a 414 before anything else runs.

No address Warta makes is longer than a few hundred bytes, and no query string it reads
longer than a search (`warta.core.pagecache.READ_PARAMETERS`). Longer ones only cost
memory, log lines and cache keys, so they get a short answer saying why.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

DEFAULT_MAX_PATH_BYTES = 2048
DEFAULT_MAX_QUERY_BYTES = 2048


class RequestLineLimitApp:
    """WSGI middleware: 414 URI Too Long for a path or a query string past its limit."""

    def __init__(self, app: Callable, *, max_path: int | None = None, max_query: int | None = None):
        self.app = app
        self.max_path = max_path or getattr(
            settings, "WARTA_MAX_PATH_BYTES", DEFAULT_MAX_PATH_BYTES
        )
        self.max_query = max_query or getattr(
            settings, "WARTA_MAX_QUERY_BYTES", DEFAULT_MAX_QUERY_BYTES
        )

    def __call__(self, environ, start_response):
        # WSGI strings hold one character per byte (ISO-8859-1).
        path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
        if len(path) > self.max_path:
            return self.refuse(environ, start_response, "path", len(path), self.max_path)
        query = environ.get("QUERY_STRING", "")
        if len(query) > self.max_query:
            return self.refuse(environ, start_response, "query", len(query), self.max_query)
        return self.app(environ, start_response)

    @staticmethod
    def refuse(environ, start_response, part: str, length: int, limit: int):
        language = "en" if environ.get("PATH_INFO", "").startswith("/en/") else None
        with translation.override(language or settings.LANGUAGE_CODE):
            if part == "path":
                text = _(
                    "The address is too long: %(length)d bytes, at most %(limit)d are accepted."
                )
            else:
                text = _(
                    "The query string is too long: %(length)d bytes, "
                    "at most %(limit)d are accepted."
                )
            body = (text % {"length": length, "limit": limit} + "\n").encode()
        start_response(
            "414 URI Too Long",
            [
                ("Content-Type", "text/plain; charset=utf-8"),
                ("Content-Length", str(len(body))),
                ("Cache-Control", "no-store"),
            ],
        )
        return [b""] if environ.get("REQUEST_METHOD") == "HEAD" else [body]
