"""Which stories answer which: the links between a story and its published replies, as a
reader page shows them, kept by each worker until content changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.utils import translation

from warta.core import generation

from .models import ReplySubmission


@dataclass(frozen=True)
class StoryLink:
    title: str
    url: str
    published_at: datetime | None


@dataclass
class ReplyLinks:
    """For each story, its published replies (oldest first); for each reply, its story."""

    replies: dict[int, list[StoryLink]] = field(default_factory=dict)
    answered: dict[int, StoryLink] = field(default_factory=dict)


def link(page, request) -> StoryLink:
    return StoryLink(page.title, page.get_url(request) or "", page.published_at)


def reply_links(request) -> ReplyLinks:
    """Every published reply with its story, from one query per worker and content
    generation: replies are few, and a reader page then asks nothing of its own."""

    def compute() -> ReplyLinks:
        found = ReplyLinks()
        submissions = (
            ReplySubmission.objects.published()
            .filter(story__live=True)
            .select_related("story", "reply_page")
            .order_by("reply_page__published_at", "pk")
        )
        for submission in submissions:
            story, reply = submission.story, submission.reply_page
            found.replies.setdefault(story.pk, []).append(link(reply, request))
            found.answered[reply.pk] = link(story, request)
        return found

    return generation.kept(request, ("reply-links", translation.get_language()), compute)
