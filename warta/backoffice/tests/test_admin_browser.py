"""The admin in a real browser: Indonesian down to its JavaScript, and nothing from elsewhere."""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model

pytestmark = [
    pytest.mark.browser,
    # Transactional for the live server; serialized rollback restores the migrations' rows.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "kata-sandi-redaksi"  # noqa: S105 (a test user's)


@pytest.fixture
def editor_account(db) -> str:
    """A superuser made before the browser starts: Playwright's event loop forbids ORM calls."""
    get_user_model().objects.create_superuser("redaktur", "redaktur@warta.test", PASSWORD)
    return "redaktur"


@pytest.fixture
def admin_page(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(locale="id-ID")
        page.set_default_timeout(15_000)
        page.requested = []
        page.errors = []
        page.on("request", lambda request: page.requested.append(request.url))
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        yield page
        browser.close()


def test_admin_signs_in_and_speaks_indonesian_in_its_javascript(
    live_server, editor_account, admin_page
):
    """Signing in at "Masuk ke Warta" leads to a dashboard whose script-drawn sidebar is
    Indonesian, and no request leaves Warta's own host."""
    page = admin_page
    page.goto(live_server.url + "/admin/login/")
    assert page.locator("h1").inner_text() == "Masuk ke Warta"
    page.fill("#id_username", editor_account)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")
    # The sidebar is drawn by Wagtail's JavaScript, with strings from /admin/jsi18n/.
    toggle = page.locator("[aria-label='Buka/tutup bilah samping']")
    assert toggle.count() >= 1
    page.get_by_text("Bantuan").first.click()
    assert page.get_by_text("Panduan redaksi").first.is_visible()
    hosts = {urlsplit(url).netloc for url in page.requested if url.startswith("http")}
    assert hosts == {urlsplit(live_server.url).netloc}
    assert page.errors == []
