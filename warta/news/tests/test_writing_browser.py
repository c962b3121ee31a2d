"""Writing and publishing a typical story in a real browser, counting the clicks."""

import pytest
from django.test import Client
from PIL import Image

from warta.news.factories import PersonFactory, SectionPageFactory
from warta.news.models import ArticlePage

pytestmark = [
    pytest.mark.browser,
    # Transactional for the live server; serialized rollback restores the migrations' home page.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CLICK_BUDGET = 12
TITLE = "Banjir rob genangi Juwana"


class CountingPage:
    """The browser tab, with every click counted (choosing a file counts as one)."""

    def __init__(self, page):
        self.page, self.clicks = page, 0

    def click(self, selector: str, **options) -> None:
        self.clicks += 1
        self.page.locator(selector).first.click(**options)

    def choose_file(self, selector: str, path) -> None:
        self.clicks += 1
        self.page.set_input_files(selector, str(path))


@pytest.fixture
def newsroom(django_user_model, tmp_path):
    """Sections, a redaktur with a byline, a photo on disk and the redaktur's session."""
    daerah = SectionPageFactory(title="Daerah", slug="daerah")
    SectionPageFactory(parent=daerah, title="Pati", slug="pati")
    SectionPageFactory(title="Politik", slug="politik")
    user = django_user_model.objects.create_superuser("redaktur", "redaktur@warta.test", "x")
    PersonFactory(name="Agus Gunawan", slug="agus-gunawan", initials="Ag", user=user)
    photo = tmp_path / "banjir-juwana.jpg"
    Image.new("RGB", (800, 450), "steelblue").save(photo)
    client = Client()
    client.force_login(user)
    return {"session": client.cookies["sessionid"].value, "photo": photo}


def write_and_publish(live_server_url: str, chromium_path: str, newsroom: dict) -> dict:
    """Write the story from the dashboard to "Publikasikan"; returns the clicks and the live
    page's text (the ORM stays out of Playwright's event loop)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, args=["--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context(locale="id-ID", viewport={"width": 1400, "height": 1000})
        context.add_cookies(
            [{"name": "sessionid", "value": newsroom["session"], "url": live_server_url}]
        )
        page = context.new_page()
        page.set_default_timeout(20_000)
        tab = CountingPage(page)
        try:
            page.goto(live_server_url + "/admin/")
            tab.click(".write-story a")  # Tulis berita
            tab.click("a.button:has-text('Daerah › Pati')")
            page.fill("#id_title", TITLE)
            page.fill("#id_summary", "Air laut pasang merendam ratusan rumah di pesisir Juwana.")

            # The lead photo, uploaded from the image chooser.
            tab.click("#id_main_image-chooser .chooser__choose-button")
            tab.click("a#tab-label-upload")
            tab.choose_file("#id_image-chooser-upload-file", newsroom["photo"])
            # The chooser names the photo after its file; a person waits for that too.
            page.wait_for_function(
                "document.querySelector('#id_image-chooser-upload-title').value !== ''"
            )
            tab.click("#tab-upload button[type=submit]")
            page.wait_for_selector("#id_main_image-chooser:not(.blank)")

            # One paragraph of body.
            tab.click("[data-contentpath='body'] button.c-sf-add-button")
            tab.click(
                "[role='option']:has-text('Paragraf'), .w-combobox__option:has-text('Paragraf')"
            )
            # The new paragraph takes the focus once its editor is built; typing waits for it.
            page.wait_for_selector("[data-contentpath='body'] [contenteditable=true]:focus")
            page.keyboard.type("Ratusan warga mengungsi ke balai desa sejak Senin malam.")

            # Two tags, typed.
            page.focus("[data-contentpath='tags'] .tagit-new input")
            page.keyboard.type("banjir rob,")
            page.keyboard.type("pesisir,")

            # Breaking news, in the second tab.
            tab.click(".w-tabs__tab >> nth=1")
            tab.click("#id_is_breaking")

            tab.click("button[name='action-publish']")
            page.wait_for_url("**/admin/pages/*/")
            page.goto(live_server_url + "/daerah/pati/banjir-rob-genangi-juwana/")
            live = {
                "title": page.locator("h1").inner_text(),
                "byline": page.locator(".byline").inner_text(),
                "ticker": page.locator(".ticker").inner_text(),
                "photo": page.locator(".article__image img, figure img").count(),
            }
        except Exception:
            page.screenshot(path=newsroom["photo"].with_name("failure.png"), full_page=True)
            raise
        finally:
            browser.close()
    return {"clicks": tab.clicks, "live": live}


def test_a_redaktur_writes_and_publishes_a_story_in_at_most_12_clicks(
    live_server, chromium_path, newsroom
):
    """From the dashboard to a live breaking story with photo, byline and tags: ≤ 12 clicks."""
    result = write_and_publish(live_server.url, chromium_path, newsroom)
    assert result["clicks"] <= CLICK_BUDGET, result["clicks"]
    live = result["live"]
    assert live["title"] == TITLE
    assert "Agus Gunawan" in live["byline"]
    assert TITLE in live["ticker"]
    assert live["photo"] >= 1
    article = ArticlePage.objects.get(slug="banjir-rob-genangi-juwana")
    assert article.live and article.is_breaking and article.main_image_id
    assert sorted(tag.name for tag in article.tags.all()) == ["banjir rob", "pesisir"]
    assert [block.block_type for block in article.body] == ["paragraph"]
    print(f"clicks: {result['clicks']}")
