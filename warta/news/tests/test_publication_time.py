"""A publication time ("Waktu terbit") in the future schedules the story: it is never live
while dated in the future, and the lists never show it before its time."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from warta.news import tasks
from warta.news.factories import SectionPageFactory
from warta.news.models import ArticlePage

pytestmark = pytest.mark.django_db

TITLE = "Panen raya di Jakenan"


def typed(moment) -> str:
    """A time as the editor types it in the admin, to the minute, in the site's zone."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def minute(moment):
    return moment.replace(second=0, microsecond=0)


def publish_new_article(client, **fields):
    """What the article editor posts when the user presses "Publikasikan"."""
    section = SectionPageFactory(title="Daerah")
    data = {
        "title": TITLE,
        "slug": "panen-raya-di-jakenan",
        "summary": "Ringkasan yang sudah diketik.",
        "dateline": "Pati",
        "body": streamfield([("paragraph", rich_text("<p>Paragraf yang diketik.</p>"))]),
        "reporter_links": inline_formset([]),
        "comments": inline_formset([]),
        "tags": "",
        "action-publish": "action-publish",
        **fields,
    }
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk))
    return client.post(url, nested_form_data(data))


def test_future_publication_time_schedules_the_story_for_that_time(admin_client):
    """Published with a future time: not live, its go-live time that time, its task queued."""
    at = minute(timezone.now() + timedelta(hours=2))
    publish_new_article(admin_client, published_at=typed(at))
    article = ArticlePage.objects.get(slug="panen-raya-di-jakenan")
    assert not article.live
    assert article.revisions.get(approved_go_live_at__isnull=False).approved_go_live_at == at
    assert tasks.is_queued(article.pk, at)


def test_scheduled_story_is_not_listed_before_its_time(admin_client, client):
    """ "Berita terbaru" does not show a story whose publication time is still ahead."""
    publish_new_article(admin_client, published_at=typed(timezone.now() + timedelta(hours=2)))
    assert TITLE not in client.get("/").content.decode()


def test_scheduled_story_goes_live_dated_its_publication_time(admin_client, client, monkeypatch):
    """When its time comes the story is live, listed, and dated no later than the moment."""
    at = minute(timezone.now() + timedelta(hours=2))
    publish_new_article(admin_client, published_at=typed(at))
    article = ArticlePage.objects.get(slug="panen-raya-di-jakenan")
    assert not article.live
    later = at + timedelta(seconds=30)
    monkeypatch.setattr(timezone, "now", lambda: later)
    tasks.apply_scheduled_changes.call(article.pk)
    article.refresh_from_db()
    assert (article.live, article.published_at) == (True, at)
    assert TITLE in client.get("/").content.decode()


def test_go_live_time_before_a_future_publication_time_is_refused_keeping_the_text(
    admin_client,
):
    """A story set to go live before its publication time: an error beside the time, the
    text typed still there, nothing saved."""
    now = timezone.now()
    response = publish_new_article(
        admin_client,
        published_at=typed(now + timedelta(hours=2)),
        go_live_at=typed(now + timedelta(hours=1)),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["published_at"]
    html = response.content.decode()
    assert "Ringkasan yang sudah diketik." in html
    assert f'value="{TITLE}"' in html
    assert not ArticlePage.objects.exists()


def test_past_publication_time_publishes_at_once_with_that_date(admin_client):
    """A time in the past is a backdated story, published now."""
    at = minute(timezone.now() - timedelta(days=1))
    publish_new_article(admin_client, published_at=typed(at))
    article = ArticlePage.objects.get(slug="panen-raya-di-jakenan")
    assert (article.live, article.published_at) == (True, at)
