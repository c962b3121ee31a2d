"""Small readings of an export's items that the import's parts share."""

from __future__ import annotations

import hashlib
import json

from django.utils.html import strip_tags

from . import wxr


def meta(item: wxr.Item, key: str) -> str:
    """The item's first value of the post meta `key`, or ""."""
    values = item.postmeta.get(key)
    return values[0].strip() if values else ""


def plain(html: str) -> str:
    """HTML as one line of text (an excerpt, a caption)."""
    return " ".join(strip_tags(html or "").split())


def fingerprint(*values) -> str:
    """A hash of what was read of an object: the same export gives the same fingerprint."""
    return hashlib.sha256(json.dumps(values, default=str, ensure_ascii=False).encode()).hexdigest()
