"""The stories beside a story: the related ones and the previous and next in its section.

Related stories share a tag or the story's section, those sharing a tag first, then the
newest. The previous and next are the live stories published just before and just after
it among its siblings; equal times are ordered by id, so no story is skipped or shown
twice. All of them come from one query of short reads along the publication-time index
(the newest four sharing a tag, the newest four of the section, one neighbour on each
side), united by key (warta.core.queries.in_any), which reads only their ids and what
orders them: on PostgreSQL it costs the same at 1,000 stories as at 100,000. Their cards
come from the worker (cards.py).

The query is built once per shape of story (how many tags, with or without a section
and a publication time), for a stand-in story whose fields are sample values
(warta.core.queries.PreparedQuery). What it finds is kept by the worker until content
changes, for the story as it is: its tags, time, section and parent are in the key.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import NamedTuple

from django.db.models import Exists, OuterRef, Q, QuerySet
from taggit.models import Tag
from wagtail.models import Page

from warta.core import generation
from warta.core.caches import Memo
from warta.core.queries import PreparedQuery, in_any, prepared

RELATED_LIMIT = 4

KEPT = Memo(
    "stories-beside",
    bound=20_000,
    key="a story's id, tags, publication time, section and parent",
    invalidated_by="a new content generation",
)


class Listed(NamedTuple):
    """A story beside another, as the query reads it: what orders it, and the id its card
    is kept by (cards.py)."""

    pk: int
    path: str
    published_at: datetime | None
    shares_tag: bool = False


class SectionAt(NamedTuple):
    """A section, as far as the stories beside a stand-in story need one: its path."""

    path: str


def stories_beside(
    story: Page, request=None, limit: int = RELATED_LIMIT
) -> tuple[list[Listed], Listed | None, Listed | None]:
    """The related stories (at most `limit`), and the previous and next in the section."""
    if story.pk is None:  # a preview of a story never saved: nothing to leave out
        found = listed(story, related_sources(story, limit) + neighbour_sources(story))
    else:
        tags = tuple(tag.pk for tag in story.tag_list if tag.pk is not None)
        section = story.sections[-1].path if story.sections else None
        key = (story.pk, tags, story.published_at, section, story.path[: -story.steplen], limit)
        found = generation.kept(request, key, lambda: read(story, tags, limit), within=KEPT)
    return most_related(story, found, limit), *split_neighbours(story, found)


def read(story: Page, tags: tuple[int, ...], limit: int) -> list[Listed]:
    """The stories beside a stored story, by the query built for its shape."""
    if not (tags or story.sections or story.published_at):
        return []
    values = {"page_id": story.pk, **{f"tag{number}": pk for number, pk in enumerate(tags)}}
    if story.sections:
        values["section"] = story.sections[-1].path
    if story.published_at:  # the neighbours: siblings published before and after it
        values |= {"parent": story.path[: -story.steplen], "depth": story.depth}
        values["at"] = story.published_at
    shape = (type(story), len(tags), bool(story.sections), story.published_at is not None, limit)
    query = prepared(("stories-beside", *shape), lambda: beside_query(*shape))
    return [Listed(*row) for row in query.run(**values)]


def beside_query(
    model: type[Page], tag_count: int, in_section: bool, dated: bool, limit: int
) -> PreparedQuery:
    """The query of `read()` for stories of this shape, built by the functions below for
    a stand-in story whose id, tags, section, parent, depth and time are the values."""
    path = Page._meta.get_field("path")
    fields = {"page_id": model._meta.pk, **{f"tag{n}": Tag._meta.pk for n in range(tag_count)}}
    if in_section:
        fields["section"] = path
    if dated:
        fields |= {"parent": path, "depth": Page._meta.get_field("depth")}
        fields["at"] = model._meta.get_field("published_at")

    def build(page_id, section=None, parent=None, depth=None, at=None, **tags) -> QuerySet:
        stand_in = model(
            pk=page_id, path=f"{parent}0001" if dated else "", depth=depth, published_at=at
        )
        stand_in.tag_list = [Tag(pk=pk) for pk in tags.values()]
        stand_in.sections = [SectionAt(section)] if in_section else []
        return listed_queryset(
            stand_in, related_sources(stand_in, limit) + neighbour_sources(stand_in)
        )

    return PreparedQuery(build, **fields)


def related_sources(story: Page, limit: int) -> list[QuerySet]:
    """The newest `limit` live stories sharing a tag, and the newest `limit` in the section:
    the first `limit` related stories are all among these two short lists, so neither
    has to rank the whole archive."""
    others = type(story).objects.live().exclude(pk=story.pk).newest_first()
    sources = []
    if story.tag_list:
        sources.append(others.filter(shares_a_tag(story))[:limit])
    if story.sections:
        sources.append(others.filter(path__startswith=story.sections[-1].path)[:limit])
    return sources


def neighbour_sources(story: Page) -> list[QuerySet]:
    """The live stories published just before and just after `story` among its siblings,
    each a one-row query walking the publication-time index."""
    if story.published_at is None:
        return []
    siblings = type(story).objects.live().sibling_of(story, inclusive=False)
    at = story.published_at
    earlier = siblings.filter(Q(published_at__lt=at) | Q(published_at=at, pk__lt=story.pk))
    later = siblings.filter(Q(published_at__gt=at) | Q(published_at=at, pk__gt=story.pk))
    return [
        earlier.order_by("-published_at", "-pk")[:1],
        later.order_by("published_at", "pk")[:1],
    ]


def shares_a_tag(story: Page) -> Exists:
    tagged = type(story).tags.through.objects
    return Exists(
        tagged.filter(content_object=OuterRef("pk"), tag_id__in=[t.pk for t in story.tag_list])
    )


def listed_queryset(story: Page, sources: list[QuerySet]) -> QuerySet:
    """The stories any of `sources` selects, in one query, as rows of `Listed`."""
    stories = type(story).objects.filter(in_any(*sources))
    if story.tag_list:
        stories = stories.annotate(shares_tag=shares_a_tag(story))
        return stories.values_list("pk", "path", "published_at", "shares_tag")
    return stories.values_list("pk", "path", "published_at")


def listed(story: Page, sources: list[QuerySet]) -> list[Listed]:
    return [Listed(*row) for row in listed_queryset(story, sources)] if sources else []


def most_related(story: Page, found: Iterable[Listed], limit: int) -> list[Listed]:
    """Of `found` (which holds `related_sources()`), the `limit` related stories in order."""
    in_section = story.sections[-1].path if story.sections else None
    candidates = [
        article
        for article in found
        if article.shares_tag or (in_section and article.path.startswith(in_section))
    ]
    candidates.sort(key=lambda a: (a.shares_tag, a.published_at, a.pk), reverse=True)
    return candidates[:limit]


def split_neighbours(story: Page, found: Iterable[Listed]) -> tuple[Listed | None, Listed | None]:
    """Among `found` (which holds both neighbours), the previous and the next story."""
    if story.published_at is None:
        return None, None
    here = (story.published_at, story.pk)
    parent = story.path[: -story.steplen]
    siblings = [a for a in found if a.path[: -story.steplen] == parent]
    earlier = [a for a in siblings if (a.published_at, a.pk) < here]
    later = [a for a in siblings if (a.published_at, a.pk) > here]
    return (
        max(earlier, key=lambda a: (a.published_at, a.pk), default=None),
        min(later, key=lambda a: (a.published_at, a.pk), default=None),
    )
