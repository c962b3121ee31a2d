"""What a change in the newsroom purges from the page cache, and work done at publication.

Every cached page is tagged with what it shows (see warta.core.pagecache):
`page:<id>` for each story on it, `list:...` for the lists it renders. A story's
publication purges every page showing it and every list it now belongs to;
a section or site-wide change purges everything, since the navigation is on
every page. Every such change is also a new content generation, which retires what
the workers keep (warta.core.generation).

The receivers are connected by the app's `ready()` (apps.py): those decorated here
when this module is imported, `connect_page_saves` for every page model.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.utils import timezone
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction, Revision, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from warta.core import generation, pagecache
from warta.images.specs import BODY_IMAGE_SPEC, CARD_IMAGE_SPEC, LEAD_IMAGE_SPEC

from . import scheduling, story_lists, tasks
from .models import (
    ArticlePage,
    ArticlePageTag,
    ArticleReporter,
    FrontPageLayout,
    FrontPageSlot,
    HomePage,
    NewsroomSettings,
    Person,
    SectionPage,
    StoryList,
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
    """Published content changed: what workers keep goes now, cached pages at the commit."""
    generation.bump()
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


@receiver([post_save, post_delete], sender=FrontPageLayout)
@receiver([post_save, post_delete], sender=FrontPageSlot)
def front_page_arranged(sender, raw=False, **kwargs):
    """A redaktur arranged the front page: the home page shows it at once. (A chosen
    story's "until" time caps the home page's time in the cache, HomePage.get_context.)"""
    if not raw:
        purge_after_commit("list:home")


def page_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    """A live page saved outside publication (code, fixtures) may change the navigation or
    the ticker as much as a publication does; a draft's save changes neither."""
    if not raw and (update_fields is None or "live" in update_fields):
        generation.bump()


def connect_page_saves() -> None:
    for model in get_page_models():
        post_save.connect(
            page_saved, sender=model, dispatch_uid=f"warta-page-saved-{model._meta.label}"
        )
        post_save.connect(
            queue_page_changes, sender=model, dispatch_uid=f"warta-schedule-{model._meta.label}"
        )


@receiver([post_save, post_delete], sender=get_image_model())
@receiver(post_delete, sender=get_image_model().get_rendition_model())
def image_changed(sender, raw=False, **kwargs):
    """Story cards kept by the workers show renditions: an edited image, or a new crop of
    it (its old renditions are deleted), must reach them."""
    if not raw:
        generation.bump()


# Story lists (story_lists.py): marked as changed whenever a story, its tags or its credits
# change; their next reader recounts them.


@receiver(pre_save, sender=ArticlePage)
def remember_editor(sender, instance, update_fields=None, raw=False, **kwargs):
    """A change of editor takes the story off the previous editor's list too."""
    if raw or instance.pk is None or (update_fields is not None and "editor" not in update_fields):
        return
    instance.editor_before_save = (
        ArticlePage.objects.filter(pk=instance.pk).values_list("editor", flat=True).first()
    )


# A save limited to other fields (a draft's revision pointer, say) moves no story.
LIST_FIELDS = frozenset({"live", "path", "editor", "published_at", "last_published_at"})


@receiver(post_save, sender=ArticlePage)
def article_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or (update_fields is not None and not LIST_FIELDS & set(update_fields)):
        return
    lists = story_lists.lists_of(instance)
    if editor_before := getattr(instance, "editor_before_save", None):
        lists |= {(root, StoryList.Kind.PERSON, editor_before) for root in story_lists.site_roots()}
    story_lists.story_changed(lists)


@receiver(page_published, sender=ArticlePage)
def article_published(sender, instance, **kwargs):
    # Publishing saves the page before its tags and bylines: count them now they are in.
    story_lists.story_changed(story_lists.lists_of(instance))


@receiver(post_page_move)
def story_lists_after_move(sender, instance, parent_page_before, **kwargs):
    page = instance.specific
    if isinstance(page, ArticlePage):
        story_lists.story_changed(
            story_lists.lists_of(page) | story_lists.sections_above(parent_page_before)
        )
    else:  # a section takes all its stories along
        story_lists.everything_changed()


@receiver(pre_delete, sender=ArticlePage)
def remember_lists(sender, instance, **kwargs):
    instance.lists_before_delete = story_lists.lists_of(instance)


@receiver(post_delete, sender=ArticlePage)
def article_gone(sender, instance, **kwargs):
    story_lists.story_changed(getattr(instance, "lists_before_delete", set()))


@receiver(post_save, sender=ArticlePageTag)
@receiver(post_delete, sender=ArticlePageTag)
def tagging_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        roots = story_lists.site_roots()
        story_lists.story_changed({(root, StoryList.Kind.TAG, instance.tag_id) for root in roots})


@receiver(post_save, sender=ArticleReporter)
@receiver(post_delete, sender=ArticleReporter)
def byline_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        roots = story_lists.site_roots()
        lists = {(root, StoryList.Kind.PERSON, instance.person_id) for root in roots}
        story_lists.story_changed(lists)


@receiver(post_delete, sender=Tag)
def tag_gone(sender, instance, **kwargs):
    StoryList.objects.filter(kind=StoryList.Kind.TAG, key=instance.pk).delete()


@receiver(post_delete, sender=Person)
def person_gone(sender, instance, **kwargs):
    StoryList.objects.filter(kind=StoryList.Kind.PERSON, key=instance.pk).delete()


@receiver([post_save, post_delete], sender=PageViewRestriction)
@receiver([post_save, post_delete], sender=Site)
def public_stories_changed(sender, raw=False, **kwargs):
    """Restrictions and sites decide which stories each site lists publicly, and sites
    what navigation each shows."""
    if not raw:
        story_lists.everything_changed()
        purge_after_commit(pagecache.ALL_TAG)


def count_story_lists(using="default", **kwargs) -> None:
    """After migrating: count the story lists of stories there before lists were kept."""
    if not StoryList.objects.using(using).exists() and ArticlePage.objects.using(using).exists():
        story_lists.rebuild()


# Scheduled changes (scheduling.py): each moment queued as a task in the saving transaction.

SCHEDULE_FIELDS = frozenset({"live", "expire_at", "is_breaking", "breaking_until"})


def queue_page_changes(sender, instance, update_fields=None, raw=False, **kwargs):
    """A live page's expiry, or the end of an article's breaking period, is queued."""
    if raw or (update_fields is not None and not SCHEDULE_FIELDS & set(update_fields)):
        return
    for moment in scheduling.moments_of_page(instance, timezone.now()):
        tasks.queue_change(instance.pk, moment)


@receiver(post_save, sender=Revision)
def queue_go_live(sender, instance, raw=False, **kwargs):
    """A revision scheduled for publication (Wagtail's approved go-live time) is queued."""
    if not raw and instance.approved_go_live_at and scheduling.is_page_revision(instance):
        tasks.queue_change(int(instance.object_id), instance.approved_go_live_at)
