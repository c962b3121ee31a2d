"""Demo counts survive a reload of the demo and feed Terpopuler."""

import pytest
from django.db.models import Sum

from warta.demo.engagement import seed_counts
from warta.engagement.models import ArticleStats, DailyArticleStats
from warta.engagement.popular import popular_lists
from warta.news.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return ArticlePageFactory()


def test_demo_counts_spread_the_total_over_the_week(article):
    """The printed total is the sum of seven daily counts, so Terpopuler has something to rank."""
    assert seed_counts(article.pk, 805) is True
    assert ArticleStats.objects.get(article=article).views == 805
    daily = DailyArticleStats.objects.filter(article=article)
    assert daily.count() == 7
    assert daily.aggregate(total=Sum("views"))["total"] == 805
    assert [entry.key for entry in popular_lists()] == ["read-day", "read-week"]


def test_reloading_the_demo_keeps_the_counts_readers_made(article):
    """A second run leaves counts alone: views made on the demo site survive a restart."""
    seed_counts(article.pk, 805)
    ArticleStats.objects.filter(article=article).update(views=812)
    assert seed_counts(article.pk, 805) is False
    assert ArticleStats.objects.get(article=article).views == 812
