"""Story lists marked as changed as stories change (see `StoryList`, which recounts them).

A reader's request must not count or date the whole archive: at 100,000 stories a
section's page count, the tags sitemap or the sitemap index would read every story.
Instead a change to a story marks the lists it is on (its sections, tags, people and
id block) as changed, dated now: one statement, whatever the change. The first reader
to need a marked list recounts that list alone (`StoryList.recounted`, `settle`), and
records which change its count reflects, so a change made while it counted leaves the
list marked for the next.

A change of sites or view restrictions, or a moved section, marks every list; bulk
loaders that bypass model signals call `rebuild()` when they are done.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from wagtail.models import Page

from .models import ArticlePage, ArticlePageTag, ArticleReporter, SectionPage, StoryList

Kind = StoryList.Kind
ListKey = tuple[int, str, int]  # (site root page id, kind, key)
site_roots = StoryList.site_roots


def block_of(story_id: int) -> int:
    return (story_id - 1) // StoryList.BLOCK_SIZE + 1


def lists_of(story: ArticlePage, roots: dict[int, str] | None = None) -> set[ListKey]:
    """Every list the story is on now, as the database has it."""
    roots = site_roots() if roots is None else roots
    lists: set[ListKey] = set()
    own_root = next((pk for pk, path in roots.items() if story.path.startswith(path)), None)
    if own_root is not None:
        sections = SectionPage.objects.ancestor_of(story).values_list("pk", flat=True)
        lists |= {(own_root, Kind.SECTION, pk) for pk in sections}
    tags = set(ArticlePageTag.objects.filter(content_object=story).values_list("tag", flat=True))
    people = set(ArticleReporter.objects.filter(page=story).values_list("person", flat=True))
    if story.editor_id:
        people.add(story.editor_id)
    # Every site's lists, not only its own: a story moved to another site leaves them.
    for root in roots:
        lists |= {(root, Kind.TAG, tag) for tag in tags}
        lists |= {(root, Kind.PERSON, person) for person in people}
        lists.add((root, Kind.BLOCK, block_of(story.pk)))
    return lists


def sections_above(page: Page, roots: dict[int, str] | None = None) -> set[ListKey]:
    """The sections a story placed under `page` is in (`page` itself included)."""
    roots = site_roots() if roots is None else roots
    root = next((pk for pk, path in roots.items() if page.path.startswith(path)), None)
    if root is None:
        return set()
    sections = SectionPage.objects.ancestor_of(page, inclusive=True).values_list("pk", flat=True)
    return {(root, Kind.SECTION, pk) for pk in sections}


def every_list(roots: dict[int, str]) -> set[ListKey]:
    """Every list that can hold a story, for a rebuild."""
    lists: set[ListKey] = set()
    tags = set(ArticlePageTag.objects.values_list("tag", flat=True).distinct())
    people = set(ArticleReporter.objects.values_list("person", flat=True).distinct())
    people |= set(
        ArticlePage.objects.filter(editor__isnull=False).values_list("editor", flat=True).distinct()
    )
    highest = ArticlePage.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    for root, path in roots.items():
        sections = SectionPage.objects.filter(path__startswith=path).values_list("pk", flat=True)
        lists |= {(root, Kind.SECTION, pk) for pk in sections}
        lists |= {(root, Kind.TAG, tag) for tag in tags}
        lists |= {(root, Kind.PERSON, person) for person in people}
        lists |= {(root, Kind.BLOCK, block) for block in range(1, block_of(highest) + 1)}
    return lists


def settle(lists: QuerySet) -> None:
    """Recount those of `lists` that changes have marked."""
    marked = list(lists.filter(changes__gt=F("counted")))
    if marked:
        roots = site_roots()
        for row in marked:
            row.recounted(ArticlePage.objects, roots)


def story_changed(lists: Iterable[ListKey]) -> None:
    """Mark `lists` as changed now: their next reader recounts them."""
    lists = set(lists)
    if not lists:
        return
    now = timezone.now()
    StoryList.objects.bulk_create(
        [StoryList(site_root_id=r, kind=k, key=key, changed_at=now) for r, k, key in lists],
        ignore_conflicts=True,
    )
    which = Q(pk__in=[])
    for root, kind, key in lists:
        which |= Q(site_root_id=root, kind=kind, key=key)
    StoryList.objects.filter(which).update(changed_at=now, changes=F("changes") + 1)


def everything_changed() -> None:
    """Any list may have gained or lost stories (a move, a bulk load): mark them all, those
    new included; each is recounted when it is next read."""
    now = timezone.now()
    StoryList.objects.bulk_create(
        [
            StoryList(site_root_id=root, kind=kind, key=key, changed_at=now)
            for root, kind, key in every_list(site_roots())
        ],
        ignore_conflicts=True,
    )
    StoryList.objects.update(changed_at=now, changes=F("changes") + 1)


def rebuild() -> None:
    """Count and date every list from scratch, after a bulk load."""
    roots = site_roots()
    rows = []
    for root, kind, key in every_list(roots):
        row = StoryList(site_root_id=root, kind=kind, key=key)
        row.story_count, newest = row.count_now(ArticlePage.objects, roots)
        if row.story_count:
            row.changed_at, row.counted = newest or timezone.now(), row.changes
            rows.append(row)
    with transaction.atomic():
        StoryList.objects.all().delete()
        StoryList.objects.bulk_create(rows)
