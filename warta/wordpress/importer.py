"""A WordPress export brought into Warta: sections, tags, people, photos, stories, pages,
view counts and the old site's addresses, in one run that can be repeated.

The export is read twice, streaming (warta.wordpress.wxr): first its authors, categories,
tags and attachments (a post's photos may come after it in the file), then its posts and
pages. Photos are the business of `photos.py`. Live stories and drafts are inserted in
batches the way large archives are made (warta.news.bulk); the few pending and scheduled
stories, the pages and the updates go through Wagtail's own saving, with its revisions,
workflow and schedule. Search indexing is left to the worker (tasks.py).

All or nothing: the run is one database transaction. A malformed file, a database error or
an interruption rolls everything back, and the photo files copied so far are deleted; one
story that cannot be converted is counted as failed, with its reason, and the rest go in.
A dry run does the same work and rolls it back. Each object is remembered by its WordPress
ID (warta.wordpress.models.ImportedItem) with a fingerprint of what was read, so a second
run finds it, leaves it alone when nothing changed and updates it when something did,
unless an editor has changed it in Warta since, which it reports instead of overwriting.
"""

from __future__ import annotations

import re
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.models import Page, PageViewRestriction, Site

from warta.core import generation, pagecache
from warta.engagement.models import ArticleStats
from warta.news import bulk, story_lists
from warta.news.models import (
    ArticlePage,
    ArticleReporter,
    FrontPageLayout,
    FrontPageSlot,
    HomePage,
    Person,
    SectionPage,
)
from warta.news.models.frontpage import MAX_FEATURED_PLACES
from warta.news.models.pages import RESERVED_SLUGS
from warta.newsroom.roles import REPORTER
from warta.standing.models import StandingPage

from . import addresses, reading, tasks, wxr
from .content import convert
from .models import ImportedItem
from .photos import Photos
from .reading import meta, plain
from .report import FAILED, IMPORTED, SKIPPED, UNCHANGED, UPDATED, Report
from .section_map import Target

Kind = ImportedItem.Kind
BATCH_SIZE = 500
# Post meta that view counters keep: WP-PostViews, themes (docs/migrating-from-wordpress.md).
VIEW_META_KEYS = ("views", "post_views_count", "_post_views_count", "post_views")
# Yoast SEO's primary category, where a post has one.
PRIMARY_CATEGORY_META = "_yoast_wpseo_primary_category"
# WordPress post types that are not content (menus, revisions, editor settings).
CONTENT_TYPES = {"post", "page", "attachment"}
# A modification this long after publication is a substantive update readers see.
UPDATE_AFTER = timedelta(minutes=10)

ProgressCallback = Callable[[int, int], None]


@dataclass
class Options:
    site: Site
    media_dir: Path | None = None
    section_map: dict[str, Target] = field(default_factory=dict)
    category_base: str = "category"
    tag_base: str = "tag"
    staff_accounts: bool = False
    dry_run: bool = False
    batch_size: int = BATCH_SIZE


@dataclass
class _SectionRef:
    """What the bulk inserts need of a section (no page object per story)."""

    pk: int
    path: str
    depth: int
    url_path: str
    locale_id: int
    relative: str  # its path below the home page: "daerah/pati"
    next_child: int = 0
    slugs: set[str] | None = None


@dataclass
class _Story:
    """A post, ready to be inserted or saved."""

    item: wxr.Item
    fingerprint: str
    section: _SectionRef
    slug: str
    fields: dict
    reporter_ids: list[int]
    tag_names: list[str]
    views: int
    live: bool
    restriction: tuple[str, str] | None  # (restriction type, password)
    scheduled: bool
    pending: bool
    notes: list[str]


class DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def run_import(
    path: Path,
    options: Options,
    progress: ProgressCallback | None = None,
) -> Report:
    """Import the WordPress export at `path`; the report says what happened to each object.

    Raises wxr.WXRError for a malformed or unsafe file (nothing is kept then)."""
    return WordPressImport(path, options, progress).run()


