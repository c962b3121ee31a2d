"""What readers do with an article: the view count and the six reactions.

Counts live in their own row, not on the article page: a page's fields are
versioned with its revisions, so publishing an old revision would roll a
counter kept there back.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Reaction(models.TextChoices):
    """The six reactions of the reference page, in its order."""

    LIKE = "like", _("Like")
    LOVE = "love", _("Love")
    HAHA = "haha", _("Haha")
    WOW = "wow", _("Wow")
    SAD = "sad", _("Sad")
    ANGRY = "angry", _("Angry")


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

    class Meta:
        verbose_name = _("article statistics")
        verbose_name_plural = _("article statistics")

    def __str__(self) -> str:
        return f"{self.article_id}: {self.views} views"

    def reaction_counts(self) -> dict[str, int]:
        return {reaction.value: getattr(self, reaction.value) for reaction in Reaction}
