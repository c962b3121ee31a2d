"""Tests: SQLite by default, PostgreSQL and Redis when the CI variables name them."""

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from . import env
from .base import *  # noqa: F403
from .base import (
    DATABASES,
    REDIS_CACHE_OPTIONS,
    RENDITIONS_CACHE,
    STORAGES,
    WARTA_ENGAGEMENT,
    WARTA_SHORTCUTS,
)

DEBUG = False
SECRET_KEY = "test-only-key-not-secret-" + "x" * 40  # noqa: S105

if env.get("WARTA_TEST_POSTGRES_URL"):
    DATABASES = {
        "default": env.get_database(
            "WARTA_TEST_POSTGRES_URL",
            None,
            own_backends="database-backends" in WARTA_SHORTCUTS,
        )
    }
else:
    # A file, not SQLite's in-memory default: the live server used by browser tests
    # then opens its own connection per thread instead of sharing the test's one,
    # which SQLite cannot use from two threads at once (a beacon and a page load).
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"warta-test-{os.getpid()}.sqlite3")
    }


def own_redis_database(url: str) -> str:
    """The test Redis for this test process: with the suite split over processes
    (pytest -n, PYTEST_XDIST_WORKER gw0, gw1, ...) each takes the next database, since a
    test empties its database (cache.clear) while the others run."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    if not url or not worker.isdigit() or worker == "0":
        return url
    parts = urlsplit(url)
    database = parts.path.strip("/") or "0"
    if parts.scheme not in ("redis", "rediss") or not database.isdigit():
        raise env.SettingError("WARTA_TEST_REDIS_URL", "name a database, as in redis://host/0")
    number = int(database) + int(worker)
    if number > 15:
        raise env.SettingError("WARTA_TEST_REDIS_URL", f"no Redis database {number} for gw{worker}")
    return urlunsplit(parts._replace(path=f"/{number}"))


if redis_url := own_redis_database(env.get_redis_url("WARTA_TEST_REDIS_URL")):
    CACHES = {
        "default": {
            "BACKEND": "warta.core.cache_backends.OutageTolerantRedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "warta-test",
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CACHES["renditions"] = RENDITIONS_CACHE

WARTA_PAGE_CACHE = {
    "ENABLED": True,
    "REDIS_URL": redis_url or "",
    "PATH": Path(tempfile.gettempdir()) / f"warta-test-pagecache-{os.getpid()}.sqlite3",
    # Tests render many pages from one address; the render budget's own tests set a rate.
    "RENDER_RATE": None,
}

# Uploads made by tests stay out of the development site's var/.
MEDIA_ROOT = Path(tempfile.gettempdir()) / "warta-test-media"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Tests persist pending views when they choose (flush_views), never from a thread.
WARTA_ENGAGEMENT = {**WARTA_ENGAGEMENT, "FLUSH_IN_BACKGROUND": False}
