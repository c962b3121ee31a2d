"""The engagement API, `/api/engagement/v1/`: the view beacon, reactions and fresh counts.

Language-neutral and outside the page tree. Article pages stay cacheable: they
carry no token and no per-reader data, and the write endpoints are protected
by checking that a browser's request comes from Warta's own pages
(`Sec-Fetch-Site`, else `Origin`, else `Referer`) instead of a CSRF token.
"""

from __future__ import annotations

import json
import time
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from warta.core.caches import Memo, lru
from warta.news.models import ArticlePage

from . import counters
from .models import ArticleStats, Reaction
from .readers import Reader, lasting_key, new_reader_id, set_reader_cookie
from .robots import is_prefetch, is_robot
from .shares import reaction_shares

# A transparent 1×1 GIF for the no-JavaScript view pixel.
PIXEL = bytes.fromhex(
    "47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b"
)
READ_MAX_AGE = 5
LIVE_ARTICLE_SECONDS = 10.0
LIVE_ARTICLES = Memo(
    "live-articles",
    bound=10_000,
    key="an article id a beacon or a reaction named",
    invalidated_by=f"{LIVE_ARTICLE_SECONDS:g} seconds",
)


def api_error(status: int, code: str, detail: str, **headers) -> JsonResponse:
    response = JsonResponse({"error": code, "detail": detail}, status=status)
    response["Cache-Control"] = "no-store"
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def method_not_allowed(request: HttpRequest, allowed: list[str]) -> JsonResponse:
    return api_error(
        HTTPStatus.METHOD_NOT_ALLOWED,
        "method_not_allowed",
        f"{request.method} is not allowed here; use {' or '.join(allowed)}.",
        Allow=", ".join(allowed),
    )


def unknown_article(article_id: int) -> JsonResponse:
    return api_error(HTTPStatus.NOT_FOUND, "unknown_article", f"No published article {article_id}.")


# The API's OpenAPI schema, served as written (tests run schemathesis against it).
SCHEMA_PATH = Path(__file__).with_name("openapi.json")


@csrf_exempt
def api_schema(request: HttpRequest) -> HttpResponse:
    """GET: this API's OpenAPI 3.1 schema (warta/engagement/openapi.json)."""
    if request.method not in ("GET", "HEAD"):
        return method_not_allowed(request, ["GET", "HEAD"])
    response = HttpResponse(SCHEMA_PATH.read_bytes(), content_type="application/json")
    response["Cache-Control"] = "public, max-age=3600"
    return response


@csrf_exempt
def unknown_address(request: HttpRequest) -> JsonResponse:
    """Any method on an address the API does not have: a JSON 404, as an API answers."""
    return api_error(HTTPStatus.NOT_FOUND, "not_found", "No such address in the engagement API.")


def is_live_article(article_id: int) -> bool:
    """Whether the article is published, remembered for a few seconds per worker."""
    known = LIVE_ARTICLES.get(article_id)
    if known and known[1] > time.monotonic():
        return known[0]
    live = ArticlePage.objects.live().filter(pk=article_id).exists()
    LIVE_ARTICLES[article_id] = (live, time.monotonic() + LIVE_ARTICLE_SECONDS)
    return live


def article_url(article_id: int) -> str:
    return ArticlePage.objects.get(pk=article_id).url or "/"


def request_origin(request: HttpRequest) -> str:
    """ "same" for a request from Warta's own pages, "cross" from elsewhere, "unknown" when
    the client says nothing (not a browser: curl, a load test)."""
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE", "").lower()
    if fetch_site in ("same-origin", "none"):
        return "same"
    origin = request.META.get("HTTP_ORIGIN", "")
    if not origin and not fetch_site:
        referer = urlsplit(request.META.get("HTTP_REFERER", ""))
        origin = f"{referer.scheme}://{referer.netloc}" if referer.netloc else ""
    if origin and origin != "null":
        own = f"{request.scheme}://{request.get_host()}"
        return "same" if origin in (own, *settings.CSRF_TRUSTED_ORIGINS) else "cross"
    return "cross" if fetch_site else "unknown"


def stats_payload(article_id: int) -> dict:
    stats = ArticleStats.objects.filter(pk=article_id).first() or ArticleStats(
        article_id=article_id
    )
    counts = stats.reaction_counts()
    return {
        "article": article_id,
        "views": stats.views,
        "reactions": counts,
        "shares": reaction_shares(counts),
        "total": sum(counts.values()),
    }


