"""Production: refuses to start with debug on or without a real secret key."""

from django.core.management.utils import get_random_secret_key

from . import env
from .base import *  # noqa: F403

if env.get_bool("WARTA_DEBUG", False):
    raise env.SettingError("WARTA_DEBUG", "must be off in production (unset it or set it to 0)")
DEBUG = False

SECRET_KEY = env.get("WARTA_SECRET_KEY")
if not SECRET_KEY:
    raise env.SettingError(
        "WARTA_SECRET_KEY",
        f"not set; production needs a long random key, e.g. {get_random_secret_key()!r}",
    )
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure"):
    raise env.SettingError("WARTA_SECRET_KEY", "too weak; use at least 50 random characters")

# Behind a TLS-terminating proxy (see deploy/nginx.conf).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
USE_X_FORWARDED_HOST = env.get_bool("WARTA_USE_X_FORWARDED_HOST", False)
SESSION_COOKIE_SECURE = env.get_bool("WARTA_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = int(env.get("WARTA_HSTS_SECONDS", "0") or 0)
