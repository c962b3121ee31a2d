"""The engagement API against its OpenAPI schema (warta/engagement/openapi.json).

schemathesis reads the schema the API serves and generates requests from it, valid ones
and, in its negative mode, ones the schema forbids; each is sent in process through the
WSGI stack app servers run and its answer checked: never a 5xx, and status, content
type, headers and body as the schema says.
"""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode

# schemathesis imports werkzeug on its first WSGI client, inside a test. werkzeug's import
# walks its module's globals, and in one CI run they changed during the walk (RuntimeError:
# dictionary changed size): imported here, it is imported once, as the module is collected.
from werkzeug import Client  # noqa: F401

from warta.core import pagecache
from warta.engagement import urls as api_urls
from warta.engagement import wsgi as beacon_layer
from warta.engagement.views import SCHEMA_PATH
from warta.engagement.wsgi import ViewBeaconApp
from warta.settings.env import Rate

pytestmark = pytest.mark.django_db

SCHEMA_URL = "/api/engagement/v1/openapi.json"
# Examples per operation and mode: five operations, well under a minute in all.
EXAMPLES = 25
# As the page's script sends them; uncompressed, since the WSGI test client does not
# decompress what the page cache answers.
BROWSER = {
    "Sec-Fetch-Site": "same-origin",
    "User-Agent": "Mozilla/5.0 Firefox/140.0",
    "Accept-Encoding": "identity",
}


@pytest.fixture
def site_app(monkeypatch, engagement_settings, settings):
    """Warta as app servers run it (warta/wsgi.py), with allowances no run exhausts."""
    settings.WARTA_ENGAGEMENT = {
        **settings.WARTA_ENGAGEMENT,
        "READER_RATE": Rate(100_000, 600),
        "IP_RATE": Rate(100_000, 600),
        "ADDRESS_ARTICLE_RATE": Rate(100_000, 3600),
        "ADDRESS_REACTION_RATE": Rate(100_000, 3600),
    }
    pagecache.reset_store()
    # Neither a request's end nor the beacon's layer may close the test's connection.
    monkeypatch.setattr(beacon_layer, "close_old_connections", lambda: None)
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    cookie = settings.SESSION_COOKIE_NAME
    yield ViewBeaconApp(
        pagecache.PageCacheApp(get_wsgi_application(), session_cookie=cookie),
        session_cookie=cookie,
    )
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def operations(app) -> list:
    schema = schemathesis.openapi.from_wsgi(SCHEMA_URL, app)
    return [result.ok() for result in schema.get_all_operations()]


def test_the_served_schema_is_the_file(client):
    """GET /api/engagement/v1/openapi.json answers the schema file, as JSON."""
    response = client.get(SCHEMA_URL)
    assert response.status_code == 200
    assert response.json() == json.loads(SCHEMA_PATH.read_text())


def test_the_schema_names_every_route_of_the_api():
    """Each address of the API's URL patterns is a path of the schema, and no other."""
    schema = json.loads(SCHEMA_PATH.read_text())
    documented = {f"{schema['servers'][0]['url']}{path}" for path in schema["paths"]}
    routed = {
        "/api/engagement/v1/" + str(pattern.pattern).replace("<number:article_id>", "{article_id}")
        for pattern in api_urls.urlpatterns
        if pattern.name not in ("schema", "unknown")
    }
    assert documented == routed


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_the_api_answers_as_its_schema_says(site_app, article, mode):
    """Generated requests, valid and invalid, get no 5xx and answers the schema allows."""
    for operation in operations(site_app):
        known = {"article_id": article.pk} if mode == GenerationMode.POSITIVE else None

        @hypothesis_settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(
            case=operation.as_strategy(generation_mode=mode)
            | operation.as_strategy(generation_mode=mode, path_parameters=known)
        )
        def conforms(case):
            case.call_and_validate(headers=BROWSER)

        conforms()
