"""The demo article in a real browser: the clock ticks and every reference element is there."""

import re

import pytest

from warta.news.factories import add_table_and_gallery
from warta.news.models import ArticlePage

pytestmark = [
    pytest.mark.browser,
    # Transactional for the live server; serialized rollback restores the migrations' home page.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CLOCK_TEXT = re.compile(
    r"^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ \d{4} \d\d:\d\d:\d\d WIB$"
)


@pytest.fixture
def browser_page(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        page = browser.new_page(locale="id-ID")
        page.set_default_timeout(15_000)
        errors: list[str] = []
        page.on("response", lambda r: r.status >= 400 and errors.append(f"{r.status} {r.url}"))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.errors = errors
        yield page
        browser.close()


@pytest.fixture
def demo_article(demo_headline) -> ArticlePage:
    """Loaded before the browser starts: Playwright's event loop forbids ORM calls."""
    article = demo_headline
    article.url  # noqa: B018 - resolve the URL while the ORM may still be used
    return article


def test_demo_article_in_chromium(live_server, demo_article, browser_page):
    """Open the reference-shaped demo article: clock ticks, every element visible, no errors."""
    article, page = demo_article, browser_page
    url = article.url
    page.goto(live_server.url + url)

    clock = page.locator(".site-clock")
    first = clock.inner_text()
    assert CLOCK_TEXT.match(first), first
    page.wait_for_function(
        "first => document.querySelector('.site-clock').textContent !== first", arg=first
    )
    assert CLOCK_TEXT.match(clock.inner_text())

    ticker = page.locator(".ticker")
    assert ticker.get_by_role("heading").inner_text().lower() == "berita terkini"
    assert ticker.get_by_role("link").count() == 1

    crumbs = page.locator(".breadcrumb li")
    assert [crumbs.nth(i).inner_text().strip() for i in range(crumbs.count())] == [
        "Beranda",
        "Daerah",
        "Pati",
        article.title,
    ]
    assert page.get_by_role("heading", level=1).inner_text() == article.title
    assert page.title().startswith(article.title)
    assert page.locator(".byline__credit").inner_text()
    assert page.locator(".view-count").inner_text() == "(805 kali dibaca)"
    assert re.match(
        r"^\w+, \d{1,2} \w+ \d{4} - \d\d:\d\d WIB$", page.locator(".published").inner_text()
    )
    first_paragraph = page.locator(".article__body p").first.inner_text()
    assert first_paragraph.startswith("PATI – ")
    assert page.locator(".article__body .sign-off").inner_text() == "(Ag/Ed)"
    reactions = page.locator(".reaction")
    assert reactions.count() == 6
    assert page.locator(".reaction__label").all_inner_texts() == [
        "Suka",
        "Cinta",
        "Haha",
        "Wow",
        "Sedih",
        "Marah",
    ]
    categories = page.locator(".article__categories a").all_inner_texts()
    assert "Daerah" in categories and "Pati" in categories
    assert any(text.startswith("#") for text in categories)
    assert page.locator(".related .card").count() >= 1
    assert page.errors == []

    page.get_by_role("link", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert re.match(
        r"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), ", clock.inner_text()
    )
    assert page.locator(".breadcrumb li").first.inner_text() == "Home"
    assert page.locator(".view-count").inner_text() == "(805 views)"


@pytest.fixture
def article_with_table_and_gallery(demo_headline) -> ArticlePage:
    """The demo article with a table and a gallery, saved before the browser starts."""
    add_table_and_gallery(demo_headline)
    demo_headline.url  # noqa: B018 - resolve the URL while the ORM may still be used
    return demo_headline


def test_reader_pages_have_no_accessibility_violations(
    live_server, article_with_table_and_gallery, browser_page
):
    """axe-core finds no violation on the home, section, article (with a table and a
    gallery), tag, reporter and 404 pages."""
    from axe_playwright_python.sync_playwright import Axe

    url = article_with_table_and_gallery.url
    paths = [
        "/",
        "/daerah/",
        url,
        "/tag/umkm/",
        "/penulis/agus-gunawan/",
        "/tidak-ada/",
        f"/en{url}",
    ]
    axe, found = Axe(), {}
    for path in paths:
        browser_page.goto(live_server.url + path)
        if path == url:
            assert browser_page.locator(".article__body table").count() == 1
            assert browser_page.locator(".article__body .gallery__photo").count() == 2
        violations = axe.run(browser_page).response["violations"]
        if violations:
            found[path] = [(v["id"], v["nodes"][0]["html"][:120]) for v in violations]
    assert found == {}


def test_wide_table_scrolls_in_its_own_box_on_a_phone(
    live_server, article_with_table_and_gallery, browser_page
):
    """On a 360 px screen the page does not scroll sideways: the table's box does, and the
    keyboard reaches it."""
    page = browser_page
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + article_with_table_and_gallery.url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    region = page.get_by_role("region", name="Sawah terendam")
    assert region.evaluate("box => box.scrollWidth > box.clientWidth")
    region.focus()
    page.keyboard.press("ArrowRight")
    # The browser may scroll smoothly: wait for the box to move, at most the default 15 s.
    page.wait_for_function("() => document.querySelector('.body-table').scrollLeft > 0")


def test_reader_pages_work_without_javascript(live_server, demo_article, chromium_path):
    """With scripting off, the article, the server-rendered clock and the links all work."""
    from playwright.sync_api import sync_playwright

    url = demo_article.url
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=["--no-sandbox"])
        page = browser.new_context(java_script_enabled=False).new_page()
        page.goto(live_server.url + url)
        assert CLOCK_TEXT.match(page.locator(".site-clock").inner_text())
        assert page.locator(".article__body .dateline").inner_text() == "PATI –"
        page.locator(".breadcrumb a", has_text="Pati").click()
        assert page.get_by_role("heading", level=1).inner_text() == "Pati"
        browser.close()
