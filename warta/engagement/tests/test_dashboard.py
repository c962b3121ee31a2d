"""The readers' figures on the admin dashboard: views today, most read, reactions."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from warta.engagement.dashboard import reaction_breakdown, top_stories, views_today
from warta.engagement.models import ArticleStats, DailyArticleStats, Reaction
from warta.news.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

NINE_AM = timezone.make_aware(datetime(2026, 5, 20, 9, 0))
TODAY = NINE_AM.date()
YESTERDAY = TODAY - timedelta(days=1)


def counted(article, day, views=0):
    DailyArticleStats.objects.create(article=article, day=day, views=views)


def test_views_today_adds_up_every_story_of_the_day():
    """Today's figure is the sum of today's views of all stories; older days are left out."""
    first, second = ArticlePageFactory(), ArticlePageFactory()
    counted(first, TODAY, 120)
    counted(second, TODAY, 30)
    counted(first, TODAY - timedelta(days=2), 9_999)
    assert views_today(NINE_AM).today == 150


def test_change_compares_with_yesterday_by_the_same_time_of_day():
    """At 09:00 today is compared with 9/24 of yesterday's views: 150 against 120 is +25%."""
    article = ArticlePageFactory()
    counted(article, TODAY, 150)
    counted(article, YESTERDAY, 320)  # 320 × 9/24 = 120
    figures = views_today(NINE_AM)
    assert (figures.yesterday, figures.yesterday_by_now, figures.change) == (320, 120, 25)


def test_change_is_unknown_without_views_yesterday():
    """With nothing to compare with, the change is None rather than a division by zero."""
    counted(ArticlePageFactory(), TODAY, 10)
    assert views_today(NINE_AM).change is None


def test_top_stories_rank_by_the_last_24_hours_with_views_and_reactions():
    """Most read first; yesterday counts by the part still inside; reactions are the story's."""
    fresh = ArticlePageFactory(title="Pagi ini")
    older = ArticlePageFactory(title="Kemarin")
    counted(fresh, TODAY, 100)
    counted(older, YESTERDAY, 240)  # 240 × 15/24 = 150
    ArticleStats.objects.create(article=older, like=3, sad=2)
    stories = top_stories(now=NINE_AM)
    assert [(s.article.title, s.views, s.reactions) for s in stories] == [
        ("Kemarin", 150, 5),
        ("Pagi ini", 100, 0),
    ]


def test_top_stories_are_ten_live_ones():
    """At most ten stories, and a story taken offline is not among them."""
    articles = [ArticlePageFactory() for _ in range(12)]
    for views, article in enumerate(articles, start=1):
        counted(article, TODAY, views)
    articles[-1].unpublish()
    stories = top_stories(now=NINE_AM)
    assert len(stories) == 10
    assert articles[-1].pk not in {story.article.pk for story in stories}


def test_reaction_breakdown_counts_the_last_24_hours_with_shares():
    """Six kinds in the readers' order, counted over 24 hours, shares adding up to 100."""
    article = ArticlePageFactory()
    for n, kind in enumerate(["like", "like", "love", "angry"]):
        Reaction.objects.create(article=article, reader=f"r{n}", kind=kind)
    stale = Reaction.objects.create(article=article, reader="old", kind="sad")
    Reaction.objects.filter(pk=stale.pk).update(updated_at=timezone.now() - timedelta(hours=25))
    breakdown = reaction_breakdown()
    assert [(r.kind, r.count, r.share) for r in breakdown] == [
        ("like", 2, 50),
        ("love", 1, 25),
        ("haha", 0, 0),
        ("wow", 0, 0),
        ("sad", 0, 0),
        ("angry", 1, 25),
    ]


def test_dashboard_shows_the_figures(admin_client):
    """The admin home shows today's views, the most read story and the reaction shares."""
    article = ArticlePageFactory(title="Banjir di Juwana")
    counted(article, timezone.localdate(), 1234)
    Reaction.objects.create(article=article, reader="r1", kind="wow")
    html = admin_client.get("/admin/").content.decode()
    assert "1.234" in html
    assert "Banjir di Juwana" in html
    assert f"/admin/pages/{article.pk}/edit/" in html
    assert "100%" in html
