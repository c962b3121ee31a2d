"""Shortcuts past Django's request handler: the pieces of it a WSGI layer in front of
Django needs to answer a request itself (view-beacon-layer, warta.engagement.wsgi)."""

from django.core.handlers.exception import response_for_exception
from django.core.handlers.wsgi import WSGIRequest, get_script_name
from django.http import HttpRequest, HttpResponse
from django.urls import set_script_prefix


def request_from(environ: dict) -> WSGIRequest:
    """The request Django's handler would make of `environ`, its script prefix set."""
    set_script_prefix(get_script_name(environ))
    return WSGIRequest(environ)


def response_for_error(request: HttpRequest, error: Exception) -> HttpResponse:
    """What Django's handler answers, and logs, for an exception a view raised."""
    return response_for_exception(request, error)
