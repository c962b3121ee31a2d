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


def layers(shortcuts: str) -> list[str]:
    """The WSGI layers of warta.wsgi, outermost first, with WARTA_SHORTCUTS=`shortcuts`."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "warta.settings.test",
        "WARTA_SHORTCUTS": shortcuts,
    }
    code = (
        "import warta.wsgi as w\n"
        "app = w.application\n"
        "while app is not None:\n"
        "    print(type(app).__name__)\n"
        "    app = getattr(app, 'app', None)\n"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_app_servers_answer_the_view_beacon_in_front_of_the_page_cache():
    """warta.wsgi: the trusted proxies, the beacon's short way, the page cache, Django."""
    order = ["TrustedProxiesApp", "ViewBeaconApp", "PageCacheApp", "WSGIHandler"]
    assert [name for name in layers("on") if name in order] == order


def test_without_the_shortcut_django_answers_the_view_beacon():
    stack = layers("-view-beacon-layer")
    assert "ViewBeaconApp" not in stack
    assert stack[-2:] == ["PageCacheApp", "WSGIHandler"]


def test_the_request_log_is_the_outermost_layer_after_the_health_checks():
    """Its request id and error answer cover every layer inside, and Django; only the
    probes of load balancers (warta.core.health) are answered outside it."""
    assert layers("on")[:2] == ["HealthApp", "RequestLogApp"]
    assert layers("off")[:2] == ["HealthApp", "RequestLogApp"]
