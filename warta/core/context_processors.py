"""Values every reader template needs: the site name, the languages, the current time."""

from django.conf import settings
from django.urls import translate_url
from django.utils import timezone, translation


def site(request) -> dict:
    current = translation.get_language()
    return {
        "site_name": settings.WARTA_SITE_NAME,
        "now": timezone.now(),
        "other_languages": [
            {
                "code": code,
                "name": translation.get_language_info(code)["name_local"],
                "url": translate_url(request.get_full_path(), code),
            }
            for code, _name in settings.LANGUAGES
            if code != current
        ],
    }
