"""The newsroom's figures on the admin dashboard: views today, the most read stories of the
last 24 hours and how readers reacted.

Everything is read from the counters' tables (`DailyArticleStats`, `ArticleStats`,
`Reaction`) in the admin's request, never on reader pages. Views reach those tables when
the counters flush (every WARTA_ENGAGEMENT_FLUSH_SECONDS); the panel says so.

The daily rows hold no hours, so "the last 24 hours" is what Terpopuler already calls it
(`popular.window_score`): today's views plus yesterday's weighted by the part of yesterday
still inside the window. For the same reason "yesterday by this time" is yesterday's total
times the part of the day gone by, an estimate the panel names as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, F, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from warta.news.models import ArticlePage

from .models import DailyArticleStats, Reaction
from .popular import window_score
from .shares import reaction_shares

TOP_STORIES = 10


def day_part_gone(now: datetime) -> float:
    """The share of the newsroom's day gone by at `now` (0 at midnight, almost 1 at 23:59)."""
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    return (now - midnight).total_seconds() / 86400


@dataclass(frozen=True)
class ViewsToday:
    """Today's views so far beside yesterday's, whole and by the same time of day."""

    today: int
    yesterday: int
    yesterday_by_now: int

    @property
    def change(self) -> int | None:
        """Today against yesterday by this time, in whole percent; None without a base."""
        if not self.yesterday_by_now:
            return None
        return round((self.today - self.yesterday_by_now) * 100 / self.yesterday_by_now)


def views_today(now: datetime | None = None) -> ViewsToday:
    """Views counted today and yesterday, from the two days' rows in one query."""
    now = timezone.localtime(now)
    today = now.date()
    yesterday = today - timedelta(days=1)
    rows = DailyArticleStats.objects.filter(day__gte=yesterday, day__lte=today)
    sums = dict(rows.values("day").annotate(views=Sum("views")).values_list("day", "views"))
    by_now = sums.get(yesterday, 0) * day_part_gone(now)
    return ViewsToday(sums.get(today, 0), sums.get(yesterday, 0), round(by_now))


@dataclass(frozen=True)
class TopStory:
    article: ArticlePage
    views: int  # in the last 24 hours
    reactions: int  # standing now, on the story


def top_stories(limit: int = TOP_STORIES, now: datetime | None = None) -> list[TopStory]:
    """The live stories most read in the last 24 hours, with those views and their reactions.

    Two queries: the ranking over the two days' rows, then the stories with their totals.
    """
    now = timezone.localtime(now)
    ranked = list(
        DailyArticleStats.objects.filter(
            day__gte=now.date() - timedelta(days=1), day__lte=now.date(), article__live=True
        )
        .values("article")
        .annotate(score=window_score("views", 1, now))
        .filter(score__gt=0)
        .order_by("-score", "-article")
        .values_list("article", "score")[:limit]
    )
    reactions = sum((F(f"stats__{kind}") for kind in Reaction.Kind.values), start=0)
    stories = (
        ArticlePage.objects.live()
        .annotate(reaction_total=Coalesce(reactions, 0))
        .defer_streamfields()
        .in_bulk([pk for pk, _score in ranked])
    )
    return [
        TopStory(stories[pk], round(score), stories[pk].reaction_total)
        for pk, score in ranked
        if pk in stories
    ]


@dataclass(frozen=True)
class ReactionShare:
    kind: str
    label: str
    count: int
    share: int  # whole percent of all the reactions counted


def reaction_breakdown(now: datetime | None = None) -> list[ReactionShare]:
    """The six reactions given (or changed) in the last 24 hours: counts and shares.

    Reads the reactions of the window only, through the index on their time.
    """
    since = (now or timezone.now()) - timedelta(hours=24)
    counted = dict(
        Reaction.objects.filter(updated_at__gte=since)
        .values("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    counts = {kind.value: counted.get(kind.value, 0) for kind in Reaction.Kind}
    shares = reaction_shares(counts)
    return [
        ReactionShare(kind.value, str(kind.label), counts[kind.value], shares[kind.value])
        for kind in Reaction.Kind
    ]
