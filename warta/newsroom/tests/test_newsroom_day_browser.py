"""The newsroom's day in one walk, in a real browser and the Indonesian admin: a reporter's
draft, the desk's review, the story live, and the front page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from warta.news.factories import ArticlePageFactory, PersonFactory, SectionPageFactory
from warta.news.models import ArticlePage
from warta.newsroom import roles

from .helpers import staff

pytestmark = [
    pytest.mark.browser,
    # Transactional for the live server; serialized rollback restores the migrations' rows.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "x"  # noqa: S105 (what tests.helpers.staff gives every test user)
TITLE = "Warga Juwana gotong royong bersihkan sisa banjir rob"
LEAD = "Ratusan warga turun ke jalan membersihkan lumpur yang ditinggalkan air pasang."
BODY = "Kerja bakti dimulai sejak pukul enam pagi di Desa Bakaran Kulon."
SLUG = "warga-juwana-gotong-royong-bersihkan-sisa-banjir-rob"
STORY_PATH = f"/pati/{SLUG}/"


@pytest.fixture
def newsroom() -> dict:
    """Two sections with their desks, a reporter with a byline, the desk editor of Pati,
    the desk editor of Politik, and an older live story on the front page. Made before
    the browser starts: Playwright's event loop forbids ORM calls."""
    pati = SectionPageFactory(title="Pati", slug="pati")
    politik = SectionPageFactory(title="Politik", slug="politik")
    reporter = staff("rina", roles.REPORTER, person=False)
    PersonFactory(name="Rina Kartika", slug="rina-kartika", initials="rin", user=reporter)
    desk = staff("dedi", roles.DESK_EDITOR, pati, person=False)
    PersonFactory(name="Dedi Santoso", slug="dedi-santoso", initials="ds", user=desk)
    staff("oki", roles.DESK_EDITOR, politik)
    ArticlePageFactory(
        parent=politik,
        title="DPRD Pati sahkan APBD perubahan",
        published_at=timezone.now() - timedelta(hours=2),
    )
    return {"reporter": reporter, "desk": desk}