# Exempt from the CSRF check, as is every view of the API: it changes nothing, and any
# other method is answered by its 405 with a JSON error, not by Django's HTML 403.
@csrf_exempt
def article_counts(request: HttpRequest, article_id: int) -> JsonResponse:
    """GET: the article's views, reaction tallies and shares; cacheable for a few seconds."""
    if request.method not in ("GET", "HEAD"):
        return method_not_allowed(request, ["GET", "HEAD"])
    if not is_live_article(article_id):
        response = unknown_article(article_id)
    else:
        response = JsonResponse(stats_payload(article_id))
    response["Cache-Control"] = f"public, max-age={READ_MAX_AGE}"
    return response


def count_view(request: HttpRequest, article_id: int, use_id: bool = True) -> tuple[int, str]:
    """(HTTP status, outcome) of one reported view."""
    if request_origin(request) == "cross":
        return HTTPStatus.FORBIDDEN, "cross_site"
    if not is_live_article(article_id):
        return HTTPStatus.NOT_FOUND, "unknown_article"
    if is_prefetch(request):
        return HTTPStatus.OK, "prefetch"
    if is_robot(request):
        return HTTPStatus.OK, "robot"
    user = getattr(request, "user", None)  # absent on the short way: no session cookie
    if user is not None and user.is_authenticated and user.is_staff:
        return HTTPStatus.OK, "staff"
    try:
        outcome = counters.record_view(article_id, Reader.from_request(request, use_id))
    except counters.Unavailable:  # not written down, so not counted; the outage is logged
        return HTTPStatus.SERVICE_UNAVAILABLE, "unavailable"
    if outcome in counters.LIMITED:
        return HTTPStatus.TOO_MANY_REQUESTS, outcome
    return (HTTPStatus.ACCEPTED if outcome == counters.COUNTED else HTTPStatus.OK), outcome


VIEW_ERRORS = {
    "cross_site": "Views are reported by Warta's own pages only.",
    "unknown_article": "No published article with this id.",
    "reader_limited": "Too many requests from this reader; try again later.",
    "ip_limited": "Too many requests from this network address; try again later.",
    "unavailable": "Counting is unavailable for a moment; try again later.",
}


@lru("beacon-answers", maxsize=32, key="a view's outcome")
def view_answer(outcome: str) -> bytes:
    """The JSON body of a beacon's answer that is not an error: the same few every time."""
    return json.dumps({"counted": outcome == counters.COUNTED, "reason": outcome}).encode()


def view_error(status: int, outcome: str) -> JsonResponse:
    headers = {}
    if status == HTTPStatus.TOO_MANY_REQUESTS:
        headers["Retry_After"] = str(settings.WARTA_ENGAGEMENT["READER_RATE"].seconds)
    elif status == HTTPStatus.SERVICE_UNAVAILABLE:
        headers["Retry_After"] = str(counters.UNAVAILABLE_RETRY_SECONDS)
    return api_error(status, outcome, VIEW_ERRORS[outcome], **headers)


@csrf_exempt
def article_views(request: HttpRequest, article_id: int) -> HttpResponse:
    """POST (the page's beacon): report that a reader is looking at the article. Answered
    before Django's handler by warta.engagement.wsgi.ViewBeaconApp when served by an app
    server; the same answers either way."""
    if request.method != "POST":
        return method_not_allowed(request, ["POST"])
    status, outcome = count_view(request, article_id)
    if outcome in VIEW_ERRORS:
        return view_error(status, outcome)
    response = HttpResponse(view_answer(outcome), content_type="application/json", status=status)
    response["Cache-Control"] = "no-store"
    return response


