"""The view beacon's short way, in front of Django's request handling (see `warta.wsgi`):
the view-beacon-layer shortcut (warta.core.compat)."""

from __future__ import annotations

import re
from collections.abc import Callable
from http import HTTPStatus

from django.db import close_old_connections

from warta.core.compat.handlers import request_from, response_for_error
from warta.core.converters import NUMBER_PATTERN, parse_number

from .views import VIEW_ERRORS, count_view, view_answer, view_error

# An id as the URL configuration matches it; a longer one takes Django's way, to a JSON 404.
BEACON_PATH = re.compile(rf"/api/engagement/v1/articles/({NUMBER_PATTERN})/views")
# The headers of article_views' answers that are not errors, and the short way's own.
ANSWER_HEADERS = [
    ("Content-Type", "application/json"),
    ("Cache-Control", "no-store"),
    ("X-Content-Type-Options", "nosniff"),
]


class ViewBeaconApp:
    """WSGI layer answering the view beacon without Django's handler and middleware.

    The beacon is the busiest request of a news site (one for every page view) and needs
    nothing the middleware adds: no session, language, messages or page policy. Under
    load, with the cores shared by the server's threads and the network, a beacon's
    Python costs two to three times what it costs run alone, so every layer skipped
    counts (docs/performance.md). The view's rules are the ones Django routes to
    (`count_view`); around them, what Django's handler does that a beacon needs: the
    database connections checked before and after (what its request_started and
    request_finished signals do for connections; the beacon uses no Django cache and sets
    no URL configuration, which the rest of them reset), the Host header checked against
    ALLOWED_HOSTS, and an exception turned into Django's own error response, logged as
    Django logs it. A beacon that carries a session cookie, and any other request, takes
    the usual way, so that logged-in staff are recognised.
    """

    def __init__(self, app: Callable, *, session_cookie: str = "sessionid"):
        self.app = app
        self.session_cookie = f"{session_cookie}="

    def __call__(self, environ, start_response):
        if (
            environ["REQUEST_METHOD"] == "POST"
            and (match := BEACON_PATH.fullmatch(environ.get("PATH_INFO", "")))
            and (article_id := parse_number(match[1])) is not None
            and self.session_cookie not in environ.get("HTTP_COOKIE", "")
        ):
            return self.answer(environ, start_response, article_id)
        return self.app(environ, start_response)

    @staticmethod
    def answer(environ, start_response, article_id: int) -> list[bytes]:
        close_old_connections()
        request = request_from(environ)
        try:
            request.get_host()  # the Host header is checked as CommonMiddleware would
            status, outcome = count_view(request, article_id)
            if outcome in VIEW_ERRORS:
                response = view_error(status, outcome)
            else:  # what article_views answers, without building a response object
                start_response(f"{status} {HTTPStatus(status).phrase}", ANSWER_HEADERS)
                return [view_answer(outcome)]
        except Exception as error:  # noqa: BLE001 - Django's handler answers it
            response = response_for_error(request, error)
        finally:
            close_old_connections()
        response["X-Content-Type-Options"] = "nosniff"
        headers = [
            *response.items(),
            *(("Set-Cookie", cookie.output(header="")) for cookie in response.cookies.values()),
        ]
        start_response(f"{response.status_code} {response.reason_phrase}", headers)
        return [response.content]
