"""Receivers of the site-wide pieces, connected by CoreConfig.ready()."""

from django.core.signals import setting_changed
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Site

from . import caches
from .compat.wagtail import forget_sites

# Settings what a worker keeps depends on: the URL patterns, number and date formats,
# the address uploads are served from. They change only in tests.
KEPT_FROM_SETTINGS = frozenset(
    {
        "ROOT_URLCONF",
        "NUMBER_GROUPING",
        "THOUSAND_SEPARATOR",
        "FORMAT_MODULE_PATH",
        "LANGUAGES",
        "MEDIA_URL",
        "STATIC_URL",
        "TIME_ZONE",
    }
)


@receiver(setting_changed)
def forget_what_settings_made(*, setting, **kwargs) -> None:
    if setting in KEPT_FROM_SETTINGS:
        caches.reset()


@receiver([post_save, post_delete], sender=Site)
def site_changed(sender, **kwargs) -> None:
    forget_sites()
