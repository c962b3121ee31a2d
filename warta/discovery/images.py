"""The renditions an article is shared and described with: link previews and structured data.

WhatsApp shows no preview for an image over 300 KB, so the share image is a
1200×630 JPEG that steps down in quality until it fits; a busy photo may need
a lower quality than the usual 80.
"""

from __future__ import annotations

from django.core.cache import cache

from warta.core.caches import Memo
from warta.images.specs import (
    FOUR_THREE_IMAGE_SPEC,
    LEAD_IMAGE_SPEC,
    SHARE_IMAGE_SPEC,
    SQUARE_IMAGE_SPEC,
)

SHARE_IMAGE_MAX_BYTES = 300 * 1024
# Tried in order after SHARE_IMAGE_SPEC when a rendition is still too heavy.
SHARE_IMAGE_FALLBACK_SPECS = (
    "fill-1200x630|format-jpeg|jpegquality-65",
    "fill-1200x630|format-jpeg|jpegquality-50",
    "fill-1200x630|format-jpeg|jpegquality-35",
    "fill-960x504|format-jpeg|jpegquality-35",
)
# schema.org NewsArticle images, in the aspect ratios Google asks for: 1:1, 4:3, 16:9.
STRUCTURED_DATA_IMAGE_SPECS = (SQUARE_IMAGE_SPEC, FOUR_THREE_IMAGE_SPEC, LEAD_IMAGE_SPEC)
SIZES = Memo(
    "rendition-sizes",
    bound=10_000,
    key="a rendition's id and file name",
    invalidated_by="the rendition saved or deleted (signals.py)",
)


def file_size(rendition) -> int | None:
    """Bytes of a rendition's file, remembered by the worker and in the shared cache:
    remote storages answer slowly. A rendition's file does not change; a new or deleted
    rendition drops what was remembered under its name (`forget_file_size`)."""
    name = rendition.file.name
    size = SIZES.get((rendition.pk, name))
    if size is not None:
        return size
    key = f"warta-rendition-bytes:{name}"
    size = cache.get(key)
    if size is None:
        try:
            size = rendition.file.size
        except OSError:
            return None
        cache.set(key, size, None)
    SIZES[(rendition.pk, name)] = size
    return size


def forget_file_size(rendition) -> None:
    """A rendition saved or deleted: its file may be new, or gone."""
    if rendition.file.name:
        SIZES.pop((rendition.pk, rendition.file.name))
        cache.delete(f"warta-rendition-bytes:{rendition.file.name}")


def share_rendition(image):
    """The 1200×630 JPEG link preview of `image`, under SHARE_IMAGE_MAX_BYTES."""
    for spec in (SHARE_IMAGE_SPEC, *SHARE_IMAGE_FALLBACK_SPECS):
        rendition = image.get_rendition(spec)
        size = file_size(rendition)
        if size is not None and size <= SHARE_IMAGE_MAX_BYTES:
            break
    return rendition


def structured_data_renditions(image) -> list:
    """The 1:1, 4:3 and 16:9 renditions of `image` for NewsArticle.image: one by one, each
    found among those prefetched for the page (NewsImage.get_rendition)."""
    return [image.get_rendition(spec) for spec in STRUCTURED_DATA_IMAGE_SPECS]
