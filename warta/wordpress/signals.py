"""A redirect an editor makes, or an old address changed by hand, replaces the 301 the page
cache may keep for that address (warta.wordpress.middleware): the kept 301s go after the
commit. `addresses.keep` purges the same way for what an import stores."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.redirects.models import Redirect

from warta.core import pagecache

from . import addresses
from .models import OldAddress


@receiver([post_save, post_delete], sender=Redirect)
@receiver([post_save, post_delete], sender=OldAddress)
def forget_kept_redirects(sender, **kwargs) -> None:
    transaction.on_commit(lambda: pagecache.purge(addresses.CACHE_TAG))
