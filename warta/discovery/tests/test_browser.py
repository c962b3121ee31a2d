"""The copy-link button in a real browser, and the page it sits on still passes the CSP."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def article_path(demo_headline) -> str:
    """Loaded before the browser starts: Playwright's event loop forbids ORM calls."""
    return demo_headline.url


def test_copy_link_button_copies_the_story_url(live_server, article_path, chromium_path):
    """With JavaScript the copy link becomes a button that puts the URL on the clipboard."""
    from playwright.sync_api import sync_playwright

    url = live_server.url + article_path
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, args=["--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context(locale="id-ID")
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
        page = context.new_page()
        page.set_default_timeout(15_000)
        problems: list[str] = []
        page.on("console", lambda m: m.type == "error" and problems.append(m.text))
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.goto(url)
        button = page.get_by_role("button", name="Salin tautan")
        button.click()
        status = page.locator(".share__status")
        status.filter(has_text="Tautan disalin").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == url
        assert page.get_by_role("link", name="Bagikan ke WhatsApp").count() == 1
        assert problems == []  # no CSP violation, no script error
        browser.close()


def test_copy_link_is_a_plain_link_without_javascript(live_server, article_path, chromium_path):
    """Scripting off: "Salin tautan" is a link to the story itself."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=["--no-sandbox"])
        page = browser.new_context(java_script_enabled=False).new_page()
        page.goto(live_server.url + article_path)
        link = page.get_by_role("link", name="Salin tautan")
        assert link.get_attribute("href") == live_server.url + article_path
        browser.close()