def sign_in(browser, base_url: str, username: str):
    """A new browser context (its own cookies) signed in at the admin's login form."""
    context = browser.new_context(locale="id-ID", viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(base_url + "/admin/")
    return page


def csrf_token(page) -> str:
    return next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")


def front_page(browser, base_url: str) -> dict:
    """The front page's headline and featured places as a new reader sees them (a fresh
    browser: a reader's own browser may keep the page for its max-age)."""
    page = browser.new_page()
    page.goto(base_url + "/")
    places = {
        "headline": page.locator(".headline .card__title").inner_text(),
        "featured": page.locator(".featured .card__title").all_inner_texts(),
    }
    page.context.close()
    return places


def walk_the_day(base_url: str, chromium_path: str, shots) -> dict:
    """Drive the admin as the newsroom does; returns what readers and the admin showed at
    each step (the ORM stays out of Playwright's event loop)."""
    from playwright.sync_api import sync_playwright

    seen = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, args=["--no-sandbox", "--disable-gpu"]
        )
        reader = playwright.request.new_context(base_url=base_url)
        page = None
        try:
            # The reporter writes the story and submits it for review.
            page = sign_in(browser, base_url, "rina")
            page.get_by_role("link", name="Tulis berita").first.click()
            page.get_by_role("link", name="Pati", exact=True).click()
            page.fill("#id_title", TITLE)
            page.fill("#id_summary", LEAD)
            page.locator("[data-contentpath='body'] button.c-sf-add-button").first.click()
            page.get_by_role("option", name="Paragraf").first.click()
            paragraph = page.locator("[data-contentpath='body'] [contenteditable=true]").first
            paragraph.click()
            paragraph.type(BODY)
            # Draftail copies the text into the form a moment after the last key.
            page.wait_for_function(
                "text => [...document.querySelectorAll('input[name^=body-]')]"
                ".some(input => input.value.includes(text))",
                arg="Bakaran Kulon",
            )
            page.get_by_role("button", name="Tindakan lainnya").click()
            page.get_by_role("button", name="Ajukan ke Tinjauan redaksi").click()
            page.wait_for_url("**/admin/pages/*/")
            seen["submitted"] = page.locator(".messages").inner_text()
            seen["draft"] = reader.get(STORY_PATH).status

            # The desk editor of Pati finds it in the review queue and opens it.
            desk = sign_in(browser, base_url, "dedi")
            queue = desk.get_by_role("region", name="Antrean tinjauan")
            queue.get_by_role("link", name=TITLE).click()
            desk.wait_for_url("**/admin/pages/*/edit/")
            approve_url = desk.locator(
                "[data-workflow-action-name=approve][data-workflow-action-modal-url]"
            ).get_attribute("data-workflow-action-modal-url")

            # The desk editor of Politik sees it queued, but may neither open nor approve it.
            page = sign_in(browser, base_url, "oki")
            queue = page.get_by_role("region", name="Antrean tinjauan")
            with page.expect_navigation():
                queue.get_by_role("link", name=TITLE).click()
            seen["other_opened"] = page.url
            seen["other_approve_buttons"] = page.get_by_role("button", name="Setujui").count()
            forced = page.request.post(
                base_url + approve_url.replace("/collect_action_data/", "/action/"),
                headers={"X-CSRFToken": csrf_token(page)},
                max_redirects=0,
            )
            seen["other_forced"] = forced.status
            seen["after_other"] = reader.get(STORY_PATH).status

            # The desk editor of Pati approves: the story goes live with its byline.
            page = desk
            page.get_by_role("button", name="Tindakan lainnya").click()
            page.get_by_role("button", name="Setujui dan publikasikan").click()
            page.wait_for_url("**/admin/pages/*/")
            live = reader.get(STORY_PATH)
            seen["live"], seen["live_html"] = live.status, live.text()
            seen["home_before"] = front_page(browser, base_url)

            # ...and puts it in the front page's first featured place.
            page.get_by_role("link", name="Halaman depan").click()
            page.get_by_role("button", name="Tambah berita pilihan").click()
            page.locator("[id$='-article-chooser'] .chooser__choose-button").first.click()
            modal = page.locator(".modal-dialog")
            modal.locator("input[name=q]").fill("gotong royong")
            modal.get_by_role("link", name=TITLE).click()
            page.wait_for_selector("[id$='-article-chooser']:not(.blank)")
            with page.expect_navigation():
                page.get_by_role("button", name="Simpan").click()
            seen["saved"] = page.locator(".messages").inner_text()
            seen["home_after"] = front_page(browser, base_url)
        except Exception:
            if page is not None:
                page.screenshot(path=shots / "failure.png", full_page=True)
            raise
        finally:
            reader.dispose()
            browser.close()
    return seen


def test_a_story_goes_from_a_reporters_draft_to_the_front_page(
    live_server, chromium_path, newsroom, tmp_path
):
    """A reporter's draft goes through its desk's review, live and onto the front page."""
    seen = walk_the_day(live_server.url, chromium_path, tmp_path)
    assert "diajukan" in seen["submitted"]
    assert seen["draft"] == 404
    # Another section's desk editor is turned away, and the story stays unpublished.
    assert "/edit/" not in seen["other_opened"]
    assert seen["other_approve_buttons"] == 0
    assert seen["other_forced"] in (302, 403)
    assert seen["after_other"] == 404
    # Approved by the desk of Pati: live, with the reporter's byline and the sign-off.
    assert seen["live"] == 200
    assert "Rina Kartika" in seen["live_html"]
    story = ArticlePage.objects.get(slug=SLUG)
    assert story.live
    assert [person.user for person in story.reporters] == [newsroom["reporter"]]
    assert story.editor.user == newsroom["desk"]
    # The newest story leads until the desk places it: then it is the first featured one.
    assert seen["home_before"]["headline"] == TITLE
    assert "diperbarui" in seen["saved"]
    assert seen["home_after"]["featured"][0] == TITLE
    assert seen["home_after"]["headline"] == "DPRD Pati sahkan APBD perubahan"
