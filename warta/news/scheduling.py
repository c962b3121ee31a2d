"""Scheduled changes to published content: a go-live time, an expiry, a breaking story's end.

Wagtail keeps the times (a revision's `approved_go_live_at`, a page's `expire_at`) and its
`publish_scheduled` command acts on whatever is due when someone runs it. Warta runs no
such loop: each moment is a task queued in the database for that moment (`tasks.py`),
which the worker beside `warta serve` runs within its polling interval. The task does
for one page what is due then, with Wagtail's own publishing and unpublishing, whose
signals purge the page cache (`signals.py`); it does nothing when nothing is due, so a
task left at a time the editor changed or cancelled is harmless.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, Revision

from warta.core import generation, pagecache

from .models import ArticlePage

# What `apply_due_changes` reports it did.
PUBLISHED, EXPIRED, BREAKING_ENDED = "published", "expired", "breaking-ended"


def page_revisions() -> Q:
    """Revisions of pages, as opposed to those of snippets."""
    return Q(base_content_type=ContentType.objects.get_for_model(Page))


def is_page_revision(revision: Revision) -> bool:
    return revision.base_content_type_id == ContentType.objects.get_for_model(Page).pk


def apply_due_changes(page_id: int) -> list[str]:
    """Do what is due for the page now, as Wagtail's `publish_scheduled` would: unpublish
    it if its expiry has passed, publish a revision whose go-live time has come, and
    purge the pages showing it if its breaking period has just ended.

    Safe to run any number of times and from several workers at once: the page's row is
    locked while it runs (SQLite takes the database's write lock), and what was done is
    no longer due.
    """
    now = timezone.now()
    done = []
    with transaction.atomic():
        page = Page.objects.select_for_update().filter(pk=page_id).first()
        if page is None:
            return done
        page = page.specific
        if page.live and page.expire_at and page.expire_at <= now:
            page.unpublish(set_expired=True, log_action="wagtail.unpublish.scheduled")
            done.append(EXPIRED)
        due = Revision.objects.filter(
            page_revisions(), object_id=str(page_id), approved_go_live_at__lte=now
        )
        for revision in due.order_by("approved_go_live_at"):
            revision.publish(log_action="wagtail.publish.scheduled")
            done.append(PUBLISHED)
        if PUBLISHED in done:
            page = Page.objects.get(pk=page_id).specific
        if isinstance(page, ArticlePage) and breaking_just_ended(page, now):
            breaking_ended(page)
            done.append(BREAKING_ENDED)
    return done


def breaking_just_ended(article: ArticlePage, now: datetime) -> bool:
    return bool(
        article.live
        and article.is_breaking
        and article.breaking_until
        and article.breaking_until <= now
    )


def breaking_ended(article: ArticlePage) -> None:
    """The ticker on every reader page drops the story now: the pages that show it go.

    Nothing in the database changes at that moment, so no publication purges them.
    """
    generation.bump()
    tags = ("list:breaking", f"page:{article.pk}")
    transaction.on_commit(lambda: pagecache.purge(*tags))


def moments_of_page(page: Page, now: datetime) -> set[datetime]:
    """The moments a saved page is due a change: its expiry while live, and the end of
    its breaking period while that is still ahead."""
    moments = set()
    if page.live and page.expire_at:
        moments.add(page.expire_at)
    breaking = isinstance(page, ArticlePage) and page.live and page.is_breaking
    if breaking and page.breaking_until and page.breaking_until > now:
        moments.add(page.breaking_until)
    return moments


def scheduled_changes() -> set[tuple[int, datetime]]:
    """Every (page id, moment) scheduled now: go-live times of revisions, expiries of
    live pages, ends of breaking periods still ahead."""
    now = timezone.now()
    changes = {
        (int(object_id), moment)
        for object_id, moment in Revision.objects.filter(
            page_revisions(), approved_go_live_at__isnull=False
        ).values_list("object_id", "approved_go_live_at")
    }
    changes |= set(
        Page.objects.live().filter(expire_at__isnull=False).values_list("pk", "expire_at")
    )
    changes |= set(
        ArticlePage.objects.live()
        .filter(is_breaking=True, breaking_until__gt=now)
        .values_list("pk", "breaking_until")
    )
    return changes
