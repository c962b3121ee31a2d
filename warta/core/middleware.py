"""Middleware for the staff area (the Wagtail admin), which differs from reader pages."""

from django.utils import translation

# Wagtail's Indonesian admin catalogue is "id_ID": activate it for staff who
# have not chosen an admin language, when the site's language is Indonesian.
WAGTAIL_INDONESIAN = "id-id"


class StaffAreaMiddleware:
    """Admin language and Content-Security-Policy for URLs under /admin/.

    Reader pages get the strict policy from SECURE_CSP; the Wagtail admin uses
    inline scripts and styles, so it is exempt from it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith("/admin/"):
            return self.get_response(request)
        if translation.get_language() == "id":
            translation.activate(WAGTAIL_INDONESIAN)
            request.LANGUAGE_CODE = WAGTAIL_INDONESIAN
        response = self.get_response(request)
        response._csp_config = {}
        return response
