"""Views and reactions in a real browser, with and without JavaScript."""

import re

import pytest

from warta.engagement.counters import flush_views, get_backend
from warta.engagement.models import ArticleStats
from warta.news.factories import ArticlePageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DESKTOP_CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def article_url(live_server):
    """An article with 805 views, made before the browser starts (no ORM under Playwright)."""
    article = ArticlePageFactory(title="Jembatan Juwana selesai diperbaiki")
    ArticleStats.objects.create(article=article, views=805)
    return live_server.url + article.url, article.pk


def wait_for_pending(page, expected: int) -> int:
    """Poll this process's pending views while the browser works (no database involved)."""
    for _ in range(50):
        if get_backend().pending_views() >= expected:
            break
        page.wait_for_timeout(100)
    page.wait_for_timeout(300)  # and make sure no further view arrives
    return get_backend().pending_views()


def test_a_reader_with_javascript_is_counted_once_and_reacts_in_place(article_url, chromium_path):
    """The beacon counts once, the buttons toggle in place, the choice survives a reload."""
    from playwright.sync_api import expect, sync_playwright

    url, article_id = article_url
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=LAUNCH_ARGS)
        context = browser.new_context(user_agent=DESKTOP_CHROME, locale="id-ID")
        page = context.new_page()
        page.set_default_timeout(15_000)
        errors: list[str] = []
        page.on("response", lambda r: r.status >= 400 and errors.append(f"{r.status} {r.url}"))
        page.on("pageerror", lambda e: errors.append(str(e)))

        page.goto(url)
        assert wait_for_pending(page, 1) == 1
        expect(page.locator(".view-count")).to_have_text("(805 kali dibaca)")

        like = page.get_by_role("button", name=re.compile("Suka$"))
        love = page.get_by_role("button", name=re.compile("Cinta$"))
        expect(like).to_have_attribute("aria-pressed", "false")
        like.click()
        expect(like).to_have_attribute("aria-pressed", "true")
        expect(page.locator(".reaction--like .reaction__count")).to_have_text("1")
        expect(page.locator(".reaction--like .reaction__share")).to_have_text("100%")
        expect(page.locator(".reactions__status")).to_have_text("Reaksi Anda: Suka.")

        love.click()
        expect(love).to_have_attribute("aria-pressed", "true")
        expect(like).to_have_attribute("aria-pressed", "false")
        expect(page.locator(".reaction--like .reaction__count")).to_have_text("0")
        expect(page.locator(".reaction--love .reaction__share")).to_have_text("100%")

        love.click()  # pressing the chosen one takes it back
        expect(love).to_have_attribute("aria-pressed", "false")
        expect(page.locator(".reaction__share")).to_have_text(["0%"] * 6)
        love.click()
        expect(love).to_have_attribute("aria-pressed", "true")  # saved before the reload

        page.reload()
        expect(love).to_have_attribute("aria-pressed", "true")
        assert wait_for_pending(page, 2) == 1  # the same reader within 30 minutes

        other = browser.new_context(user_agent=DESKTOP_CHROME).new_page()
        other.goto(url)
        assert wait_for_pending(other, 2) == 2
        browser.close()

    assert errors == []
    flush_views()
    stats = ArticleStats.objects.get(pk=article_id)
    assert (stats.views, stats.love, stats.like) == (807, 1, 0)


def test_a_reader_without_javascript_is_counted_and_reacts_with_the_form(
    article_url, chromium_path
):
    """Scripting off: the <noscript> pixel counts the view, the buttons post and come back."""
    from playwright.sync_api import expect, sync_playwright

    url, article_id = article_url
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=LAUNCH_ARGS)
        context = browser.new_context(user_agent=DESKTOP_CHROME, java_script_enabled=False)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(url)
        assert wait_for_pending(page, 1) == 1

        page.get_by_role("button", name=re.compile("Sedih$")).click()
        page.wait_for_url(re.compile(rf"#reactions-{article_id}$"))
        expect(page.locator(".reaction--sad .reaction__count")).to_have_text("1")
        expect(page.locator(".reaction--sad .reaction__share")).to_have_text("100%")

        page.get_by_role("button", name=re.compile("Sedih$")).click()  # again: taken back
        page.wait_for_load_state()
        expect(page.locator(".reaction--sad .reaction__count")).to_have_text("0")
        browser.close()

    flush_views()
    stats = ArticleStats.objects.get(pk=article_id)
    assert (stats.views, stats.sad) == (806, 0)
