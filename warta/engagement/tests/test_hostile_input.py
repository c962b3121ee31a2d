"""The engagement API under hostile input: a JSON error for every request, never a 500."""

import json

import pytest
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client, RequestFactory

from warta.engagement.models import Reaction
from warta.engagement.wsgi import ViewBeaconApp

from .conftest import CHROME, Reader

pytestmark = pytest.mark.django_db

BEYOND_64_BITS = 2**64


@pytest.fixture
def client(client):
    client.raise_request_exception = False  # a server error is answered, not raised
    return client


@pytest.mark.parametrize("endpoint", ["", "/views", "/pixel.gif", "/reaction"])
def test_an_id_beyond_64_bits_is_a_json_404_on_every_endpoint(client, endpoint):
    """SQLite cannot look the id up: every endpoint answers 404 with a JSON error."""
    path = f"/api/engagement/v1/articles/{BEYOND_64_BITS}{endpoint}"
    for method in ("get", "post"):
        response = getattr(client, method)(path, headers={"sec-fetch-site": "same-origin"})
        assert response.status_code == 404
        assert response.json()["error"] == "not_found"


@pytest.fixture
def wsgi_app():
    """The beacon's layer in front of Django's handler, whose request signals must not
    close the connection holding the test's transaction (as in test_wsgi.py)."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield ViewBeaconApp(get_wsgi_application())
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def test_a_4301_digit_id_in_a_view_beacon_is_a_json_404(wsgi_app):
    """Python refuses to parse 4,301 digits: the beacon's layer passes it to Django's 404."""
    app = wsgi_app
    environ = (
        RequestFactory()
        .post(
            f"/api/engagement/v1/articles/{'9' * 4301}/views",
            headers={"user-agent": CHROME, "sec-fetch-site": "same-origin"},
        )
        .environ
    )
    answered = {}

    def start_response(status, headers, exc_info=None):
        answered.update(status=status, headers=dict(headers))

    body = b"".join(app(environ, start_response))
    assert answered["status"].startswith("404")
    assert answered["headers"]["Content-Type"] == "application/json"
    assert json.loads(body)["error"] == "not_found"


def test_reaction_json_nested_100000_deep_is_a_400(client, article):
    """json.loads raises RecursionError on such a body: a JSON 400, nothing stored."""
    response = client.post(
        f"/api/engagement/v1/articles/{article.pk}/reaction",
        data="[" * 100_000 + "]" * 100_000,
        content_type="application/json",
        headers=Reader(client).headers(),
    )
    assert response.status_code == 400
    assert response.json()["error"] == "bad_reaction"
    assert not Reaction.objects.filter(article=article).exists()


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_writing_to_the_counts_endpoint_is_a_json_405(article, method):
    """docs/engagement.md promises 405 with a JSON error, not the CSRF check's HTML 403."""
    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)(f"/api/engagement/v1/articles/{article.pk}")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response.json()["error"] == "method_not_allowed"


def test_posting_to_the_view_pixel_is_a_json_405(article):
    """The no-JavaScript pixel is GET only; a POST gets the API's 405, not an HTML 403."""
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/api/engagement/v1/articles/{article.pk}/pixel.gif")
    assert response.status_code == 405
    assert response.json()["error"] == "method_not_allowed"


def test_an_unknown_api_address_is_a_json_404(client):
    """Any address under /api/engagement/v1/ that the API lacks: 404 with a JSON error."""
    response = client.delete("/api/engagement/v1/articles/1/views/extra")
    assert response.status_code == 404
    assert response.json() == {
        "error": "not_found",
        "detail": "No such address in the engagement API.",
    }
