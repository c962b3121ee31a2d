"""Story lists kept counted and dated as stories change (see `StoryList`).

A reader's request must not count or date the whole archive: at 100,000 stories a
section's page count, the tags sitemap or the sitemap index would read every story.
Instead a change to a story marks the lists it is on (its sections, tags, people and
id block) as changed, dated now: one statement, whatever the change. The first reader
to need a marked list recounts that list alone (`settle`), and records which change its
count reflects, so a change made while it counted leaves the list marked for the next.

A change of sites or view restrictions, or a moved section, marks every list; bulk
loaders that bypass model signals call `rebuild()` when they are done.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.db.models import Count, Exists, F, Max, OuterRef, Q, QuerySet
from django.utils import timezone
from wagtail.models import Page, Site

from .models import ArticlePage, ArticlePageTag, ArticleReporter, SectionPage, StoryList

Kind = StoryList.Kind
ListKey = tuple[int, str, int]  # (site root page id, kind, key)

# Story ids per block: one sitemap file each, at most the protocol's 50,000 URLs.
# Cut by id, a story never moves to another file as others come and go.
BLOCK_SIZE = 50_000


def block_of(story_id: int) -> int:
    return (story_id - 1) // BLOCK_SIZE + 1


def block_ids(block: int) -> tuple[int, int]:
    """The first and last story id of a block."""
    return (block - 1) * BLOCK_SIZE + 1, block * BLOCK_SIZE


def site_roots() -> dict[int, str]:
    """Tree path of each site's root page, by the root's id."""
    return dict(Site.objects.values_list("root_page_id", "root_page__path"))


def stories_in(root_path: str, kind: str, key: int, section_path: str = "") -> QuerySet:
    """The live stories a list holds: what its page, or its sitemap, shows."""
    if kind == Kind.SECTION:
        # As the section page lists them: a restricted section is restricted as a whole.
        return ArticlePage.objects.live().filter(path__startswith=section_path)
    public = ArticlePage.objects.live().public().filter(path__startswith=root_path)
    if kind == Kind.TAG:
        return public.filter(tagged_items__tag_id=key)
    if kind == Kind.PERSON:
        as_reporter = ArticleReporter.objects.filter(page=OuterRef("pk"), person_id=key)
        return public.filter(Q(Exists(as_reporter)) | Q(editor_id=key))
    if kind == Kind.BLOCK:
        first, last = block_ids(key)
        return public.filter(pk__gte=first, pk__lte=last)
    raise ValueError(f"unknown kind of story list: {kind!r}")


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


def count(row: StoryList, roots: dict[int, str]) -> tuple[int, datetime | None]:
    """How many stories the list holds now, and when its newest was last published."""
    section_path = ""
    if row.kind == Kind.SECTION:
        section_path = Page.objects.filter(pk=row.key).values_list("path", flat=True).first()
        if section_path is None:
            return 0, None
    if row.site_root_id not in roots:
        return 0, None
    stories = stories_in(roots[row.site_root_id], row.kind, row.key, section_path)
    figures = stories.aggregate(count=Count("pk"), newest=Max("last_published_at"))
    return figures["count"], figures["newest"]


def counted(row: StoryList, roots: dict[int, str] | None = None) -> StoryList:
    """`row`, recounted first if a change has marked it since it was last counted."""
    if row.counted >= row.changes:
        return row
    row.story_count, _newest = count(row, site_roots() if roots is None else roots)
    # Recorded as the count of the change read with the row: a later one keeps it marked.
    StoryList.objects.filter(pk=row.pk, counted__lt=row.changes).update(
        story_count=row.story_count, counted=row.changes
    )
    row.counted = row.changes
    return row


def settle(lists: QuerySet) -> None:
    """Recount those of `lists` that changes have marked."""
    marked = list(lists.filter(changes__gt=F("counted")))
    if marked:
        roots = site_roots()
        for row in marked:
            counted(row, roots)


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
    """Any list may have gained or lost stories: mark them all."""
    StoryList.objects.update(changed_at=timezone.now(), changes=F("changes") + 1)
    story_changed(every_list(site_roots()))


def rebuild() -> None:
    """Count and date every list from scratch, after a bulk load."""
    roots = site_roots()
    rows = []
    for root, kind, key in every_list(roots):
        row = StoryList(site_root_id=root, kind=kind, key=key)
        row.story_count, newest = count(row, roots)
        if row.story_count:
            row.changed_at, row.counted = newest or timezone.now(), row.changes
            rows.append(row)
    with transaction.atomic():
        StoryList.objects.all().delete()
        StoryList.objects.bulk_create(rows)
