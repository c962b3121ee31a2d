"""Persisting pending views: batched increments, added exactly once, never a row per view."""

from datetime import date, datetime
from unittest import mock

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from warta.core.clock import today
from warta.engagement import counters
from warta.engagement.counters import apply_batch, flush_views, get_backend, newsroom_now
from warta.engagement.models import ArticleStats, DailyArticleStats
from warta.news.factories import ArticlePageFactory

from .conftest import Reader

pytestmark = pytest.mark.django_db


def views_of(article) -> int:
    return ArticleStats.objects.get(article=article).views


def test_a_batch_is_added_exactly_once(article):
    """Retrying a batch that was already persisted adds nothing the second time."""
    day = timezone.localdate()
    assert apply_batch("batch-1", {(article.pk, day): 40}) is True
    assert apply_batch("batch-1", {(article.pk, day): 40}) is False
    assert views_of(article) == 40
    assert DailyArticleStats.objects.get(article=article, day=day).views == 40


def test_many_views_are_one_update_per_article(client, store, article):
    """Fifty views of one article are persisted with one UPDATE of its row, not fifty."""
    for n in range(1, 51):
        assert Reader(client, n, address=f"10.0.{n}.1").view(article.pk).status_code == 202
    with CaptureQueriesContext(connection) as queries:
        assert flush_views() == 50
    updates = [q["sql"] for q in queries if q["sql"].startswith('UPDATE "engagement_articlestats"')]
    assert len(updates) == 1
    assert views_of(article) == 50


def test_a_failed_flush_keeps_the_views_for_the_next_one(client, store, article, monkeypatch):
    """When the database refuses a flush, the views stay pending; the next flush adds them once."""
    for n in range(1, 4):
        Reader(client, n).view(article.pk)

    def broken(batch_id, counts):
        raise RuntimeError("database unavailable")

    monkeypatch.setattr(counters, "apply_batch", broken)
    with pytest.raises(RuntimeError):
        flush_views()
    assert get_backend().pending_views() == 3
    monkeypatch.undo()
    Reader(client, 4).view(article.pk)
    assert flush_views() == 4
    assert views_of(article) == 4
    assert get_backend().pending_views() == 0


def test_views_of_a_deleted_article_do_not_block_the_others(client, store, article):
    """An article deleted before the flush loses its pending views; the rest are persisted."""
    other = ArticlePageFactory(parent=article.get_parent())
    Reader(client, 1).view(article.pk)
    Reader(client, 2).view(other.pk)
    article.delete()
    assert flush_views() == 2
    assert views_of(other) == 1
    assert not ArticleStats.objects.filter(article_id=article.pk).exists()


def test_views_count_for_the_newsroom_day_they_happened(client, store, article, monkeypatch):
    """A view at 23:59 WIB belongs to that day even when persisted after midnight."""
    late = timezone.make_aware(datetime(2026, 8, 16, 23, 59))
    monkeypatch.setattr("warta.engagement.counters.newsroom_now", lambda: late)
    Reader(client, 1).view(article.pk)
    monkeypatch.undo()
    Reader(client, 2).view(article.pk)
    flush_views()
    days = dict(DailyArticleStats.objects.values_list("day", "views"))
    assert days == {date(2026, 8, 16): 1, timezone.localdate(): 1}


def test_a_batch_taken_but_never_persisted_is_added_by_the_next_flush(client, store, article):
    """A batch a worker took from the pending totals but never persisted (it died) is added
    by the next flush of any worker."""
    for n in range(1, 4):
        Reader(client, n).view(article.pk)
    # The first half of LocalBackend.flush, as a worker that died after it (with Redis too:
    # pending totals are always in the machine's state file).
    backend = getattr(get_backend(), "local", get_backend())
    backend.db.execute("INSERT INTO batches SELECT 'dead', article, day, views FROM pending")
    backend.db.execute("DELETE FROM pending")
    Reader(client, 9).view(article.pk)
    assert get_backend().pending_views() == 4
    assert flush_views() == 4
    assert views_of(article) == 4
    assert flush_views() == 0
    assert backend.db.execute("SELECT count(*) FROM batches").fetchone() == (0,)


@override_settings(TIME_ZONE="Asia/Jayapura")
def test_views_are_dated_in_the_newsroom_zone_whatever_zone_is_current():
    with timezone.override("Asia/Jakarta"):  # 22:30 in Jakarta is 00:30 the next day in WIT
        moment = timezone.make_aware(datetime(2026, 8, 16, 22, 30))
        with mock.patch("warta.engagement.counters.timezone.now", return_value=moment):
            assert str(newsroom_now().tzinfo) == "Asia/Jayapura"
            assert today() == date(2026, 8, 17)
