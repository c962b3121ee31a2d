"""Saved publisher settings change what every page says in its <head>."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from warta.core import pagecache
from warta.news.signals import purge_after_commit

from .models import PublisherSettings


@receiver([post_save, post_delete], sender=PublisherSettings)
def publisher_settings_changed(sender, instance: PublisherSettings, created=False, **kwargs):
    # The first page rendered on a new site creates the settings with their defaults,
    # which every page already shows; the admin saves changes as updates.
    if not created:
        purge_after_commit(pagecache.ALL_TAG)
