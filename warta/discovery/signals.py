"""Keep the cached publisher settings in step with what editors save."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import PublisherSettings


@receiver([post_save, post_delete], sender=PublisherSettings)
def forget_cached_publisher_settings(sender, instance: PublisherSettings, **kwargs) -> None:
    cache.delete(PublisherSettings.cache_key(instance.site_id))
