"""The demo shows a published hak jawab, linked from the story it answers."""

import pytest
from django.utils.translation import gettext as _

from warta.replies.models import ReplyStatus, ReplySubmission

pytestmark = pytest.mark.django_db


def test_demo_story_links_its_published_reply(client, demo):
    """The demo's answered story lists its reply, which is live and links back."""
    submission = ReplySubmission.objects.get(status=ReplyStatus.PUBLISHED)
    story_html = client.get(submission.story.url).content.decode()
    assert _("Right of reply to this story") in story_html
    assert f'href="{submission.reply_page.url}"' in story_html
    reply = client.get(submission.reply_page.url)
    assert reply.status_code == 200
    assert f'href="{submission.story.url}"' in reply.content.decode()
