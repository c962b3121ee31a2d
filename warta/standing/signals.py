"""What a change to a standing page, the press company or the people purges.

Every reader page shows the footer's links to the standing pages, so publishing,
unpublishing or deleting one purges every cached page (a moved one too:
warta.news.signals purges everything for any page but a story). Standing pages change
rarely; telling a change of the body from one of the title or the footer flag is not
worth a second rule. The press company's data and the editorial board appear only on
the Redaksi page, which carries their tags (models.PRESS_TAG, board.BOARD_TAG).
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from warta.core import pagecache
from warta.news.models import Person
from warta.news.signals import purge_after_commit

from .board import BOARD_TAG
from .models import PRESS_TAG, PressSettings, RedaksiPage, StandingPage


@receiver(page_published, sender=StandingPage)
@receiver(page_published, sender=RedaksiPage)
@receiver(page_unpublished, sender=StandingPage)
@receiver(page_unpublished, sender=RedaksiPage)
@receiver(post_delete, sender=StandingPage)
def standing_page_changed(sender, **kwargs):
    """The footer of every page may name the page: every cached page goes."""
    purge_after_commit(pagecache.ALL_TAG)


@receiver([post_save, post_delete], sender=PressSettings)
def press_settings_changed(sender, created=False, raw=False, **kwargs):
    # The first Redaksi page rendered on a new site creates the settings empty, as shown.
    if not created and not raw:
        purge_after_commit(PRESS_TAG)


@receiver([post_save, post_delete], sender=Person)
def person_changed(sender, raw=False, **kwargs):
    """A new, renamed or removed person changes the board."""
    if not raw:
        purge_after_commit(BOARD_TAG)


@receiver(m2m_changed, sender=get_user_model().groups.through)
def roles_changed(sender, action, **kwargs):
    """Someone given or taken a role or a desk moves on the board."""
    if action in ("post_add", "post_remove", "post_clear"):
        purge_after_commit(BOARD_TAG)