@csrf_exempt
def view_pixel(request: HttpRequest, article_id: int) -> HttpResponse:
    """GET (an image in <noscript>): the view report of a reader without JavaScript.

    Such a reader is told apart by address and User-Agent even once a reaction has
    given them an id, so that the id does not make their next view a new reader's.
    """
    if request.method not in ("GET", "HEAD"):
        return method_not_allowed(request, ["GET", "HEAD"])
    status, _outcome = count_view(request, article_id, use_id=False)
    response = HttpResponse(PIXEL, content_type="image/gif")
    if status == HTTPStatus.NOT_FOUND:
        response.status_code = status
    elif status == HTTPStatus.SERVICE_UNAVAILABLE:  # not written down: never a success
        response.status_code = status
        response["Retry-After"] = str(counters.UNAVAILABLE_RETRY_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class BadReaction(ValueError):
    pass


def posted_reaction(request: HttpRequest, is_form: bool) -> str | None:
    """The reaction a request asks for (None: take it back), or BadReaction."""
    if request.method == "DELETE":
        return None
    if is_form:
        value = request.POST.get("reaction", "")
    else:
        try:
            body = json.loads(request.body or b"null")
        except (ValueError, UnicodeDecodeError):
            raise BadReaction("The body is not JSON.") from None
        except RecursionError:  # arrays or objects nested thousands deep
            raise BadReaction("The JSON is nested too deep.") from None
        if not isinstance(body, dict) or "reaction" not in body:
            raise BadReaction('Send a JSON object such as {"reaction": "love"}.')
        value = body["reaction"]
        if value is None:
            return None
    if value not in Reaction.Kind.values:
        raise BadReaction(f"Unknown reaction; use one of {', '.join(Reaction.Kind.values)}.")
    return value


def form_error(request: HttpRequest, status: int, message: str) -> HttpResponse:
    """A reader without JavaScript gets a page, not JSON, in the language they were reading."""
    back = safe_next(request)
    language = translation.get_language_from_path(back or "") or settings.LANGUAGE_CODE
    with translation.override(language):
        response = render(
            request,
            "engagement/form_error.html",
            {"message": message, "back": back or "/"},
            status=status,
        )
    response["Cache-Control"] = "no-store"
    return response


def safe_next(request: HttpRequest) -> str | None:
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


@csrf_exempt
def article_reaction(request: HttpRequest, article_id: int) -> HttpResponse:
    """POST: set or change the reader's reaction; DELETE: take it back.

    JSON (the page's script): ``{"reaction": "love"}`` sets it, ``{"reaction": null}``
    takes it back; the answer carries the new tallies and the reader's choice. A plain
    form (no JavaScript): ``reaction=love`` toggles it and redirects back to the article.
    """
    if request.method not in ("POST", "DELETE"):
        return method_not_allowed(request, ["POST", "DELETE"])
    is_form = request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data")

    def fail(status: int, code: str, detail: str, reader_message: str, **headers):
        if is_form:
            return form_error(request, status, reader_message)
        return api_error(status, code, detail, **headers)

    if request_origin(request) != "same":
        return fail(
            HTTPStatus.FORBIDDEN,
            "cross_site",
            "Reactions are accepted from Warta's own pages only.",
            _("Your reaction could not be saved: it did not come from this site."),
        )
    if not is_live_article(article_id):
        return fail(
            HTTPStatus.NOT_FOUND,
            "unknown_article",
            f"No published article {article_id}.",
            _("This article is not available."),
        )
    try:
        kind = posted_reaction(request, is_form)
    except BadReaction as error:
        return fail(
            HTTPStatus.BAD_REQUEST, "bad_reaction", str(error), _("Choose one of the reactions.")
        )

    reader = Reader.from_request(request)
    random_id = reader.random_id or new_reader_id()
    try:
        outcome = counters.check_limits(reader, article_id)
    except counters.Unavailable:  # the limits cannot be kept: refused, the outage is logged
        return fail(
            HTTPStatus.SERVICE_UNAVAILABLE,
            "unavailable",
            "Reactions are unavailable for a moment; try again later.",
            _("Reactions are unavailable for a moment. Please try again later."),
            Retry_After=str(counters.UNAVAILABLE_RETRY_SECONDS),
        )
    if outcome in counters.REACTION_LIMITED:
        return fail(
            HTTPStatus.TOO_MANY_REQUESTS,
            outcome,
            "Too many requests; try again later.",
            _("Too many reactions in a short time. Please try again later."),
            Retry_After=str(counters.reaction_retry_after(outcome)),
        )

    choice = Reaction.objects.choose(article_id, lasting_key(random_id), kind, toggle=is_form)
    if is_form:
        back = safe_next(request) or article_url(article_id)
        response = HttpResponseRedirect(f"{back}#reactions-{article_id}")
        response.status_code = HTTPStatus.SEE_OTHER
    else:
        response = JsonResponse({**stats_payload(article_id), "choice": choice})
    response["Cache-Control"] = "no-store"
    if not reader.random_id:
        set_reader_cookie(response, random_id)
    return response