class WordPressImport:
    def __init__(self, path: Path, options: Options, progress: ProgressCallback | None = None):
        self.path = Path(path)
        self.options = options
        self.site = options.site
        self.progress = progress
        self.report = Report(dry_run=options.dry_run)
        self.photos = Photos(self.report, options.media_dir)
        self.source = ""
        self.now = timezone.now()
        # WordPress → Warta, filled as the run goes.
        self.people: dict[str, int] = {}  # author login → person pk
        self.people_initials: dict[str, list[int]] = defaultdict(list)
        self.users: dict[int, object] = {}  # person pk → user, for pending stories
        self.categories: dict[str, wxr.Category] = {}  # slug → category
        self.category_ids: dict[int, str] = {}  # term ID → slug
        self.sections: dict[str, _SectionRef] = {}  # category slug → section
        self.sections_by_path: dict[str, _SectionRef] = {}
        self.created_sections: set[int] = set()
        self.section_refs: dict[int, _SectionRef] = {}
        self.posts: dict[int, int] = {}  # post or page ID → page pk
        self.pages: list[wxr.Item] = []
        # Inserted in bulk, indexed after the commit (tasks.py).
        self.to_index: list[int] = []
        self.sticky: list[tuple[datetime, int]] = []
        self.old_addresses: list[tuple[str, int | None, str]] = []
        self.home: HomePage = options.site.root_page.specific
        self.size = self.path.stat().st_size
        self.old_home = "/"  # the old site's home path, from the export's header
        self.old_host = ""

    # --- the run --------------------------------------------------------------------------

    def run(self) -> Report:
        started = time.monotonic()
        try:
            with transaction.atomic():
                with translation.override(settings.LANGUAGE_CODE):
                    self.first_pass()
                    self.second_pass()
                    self.finish()
                if self.options.dry_run:
                    raise DryRun
        except DryRun:
            self.photos.forget_files()
        except BaseException:
            self.photos.forget_files()
            raise
        else:
            transaction.on_commit(lambda: pagecache.purge(pagecache.ALL_TAG))
        self.report.seconds = time.monotonic() - started
        return self.report

    def records(self, handle: BinaryIO, offset: int) -> Iterator[wxr.Record]:
        for number, record in enumerate(wxr.read(handle)):
            if self.progress and number % 200 == 0:
                self.progress(offset + handle.tell(), 2 * self.size)
            yield record
        if self.progress:
            self.progress(offset + self.size, 2 * self.size)

    def first_pass(self) -> None:
        """The site, its people, categories and tags, and its photos."""
        attachments: list[wxr.Item] = []
        tags: list[wxr.Tag] = []
        with open(self.path, "rb") as handle:
            for record in self.records(handle, 0):
                if isinstance(record, wxr.Site):
                    # The blog's own address: on a multisite network the site's is the
                    # network's (wordpress.com for every blog on it).
                    self.source = record.base_blog_url or record.link or record.base_site_url
                    self.source = self.source.rstrip("/")
                    self.old_home = addresses.home_of(record)
                    self.old_host = (urlsplit(self.source).hostname or "").removeprefix("www.")
                    self.photos.source, self.photos.old_home = self.source, self.old_home
                    self.report.source = self.source
                elif isinstance(record, wxr.Author):
                    self.author(record)
                elif isinstance(record, wxr.Category):
                    self.categories[record.slug] = record
                    if record.term_id is not None:
                        self.category_ids[record.term_id] = record.slug
                elif isinstance(record, wxr.Tag):
                    tags.append(record)
                elif isinstance(record, wxr.Term):
                    self.report.count(
                        "other",
                        SKIPPED,
                        record.slug,
                        record.name,
                        _("%(taxonomy)s terms are not imported") % {"taxonomy": record.taxonomy},
                    )
                elif isinstance(record, wxr.Item) and record.post_type == "attachment":
                    attachments.append(record)
                    if len(attachments) >= self.options.batch_size:
                        self.photos.add(attachments)
                        attachments = []
        self.photos.add(attachments)
        self.make_sections()
        self.make_tags(tags)
        self.feed_addresses()

    def second_pass(self) -> None:
        """Posts in batches, then the pages, parents first."""
        batch: list[wxr.Item] = []
        with open(self.path, "rb") as handle:
            for record in self.records(handle, self.size):
                if not isinstance(record, wxr.Item):
                    continue
                self.report.comments += record.comment_count
                if record.post_type == "post":
                    batch.append(record)
                    if len(batch) >= self.options.batch_size:
                        self.stories(batch)
                        batch = []
                elif record.post_type == "page":
                    self.pages.append(record)
                elif record.post_type not in CONTENT_TYPES:
                    self.report.count(
                        "other",
                        SKIPPED,
                        str(record.post_id),
                        record.title,
                        _("post type %(type)s is not imported") % {"type": record.post_type},
                    )
        self.stories(batch)
        self.standing_pages()

    def finish(self) -> None:
        self.attachment_addresses()
        self.keep_addresses()
        self.front_page()
        # The batches bypass the signals that mark the lists a story is on.
        story_lists.everything_changed()
        generation.bump()
        self.report.index_tasks = tasks.queue_indexing(self.to_index, self.photos.to_index)

    # --- people ---------------------------------------------------------------------------

    def author(self, author: wxr.Author) -> None:
        name = (
            author.display_name
            or " ".join(part for part in (author.first_name, author.last_name) if part)
            or author.login
        )[:120]
        fingerprint = reading.fingerprint(author.login, name, author.email)
        row = ImportedItem.objects.remembered(self.source, Kind.AUTHOR, [author.login]).get(
            author.login
        )
        person = Person.objects.filter(pk=row.object_id).first() if row else None
        if person is None:
            slug = addresses.nicename(author.login) or f"penulis-{author.id or 0}"
            # Someone of that slug already in Warta is taken to be the same person.
            person = Person.objects.filter(slug=slug).first()
            outcome = UNCHANGED if person else IMPORTED
            if person is None:
                person = Person.objects.create(name=name, slug=slug, initials=initials_of(name))
            ImportedItem.objects.remember(
                self.source, Kind.AUTHOR, author.login, person.pk, fingerprint, row=row
            )
        elif row.fingerprint != fingerprint:
            person.name = name
            person.save()
            ImportedItem.objects.remember(
                self.source, Kind.AUTHOR, author.login, person.pk, fingerprint, row=row
            )
            outcome = UPDATED
        else:
            outcome = UNCHANGED
        self.report.count("author", outcome, author.login, name)
        if self.options.staff_accounts:
            self.staff_account(person, author)
        self.people[author.login] = person.pk
        self.people_initials[person.initials.casefold()].append(person.pk)
        if person.user_id:
            self.users[person.pk] = person.user
        self.author_addresses(author, person)

    def staff_account(self, person: Person, author: wxr.Author) -> None:
        """A Reporter account for the author, with no usable password until it is reset."""
        if person.user_id:
            return
        users = get_user_model()
        user = users.objects.filter(username=author.login).first()
        if user is None:
            user = users(
                username=author.login[:150],
                email=author.email,
                first_name=author.first_name[:150],
                last_name=author.last_name[:150],
                is_staff=True,
            )
            user.set_unusable_password()
            user.save()
            user.groups.add(Group.objects.get(name=REPORTER))
        person.user = user
        person.save(update_fields=["user"])

    # --- sections and tags ----------------------------------------------------------------

    def make_sections(self) -> None:
        """A section for every category, parents first, merged and renamed by the map."""
        remembered = ImportedItem.objects.remembered(
            self.source, Kind.CATEGORY, list(self.categories)
        )

        def make(slug: str, trail: tuple[str, ...] = ()) -> _SectionRef:
            if slug in self.sections:
                return self.sections[slug]
            category = self.categories[slug]
            row = remembered.get(slug)
            target = self.options.section_map.get(slug)
            kept = SectionPage.objects.filter(pk=row.object_id).first() if row else None
            if kept is not None and target is None:
                # Found where the last run put it, even if an editor has moved it since.
                section = self.section_ref(kept)
            elif target is not None:
                section = self.section_at(target.path, target.title or category.name)
            elif category.parent_slug in self.categories and slug not in trail:
                parent = make(category.parent_slug, (*trail, slug))
                section = self.section_at(f"{parent.relative}/{category.slug}", category.name)
            else:  # at the top, or a loop in the hierarchy broken here
                section = self.section_at(category.slug, category.name)
            self.sections[slug] = section
            fingerprint = reading.fingerprint(section.pk)
            if row is None or row.fingerprint != fingerprint:
                ImportedItem.objects.remember(
                    self.source, Kind.CATEGORY, slug, section.pk, fingerprint, row=row
                )
            created = section.pk in self.created_sections
            reason = _("into the section %(path)s") % {"path": section.relative} if target else ""
            self.report.count(
                "category", IMPORTED if created else UNCHANGED, slug, category.name, reason
            )
            self.category_addresses(category, section)
            return section

        for slug in self.categories:
            make(slug)

    def section_ref(self, page: Page) -> _SectionRef:
        """One reference per section, whichever categories lead to it: it counts the
        section's children as stories are inserted."""
        if page.pk in self.section_refs:
            return self.section_refs[page.pk]
        self.section_refs[page.pk] = _SectionRef(
            pk=page.pk,
            path=page.path,
            depth=page.depth,
            url_path=page.url_path,
            locale_id=page.locale_id,
            relative=page.url_path.removeprefix(self.home.url_path).strip("/"),
        )
        return self.section_refs[page.pk]

    def section_at(self, path: str, title: str) -> _SectionRef:
        """The section at `path` ("daerah/pati") under the home page, created (and its
        parents) where missing."""
        if path in self.sections_by_path:
            return self.sections_by_path[path]
        parent: Page = self.home
        steps = path.split("/")
        for depth, step in enumerate(steps, start=1):
            slug = slugify(unquote(step), allow_unicode=True) or "rubrik"
            if parent is self.home and slug in RESERVED_SLUGS:
                slug = f"{slug}-rubrik"
            found = Page.objects.child_of(parent).filter(slug=slug).first()
            if found is None or not isinstance(found.specific, SectionPage):
                name = title if depth == len(steps) else slug.replace("-", " ").title()
                found = self.new_section(parent, slug, name)
            parent = found
        ref = self.section_ref(parent)
        self.sections_by_path[path] = ref
        return ref

    def new_section(self, parent: Page, slug: str, title: str) -> SectionPage:
        """A new section under `parent`; beside a page of another kind with the slug,
        under the next free one (berita-2)."""
        taken = set(Page.objects.child_of(parent).values_list("slug", flat=True))
        candidate, number = slug, 2
        while candidate in taken:
            candidate, number = f"{slug}-{number}", number + 1
        section = SectionPage(
            title=title[:255], slug=candidate, show_in_menus=parent.pk == self.home.pk
        )
        parent.add_child(instance=section)
        section.save_revision().publish()
        self.created_sections.add(section.pk)
        return section

    def make_tags(self, records: list[wxr.Tag]) -> None:
        names = {record.name.strip()[:100] for record in records if record.name.strip()}
        existing = set(Tag.objects.filter(name__in=names).values_list("name", flat=True))
        tags = bulk.tags_named(names)
        for record in records:
            name = record.name.strip()[:100]
            if not name:
                self.report.count("tag", SKIPPED, record.slug, "", _("no name"))
                continue
            self.report.count("tag", UNCHANGED if name in existing else IMPORTED, record.slug, name)
            self.tag_addresses(record, tags[name].slug)

    def category_of(self, item: wxr.Item) -> tuple[_SectionRef, list[str]]:
        """The story's section (its primary or most specific category) and the names of
        its other categories, which become tags."""
        slugs = [term.nicename for term in item.categories if term.domain == "category"]
        slugs = [slug for slug in slugs if slug in self.sections]
        primary_meta = item.postmeta.get(PRIMARY_CATEGORY_META, ("",))[0]
        primary = self.category_ids.get(int(primary_meta)) if primary_meta.isdigit() else None
        if primary not in slugs:
            primary = max(slugs, key=lambda slug: self.depth_of(slug), default=None)
        if primary is None:
            return self.section_at("berita", "Berita"), []
        section = self.sections[primary]
        others = [
            self.categories[slug].name for slug in slugs if self.sections[slug] is not section
        ]
        return section, others

    def depth_of(self, slug: str) -> int:
        depth, seen = 0, set()
        while slug in self.categories and slug not in seen:
            seen.add(slug)
            slug = self.categories[slug].parent_slug
            depth += 1
        return depth

    # --- stories --------------------------------------------------------------------------

    def stories(self, items: list[wxr.Item]) -> None:
        if not items:
            return
        keys = [str(item.post_id) for item in items]
        remembered = ImportedItem.objects.remembered(
            self.source, Kind.POST, keys, [item.guid for item in items]
        )
        new: list[_Story] = []
        for item in items:
            key = str(item.post_id)
            row = remembered.get(key) or remembered.get(("guid", item.guid))
            if item.status == "trash":
                self.report.count("post", SKIPPED, key, item.title, _("in the trash"))
                continue
            if item.status in ("auto-draft", "inherit"):
                self.report.count(
                    "post",
                    SKIPPED,
                    key,
                    item.title,
                    _("status %(status)s") % {"status": item.status},
                )
                continue
            try:
                story = self.story(item)
            except (ValueError, TypeError) as error:
                self.report.count(
                    "post",
                    FAILED,
                    key,
                    item.title,
                    _("cannot convert: %(error)s") % {"error": error},
                )
                continue
            if row is not None and ArticlePage.objects.filter(pk=row.object_id).exists():
                self.existing_story(story, row)
            elif not story.scheduled and not story.pending:
                new.append(story)  # live or a plain draft: inserted in bulk
            else:
                self.saved_story(story, row)
        self.insert(new)

    def story(self, item: wxr.Item) -> _Story:
        """A post read into a story's fields; what its conversion changed becomes notes."""
        attached = self.photos.attached.get(item.post_id, ())
        conversion = convert(item.content, images=self.photos.image_for, attached=attached)
        section, other_categories = self.category_of(item)
        published = _moment(item.post_date_gmt, item.post_date) or self.now
        # A draft without a GMT date has a "floating" date, the time it was last saved:
        # it gets its time when it is published.
        floating = item.status in ("draft", "pending") and item.post_date_gmt is None
        modified = _moment(item.post_modified_gmt, item.post_modified)
        main_image, main_image_caption = self.photos.featured(item)
        reporter = self.people.get(item.creator)
        editor, body = None, conversion.blocks
        if conversion.initials:
            candidates = self.people_initials.get(conversion.initials.casefold(), [])
            if len(candidates) == 1:
                editor = candidates[0]
            else:  # no one or several have these initials: they stay in the text
                body = [*body, {"type": "paragraph", "value": f"<p>({conversion.initials})</p>"}]
                conversion.counts["initials_kept_in_text"] += 1
        notes = [f"{name} ×{count}" for name, count in sorted(conversion.counts.items())]
        title = item.title.strip() or plain(item.content)[:80] or f"(tanpa judul) {item.post_id}"
        fields = {
            "title": Truncator(title).chars(255),
            "dateline": conversion.dateline,
            "summary": Truncator(plain(item.excerpt)).chars(400),
            "main_image_id": main_image,
            "main_image_caption": main_image_caption,
            "body": [{**block, "id": str(uuid.uuid4())} for block in body],
            "editor_id": editor,
            "published_at": None if floating else published,
            "updated_at": modified if modified and modified - published > UPDATE_AFTER else None,
        }
        for name, count in conversion.counts.items():
            self.report.content[name] += count
        status = item.status
        scheduled = status == "future" and published > self.now
        restriction = None
        if item.post_password:
            restriction = (PageViewRestriction.PASSWORD, item.post_password)
        elif status == "private":
            restriction = (PageViewRestriction.LOGIN, "")
        live = status in ("publish", "private") or status == "future"
        tag_names = [term.name for term in item.tags if term.name] + other_categories
        return _Story(
            item=item,
            fingerprint=reading.fingerprint(
                item.title,
                item.content,
                item.excerpt,
                item.slug,
                status,
                item.post_password,
                item.post_date_gmt,
                item.post_date,
                item.post_modified_gmt,
                item.creator,
                [(t.domain, t.nicename) for t in item.categories],
                meta(item, "_thumbnail_id"),
                item.is_sticky,
            ),
            section=section,
            slug=_slug(item),
            fields=fields,
            reporter_ids=[reporter] if reporter else [],
            tag_names=list(dict.fromkeys(name[:100] for name in tag_names)),
            views=_views(item),
            live=live,
            restriction=restriction,
            scheduled=scheduled,
            pending=status == "pending",
            notes=notes,
        )

    def free_slug(self, section: _SectionRef, slug: str) -> str:
        if section.slugs is None:
            section.slugs = set(
                Page.objects.filter(
                    path__startswith=section.path, depth=section.depth + 1
                ).values_list("slug", flat=True)
            )
        candidate, number = slug, 2
        while candidate in section.slugs:
            candidate = f"{slug[:240]}-{number}"
            number += 1
        section.slugs.add(candidate)
        return candidate

    def insert(self, stories: list[_Story]) -> None:
        """Live stories in one go: page rows, article rows, bylines, tags, counts, index."""
        if not stories:
            return
        content_type = ContentType.objects.get_for_model(ArticlePage)
        pages = []
        for story in stories:
            section = story.section
            if not section.next_child:
                section.next_child = bulk.last_child_number(section.path, section.depth) + 1
            story.slug = self.free_slug(section, story.slug)
            published = story.fields["published_at"] or self.now
            changed = story.fields["updated_at"] or published
            pages.append(
                Page(
                    title=story.fields["title"],
                    draft_title=story.fields["title"],
                    slug=story.slug,
                    content_type=content_type,
                    path=bulk.child_path(section.path, section.next_child),
                    depth=section.depth + 1,
                    numchild=0,
                    url_path=f"{section.url_path}{story.slug}/",
                    live=story.live,
                    has_unpublished_changes=not story.live,
                    first_published_at=published if story.live else None,
                    last_published_at=changed if story.live else None,
                    latest_revision_created_at=changed,
                    locale_id=section.locale_id,
                    translation_key=uuid.uuid4(),
                )
            )
            section.next_child += 1
        for section_pk, count in Counter(story.section.pk for story in stories).items():
            SectionPage.objects.filter(pk=section_pk).update(numchild=F("numchild") + count)
        Page.objects.bulk_create(pages)
        bulk.insert_article_rows(
            [
                ArticlePage(page_ptr_id=page.pk, **dict(story.fields))
                for page, story in zip(pages, stories, strict=True)
            ]
        )
        bulk.add_bylines_and_tags(
            [
                (page.pk, story.reporter_ids, story.tag_names)
                for page, story in zip(pages, stories, strict=True)
            ]
        )
        PageViewRestriction.objects.bulk_create(
            PageViewRestriction(page_id=page.pk, restriction_type=kind, password=password)
            for page, story in zip(pages, stories, strict=True)
            if story.restriction
            for kind, password in [story.restriction]
        )
        ArticleStats.objects.bulk_create(
            ArticleStats(article_id=page.pk, views=story.views)
            for page, story in zip(pages, stories, strict=True)
            if story.views
        )
        ImportedItem.objects.bulk_create(
            ImportedItem(
                source=self.source,
                kind=Kind.POST,
                key=str(story.item.post_id),
                guid=story.item.guid[:500],
                object_id=page.pk,
                fingerprint=story.fingerprint,
                views=story.views,
                imported_at=self.now,
            )
            for page, story in zip(pages, stories, strict=True)
        )
        self.to_index += [page.pk for page in pages]
        for page, story in zip(pages, stories, strict=True):
            self.imported_story(story, page.pk, IMPORTED)

    def saved_story(self, story: _Story, row: ImportedItem | None) -> None:
        """A draft, pending or scheduled story, through Wagtail: a revision, the review
        workflow for a pending one, the schedule for a future one."""
        section = SectionPage.objects.get(pk=story.section.pk)
        story.slug = self.free_slug(story.section, story.slug)
        article = ArticlePage(slug=story.slug, live=False, **dict(story.fields))
        if story.scheduled:
            article.go_live_at = story.fields["published_at"]
        section.add_child(instance=article)
        story.section.next_child = 0  # the tree has a new last child: count again
        self.set_relations(article, story)
        revision = article.save_revision(user=self.users.get(next(iter(story.reporter_ids), 0)))
        if story.scheduled:
            revision.publish()  # Wagtail keeps it for its time: approved_go_live_at
        elif story.pending and (workflow := article.get_workflow()):
            workflow.start(article, self.users.get(next(iter(story.reporter_ids), 0)))
        self.after_save(article, story, new=True)
        ImportedItem.objects.remember(
            self.source,
            Kind.POST,
            str(story.item.post_id),
            article.pk,
            story.fingerprint,
            story.item.guid,
            story.views,
            row=row,
        )
        self.imported_story(story, article.pk, IMPORTED)

    def existing_story(self, story: _Story, row: ImportedItem) -> None:
        """A story imported before: its views brought up to date; its content updated when
        the post changed, unless an editor changed the story in Warta since."""
        key = str(story.item.post_id)
        if story.views != row.views:
            ArticleStats.objects.ensure([row.object_id])
            ArticleStats.objects.filter(pk=row.object_id).update(
                views=F("views") + (story.views - row.views)
            )
            self.report.views += story.views - row.views
        if row.fingerprint == story.fingerprint:
            if story.views != row.views:
                row.views = story.views
                row.save(update_fields=["views"])
            self.report.count("post", UNCHANGED, key, story.fields["title"])
            self.posts[story.item.post_id] = row.object_id
            self.story_addresses(story, row.object_id)
            return
        article = ArticlePage.objects.get(pk=row.object_id)
        if (
            article.latest_revision_created_at
            and article.latest_revision_created_at > row.imported_at
        ):
            self.report.count(
                "post",
                SKIPPED,
                key,
                story.fields["title"],
                _("changed in Warta since it was imported: not overwritten"),
            )
            self.posts[story.item.post_id] = row.object_id
            return
        for name, value in dict(story.fields).items():
            setattr(article, name, value)
        self.set_relations(article, story)
        revision = article.save_revision()
        if story.live and not story.scheduled:
            revision.publish()
        elif article.live:
            article.unpublish()
        self.after_save(article, story, new=False)
        ImportedItem.objects.remember(
            self.source,
            Kind.POST,
            key,
            article.pk,
            story.fingerprint,
            story.item.guid,
            story.views,
            row=row,
        )
        self.report.count("post", UPDATED, key, story.fields["title"])
        self.posts[story.item.post_id] = article.pk
        self.story_addresses(story, article.pk)

    def set_relations(self, article: ArticlePage, story: _Story) -> None:
        article.reporter_links = [ArticleReporter(person_id=pk) for pk in story.reporter_ids]
        tags = bulk.tags_named(set(story.tag_names))
        article.tags.set([tags[name] for name in story.tag_names])

    def after_save(self, article: ArticlePage, story: _Story, new: bool) -> None:
        PageViewRestriction.objects.filter(page=article).delete()
        if story.restriction:
            kind, password = story.restriction
            PageViewRestriction.objects.create(
                page=article, restriction_type=kind, password=password
            )
        if new and story.views:
            ArticleStats.objects.create(article_id=article.pk, views=story.views)

    def imported_story(self, story: _Story, page_id: int, outcome: str) -> None:
        key = str(story.item.post_id)
        self.report.count("post", outcome, key, story.fields["title"])
        if story.notes:
            self.report.note("post", key, story.fields["title"], outcome, "; ".join(story.notes))
        self.report.views += story.views
        self.posts[story.item.post_id] = page_id
        if story.item.is_sticky and story.live and not story.restriction:
            self.sticky.append((story.fields["published_at"], page_id))
        self.story_addresses(story, page_id)

    # --- standing pages -------------------------------------------------------------------

    def standing_pages(self) -> None:
        """WordPress pages as standing pages, a child page under its parent."""
        by_id = {item.post_id: item for item in self.pages}
        remembered = ImportedItem.objects.remembered(
            self.source, Kind.PAGE, [str(post_id) for post_id in by_id]
        )
        done: set[int] = set()

        def make(item: wxr.Item, trail: tuple[int, ...] = ()) -> None:
            if item.post_id in done:
                return
            done.add(item.post_id)
            parent_item = by_id.get(item.post_parent)
            if parent_item is not None and item.post_parent not in trail:
                make(parent_item, (*trail, item.post_id))
            self.standing_page(item, remembered.get(str(item.post_id)))

        for item in self.pages:
            make(item)

    def standing_page(self, item: wxr.Item, row: ImportedItem | None) -> None:
        key = str(item.post_id)
        if item.status in ("trash", "auto-draft", "inherit"):
            self.report.count(
                "page", SKIPPED, key, item.title, _("status %(status)s") % {"status": item.status}
            )
            return
        fingerprint = reading.fingerprint(
            item.title,
            item.content,
            item.excerpt,
            item.slug,
            item.status,
            item.post_password,
            item.post_parent,
        )
        page = StandingPage.objects.filter(pk=row.object_id).first() if row else None
        if page is not None and row.fingerprint == fingerprint:
            self.report.count("page", UNCHANGED, key, item.title)
            self.posts[item.post_id] = page.pk
            self.page_addresses(item, page.pk)
            return
        if (
            page is not None
            and page.latest_revision_created_at
            and page.latest_revision_created_at > row.imported_at
        ):
            self.report.count(
                "page",
                SKIPPED,
                key,
                item.title,
                _("changed in Warta since it was imported: not overwritten"),
            )
            self.posts[item.post_id] = page.pk
            return
        try:
            conversion = convert(
                item.content,
                images=self.photos.image_for,
                target="standing",
                attached=self.photos.attached.get(item.post_id, ()),
            )
        except (ValueError, TypeError) as error:
            self.report.count(
                "page", FAILED, key, item.title, _("cannot convert: %(error)s") % {"error": error}
            )
            return
        for name, count in conversion.counts.items():
            self.report.content[name] += count
        title = Truncator(item.title.strip() or f"(tanpa judul) {item.post_id}").chars(255)
        body = [{**block, "id": str(uuid.uuid4())} for block in conversion.blocks]
        outcome = UPDATED
        if page is None:
            parent_pk = self.posts.get(item.post_parent)
            parent = (
                StandingPage.objects.filter(pk=parent_pk).first() if parent_pk else None
            ) or self.home
            slug = _slug(item)
            taken = set(Page.objects.child_of(parent).values_list("slug", flat=True))
            if parent is self.home:
                taken |= RESERVED_SLUGS
            candidate, number = slug, 2
            while candidate in taken:
                candidate, number = f"{slug[:240]}-{number}", number + 1
            page = StandingPage(
                title=title,
                slug=candidate,
                intro=Truncator(plain(item.excerpt)).chars(300),
                body=body,
                live=False,
            )
            parent.add_child(instance=page)
            outcome = IMPORTED
        else:
            page.title, page.body = title, body
            page.intro = Truncator(plain(item.excerpt)).chars(300)
        revision = page.save_revision()
        if (
            item.status in ("publish", "private")
            or item.status == "future"
            and (_moment(item.post_date_gmt, item.post_date) or self.now) <= self.now
        ):
            revision.publish()
        elif page.live:
            page.unpublish()
        PageViewRestriction.objects.filter(page=page).delete()
        if item.post_password:
            PageViewRestriction.objects.create(
                page=page,
                restriction_type=PageViewRestriction.PASSWORD,
                password=item.post_password,
            )
        elif item.status == "private":
            PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.LOGIN
            )
        ImportedItem.objects.remember(
            self.source, Kind.PAGE, key, page.pk, fingerprint, item.guid, row=row
        )
        self.report.count("page", outcome, key, item.title)
        if conversion.counts:
            self.report.note(
                "page",
                key,
                item.title,
                outcome,
                "; ".join(f"{n} ×{c}" for n, c in sorted(conversion.counts.items())),
            )
        self.posts[item.post_id] = page.pk
        self.page_addresses(item, page.pk)

    # --- the front page -------------------------------------------------------------------

    def front_page(self) -> None:
        """Sticky posts, newest first, into the front page's featured places."""
        if not self.sticky:
            return
        layout = FrontPageLayout.for_site(self.site)
        kept = list(layout.slots.order_by("sort_order", "pk").values_list("article_id", flat=True))
        sticky = [pk for _when, pk in sorted(self.sticky, reverse=True) if pk not in kept]
        chosen = (sticky + kept)[:MAX_FEATURED_PLACES]
        if chosen == kept:
            return
        FrontPageSlot.objects.filter(layout=layout).delete()
        FrontPageSlot.objects.bulk_create(
            FrontPageSlot(layout=layout, article_id=pk, sort_order=order)
            for order, pk in enumerate(chosen)
            if pk
        )

    # --- old addresses --------------------------------------------------------------------

    def story_addresses(self, story: _Story, page_id: int) -> None:
        for old in (*addresses.item_addresses(story.item, self.old_home), story.item.guid):
            self.old_address(old, page_id)

    def page_addresses(self, item: wxr.Item, page_id: int) -> None:
        for old in (*addresses.item_addresses(item, self.old_home), item.guid):
            self.old_address(old, page_id)

    def category_addresses(self, category: wxr.Category, section: _SectionRef) -> None:
        parents = {slug: found.parent_slug for slug, found in self.categories.items()}
        archive = addresses.category_addresses(
            category, parents, self.old_home, self.options.category_base
        )
        for old in archive:
            self.old_address(old, section.pk)
        feed = reverse(
            "discovery:section_feed", kwargs={"section_path": section.relative, "kind": "rss"}
        )
        for old in addresses.feed_addresses(archive):
            self.old_address(old, None, feed)

    def tag_addresses(self, tag: wxr.Tag, slug: str) -> None:
        archive = addresses.tag_addresses(tag, self.old_home, self.options.tag_base)
        for old in archive:
            self.old_address(old, None, reverse("news:tag", kwargs={"slug": slug}))
        feed = reverse("discovery:tag_feed", kwargs={"slug": slug, "kind": "rss"})
        for old in addresses.feed_addresses(archive):
            self.old_address(old, None, feed)

    def author_addresses(self, author: wxr.Author, person: Person) -> None:
        archive = addresses.author_addresses(author, self.old_home)
        for old in archive:
            self.old_address(old, None, person.get_absolute_url())
        feed = reverse("discovery:reporter_feed", kwargs={"slug": person.slug, "kind": "rss"})
        for old in addresses.feed_addresses(archive):
            self.old_address(old, None, feed)

    def feed_addresses(self) -> None:
        feed = reverse("discovery:site_feed", kwargs={"kind": "rss"})
        for old in addresses.feed_addresses([self.old_home]):
            self.old_address(old, None, feed)

    def attachment_addresses(self) -> None:
        for old, page_id, url in self.photos.old_addresses(self.posts):
            self.old_address(old, page_id, url)

    def old_address(self, old: str, page_id: int | None, url: str = "") -> None:
        if not old:
            return
        host = (urlsplit(old).hostname or "").removeprefix("www.")
        if host and self.source and host != self.old_host:
            return  # another site's address (a GUID from an older domain, say)
        self.old_addresses.append((old, page_id, url))
        if len(self.old_addresses) >= 5_000:
            self.keep_addresses()

    def keep_addresses(self) -> None:
        if self.old_addresses:
            kept = addresses.keep(self.site, self.old_addresses)
            self.report.old_addresses += kept.changed + kept.unchanged
            self.old_addresses = []


# --- reading an item ------------------------------------------------------------------------


def initials_of(name: str) -> str:
    """Initials as a story closes with them, e.g. "(Ag)": the first two letters of the
    first name ("Agus Santoso" → "Ag"), as an editor sets them on a person by hand."""
    words = [word for word in re.split(r"[\s.]+", name) if word[:1].isalpha()]
    return words[0][:2].title() if words else "Red"


def _views(item: wxr.Item) -> int:
    """The largest count any view-counter plugin kept for the post."""
    counts = [0]
    for key in VIEW_META_KEYS:
        for value in item.postmeta.get(key, ()):
            value = value.strip()
            if value.isdigit():
                counts.append(min(int(value), 2**62))
    return max(counts)


def _moment(gmt: datetime | None, local: datetime | None) -> datetime | None:
    """An item's time: the UTC one where WordPress wrote it, else the local one read in
    the site's time zone."""
    if gmt is not None:
        return gmt
    if local is not None:
        return timezone.make_aware(local)
    return None


def _slug(item: wxr.Item) -> str:
    slug = slugify(unquote(item.slug), allow_unicode=True)
    return (slug or slugify(item.title, allow_unicode=True) or f"post-{item.post_id}")[:240]
