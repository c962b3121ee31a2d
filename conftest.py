"""Shared test fixtures. Chromium for browser tests comes from Debian's `chromium` package."""

import io
import shutil

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.template.backends import jinja2 as jinja2_backend
from django.test.signals import template_rendered
from django.utils import translation

from warta.core import caches, compat
from warta.core.tests.buckets import media_bucket, s3_server  # noqa: F401 - fixtures
from warta.core.tests.snapshots import TableSnapshot
from warta.demo import content
from warta.news.models import ArticlePage


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Slow tests first, each within its group: database tests, then the tests that use
    no database, then the transactional ones, which empty the database (pytest-django
    puts the second group last; nothing in it minds). A run over several processes ends
    when its last process does, and a slow test taken up late keeps one working alone."""

    def group(item) -> int:
        marker = item.get_closest_marker("django_db")
        transaction = marker is not None and (
            marker.kwargs.get("transaction")
            or marker.kwargs.get("reset_sequences")
            or (marker.args and marker.args[0])
        )
        if transaction or {"transactional_db", "live_server"} & set(item.fixturenames):
            return 2
        return 0 if marker is not None or "db" in item.fixturenames else 1

    def quick(item) -> bool:
        return not (item.get_closest_marker("slow") or item.get_closest_marker("server"))

    items.sort(key=lambda item: (group(item), quick(item)))


def pytest_runtest_setup(item):
    """A test of a shortcut runs where the shortcut is taken; CI runs the suite both with
    every shortcut and with none (WARTA_SHORTCUTS=off)."""
    for marker in item.iter_markers("shortcut"):
        if not compat.on(marker.args[0]):
            pytest.skip(f"the {marker.args[0]} shortcut is off (WARTA_SHORTCUTS)")


@pytest.fixture(autouse=True, scope="session")
def _jinja2_templates_report_their_context():
    """Django's test client records the context of the templates it rendered (response.context)
    only for its own template language: reader pages are Jinja2, so report theirs too."""
    render = jinja2_backend.Template.render

    def render_and_report(self, context=None, request=None):
        context = {} if context is None else context
        html = render(self, context, request)
        template_rendered.send(sender=self, template=self, context=context)
        return html

    jinja2_backend.Template.render = render_and_report
    yield
    jinja2_backend.Template.render = render


@pytest.fixture(autouse=True)
def _clean_state():
    """Each test starts in the site language with empty caches, shared and per worker."""
    cache.clear()
    caches.reset()
    translation.activate("id")
    yield
    translation.deactivate()


@pytest.fixture
def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium; .ci/run does)")
    return path


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker) -> TableSnapshot:
    """What `load_demo` leaves in the database: loaded once per run, then rolled back."""
    return TableSnapshot.after(
        django_db_blocker, lambda: call_command("load_demo", stdout=io.StringIO())
    )


@pytest.fixture(autouse=True, scope="session")
def _demo_loaded_first(request) -> None:
    """Load the demo before any test runs, when some test will need it: a live-server test
    empties the database when it ends, and the demo loads only on the migrations' site."""
    if any("demo_snapshot" in item.fixturenames for item in request.session.items):
        request.getfixturevalue("demo_snapshot")


@pytest.fixture
def demo(demo_snapshot) -> None:
    """The demo content in this test's database, row for row as `load_demo` leaves it."""
    demo_snapshot.restore()


@pytest.fixture
def demo_headline(demo) -> ArticlePage:
    """The demo's headline story: app tests take it here, since no app imports `warta.demo`."""
    return ArticlePage.objects.get(slug=content.ARTICLES[0]["slug"])
