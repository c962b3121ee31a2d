"""view-beacon-layer: the pieces of Django's handler a layer in front of it uses."""

import io

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404

from warta.core.compat.handlers import request_from, response_for_error


def environ(path: str = "/api/engagement/v1/articles/1/views") -> dict:
    return {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "SCRIPT_NAME": "",
        "QUERY_STRING": "a=1",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
    }


def test_a_request_is_made_of_the_environ_as_django_makes_it():
    request = request_from(environ())
    assert request.method == "POST"
    assert request.path == "/api/engagement/v1/articles/1/views"
    assert request.GET["a"] == "1"
    assert request.get_host() == "127.0.0.1"


@pytest.mark.django_db  # the 404 page shows the site's navigation
@pytest.mark.parametrize(
    ("error", "status"),
    [(Http404(), 404), (PermissionDenied(), 403), (SuspiciousOperation(), 400), (KeyError(), 500)],
)
def test_an_error_gets_the_answer_django_s_handler_gives(error, status):
    assert response_for_error(request_from(environ()), error).status_code == status
