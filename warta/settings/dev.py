"""Development: debug on by default, a generated secret key kept under var/."""

from . import env
from .base import *  # noqa: F403
from .base import STORAGES, VAR_DIR

DEBUG = env.get_bool("WARTA_DEBUG", True)
SECRET_KEY = env.get("WARTA_SECRET_KEY") or env.persistent_secret_key(VAR_DIR / "secret_key")

if DEBUG:
    # Serve static files straight from the source folders, no collectstatic needed.
    STORAGES = {
        **STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    WHITENOISE_USE_FINDERS = True
    WHITENOISE_AUTOREFRESH = True
