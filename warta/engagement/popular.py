"""Terpopuler: the most-read and most-reacted articles, from the daily counts.

Each list reads only the daily rows of its window through the (day, article)
index: its cost grows with the articles read in the window, not with every view
ever counted. A window of N days ending now covers today, the N-1 days before,
and the part of the day before those still inside the window: that day's count
is weighted by the share of it that is (so "24 hours" at 09:00 is today's views
plus 15/24 of yesterday's).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Case, F, FloatField, Sum, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from warta.news.models import ArticlePage

from .models import DailyArticleStats


@dataclass
class PopularList:
    key: str
    title: str
    articles: list = field(default_factory=list)


def window_score(column: str, days: int, now: datetime) -> Sum:
    """Sum of `column` over the last `days` × 24 hours, the oldest day weighted by its part."""
    today = now.date()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    part_left = 1 - (now - midnight).total_seconds() / 86400
    return Sum(
        Case(
            When(day=today - timedelta(days=days), then=F(column) * Value(part_left)),
            default=F(column) * Value(1.0),
            output_field=FloatField(),
        )
    )


def ranked_ids(rows, column: str, days: int, now: datetime, limit: int) -> list[int]:
    first_day: date = now.date() - timedelta(days=days)
    return list(
        rows.filter(day__gte=first_day)
        .values("article")
        .annotate(score=window_score(column, days, now))
        .filter(score__gt=0)
        .order_by("-score", "-article")
        .values_list("article", flat=True)[:limit]
    )


def popular_lists(section=None, limit: int = 5, now: datetime | None = None) -> list[PopularList]:
    """Most read in 24 hours and in 7 days, most reactions in 7 days: four queries in all."""
    now = timezone.localtime(now)
    # Sponsored stories are left out: a sponsor's paid campaign would make its advertorial
    # the newsroom's "most read", blurring the line PPMS 6 draws between news and adverts.
    rows = DailyArticleStats.objects.filter(article__live=True, article__is_sponsored=False)
    if section is not None:
        rows = rows.filter(article__path__startswith=section.path)
    lists = [
        (PopularList("read-day", _("Most read in 24 hours")), "views", 1),
        (PopularList("read-week", _("Most read in 7 days")), "views", 7),
        (PopularList("reacted-week", _("Most reactions in 7 days")), "reactions", 7),
    ]
    ranked = {entry.key: ranked_ids(rows, col, days, now, limit) for entry, col, days in lists}
    wanted = {pk for ids in ranked.values() for pk in ids}
    articles = ArticlePage.objects.live().in_bulk(wanted) if wanted else {}
    result = []
    for entry, _column, _days in lists:
        entry.articles = [articles[pk] for pk in ranked[entry.key] if pk in articles]
        if entry.articles:
            result.append(entry)
    return result
