"""The WSGI entry point app servers load."""

import os
import subprocess
import sys


def test_what_a_worker_loads_at_start_is_left_out_of_garbage_collection():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "warta.settings.test"}
    code = "import gc, warta.wsgi; print(gc.get_freeze_count(), len(gc.get_objects()))"
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    frozen, tracked = map(int, result.stdout.split())
    # Django, Wagtail and Warta's models, views and URL patterns: well over 100,000
    # objects the collector no longer walks; almost nothing is left for it.
    assert frozen > 100_000
    assert tracked < frozen / 20


def test_app_servers_answer_the_view_beacon_in_front_of_the_page_cache():
    """warta.wsgi: the beacon's short way, then the page cache, then Django."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "warta.settings.test"}
    code = (
        "import warta.wsgi as w; print(type(w.application).__name__,"
        " type(w.application.app).__name__, type(w.application.app.app).__name__)"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["ViewBeaconApp", "PageCacheApp", "WSGIHandler"]
