"""What workers keep between requests is recomputed as soon as published content changes."""

import time
from datetime import timedelta

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from warta.core import generation
from warta.news.factories import ArticlePageFactory, NewsImageFactory, SectionPageFactory
from warta.news.models import NewsroomSettings

pytestmark = pytest.mark.django_db


def request():
    return RequestFactory().get("/")


def test_kept_values_last_until_the_generation_changes():
    computed = []

    def compute():
        computed.append(1)
        return len(computed)

    assert generation.kept(request(), "answer", compute) == 1
    assert generation.kept(request(), "answer", compute) == 1
    generation.bump()
    assert generation.kept(request(), "answer", compute) == 2


def test_a_kept_value_expires_at_the_time_it_names(monkeypatch):
    soon = time.time() + 30
    assert generation.kept(request(), "clock", lambda: "first", lambda value: soon) == "first"
    assert generation.kept(request(), "clock", lambda: "second") == "first"
    monkeypatch.setattr(generation.time, "time", lambda: soon + 1)
    assert generation.kept(request(), "clock", lambda: "second") == "second"


def test_the_generation_is_read_once_per_request():
    one = request()
    with CaptureQueriesContext(connection) as queries:
        first = generation.current(one)
        generation.bump()
        assert generation.current(one) == first  # the request keeps what it started with
    assert len(queries) == 2  # the read and the bump
    assert generation.current(request()) == first + 1


def test_publishing_a_section_shows_it_in_the_navigation_on_the_next_request(client):
    assert "Olahraga" not in client.get("/").content.decode()
    section = SectionPageFactory(title="Olahraga")
    assert "Olahraga" in client.get("/").content.decode()
    section.unpublish()
    assert "Olahraga" not in client.get("/").content.decode()


def test_a_breaking_story_enters_and_leaves_the_ticker_on_the_next_request(client, monkeypatch):
    def ticker() -> str:
        html = client.get("/").content.decode()
        return html.split('class="ticker"')[1].split("</section>")[0] if "ticker" in html else ""

    assert ticker() == ""
    story = ArticlePageFactory(
        title="Genting", is_breaking=True, breaking_until=timezone.now() + timedelta(minutes=5)
    )
    assert "Genting" in ticker()
    later = timezone.now() + timedelta(minutes=6)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(generation.time, "time", lambda: later.timestamp())
    assert "Genting" not in ticker()
    story.unpublish()
    assert ticker() == ""


def test_changed_newsroom_settings_reach_the_next_article_page(client):
    article = ArticlePageFactory(credit_line="", dateline="Pati")
    settings = NewsroomSettings.for_site(article.get_site())
    settings.default_credit_line = "Redaksi Lama"
    settings.save()
    assert "Redaksi Lama" in client.get(article.url).content.decode()
    settings.default_credit_line = "Redaksi Baru"
    settings.save()
    assert "Redaksi Baru" in client.get(article.url).content.decode()


def test_a_story_card_is_rendered_once_until_content_changes(client):
    article = ArticlePageFactory(title="Judul lama")
    assert "Judul lama" in client.get("/").content.decode()
    Page.objects.filter(pk=article.pk).update(title="Judul baru")  # no signal: no new generation
    assert "Judul lama" in client.get("/").content.decode()  # the kept card
    generation.bump()
    html = client.get("/").content.decode()
    assert "Judul baru" in html and "Judul lama" not in html


def test_an_edited_image_or_a_deleted_rendition_is_a_content_change():
    image = NewsImageFactory()
    before = generation.current(request())
    image.save()
    assert generation.current(request()) == before + 1
    image.get_rendition("fill-480x270-c75").delete()
    assert generation.current(request()) > before + 1
