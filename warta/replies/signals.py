"""A reply story going live (or leaving): its submission's status follows, and the story it
answers is purged from the page cache, since it lists its replies."""

from django.db.models.signals import post_delete, pre_delete
from wagtail.signals import page_published, page_unpublished

from warta.news.models import ArticlePage
from warta.news.signals import purge_after_commit

from .models import ReplyStatus, ReplySubmission


def reply_published(sender, instance, **kwargs) -> None:
    for submission in ReplySubmission.objects.filter(reply_page_id=instance.pk):
        if submission.status != ReplyStatus.PUBLISHED:
            submission.status = ReplyStatus.PUBLISHED
            submission.save(update_fields=["status"])
        if submission.story_id:
            purge_after_commit(f"page:{submission.story_id}")


def reply_unpublished(sender, instance, **kwargs) -> None:
    """Unpublished or deleted, the reply story no longer answers the story: back to
    "diproses", and the story's link to it goes."""
    for submission in ReplySubmission.objects.filter(reply_page_id=instance.pk):
        if submission.status == ReplyStatus.PUBLISHED:
            submission.status = ReplyStatus.IN_PROGRESS
            submission.save(update_fields=["status"])
        if submission.story_id:
            purge_after_commit(f"page:{submission.story_id}")


def attachment_deleted(sender, instance, **kwargs) -> None:
    """A deleted reply takes its attachment with it."""
    if instance.attachment:
        instance.attachment.delete(save=False)


def connect() -> None:
    page_published.connect(reply_published, sender=ArticlePage)
    page_unpublished.connect(reply_unpublished, sender=ArticlePage)
    pre_delete.connect(reply_unpublished, sender=ArticlePage)
    post_delete.connect(attachment_deleted, sender=ReplySubmission)
