"""What readers do with an article: the view count and the six reactions.

Counts live in their own rows, not on the article page: a page's fields are
versioned with its revisions, so publishing an old revision would roll a
counter kept there back. Views are not written one by one: they are added up
in memory or in Redis and persisted in batches (see `counters.py`).
"""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from warta.core import clock


class ArticleStatsQuerySet(models.QuerySet):
    def ensure(self, article_ids) -> None:
        """Create the missing rows, so that increments can be plain UPDATEs."""
        self.bulk_create([ArticleStats(article_id=pk) for pk in article_ids], ignore_conflicts=True)


class ArticleStats(models.Model):
    """Running totals for one article, read with the page in one query."""

    article = models.OneToOneField(
        "news.ArticlePage", on_delete=models.CASCADE, primary_key=True, related_name="stats"
    )
    views = models.PositiveBigIntegerField(_("views"), default=0)
    like = models.PositiveIntegerField(default=0)
    love = models.PositiveIntegerField(default=0)
    haha = models.PositiveIntegerField(default=0)
    wow = models.PositiveIntegerField(default=0)
    sad = models.PositiveIntegerField(default=0)
    angry = models.PositiveIntegerField(default=0)

    objects = ArticleStatsQuerySet.as_manager()

    class Meta:
        verbose_name = _("article statistics")
        verbose_name_plural = _("article statistics")

    def __str__(self) -> str:
        return f"{self.article_id}: {self.views} views"

    def reaction_counts(self) -> dict[str, int]:
        return {kind.value: getattr(self, kind.value) for kind in Reaction.Kind}


class DailyArticleStatsQuerySet(models.QuerySet):
    def add(self, increments: dict[tuple[int, date], tuple[int, int]]) -> None:
        """Add (views, reactions) to each (article, day), creating the missing rows."""
        self.bulk_create(
            [DailyArticleStats(article_id=pk, day=day) for pk, day in increments],
            ignore_conflicts=True,
        )
        for (pk, day), (views, reactions) in increments.items():
            self.filter(article_id=pk, day=day).update(
                views=F("views") + views, reactions=F("reactions") + reactions
            )


class DailyArticleStats(models.Model):
    """Views and reactions of one article on one day (newsroom time), for Terpopuler.

    The index starts with the day, so a "most read this week" query reads the
    rows of the week only, however many views the site has counted ever.
    """

    article = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="daily_stats"
    )
    day = models.DateField(_("day"))
    views = models.PositiveBigIntegerField(_("views"), default=0)
    # Reactions given that day less those taken back: it can be negative.
    reactions = models.BigIntegerField(_("reactions"), default=0)

    objects = DailyArticleStatsQuerySet.as_manager()

    class Meta:
        verbose_name = _("daily article statistics")
        verbose_name_plural = _("daily article statistics")
        constraints = [
            models.UniqueConstraint(fields=["day", "article"], name="engagement_daily_day_article")
        ]

    def __str__(self) -> str:
        return f"{self.article_id} on {self.day}: {self.views} views"


class ReactionQuerySet(models.QuerySet):
    def choose(
        self, article_id: int, reader: str, kind: str | None, toggle: bool = False
    ) -> str | None:
        """Set, change (kind) or take back (None) a reader's reaction; returns the choice.

        With `toggle`, choosing the reaction the reader already has takes it back
        (the no-JavaScript form, whose buttons cannot know the reader's choice).

        The reader's row and the article's tallies change in one transaction, so
        the tallies always equal the rows. A second request racing to create the
        same row fails on the unique constraint and is retried once.
        """
        for attempt in range(2):
            try:
                with transaction.atomic():
                    return self._choose(article_id, reader, kind, toggle)
            except IntegrityError:
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def _choose(self, article_id: int, reader: str, kind: str | None, toggle: bool) -> str | None:
        row = self.select_for_update().filter(article_id=article_id, reader=reader).first()
        previous = row.kind if row else None
        if toggle and kind == previous:
            kind = None
        if previous == kind:
            return kind
        changes: dict[str, F] = {}
        if previous:
            changes[previous] = F(previous) - 1
        if kind:
            changes[kind] = F(kind) + 1
        if row and kind:
            row.kind = kind
            row.save(update_fields=["kind", "updated_at"])
        elif row:
            row.delete()
        else:
            self.create(article_id=article_id, reader=reader, kind=kind)
        ArticleStats.objects.ensure([article_id])
        ArticleStats.objects.filter(pk=article_id).update(**changes)
        if previous is None or kind is None:
            DailyArticleStats.objects.add({(article_id, clock.today()): (0, 1 if kind else -1)})
        return kind


class Reaction(models.Model):
    """One reader's reaction to one article: at most one, which the reader may change.

    `reader` is a keyed hash of the reader's random first-party id, never the id
    itself, and nothing that names a person or a device.
    """

    class Kind(models.TextChoices):
        """The six reactions of the reference page, in its order."""

        LIKE = "like", _("Like")
        LOVE = "love", _("Love")
        HAHA = "haha", _("Haha")
        WOW = "wow", _("Wow")
        SAD = "sad", _("Sad")
        ANGRY = "angry", _("Angry")

    article = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="reactions"
    )
    reader = models.CharField(_("reader"), max_length=64)
    kind = models.CharField(_("reaction"), max_length=10, choices=Kind)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReactionQuerySet.as_manager()

    class Meta:
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        constraints = [
            models.UniqueConstraint(fields=["article", "reader"], name="engagement_one_per_reader")
        ]
        # The dashboard's breakdown reads the last 24 hours' reactions only.
        indexes = [models.Index(fields=["updated_at"], name="engagement_reaction_updated")]

    def __str__(self) -> str:
        return f"{self.kind} on {self.article_id}"


class AppliedBatch(models.Model):
    """A batch of view counts already added to the totals, so that it is never added twice.

    A flush records its batch id in the same transaction as the increments: a
    retry after an unclear failure (or two servers flushing the same Redis
    batch) finds the id and skips the batch.
    """

    id = models.CharField(primary_key=True, max_length=40)
    applied_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("applied view batch")
        verbose_name_plural = _("applied view batches")

    def __str__(self) -> str:
        return self.id
