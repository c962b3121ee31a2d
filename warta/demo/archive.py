"""A large synthetic archive, fast: for search and page-speed benchmarks at 100,000 articles.

Saving pages one by one through Wagtail costs tens of queries each (tree locks,
revisions, signals, the search index), hours for 100,000. Here every batch is a
handful of bulk statements instead: treebeard paths are computed in Python (the
next free steps under each section), `wagtailcore_page` and `news_articlepage`
rows are inserted in bulk, then bylines and tags, and the batch is added to the
search index in one bulk call. Each batch commits on its own, so memory stays
bounded and an interrupted run leaves only complete articles behind.

Idempotent per seed: article *i* of seed *s* has a slug ending in `-s-i`, so running
again with the same seed creates only the articles still missing; a larger
`count` tops the set up, and another seed adds a separate set.
"""

from __future__ import annotations

import random
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.utils.file import hash_filelike

from warta.news import bulk, story_lists
from warta.news.models import ArticlePage, Person, SectionPage

from . import content
from .archive_text import SECTION_TOPICS, compose
from .images import HEIGHT, WIDTH, draw_placeholder

BATCH_SIZE = 1000
IMAGE_POOL = 8
# Heavier sections get more stories, as on a real regional portal.
SECTION_WEIGHTS = {
    "daerah/pati": 5,
    "daerah/kudus": 4,
    "daerah/rembang": 3,
    "daerah/blora": 3,
    "politik": 3,
    "hukum": 3,
    "ekonomi": 3,
    "olahraga": 2,
    "pendidikan": 2,
}


@dataclass
class ArchiveReport:
    created: int
    existing: int
    seconds: float


def slug_suffix(seed: int, number: int) -> str:
    return f"-{seed}-{number}"


def generate_archive(
    count: int,
    seed: int = 1,
    years: int = 8,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int, int], None] | None = None,
) -> ArchiveReport:
    """Make sure articles 0..count-1 of `seed` exist, published over the last `years`."""
    started = time.monotonic()
    sections = _sections()
    people = _people()
    reporters = [p for p in people if p.role == Person.Role.REPORTER] or people
    editors = [p for p in people if p.role == Person.Role.EDITOR] or people
    images = _image_pool()
    existing = _existing_numbers(seed)
    missing = [number for number in range(count) if number not in existing]
    end = timezone.now().replace(minute=0, second=0, microsecond=0)
    span = timedelta(days=365 * years)
    pool = _Pool(sections, reporters, editors, images, end, span)

    done = 0
    for start in range(0, len(missing), batch_size):
        numbers = missing[start : start + batch_size]
        _create_batch([_draft(seed, number, pool) for number in numbers], sections)
        done += len(numbers)
        if progress:
            progress(done, len(missing))
    if missing:
        story_lists.rebuild()  # the batches bypass the signals that keep them counted
    return ArchiveReport(
        created=len(missing), existing=len(existing), seconds=time.monotonic() - started
    )


@dataclass
class _Pool:
    sections: dict[str, SectionPage]
    reporters: list[Person]
    editors: list[Person]
    images: list
    end: datetime
    span: timedelta


@dataclass
class _Draft:
    section: str
    title: str
    slug: str
    published_at: datetime
    fields: dict
    reporter_ids: list[int]
    tag_names: list[str]
    translation_key: uuid.UUID


def _draft(seed: int, number: int, pool: _Pool) -> _Draft:
    """Article `number` of `seed`: the same draw every time, whatever the batch."""
    rng = random.Random(f"warta-archive-{seed}-{number}")  # noqa: S311 - not for security
    section = rng.choices(list(SECTION_WEIGHTS), weights=list(SECTION_WEIGHTS.values()))[0]
    story = compose(rng, section)
    day = pool.end - timedelta(seconds=rng.randrange(int(pool.span.total_seconds())))
    # Newsrooms publish between early morning and late evening, site time.
    local = timezone.localtime(day).replace(hour=rng.randrange(5, 23), minute=rng.randrange(60))
    published = min(local, pool.end)
    body = [_block("paragraph", f"<p>{escape(text)}</p>", rng) for text in story.paragraphs]
    if rng.random() < 0.25:
        text, attribution = story.quote
        body.insert(3, _block("quote", {"text": text, "attribution": attribution}, rng))
    reporter_ids = [rng.choice(pool.reporters).pk]
    if rng.random() < 0.15:
        reporter_ids.append(rng.choice(pool.reporters).pk)
    updated = published + timedelta(hours=rng.randrange(1, 30)) if rng.random() < 0.1 else None
    return _Draft(
        section=section,
        title=story.title,
        slug=f"{slugify(story.title)[:70].rstrip('-')}{slug_suffix(seed, number)}",
        published_at=published,
        fields={
            "dateline": story.dateline,
            "summary": story.summary,
            "body": body,
            "main_image": rng.choice(pool.images) if pool.images else None,
            "editor_id": rng.choice(pool.editors).pk,
            "published_at": published,
            "updated_at": min(updated, pool.end) if updated else None,
        },
        reporter_ids=list(dict.fromkeys(reporter_ids)),
        tag_names=story.tags,
        translation_key=uuid.UUID(int=rng.getrandbits(128), version=4),
    )


