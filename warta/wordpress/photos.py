"""The old site's photos in Warta's image library, for one import.

Each photo attachment whose file is in `--media-dir` (the old `wp-content/uploads` tree)
becomes a Wagtail image with its caption and alt text; the files are copied first and the
rows inserted in one statement per batch, the search index left to the worker
(warta.wordpress.tasks). A missing file is reported and the stories that show it go in
without it. The photos are then found for the stories by attachment ID (a featured image,
`[gallery ids=…]`) or by address (an `<img>` in the text, a size variant included), and the
old addresses of their pages and files lead to the story or the file in Warta.

The files copied are remembered until the import ends: if it is rolled back, they are
deleted (`forget_files`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.files import File
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from . import addresses, wxr
from .models import ImportedItem
from .reading import fingerprint, meta, plain
from .report import FAILED, IMPORTED, SKIPPED, UNCHANGED, UPDATED, Report

# Attachments that become photos in the image library; other uploads are left out.
PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"})
# Where WordPress keeps uploads, in an attachment's address.
UPLOADS = "/wp-content/uploads/"
# A WordPress size variant of an uploaded photo: foto-300x200.jpg is foto.jpg.
_SIZE_VARIANT = re.compile(r"-\d+x\d+(?=\.\w+$)")

Kind = ImportedItem.Kind


class Photos:
    def __init__(self, report: Report, media_dir: Path | None):
        self.report = report
        self.media_dir = media_dir
        # Set when the export's header is read.
        self.source = ""
        self.old_home = "/"
        self.by_attachment: dict[int, int] = {}  # attachment ID → image pk
        self.captions: dict[int, str] = {}  # image pk → caption
        self.by_address: dict[str, int] = {}  # upload path (no size variant) → image pk
        self.pages: dict[int, tuple[list[str], int]] = {}  # ID → (its addresses, its post)
        self.attached: dict[int, list[str]] = defaultdict(list)  # post ID → attachment IDs
        self.written_files: list[str] = []
        self.to_index: list[int] = []

    def add(self, items: list[wxr.Item]) -> None:
        """A batch of attachments: new photos created, known ones updated or left alone."""
        remembered = ImportedItem.objects.remembered(
            self.source, Kind.ATTACHMENT, [str(item.post_id) for item in items]
        )
        image_model = get_image_model()
        new = []
        for item in items:
            key = str(item.post_id)
            self.pages[item.post_id] = (
                addresses.item_addresses(item, self.old_home),
                item.post_parent,
            )
            caption = plain(item.excerpt)[:500]
            relative = upload_path(item)
            if item.post_parent:  # what [gallery] without ids shows, in upload order
                self.attached[item.post_parent].append(key)
            printed = fingerprint(item.title, caption, relative, meta(item, ALT_TEXT))
            row = remembered.get(key)
            if row and image_model.objects.filter(pk=row.object_id).exists():
                self.found(item, row.object_id, caption)
                if row.fingerprint == printed:
                    self.report.count("attachment", UNCHANGED, key, item.title)
                    continue
                image_model.objects.filter(pk=row.object_id).update(
                    title=(item.title or relative)[:255], caption=caption
                )
                ImportedItem.objects.remember(
                    self.source, Kind.ATTACHMENT, key, row.object_id, printed, item.guid, row=row
                )
                self.report.count("attachment", UPDATED, key, item.title)
                continue
            outcome, problem, source = self.upload_file(relative)
            if problem:
                self.report.count("attachment", outcome, key, item.title, problem, relative)
                continue
            image = self.new_image(item, source, caption)
            if image is None:
                self.report.count("attachment", FAILED, key, item.title, _("not a readable image"))
                continue
            new.append((item, image, printed, row))
        self.save(new)

    def save(self, new: list[tuple[wxr.Item, object, str, ImportedItem | None]]) -> None:
        """New photos in one statement; indexed after the import (tasks.py)."""
        get_image_model().objects.bulk_create([image for _item, image, _print, _row in new])
        for item, image, printed, row in new:
            key = str(item.post_id)
            self.found(item, image.pk, image.caption)
            ImportedItem.objects.remember(
                self.source, Kind.ATTACHMENT, key, image.pk, printed, item.guid, row=row
            )
            self.report.count("attachment", IMPORTED, key, item.title)
            self.to_index.append(image.pk)

    def upload_file(self, relative: str) -> tuple[str, str, Path | None]:
        """(outcome, problem, file): the attachment's file in --media-dir, or what becomes
        of the attachment and why."""
        suffix = PurePosixPath(relative).suffix.lower()
        if suffix not in PHOTO_SUFFIXES:
            problem = _("not a photo (%(kind)s): not imported") % {"kind": suffix or "-"}
            return SKIPPED, problem, None
        if self.media_dir is None:
            return SKIPPED, _("no --media-dir given: the file was not copied"), None
        source = (self.media_dir / relative).resolve()
        if not source.is_relative_to(self.media_dir.resolve()) or not source.is_file():
            return FAILED, _("file missing"), None
        return IMPORTED, "", source

    def new_image(self, item: wxr.Item, source: Path, caption: str):
        """A photo with its file copied into the library's storage, not yet saved."""
        try:
            with PILImage.open(source) as picture:
                width, height = picture.size
        except (OSError, ValueError, PILImage.DecompressionBombError):
            return None
        image_model = get_image_model()
        with open(source, "rb") as handle:
            image = image_model(
                title=(item.title or source.name)[:255],
                caption=caption,
                width=width,
                height=height,
                file_size=source.stat().st_size,
                file_hash=hash_filelike(handle),
                description=meta(item, ALT_TEXT)[:255],
            )
            handle.seek(0)
            image.file.save(source.name, File(handle), save=False)
        self.written_files.append(image.file.name)
        return image

    def found(self, item: wxr.Item, pk: int, caption: str) -> None:
        """Remember where the stories will look for the photo."""
        self.by_attachment[item.post_id] = pk
        self.captions[pk] = caption
        for address in (item.attachment_url, item.guid):
            if address:
                self.by_address[image_key(address)] = pk
        if relative := meta(item, "_wp_attached_file"):
            self.by_address[image_key(UPLOADS + relative)] = pk

    def image_for(self, reference: str) -> int | None:
        """The image pk of an attachment ID or an image address in a post's HTML."""
        if reference.isdigit():
            return self.by_attachment.get(int(reference))
        return self.by_address.get(image_key(reference))

    def featured(self, item: wxr.Item) -> tuple[int | None, str]:
        """A post's featured image (`_thumbnail_id`) and its caption."""
        thumbnail = meta(item, "_thumbnail_id")
        pk = self.by_attachment.get(int(thumbnail)) if thumbnail.isdigit() else None
        return pk, self.captions.get(pk, "") if pk else ""

    def old_addresses(self, posts: dict[int, int]) -> Iterator[tuple[str, int | None, str]]:
        """(old address, page id, url): an attachment's page leads to the story it belongs
        to (`posts` maps post IDs to page ids), else to its file; an old file address to
        the photo's file in Warta."""
        image_model = get_image_model()
        files = dict(
            image_model.objects.filter(pk__in=self.by_attachment.values()).values_list("pk", "file")
        )
        storage = image_model._meta.get_field("file").storage
        for post_id, (old, parent) in self.pages.items():
            if parent in posts:
                yield from ((address, posts[parent], "") for address in old)
            elif (pk := self.by_attachment.get(post_id)) in files:
                yield from ((address, None, storage.url(files[pk])) for address in old)
        for address, pk in self.by_address.items():
            if address.startswith("/") and pk in files:
                yield address, None, storage.url(files[pk])

    def forget_files(self) -> None:
        """Delete the files copied so far: the import was rolled back."""
        storage = get_image_model()._meta.get_field("file").storage
        for name in self.written_files:
            storage.delete(name)
        self.written_files = []


# Where WordPress keeps a photo's alternative text.
ALT_TEXT = "_wp_attachment_image_alt"


def upload_path(item: wxr.Item) -> str:
    """The attachment's file under wp-content/uploads ("2024/05/banjir.jpg")."""
    if relative := meta(item, "_wp_attached_file"):
        return relative.lstrip("/")
    path = unquote(urlsplit(item.attachment_url).path)
    if UPLOADS in path:
        return path.split(UPLOADS, 1)[1]
    return PurePosixPath(path).name


def image_key(address: str) -> str:
    """An image address as the photos are found by: the path, without a size variant."""
    if "://" in address or address.startswith("/"):
        address = unquote(urlsplit(address).path)
    return _SIZE_VARIANT.sub("", address)
