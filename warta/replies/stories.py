"""A reply made into a story of its own: a draft in the section of the story it answers,
for the desk editor to edit and publish through the usual review (see signals.py for what
its publication does)."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

from warta.news.models import ArticlePage

from .models import ReplyStatus, ReplySubmission


def reply_body(text: str) -> list[tuple[str, str]]:
    """The sender's text as paragraphs (blank lines part them, single breaks stay), escaped."""
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n")]
    return [
        ("paragraph", "<p>" + "<br/>".join(escape(line) for line in part.splitlines()) + "</p>")
        for part in paragraphs
        if part
    ]


def can_make_reply_story(submission: ReplySubmission, user) -> bool:
    """Whether `user` may write the reply story: the answered story is still there, and the
    user may publish in its section (its desk), as they will publish the reply there."""
    story = submission.story
    if story is None or submission.reply_page_id:
        return False
    return story.get_parent().permissions_for_user(user).can_publish_subpage()


@transaction.atomic
def make_reply_story(submission: ReplySubmission, user) -> ArticlePage:
    """Write the reply as a draft story beside the story it answers, credited to the sender."""
    story = submission.story
    section = story.get_parent().specific
    with translation.override(settings.LANGUAGE_CODE):
        title = _("Right of reply from %(name)s to “%(title)s”") % {
            "name": submission.name,
            "title": story.title,
        }
        summary = _("%(name)s replies to the story “%(title)s”.") % {
            "name": submission.name,
            "title": story.title,
        }
    page = ArticlePage(
        title=title[:255],
        slug=slugify(f"hak-jawab-{submission.reference}"),
        summary=summary[:400],
        dateline=story.dateline,
        credit_line=submission.name[:120],
        body=reply_body(submission.text),
        live=False,
        owner=user,
    )
    section.add_child(instance=page)
    page.tags.set(story.tag_list)
    page.save_revision(user=user, log_action=True)
    submission.reply_page = page
    submission.status = ReplyStatus.IN_PROGRESS
    submission.save(update_fields=["reply_page", "status"])
    return page
