"""WSGI entry point for app servers (`warta serve` runs granian with it).

The page cache sits in front of Django: a cached page is answered without
running Django's request handling at all; in front of it, the view beacon is answered
the same way (the view-beacon-layer shortcut, warta.core.compat). Outside them, the
trusted-proxy layer (warta.core.proxies) settles the reader's address and scheme.
Outermost, the health checks (warta.core.health) answer /healthz and /readyz.
"""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warta.settings.production")
django_application = get_wsgi_application()  # sets Django up: the imports below need it

# ruff: noqa: E402
from django.conf import settings
from django.urls import get_resolver

from warta.core import compat
from warta.core.health import HealthApp
from warta.core.pagecache import PageCacheApp, maintenance
from warta.core.proxies import TrustedProxiesApp
from warta.core.request_lines import RequestLineLimitApp
from warta.core.requestlog import RequestLogApp
from warta.engagement.counters import flusher
from warta.engagement.wsgi import ViewBeaconApp

application = PageCacheApp(django_application, session_cookie=settings.SESSION_COOKIE_NAME)
if compat.on("view-beacon-layer"):
    application = ViewBeaconApp(application, session_cookie=settings.SESSION_COOKIE_NAME)
# A path or query string longer than any Warta reads is answered 414 before the rest.
application = RequestLineLimitApp(application)
# The reader's address and scheme from WARTA_TRUSTED_PROXIES only; forwarded headers from
# anyone else reach neither the layers inside this one nor Django.
application = TrustedProxiesApp(application, trusted=settings.WARTA_TRUSTED_PROXIES)
# Around them: an id for each request (X-Request-Id, every log line), a body for every error,
# and the access log when WARTA_ACCESS_LOG is on.
application = RequestLogApp(application, access_log=settings.WARTA_ACCESS_LOG)
# Outside everything: /healthz and /readyz for load balancers and monitors, answered
# whatever the layers inside are doing, and left out of the access log (warta.core.health).
application = HealthApp(application)

# Each worker persists pending view counts every few seconds, its own and those left by
# a worker that died.
flusher.ensure_started()
# ... and writes the page cache's hits and removes its expired pages (warta.core.pagecache).
maintenance.ensure_started()

# What is loaded by now (Django, Wagtail, every model, view and URL pattern) lives as long
# as the worker: the cycle collector need not walk it again. Without this each full
# collection walked some 190,000 objects, about 100 ms, while a reader waited.
get_resolver().url_patterns  # noqa: B018 - imports the views
gc.freeze()
