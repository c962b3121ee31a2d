"""Corrections on the reader pages: which stories carry one, what each story shows, and
the story's update time, which follows its newest correction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Max, QuerySet

from warta.core import generation
from warta.news.models import ArticlePage

from .models import Correction


@dataclass(frozen=True)
class ShownCorrection:
    """A correction as a story shows it: kept across requests, so plain."""

    pk: int
    corrected_at: datetime
    text: str
    apology: str

    @property
    def anchor(self) -> str:
        return f"ralat-{self.pk}"


def corrections_shown(request, article: ArticlePage) -> list[ShownCorrection]:
    """The story's corrections, oldest first, as its page prints them at its end.

    A corrected story always has an update time (`follow_newest_correction`), so a story
    without one, nearly all, needs no query; the others' are kept by the worker until
    content changes."""
    if article.pk is None or article.updated_at is None:
        return []

    def read() -> list[ShownCorrection]:
        rows = Correction.objects.filter(article_id=article.pk).order_by("corrected_at", "pk")
        return [ShownCorrection(row.pk, row.corrected_at, row.text, row.apology) for row in rows]

    return generation.kept(request, ("press:corrections", article.pk), read)


def newest_correction_time(article_id: int) -> datetime | None:
    return Correction.objects.filter(article_id=article_id).aggregate(newest=Max("corrected_at"))[
        "newest"
    ]


def follow_newest_correction(article_id: int) -> bool:
    """Move the story's update time ("Diperbarui") to its newest correction when that is
    later. Written to the live row, not a revision: a correction needs no republication,
    and a draft published later is brought forward again (signals.py). True if moved."""
    newest = newest_correction_time(article_id)
    if newest is None:
        return False
    stale = ArticlePage.objects.filter(pk=article_id).exclude(updated_at__gte=newest)
    return bool(stale.update(updated_at=newest))


def public_corrections(root, request=None) -> QuerySet[Correction]:
    """Corrections of the live, public stories under a site's `root`, newest first: what
    /ralat/ and its feed list."""
    readable = ArticlePage.objects.live().public(request).descendant_of(root).values("pk")
    return (
        Correction.objects.filter(article_id__in=readable)
        .select_related("article")
        .order_by("-corrected_at", "-pk")
    )