def _block(kind: str, value, rng: random.Random) -> dict:
    # Stored StreamField data, with the stable ids Wagtail gives every block.
    return {"type": kind, "value": value, "id": str(uuid.UUID(int=rng.getrandbits(128), version=4))}


def _create_batch(drafts: list[_Draft], sections: dict[str, SectionPage]) -> None:
    """Insert one batch of articles, their bylines and tags, and index them: one transaction."""
    content_type = ContentType.objects.get_for_model(ArticlePage)
    with transaction.atomic():
        by_section: dict[str, list[_Draft]] = {}
        for draft in drafts:
            by_section.setdefault(draft.section, []).append(draft)
        pages = []
        for key, section_drafts in by_section.items():
            section = sections[key]
            step = bulk.last_child_number(section.path, section.depth)
            for draft in section_drafts:
                step += 1
                pages.append(
                    Page(
                        title=draft.title,
                        draft_title=draft.title,
                        slug=draft.slug,
                        content_type=content_type,
                        path=bulk.child_path(section.path, step),
                        depth=section.depth + 1,
                        numchild=0,
                        url_path=f"{section.url_path}{draft.slug}/",
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=draft.published_at,
                        last_published_at=draft.published_at,
                        latest_revision_created_at=draft.published_at,
                        locale_id=section.locale_id,
                        translation_key=draft.translation_key,
                    )
                )
            SectionPage.objects.filter(pk=section.pk).update(
                numchild=F("numchild") + len(section_drafts)
            )
        ordered = [draft for section_drafts in by_section.values() for draft in section_drafts]
        Page.objects.bulk_create(pages)

        # Multi-table inheritance: the page rows exist, now the article rows that extend them
        # (bulk_create() refuses such models), in one statement for the batch.
        bulk.insert_article_rows(
            [
                ArticlePage(page_ptr_id=page.pk, **draft.fields)
                for page, draft in zip(pages, ordered, strict=True)
            ]
        )
        bulk.add_bylines_and_tags(
            [
                (page.pk, draft.reporter_ids, draft.tag_names)
                for page, draft in zip(pages, ordered, strict=True)
            ]
        )
        bulk.index_articles([page.pk for page in pages])


def _existing_numbers(seed: int) -> set[int]:
    pattern = re.compile(rf"{re.escape(slug_suffix(seed, 0)[:-1])}([0-9]+)$")
    slugs = ArticlePage.objects.filter(slug__regex=pattern.pattern).values_list("slug", flat=True)
    return {int(match.group(1)) for slug in slugs.iterator() if (match := pattern.search(slug))}


def _sections() -> dict[str, SectionPage]:
    """The demo's sections (created where missing), by path such as "daerah/pati"."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    sections: dict[str, SectionPage] = {}
    for title, slug, introduction, children in content.SECTIONS:
        parent = _section(home, title, slug, introduction)
        sections[slug] = parent
        for child_title, child_slug, child_introduction in children:
            sections[f"{slug}/{child_slug}"] = _section(
                parent, child_title, child_slug, child_introduction
            )
    missing = set(SECTION_TOPICS) - set(sections)
    if missing:
        raise RuntimeError(f"demo sections missing: {sorted(missing)}")
    return sections


def _section(parent: Page, title: str, slug: str, introduction: str) -> SectionPage:
    section = SectionPage.objects.child_of(parent).filter(slug=slug).first()
    if section is None:
        section = SectionPage(title=title, slug=slug, introduction=introduction, show_in_menus=True)
        parent.add_child(instance=section)
        section.save_revision().publish()
    return section


def _people() -> list[Person]:
    people = []
    for data in content.PEOPLE:
        person, _created = Person.objects.get_or_create(
            slug=data["slug"], defaults={k: v for k, v in data.items() if k != "slug"}
        )
        people.append(person)
    return people


def _image_pool() -> list:
    """A few placeholder photos shared by every generated story (drawn once, then reused)."""
    image_model = get_image_model()
    images = list(image_model.objects.filter(title__startswith="Arsip foto ").order_by("title"))
    for number in range(len(images), IMAGE_POOL):
        data = draw_placeholder(f"archive-{number}")
        image = image_model(
            title=f"Arsip foto {number}",
            file_size=len(data),
            caption="Foto arsip",
            credit="Warta/Arsip",
        )
        image.file.save(f"arsip-{number}.jpg", ContentFile(data), save=False)
        image.width, image.height = WIDTH, HEIGHT
        image.file_hash = hash_filelike(ContentFile(data))
        image.save()
        images.append(image)
    return images
