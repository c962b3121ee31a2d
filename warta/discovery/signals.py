"""Saved publisher settings change what every page says in its <head>; a new or deleted
rendition changes the size of its file."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.images import get_image_model

from warta.core import pagecache
from warta.news.signals import purge_after_commit

from .images import forget_file_size
from .models import PublisherSettings


@receiver([post_save, post_delete], sender=PublisherSettings)
def publisher_settings_changed(sender, instance: PublisherSettings, created=False, **kwargs):
    # The first page rendered on a new site creates the settings with their defaults,
    # which every page already shows; the admin saves changes as updates.
    if not created:
        purge_after_commit(pagecache.ALL_TAG)


@receiver([post_save, post_delete], sender=get_image_model().get_rendition_model())
def rendition_changed(sender, instance, raw=False, **kwargs) -> None:
    forget_file_size(instance)
