"""Searching in a real browser: the header box works without JavaScript, pages pass axe-core."""

import pytest
from django.utils import timezone

from warta.news.models import ArticlePage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


@pytest.fixture
def demo_day(demo) -> str:
    """Loaded before the browser starts (Playwright's event loop forbids ORM calls)."""
    newest = ArticlePage.objects.live().order_by("-published_at").first()
    return f"/arsip/{timezone.localtime(newest.published_at):%Y/%m/%d}/"


def test_header_search_box_works_without_javascript(live_server, demo_day, chromium_path):
    """With scripting off, typing in the header box and pressing Enter lists marked results."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=LAUNCH_ARGS)
        page = browser.new_context(java_script_enabled=False).new_page()
        page.goto(live_server.url + "/")
        box = page.get_by_role("searchbox", name="Cari berita")
        box.fill("pembangunan")
        box.press("Enter")
        page.wait_for_url("**/cari/?q=pembangunan")
        assert page.locator(".search-result").count() >= 1
        assert page.locator(".search-result mark").count() >= 1
        browser.close()


def test_search_and_archive_pages_have_no_accessibility_violations(
    live_server, demo_day, chromium_path
):
    """axe-core finds no violation on results, an error, an archive day and a month."""
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    paths = ["/cari/?q=warga", "/cari/?q=" + "x" * 200, demo_day, demo_day[:-3], "/en/cari/"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=LAUNCH_ARGS)
        page = browser.new_page(locale="id-ID")
        axe, found = Axe(), {}
        for path in paths:
            page.goto(live_server.url + path)
            violations = axe.run(page).response["violations"]
            if violations:
                found[path] = [(v["id"], v["nodes"][0]["html"][:120]) for v in violations]
        browser.close()
    assert found == {}
