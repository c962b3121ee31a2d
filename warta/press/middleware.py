"""A retracted story's address answers 200 with the reason, not 404 (PPMS point 5(c))."""

from django.http import Http404

from . import retractions, views


class RetractedStoryMiddleware:
    """When Wagtail's page view finds no live page at an address, look for a retracted
    story there. Only "not found" pages pay for the look-up: a live story never does."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, Http404) or request.method not in ("GET", "HEAD"):
            return None
        match = request.resolver_match
        if match is None or match.url_name != "wagtail_serve":
            return None
        # Wagtail's pattern passes the address as its one positional argument.
        path = match.args[0] if match.args else match.kwargs.get("path", "")
        retraction = retractions.retraction_at(request, path or "")
        if retraction is None:
            return None
        return views.retracted_story(request, retraction)
