"""A reader sends a hak jawab from a story in Chromium and gets a reference number."""

import re

import pytest

from warta.news.tests.test_browser import browser_page  # noqa: F401 - a fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def story_url(story) -> str:
    """Read before the browser starts: Playwright's event loop forbids ORM calls."""
    return story.url


def test_reader_sends_a_reply_from_the_story(live_server, story_url, browser_page):  # noqa: F811
    """From the story's link to the thank-you page: the form is filled in, the reference shown."""
    page = browser_page
    page.goto(live_server.url + story_url)
    page.locator(".story-reply-link a").click()
    assert page.locator("#id_story").input_value().endswith(story_url)
    page.fill("#id_name", "Budi Santoso")
    page.fill("#id_contact", "0812 3456 7890")
    page.fill("#id_text", "Jalan desa itu sudah diperbaiki pada bulan Mei lalu.")
    page.locator(".reply-form button[type=submit]").click()
    reference = page.locator(".reply-reference").inner_text()
    assert re.fullmatch(r"HJ-\d{4}-\d{6}", reference)
    assert not page.errors
