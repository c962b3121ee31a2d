"""What a restore must bring back, in a form that compares across databases.

`site_fingerprint()` reads the articles, their revisions, people, images and renditions
(with their files' SHA-256), Wagtail's redirects and the old WordPress addresses, views,
daily counts and reactions, the uploaded files and what the search finds; `PRINT` is
a program printing it as JSON, for sites in other processes.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Revision

from warta.engagement.models import ArticleStats, DailyArticleStats, Reaction
from warta.images.models import NewsImage, NewsRendition
from warta.news.models import ArticlePage, Person
from warta.wordpress.models import OldAddress

SEARCHED = "ketupat"  # a word only the test's articles hold


def plain(value: Any) -> Any:
    """A value as the same JSON on SQLite and PostgreSQL."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date | Decimal):
        return str(value)
    if hasattr(value, "raw_data"):  # a StreamField's blocks
        return json.loads(json.dumps(list(value.raw_data), default=str))
    return value


def rows(queryset) -> list[dict]:
    found = [{key: plain(value) for key, value in row.items()} for row in queryset.values()]
    return sorted(found, key=lambda row: json.dumps(row, sort_keys=True, default=str))


def file_hashes(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def site_fingerprint() -> dict[str, Any]:
    """The site's content, counts and files (see the module's docstring)."""
    articles = ArticlePage.objects.all()
    return {
        "pages": rows(Page.objects.all()),
        "articles": rows(articles),
        "article_tags": sorted([article.pk, sorted(article.tags.names())] for article in articles),
        "revisions": rows(Revision.objects.all()),
        "people": rows(Person.objects.all()),
        "accounts": rows(get_user_model().objects.all()),
        "images": rows(NewsImage.objects.all()),
        "renditions": rows(NewsRendition.objects.all()),
        "redirects": rows(Redirect.objects.all()),
        "old_addresses": rows(OldAddress.objects.all()),
        "stats": rows(ArticleStats.objects.all()),
        "daily_stats": rows(DailyArticleStats.objects.all()),
        "reactions": rows(Reaction.objects.all()),
        "media": file_hashes(Path(settings.MEDIA_ROOT)),
        "attachments": file_hashes(Path(settings.WARTA_REPLIES["ATTACHMENT_ROOT"])),
        "found": sorted(page.pk for page in ArticlePage.objects.live().search(SEARCHED)),
    }


PRINT = (
    "import django, json; django.setup(); "
    "from warta.operations.tests.fingerprint import site_fingerprint; "
    "print(json.dumps(site_fingerprint(), default=str))"
)
