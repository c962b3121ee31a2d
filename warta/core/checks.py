"""Deployment checks of Warta's own settings (`warta check --deploy`)."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def proxies_are_named(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Production runs behind a TLS proxy: without its address Warta takes every request
    for plain http (no HSTS, http links) and every reader for the proxy."""
    if settings.WARTA_TRUSTED_PROXIES:
        return []
    return [
        checks.Warning(
            "WARTA_TRUSTED_PROXIES is empty: X-Forwarded-For and X-Forwarded-Proto are "
            "believed from no one, so behind a proxy every request looks like plain http "
            "from the proxy's address.",
            hint="Behind deploy/nginx.conf on the same machine set "
            "WARTA_TRUSTED_PROXIES=127.0.0.1,::1 (docs/configuration.md).",
            id="warta.W030",
        )
    ]
