"""A 503 instead of a 500 when the database or a shared store cannot answer.

A table locked for longer than the database's lock timeout, a query past its statement
timeout, a database that refuses connections, or a Redis that went away while a request
needed it (a rate limit that cannot count, `warta.core.outages.StoreUnavailable`)
is not a bug in the page: the request is refused with 503 Service Unavailable, a
`Retry-After` and a short message (JSON under /api/, a page in the reader's language
elsewhere), rendered without touching the database. The log gets one line when such an
outage starts and one per minute while it lasts (`warta.core.outages.Outage`), not a
traceback per request.

Exceptions raised by a view reach `StoreUnavailableMiddleware`; those raised by other
middleware (a session saved after the view) reach the 500 handler
(`warta.core.views.server_error`), which asks `response_for` too.
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .outages import Outage, StoreUnavailable

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
# A database outage ends once no request has failed for this long and one has succeeded.
QUIET_SECONDS = 10.0

DATABASE_ERRORS = (OperationalError, InterfaceError)
STORE_ERRORS = (RedisConnectionError, RedisTimeoutError, StoreUnavailable)

database_outage = Outage("database", log, retry_after=QUIET_SECONDS)
store_outage = Outage("shared store (Redis)", log, retry_after=QUIET_SECONDS)


def outage_for(error: BaseException | None) -> Outage | None:
    """The outage an exception belongs to, or None for any other exception."""
    if isinstance(error, DATABASE_ERRORS):
        return database_outage
    if isinstance(error, STORE_ERRORS):
        return store_outage
    return None


def response_for(request: HttpRequest, error: BaseException | None) -> HttpResponse | None:
    """The 503 answering a request that failed with `error`, logged as its outage's;
    None when the error is of another kind."""
    outage = outage_for(error)
    if outage is None:
        return None
    outage.failed(error)
    # Django's request log would add a line per request (warta.core.unavailable's filter).
    request.answered_unavailable = True
    if request.path_info.startswith("/api/"):
        response = JsonResponse(
            {
                "error": "unavailable",
                "detail": _(
                    "The service is briefly unavailable. Please try again in a few seconds."
                ),
            },
            status=HTTPStatus.SERVICE_UNAVAILABLE,
        )
    else:
        # No context processors: they read the database.
        response = HttpResponse(
            loader.get_template("503.html").render(),
            status=HTTPStatus.SERVICE_UNAVAILABLE,
        )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def note_success() -> None:
    """A request answered without failing: an outage quiet for a while is over."""
    for outage in (database_outage, store_outage):
        if outage.down and outage.available():
            outage.recovered()


class StoreUnavailableMiddleware:
    """Answers 503 to a view that failed because the database or Redis is unavailable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code < 500:
            note_success()
        return response

    def process_exception(self, request, exception):
        return response_for(request, exception)


class SkipUnavailableRequests(logging.Filter):
    """Leaves out Django's per-request log line for a request answered 503 here: the
    outage logs once per interval instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        return not getattr(request, "answered_unavailable", False)
