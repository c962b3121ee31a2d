"""A new story's first autosave and a button pressed while it is under way, in a browser."""

import pytest
from django.test import Client

from warta.news.factories import SectionPageFactory
from warta.news.models import ArticlePage

pytestmark = [
    pytest.mark.browser,
    # Transactional for the live server; serialized rollback restores the migrations' home page.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Jembatan Kedungpane ambrol diterjang arus"


@pytest.fixture
def add_url(django_user_model) -> dict:
    """The article form's address in a section, and a redaktur's session."""
    section = SectionPageFactory(title="Pati", slug="pati")
    user = django_user_model.objects.create_superuser("redaktur", "redaktur@warta.test", "x")
    client = Client()
    client.force_login(user)
    return {
        "url": f"/admin/pages/add/news/articlepage/{section.pk}/",
        "session": client.cookies["sessionid"].value,
    }


def publish_during_first_autosave(base_url: str, chromium_path: str, add_url: dict) -> dict:
    """Write a story, hold the autosave's answer (the server has made the page by then),
    press "Publikasikan", then let the answer through; returns where the browser ended."""
    from playwright.sync_api import sync_playwright

    held = []

    def hold_autosave(route, request):
        if request.method == "POST" and "application/json" in request.headers.get("accept", ""):
            held.append((route, route.fetch()))
        else:
            route.continue_()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, args=["--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context(locale="id-ID", viewport={"width": 1400, "height": 1000})
        context.add_cookies([{"name": "sessionid", "value": add_url["session"], "url": base_url}])
        page = context.new_page()
        page.set_default_timeout(15_000)
        try:
            page.route("**" + add_url["url"], hold_autosave)
            page.add_init_script(
                "document.addEventListener('w-unsaved:watch-edits',"
                " () => { window.wartaWatching = true; })"
            )
            page.goto(base_url + add_url["url"])
            # The form notes its first state two seconds in; edits made before that are
            # part of it and start no autosave.
            page.wait_for_function("window.wartaWatching === true")
            page.fill("#id_title", TITLE)
            page.fill("#id_summary", "Warga memutar sejauh lima kilometer.")
            page.locator("[data-contentpath='body'] button.c-sf-add-button").first.click()
            page.get_by_role("option", name="Paragraf").first.click()
            paragraph = page.locator("[data-contentpath='body'] [contenteditable=true]").first
            paragraph.click()
            paragraph.type("Arus Sungai Juwana menggerus fondasi jembatan.")
            for _attempt in range(200):  # the autosave starts two seconds in, or later
                if held:
                    break
                page.wait_for_timeout(100)
            assert held, "the form was not autosaved"
            page.locator("button[name='action-publish']").click()
            route, answer = held[0]
            route.fulfill(response=answer)
            page.wait_for_load_state()
            page.wait_for_url("**/admin/pages/*/")
            ended = {"url": page.url, "message": page.locator(".messages").inner_text()}
        finally:
            browser.close()
    return {"held": len(held), **ended}


def test_a_button_pressed_during_the_first_autosave_acts_on_the_saved_story(
    live_server, chromium_path, add_url
):
    """Publishing while the first autosave is under way publishes the one story it made."""
    ended = publish_during_first_autosave(live_server.url, chromium_path, add_url)
    assert ended["held"] >= 1
    assert "dipublikasikan" in ended["message"], ended["message"]
    stories = ArticlePage.objects.filter(title=TITLE)
    assert [story.live for story in stories] == [True]
