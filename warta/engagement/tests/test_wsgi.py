"""The view beacon's short way in front of Django (warta.engagement.wsgi.ViewBeaconApp):
the same answers as the view Django routes to, without Django's handler."""

import json

import pytest
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import RequestFactory

from warta.engagement import counters, wsgi
from warta.engagement.counters import flush_views
from warta.engagement.models import ArticleStats
from warta.engagement.wsgi import ViewBeaconApp
from warta.settings.env import Rate

from .conftest import CHROME, reader_id

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def keep_the_test_connection(monkeypatch):
    """As Django's test client does: a request's start and end must not close the
    connection that holds the test's transaction (the short way checks connections
    itself, as Django's handler does through its request signals)."""
    checks = []
    monkeypatch.setattr(wsgi, "close_old_connections", lambda: checks.append(1))
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield checks
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


class Unreached:
    """The app behind the short way, recording what reached it."""

    def __init__(self):
        self.paths = []
        self.django = get_wsgi_application()

    def __call__(self, environ, start_response):
        self.paths.append((environ["REQUEST_METHOD"], environ["PATH_INFO"]))
        return self.django(environ, start_response)


@pytest.fixture
def behind():
    return Unreached()


@pytest.fixture
def app(behind):
    return ViewBeaconApp(behind, session_cookie="sessionid")


def call(app, method: str, path: str, reader: int | None = 1, cookies: str = "", **headers):
    """(status code, headers, body) of one request through the WSGI app."""
    cookie = "; ".join(filter(None, [reader and f"warta_reader={reader_id(reader)}", cookies]))
    environ = (
        RequestFactory()
        .generic(
            method,
            path,
            headers={"user-agent": CHROME, "sec-fetch-site": "same-origin", **headers},
            REMOTE_ADDR="10.0.0.1",
            **({"HTTP_COOKIE": cookie} if cookie else {}),
        )
        .environ
    )
    answered = {}

    def start_response(status, response_headers, exc_info=None):
        answered["status"], answered["headers"] = int(status.split()[0]), response_headers

    body = b"".join(app(environ, start_response))
    return answered["status"], dict(answered["headers"]), body


# The headers both ways must agree on (Django's middleware adds others to its answers).
ANSWERED = ("Content-Type", "Cache-Control", "Retry-After")


def beacon(article_id: int) -> str:
    return f"/api/engagement/v1/articles/{article_id}/views"


def stored_views(article) -> int:
    stats = ArticleStats.objects.filter(article=article).first()
    return stats.views if stats else 0


def test_a_view_is_counted_without_reaching_django(
    app, behind, store, article, keep_the_test_connection
):
    status, headers, body = call(app, "POST", beacon(article.pk))
    assert len(keep_the_test_connection) == 2  # connections checked before and after
    assert status == 202
    assert json.loads(body) == {"counted": True, "reason": "counted"}
    assert headers["Content-Type"] == "application/json"
    assert headers["Cache-Control"] == "no-store"
    assert headers["X-Content-Type-Options"] == "nosniff"
    status, _headers, body = call(app, "POST", beacon(article.pk))
    assert (status, json.loads(body)["reason"]) == (200, "duplicate")
    assert behind.paths == []
    flush_views()
    assert stored_views(article) == 1


@pytest.mark.parametrize(
    "case",
    [
        "counted",
        "robot",
        "prefetch",
        "cross_site",
        "unknown_article",
        "reader_limited",
        "address_article_limited",
    ],
)
def test_the_short_way_answers_as_the_view_does(app, client, settings, article, case):
    """Status, headers and body, byte for byte, against Django's own handling of the view."""
    if case == "reader_limited":
        settings.WARTA_ENGAGEMENT = {**settings.WARTA_ENGAGEMENT, "READER_RATE": Rate(1, 600)}
    if case == "address_article_limited":
        settings.WARTA_ENGAGEMENT = {
            **settings.WARTA_ENGAGEMENT,
            "ADDRESS_ARTICLE_RATE": Rate(1, 3600),
        }
    article_id = 999_999 if case == "unknown_article" else article.pk
    headers = {
        "robot": {"user-agent": "python-requests/2.32.0"},
        "prefetch": {"sec-purpose": "prefetch"},
        "cross_site": {"sec-fetch-site": "cross-site", "origin": "https://elsewhere.example"},
    }.get(case, {})
    answers = []
    for number, through in ((10, app), (20, None)):
        if case == "reader_limited":  # the reader's first view passes the limit of one
            call(app, "POST", beacon(article.pk), reader=number)
        if case == "address_article_limited":  # another reader at the address takes the one
            call(app, "POST", beacon(article.pk), reader=number + 1)
        if through is None:
            client.cookies["warta_reader"] = reader_id(number)
            response = client.post(
                beacon(article_id),
                headers={"user-agent": CHROME, "sec-fetch-site": "same-origin", **headers},
                REMOTE_ADDR="10.0.0.1",
            )
            answered = {name: response[name] for name in ANSWERED if response.has_header(name)}
            answers.append((response.status_code, answered, response.content))
        else:
            status, answered, body = call(app, "POST", beacon(article_id), number, **headers)
            answered = {name: answered[name] for name in ANSWERED if name in answered}
            answers.append((status, answered, body))
    assert answers[0] == answers[1]
    assert (
        answers[0][0]
        == {
            "counted": 202,
            "robot": 200,
            "prefetch": 200,
            "cross_site": 403,
            "unknown_article": 404,
            "reader_limited": 429,
            "address_article_limited": 200,
        }[case]
    )


def test_other_requests_and_staff_take_the_usual_way(app, behind, article):
    """GET on the beacon (a 405 from the view), a beacon with a session cookie (staff are
    recognised only through the middleware), and any other path reach Django."""
    status, _headers, _body = call(app, "GET", beacon(article.pk))
    assert status == 405
    call(app, "POST", beacon(article.pk), cookies="sessionid=abc")
    call(app, "POST", f"/api/engagement/v1/articles/{article.pk}/reaction")
    call(app, "POST", beacon(article.pk) + "/")
    assert behind.paths == [
        ("GET", beacon(article.pk)),
        ("POST", beacon(article.pk)),
        ("POST", f"/api/engagement/v1/articles/{article.pk}/reaction"),
        ("POST", beacon(article.pk) + "/"),
    ]


def test_an_unknown_host_is_refused_and_counts_nothing(app, store, article):
    status, headers, _body = call(app, "POST", beacon(article.pk), host="evil.example")
    assert status == 400
    assert headers["X-Content-Type-Options"] == "nosniff"
    flush_views()
    assert stored_views(article) == 0


def test_a_failure_is_answered_as_django_answers_it(app, article, monkeypatch):
    """An error while counting is Django's 500 (logged as Django logs it), not a crash of
    the app server's worker."""

    def broken(*args):
        raise RuntimeError("the counting store broke")

    monkeypatch.setattr(counters, "record_view", broken)
    status, _headers, _body = call(app, "POST", beacon(article.pk))
    assert status == 500
