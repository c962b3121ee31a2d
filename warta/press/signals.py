"""What a correction or a retraction changes on the reader pages, and when.

A correction saved or deleted changes its story's page (its "Ralat" block and update
time), the lists that print the story's update time, /ralat/ and its feed: those are
purged and the content generation moves on (warta.news.signals). A retraction purges
by unpublishing the story; a retracted story published again is no longer retracted.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from warta.news.models import ArticlePage
from warta.news.signals import article_purge_tags, purge_after_commit

from .corrections import follow_newest_correction
from .models import Correction
from .retractions import lift_after_publication


@receiver([post_save, post_delete], sender=Correction)
def correction_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    follow_newest_correction(instance.article_id)
    article = ArticlePage.objects.filter(pk=instance.article_id).first()
    tags = {"list:corrections", f"page:{instance.article_id}"}
    if article is not None:
        tags |= article_purge_tags(article)
    purge_after_commit(*tags)


@receiver(page_published, sender=ArticlePage)
def article_published(sender, instance, **kwargs):
    """A draft published after a correction carries the older update time: bring it
    forward again. A retracted story published again is retracted no more."""
    moved = follow_newest_correction(instance.pk)
    lifted = lift_after_publication(instance)
    if moved or lifted:
        purge_after_commit("list:corrections", *article_purge_tags(instance))
