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

# Behind a TLS-terminating proxy (deploy/nginx.conf). The scheme and the reader's address
# come from warta.core.proxies, which believes X-Forwarded-Proto and X-Forwarded-For from
# WARTA_TRUSTED_PROXIES only (so no SECURE_PROXY_SSL_HEADER). The host is the Host header
# the proxy passes on, checked against ALLOWED_HOSTS; X-Forwarded-Host is never read.
env.refuse(
    "WARTA_USE_X_FORWARDED_HOST",
    "no longer read: the proxy passes the Host header (proxy_set_header Host $host), "
    "checked against WARTA_ALLOWED_HOSTS",
    harmless=frozenset({"0", "false", "no", "off"}),
)
SESSION_COOKIE_SECURE = env.get_bool("WARTA_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
# Sent on HTTPS responses only (never over plain http), so a site not yet on HTTPS is safe.
SECURE_HSTS_SECONDS = int(env.get_number("WARTA_HSTS_SECONDS", 365 * 86400, 0, 2 * 365 * 86400))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.get_bool("WARTA_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env.get_bool("WARTA_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [
    # SECURE_SSL_REDIRECT: nginx answers plain http with a 301 to https (deploy/nginx.conf)
    # before Warta sees it; Warta listens on loopback, where the proxy speaks plain http.
    "security.W008",
    # includeSubDomains is the operator's call (WARTA_HSTS_INCLUDE_SUBDOMAINS): served at
    # the outlet's bare domain it would force HTTPS on every other site under that name.
    "security.W005",
    # Asking browsers to preload HTTPS for the domain (WARTA_HSTS_PRELOAD) needs
    # includeSubDomains and takes months to undo: the operator's call too.
    "security.W021",
]
