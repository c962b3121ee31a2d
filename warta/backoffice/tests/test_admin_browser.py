"""The admin in a real browser: Indonesian down to its JavaScript, and nothing from elsewhere."""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from warta.news.factories import ArticlePageFactory

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


def sign_in(page, live_server, username: str) -> None:
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")


def test_admin_signs_in_and_speaks_indonesian_in_its_javascript(
    live_server, editor_account, admin_page
):
    """Signing in at "Masuk ke Warta" leads to a dashboard whose script-drawn sidebar is
    Indonesian, and no request leaves Warta's own host."""
    page = admin_page
    page.goto(live_server.url + "/admin/login/")
    assert page.locator("h1").inner_text() == "Masuk ke Warta"
    sign_in(page, live_server, editor_account)
    # The sidebar is drawn by Wagtail's JavaScript, with strings from /admin/jsi18n/.
    toggle = page.locator("[aria-label='Buka/tutup bilah samping']")
    assert toggle.count() >= 1
    page.get_by_text("Bantuan").first.click()
    assert page.get_by_text("Panduan redaksi").first.is_visible()
    hosts = {urlsplit(url).netloc for url in page.requested if url.startswith("http")}
    assert hosts == {urlsplit(live_server.url).netloc}
    assert page.errors == []


@pytest.fixture
def article_edit_url(editor_account, language) -> str:
    """An article, and the editor's admin language, set before the browser starts."""
    article = ArticlePageFactory(title="Banjir surut di Pati, warga kembali ke rumah")
    UserProfile.objects.update_or_create(
        user=get_user_model().objects.get(username=editor_account),
        defaults={"preferred_language": language},
    )
    return f"/admin/pages/{article.pk}/edit/"


@pytest.mark.parametrize("language", ["id", "en"])
def test_preview_panel_shows_the_article_in_either_admin_language(
    live_server, editor_account, article_edit_url, admin_page
):
    """The page editor's preview shows the article as it is being edited, in either admin
    language."""
    page = admin_page
    answers = []
    page.on("response", lambda r: "/edit/preview/" in r.url and answers.append(r.status))
    sign_in(page, live_server, editor_account)
    page.goto(live_server.url + article_edit_url)
    page.click("[data-side-panel-toggle='preview']")
    preview = page.frame_locator("#w-preview-iframe")
    preview.get_by_text("Banjir surut di Pati").first.wait_for()
    assert answers and set(answers) == {200}
    assert page.errors == []
