"""A reply made into its own story: written as a draft, published, linked both ways."""

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from warta.core.tests.test_pagecache import call, site_app  # noqa: F401 - a fixture
from warta.news.factories import SectionPageFactory
from warta.news.models import ArticlePage
from warta.newsroom import roles
from warta.newsroom.tests.helpers import staff
from warta.replies.models import ReplyStatus, ReplySubmission
from warta.replies.stories import make_reply_story

pytestmark = pytest.mark.django_db


@pytest.fixture
def submission(story) -> ReplySubmission:
    submission = ReplySubmission(
        story=story,
        story_title=story.title,
        name="Budi Santoso",
        contact="081234567890",
        text="Jalan itu sudah <diperbaiki> pada Mei.\n\nFotonya terlampir.",
    )
    submission.save_new()
    return submission


@pytest.fixture
def desk_editor(section):
    return staff("eko", roles.DESK_EDITOR, section)


def published_reply(submission, user) -> ArticlePage:
    page = make_reply_story(submission, user)
    page.save_revision(user=user).publish()
    return ArticlePage.objects.get(pk=page.pk)


def test_writing_the_reply_story_makes_a_draft_beside_the_story(client, submission, desk_editor):
    """The button makes a draft in the story's section, credited to the sender, and opens it."""
    client.force_login(desk_editor)
    response = client.post(reverse("replies_admin:make_story", args=[submission.pk]))
    page = ArticlePage.objects.get(slug=f"hak-jawab-{submission.reference.lower()}")
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live
    assert page.get_parent().pk == submission.story.get_parent().pk
    assert page.credit_line == "Budi Santoso"
    submission.refresh_from_db()
    assert submission.reply_page_id == page.pk
    assert submission.status == ReplyStatus.IN_PROGRESS


def test_reply_story_keeps_the_senders_text_as_text(submission, desk_editor):
    """The sender's "<" and ">" are escaped in the story's paragraphs."""
    page = make_reply_story(submission, desk_editor)
    assert "sudah &lt;diperbaiki&gt; pada Mei." in page.body.raw_data[0]["value"]
    assert len(page.body.raw_data) == 2


def test_desk_editor_of_another_section_cannot_write_the_reply_story(client, submission):
    """Only someone who may add stories in the story's section writes its reply story."""
    other = staff("dewi", roles.DESK_EDITOR, SectionPageFactory(title="Olahraga"))
    client.force_login(other)
    client.post(reverse("replies_admin:make_story", args=[submission.pk]))
    submission.refresh_from_db()
    assert submission.reply_page is None


def test_publishing_the_reply_story_marks_the_reply_published(submission, desk_editor):
    """The reply is "dimuat" once its story goes live."""
    published_reply(submission, desk_editor)
    submission.refresh_from_db()
    assert submission.status == ReplyStatus.PUBLISHED


def test_story_lists_its_published_replies_with_their_time(client, story, submission, desk_editor):
    """The story shows "Hak jawab atas berita ini" with the reply's link and publication time."""
    reply = published_reply(submission, desk_editor)
    html = client.get(story.url).content.decode()
    assert _("Right of reply to this story") in html
    assert f'href="{reply.url}"' in html
    assert timezone.localtime(reply.published_at).isoformat()[:16] in html


def test_draft_reply_story_is_not_listed(client, story, submission, desk_editor):
    """A reply story not yet published is not linked from the story."""
    make_reply_story(submission, desk_editor)
    assert _("Right of reply to this story") not in client.get(story.url).content.decode()


def test_reply_story_links_back_to_the_story(client, story, submission, desk_editor):
    """The reply's own page names and links the story it answers."""
    reply = published_reply(submission, desk_editor)
    html = client.get(reply.url).content.decode()
    assert _("This story is a right of reply to:") in html
    assert f'href="{story.url}"' in html


def test_every_story_links_to_the_form_with_itself_chosen(client, story):
    """ "Ajukan hak jawab" on a story opens the form with the story filled in."""
    html = client.get(story.url).content.decode()
    assert f'href="/hak-jawab/?story={story.pk}"' in html
    assert _("Submit a right of reply") in html


def test_cached_story_is_purged_when_its_reply_goes_live(
    site_app,  # noqa: F811
    story,
    submission,
    desk_editor,
    django_capture_on_commit_callbacks,
):
    """The page cache drops the story when its reply is published, so readers see the link."""
    assert call(site_app, story.url).cache == "HIT" or call(site_app, story.url).cache == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        reply = published_reply(submission, desk_editor)
    again = call(site_app, story.url)
    assert again.cache == "MISS"
    assert reply.url in again.text


def test_deleting_the_reply_story_returns_the_reply_to_in_progress(
    client, story, submission, desk_editor
):
    """A deleted reply story is no longer linked, and the reply is "diproses" again."""
    reply = published_reply(submission, desk_editor)
    client.get(story.url)  # the worker keeps the links
    reply.delete()
    submission.refresh_from_db()
    assert submission.status == ReplyStatus.IN_PROGRESS
    assert _("Right of reply to this story") not in client.get(story.url).content.decode()
