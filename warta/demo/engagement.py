"""Demo counts: an article's printed total, spread over the past week for Terpopuler.

Called by the demo loader for each article. Counts already there are kept, so
views and reactions made on the demo site survive `warta demo` being run again.
"""

from datetime import timedelta

from django.utils import timezone

from warta.engagement.models import ArticleStats, DailyArticleStats

# Share of the total read on each of the last seven days, today first.
WEEK_SHAPE = (30, 22, 15, 11, 9, 7, 6)


def seed_counts(article_id: int, views: int) -> bool:
    """Give a new demo article `views` views; False (and no change) when it has counts."""
    _stats, created = ArticleStats.objects.get_or_create(
        article_id=article_id, defaults={"views": views}
    )
    if not created:
        return False
    today = timezone.localdate()
    shares = [views * part // 100 for part in WEEK_SHAPE]
    shares[0] += views - sum(shares)
    DailyArticleStats.objects.bulk_create(
        DailyArticleStats(article_id=article_id, day=today - timedelta(days=age), views=count)
        for age, count in enumerate(shares)
        if count
    )
    return True
