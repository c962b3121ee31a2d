"""A table and a gallery in the article editor of a real browser: shown, edited, published."""

import pytest
from django.contrib.auth import get_user_model

from warta.news.factories import ArticlePageFactory, NewsImageFactory

pytestmark = [
    pytest.mark.browser,
    # Transactional for the live server; serialized rollback restores the migrations' rows.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "kata-sandi-redaksi"  # noqa: S105 (a test user's)


@pytest.fixture
def story(db) -> dict:
    """A redaktur and a story with a table and a gallery, made before the browser starts:
    Playwright's event loop forbids ORM calls."""
    get_user_model().objects.create_superuser("redaktur", "redaktur@warta.test", PASSWORD)
    photos = NewsImageFactory.create_batch(2)
    table = {
        "data": [["Desa", "Rumah"], ["Margorejo", "40"]],
        "table_caption": "Rumah terendam",
        "table_header_choice": "row",
    }
    gallery = {
        "images": [{"image": photo.pk, "caption": "", "credit": ""} for photo in photos],
        "caption": "Banjir Juwana",
    }
    article = ArticlePageFactory(
        body=[{"type": "table", "value": table}, {"type": "gallery", "value": gallery}]
    )
    return {"edit": f"/admin/pages/{article.pk}/edit/", "url": article.url}


def test_editor_shows_edits_and_publishes_a_table_and_a_gallery(live_server, story, chromium_path):
    """The table editor shows the cells, a changed cell is published, the gallery stays."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=["--no-sandbox"])
        page = browser.new_page(locale="id-ID")
        page.set_default_timeout(15_000)
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(live_server.url + "/admin/login/")
        page.fill("#id_username", "redaktur")
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(live_server.url + "/admin/")

        page.goto(live_server.url + story["edit"])
        cell = page.locator(".handsontable td", has_text="40").first
        cell.dblclick()
        page.keyboard.press("ControlOrMeta+a")
        page.keyboard.type("45")
        page.keyboard.press("Enter")
        page.click("button[name='action-publish']")
        page.wait_for_url("**/admin/pages/*/")

        page.goto(live_server.url + story["url"])
        body = page.locator(".article__body")
        assert body.locator("caption").inner_text() == "Rumah terendam"
        assert body.locator("tbody td").all_inner_texts() == ["Margorejo", "45"]
        assert body.locator(".gallery__photo img").count() == 2
        assert errors == []
        browser.close()
