"""What a change in the newsroom purges from the page cache, and work done at publication.

Every cached page is tagged with what it shows (see warta.core.pagecache):
`page:<id>` for each story on it, `list:...` for the lists it renders. A story's
publication purges every page showing it and every list it now belongs to;
a section or site-wide change purges everything, since the navigation is on
every page.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from warta.core import pagecache

from .blocks import BODY_IMAGE_SPEC
from .models import (
    CARD_IMAGE_SPEC,
    LEAD_IMAGE_SPEC,
    ArticlePage,
    HomePage,
    NewsroomSettings,
    Person,
    SectionPage,
)


def article_purge_tags(article: ArticlePage) -> set[str]:
    """Everything that shows `article` now, or lists stories like it."""
    tags = {f"page:{article.pk}", "list:home", pagecache.DEFAULT_TAG}
    # A "not found" page cached at its address before it was published.
    if url := article.get_url():
        tags |= {pagecache.path_tag(url), pagecache.path_tag(f"/en{url}")}
    tags |= {
        f"list:section:{pk}"
        for pk in SectionPage.objects.ancestor_of(article).values_list("pk", flat=True)
    }
    tags |= {f"list:tag:{slug}" for slug in article.tags.values_list("slug", flat=True)}
    tags |= {f"list:person:{person.pk}" for person in article.people}
    if article.is_breaking:
        tags.add("list:breaking")
    return tags


def purge_after_commit(*tags: str) -> None:
    transaction.on_commit(lambda: pagecache.purge(*tags))


def make_renditions(article: ArticlePage) -> None:
    """Renditions are made at publication, never while a reader waits for a page."""
    if article.main_image:
        article.main_image.get_renditions(LEAD_IMAGE_SPEC, CARD_IMAGE_SPEC)
    for image in article.body_images():
        image.get_renditions(BODY_IMAGE_SPEC)


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    page = instance.specific
    if isinstance(page, ArticlePage):
        if page.live:
            make_renditions(page)
        purge_after_commit(*article_purge_tags(page))
    elif isinstance(page, SectionPage | HomePage):
        purge_after_commit(pagecache.ALL_TAG)


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    page = instance.specific
    if isinstance(page, ArticlePage):
        purge_after_commit(*article_purge_tags(page))
    else:
        purge_after_commit(pagecache.ALL_TAG)


@receiver(pre_delete, sender=ArticlePage)
def article_deleted(sender, instance, **kwargs):
    # Computed before the rows go: the section and tags are still there to read.
    purge_after_commit(*article_purge_tags(instance))


@receiver(post_delete, sender=SectionPage)
def section_deleted(sender, instance, **kwargs):
    purge_after_commit(pagecache.ALL_TAG)


@receiver(post_save, sender=Person)
@receiver(post_delete, sender=Person)
def person_changed(sender, instance, **kwargs):
    purge_after_commit(f"person:{instance.pk}", f"list:person:{instance.pk}")


@receiver(post_save, sender=NewsroomSettings)
def newsroom_settings_changed(sender, instance, created, **kwargs):
    # The first page rendered on a new site creates the settings with their defaults,
    # which every page already shows; the admin saves changes as updates.
    if not created:
        purge_after_commit(pagecache.ALL_TAG)
