"""The admin's JavaScript catalogue and the newsroom guide."""

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.i18n import JavaScriptCatalog
from wagtail.admin.auth import require_admin_access
from wagtail.admin.localization import get_localized_response

# Wagtail's own view reads wagtail.admin's catalogue only, which has no "id" (only id_ID);
# the backoffice's holds Wagtail's Indonesian and the rest, and wins (merged last).
javascript_catalogue_view = JavaScriptCatalog.as_view(
    packages=["wagtail.admin", "warta.backoffice"]
)


def javascript_catalogue(request: HttpRequest) -> HttpResponse:
    """The admin's JavaScript strings, in the staff member's admin language."""
    return get_localized_response(javascript_catalogue_view, request)


def guide_template(language: str | None) -> str:
    """The guide is written in Indonesian and English; other languages get the English one."""
    return (
        "backoffice/guide_id.html"
        if (language or "").startswith("id")
        else "backoffice/guide_en.html"
    )


@require_admin_access
def guide(request: HttpRequest) -> HttpResponse:
    """The newsroom guide (Panduan redaksi), in the staff member's admin language."""

    def render(request: HttpRequest) -> HttpResponse:
        return TemplateResponse(request, guide_template(get_language()))

    return get_localized_response(render, request)
