"""Values every reader template needs: the site name, the languages, the current year."""

from django.conf import settings
from django.utils import timezone, translation

from .addresses import url_in_language


def site(request) -> dict:
    current = translation.get_language()
    return {
        "site_name": settings.WARTA_SITE_NAME,
        "year": timezone.localtime().year,  # the newsroom's, in the footer
        "other_languages": [
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": url_in_language(request, request.get_full_path(), code),
            }
            for code, _name in settings.LANGUAGES
            if code != current
        ],
    }
