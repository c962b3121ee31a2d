"""Terpopuler: most read in 24 hours and 7 days, most reactions, from the daily counts."""

import time
from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from warta.core import generation
from warta.engagement import jinja2tags as engagement_tags
from warta.engagement.models import DailyArticleStats
from warta.engagement.popular import popular_lists
from warta.news.factories import ArticlePageFactory, SectionPageFactory, home_page

pytestmark = pytest.mark.django_db

NINE_AM = timezone.make_aware(datetime(2026, 5, 20, 9, 0))


def counted(article, days_ago: int, views: int = 0, reactions: int = 0):
    day = NINE_AM.date() - timedelta(days=days_ago)
    DailyArticleStats.objects.create(article=article, day=day, views=views, reactions=reactions)


def titles(lists, key):
    return [a.title for entry in lists if entry.key == key for a in entry.articles]


def test_most_read_in_24_hours_weighs_yesterday_by_the_hours_still_inside():
    """At 09:00, 24 hours are today plus the last 15 hours of yesterday (15/24 of its views)."""
    section = SectionPageFactory()
    today = ArticlePageFactory(parent=section, title="Pagi ini")
    yesterday = ArticlePageFactory(parent=section, title="Kemarin")
    older = ArticlePageFactory(parent=section, title="Dua hari lalu")
    counted(today, 0, views=100)
    counted(yesterday, 1, views=150)  # 150 × 15/24 = 93.75 < 100
    counted(older, 2, views=10_000)
    lists = popular_lists(now=NINE_AM)
    assert titles(lists, "read-day") == ["Pagi ini", "Kemarin"]
    counted(yesterday, 0, views=10)  # now 103.75 > 100
    assert titles(popular_lists(now=NINE_AM), "read-day") == ["Kemarin", "Pagi ini"]


def test_most_read_in_7_days_sums_the_week_and_leaves_older_days_out():
    """The week list adds up seven days; a story read a lot eight days ago is not in it."""
    section = SectionPageFactory()
    steady = ArticlePageFactory(parent=section, title="Tiap hari")
    spike = ArticlePageFactory(parent=section, title="Sekali ramai")
    old = ArticlePageFactory(parent=section, title="Minggu lalu")
    for days_ago in range(6):
        counted(steady, days_ago, views=50)
    counted(spike, 3, views=200)
    counted(old, 8, views=5_000)
    assert titles(popular_lists(now=NINE_AM), "read-week") == ["Tiap hari", "Sekali ramai"]


def test_most_reactions_lists_stories_by_reactions_given_this_week():
    """Most reacted: reactions given minus taken back over 7 days; none or fewer is left out."""
    section = SectionPageFactory()
    loved = ArticlePageFactory(parent=section, title="Disukai")
    quiet = ArticlePageFactory(parent=section, title="Sepi")
    counted(loved, 1, views=5, reactions=12)
    counted(quiet, 1, views=500, reactions=0)
    assert titles(popular_lists(now=NINE_AM), "reacted-week") == ["Disukai"]


def test_unpublished_articles_are_left_out():
    """A story taken offline leaves Terpopuler."""
    article = ArticlePageFactory(title="Ditarik")
    counted(article, 0, views=999)
    article.unpublish()
    assert popular_lists(now=NINE_AM) == []


def test_a_section_lists_its_own_stories_only():
    """On a section page, Terpopuler covers that section and its subsections."""
    daerah = SectionPageFactory(title="Daerah")
    pati = SectionPageFactory(title="Pati", parent=daerah)
    olahraga = SectionPageFactory(title="Olahraga")
    counted(ArticlePageFactory(parent=pati, title="Dari Pati"), 0, views=5)
    counted(ArticlePageFactory(parent=olahraga, title="Sepak bola"), 0, views=50)
    assert titles(popular_lists(section=daerah, now=NINE_AM), "read-day") == ["Dari Pati"]


def test_terpopuler_takes_four_queries_however_many_stories_and_days():
    """Three ranked lists and one query for the articles: the count does not grow."""
    section = SectionPageFactory()
    counts = []
    for batch in range(2):
        for days_ago in range(10):
            counted(ArticlePageFactory(parent=section), days_ago, views=days_ago + batch + 1)
        with CaptureQueriesContext(connection) as queries:
            popular_lists(now=NINE_AM)
        counts.append(len(queries))
    assert counts == [4, 4]


def test_the_home_and_section_pages_show_terpopuler(client):
    """Both pages print the lists with links to the stories, in the reader's language."""
    section = SectionPageFactory(title="Ekonomi")
    article = ArticlePageFactory(parent=section, title="Harga cabai turun")
    DailyArticleStats.objects.create(article=article, day=timezone.localdate(), views=30)
    for url in (home_page().url, section.url):
        html = client.get(url).content.decode()
        assert '<h2 id="popular-title">Terpopuler</h2>' in html
        assert "Terbanyak dibaca 24 jam terakhir" in html
        assert f'<a href="{article.url}">Harga cabai turun</a>' in html
    html = client.get(f"/en{section.url}").content.decode()
    assert "Most read in 24 hours" in html


def test_without_any_counts_there_is_no_terpopuler(client):
    """A new site shows no empty Terpopuler box."""
    ArticlePageFactory()
    assert "popular-title" not in client.get(home_page().url).content.decode()


def test_a_worker_keeps_terpopuler_a_minute_but_drops_a_story_taken_down(client, monkeypatch):
    """New counts reach the lists within a minute; an unpublished story leaves at once."""
    first = ArticlePageFactory(title="Harga cabai turun")
    DailyArticleStats.objects.create(article=first, day=timezone.localdate(), views=30)
    assert "Harga cabai turun" in client.get(home_page().url).content.decode()
    second = ArticlePageFactory(title="Jalan desa diperbaiki")
    second_counts = DailyArticleStats.objects.create(
        article=second, day=timezone.localdate(), views=5
    )

    def popular() -> str:
        return client.get(home_page().url).content.decode().split('id="popular-title"')[1]

    before = popular()  # the new story changed the content: computed afresh
    assert before.index("Harga cabai turun") < before.index("Jalan desa diperbaiki")
    second_counts.views = 50
    second_counts.save()
    assert popular() == before  # only counts changed: kept
    later = time.time() + engagement_tags.POPULAR_KEPT_SECONDS + 1
    monkeypatch.setattr(generation.time, "time", lambda: later)
    after = popular()
    assert after.index("Jalan desa diperbaiki") < after.index("Harga cabai turun")
    second.unpublish()
    assert "Jalan desa diperbaiki" not in popular()
