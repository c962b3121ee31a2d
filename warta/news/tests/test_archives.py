"""Date archives /arsip/YYYY/MM/DD/ by the site's calendar, and stable pagination URLs."""

from datetime import datetime

import pytest
from django.utils import timezone

from warta.news.archive import ArchivePeriod
from warta.news.factories import ArticlePageFactory, SectionPageFactory
from warta.news.models import ArticlePage
from warta.news.pagination import ARTICLES_PER_PAGE

pytestmark = pytest.mark.django_db


def wib(*args) -> datetime:
    return timezone.make_aware(datetime(*args), timezone.get_default_timezone())


def titles(response) -> list[str]:
    """The titles of the stories listed, in order (a list names its stories by id)."""
    ids = list(response.context["articles"])
    stories = ArticlePage.objects.in_bulk(ids)
    return [stories[pk].title for pk in ids]


def test_story_at_half_past_midnight_wib_belongs_to_that_wib_day(client):
    """00:30 WIB on the 27th is still the 26th in UTC, but the archive files it on the 27th."""
    early = ArticlePageFactory(title="Dini hari", published_at=wib(2019, 9, 27, 0, 30))
    ArticlePageFactory(title="Malam sebelumnya", published_at=wib(2019, 9, 26, 23, 59))
    ArticlePageFactory(title="Hari berikutnya", published_at=wib(2019, 9, 28, 0, 0))
    assert early.published_at.astimezone(timezone.UTC).day == 26
    response = client.get("/arsip/2019/09/27/")
    assert response.status_code == 200
    assert titles(response) == ["Dini hari"]
    assert titles(client.get("/arsip/2019/09/26/")) == ["Malam sebelumnya"]


def test_day_page_shows_the_date_in_the_readers_language(client):
    """The heading names the day as readers write it, in Indonesian or English."""
    ArticlePageFactory(published_at=wib(2019, 9, 27, 5, 40))
    assert "Arsip: Jumat, 27 September 2019" in client.get("/arsip/2019/09/27/").content.decode()
    assert "Archive: Friday, 27 September 2019" in (
        client.get("/en/arsip/2019/09/27/").content.decode()
    )


def test_month_lists_its_stories_and_links_each_day(client):
    """A month page lists the month's stories, newest first, and the days that have stories."""
    ArticlePageFactory(title="Awal", published_at=wib(2019, 9, 1, 8))
    ArticlePageFactory(title="Akhir", published_at=wib(2019, 9, 30, 23, 45))
    ArticlePageFactory(title="Oktober", published_at=wib(2019, 10, 1, 0, 15))
    response = client.get("/arsip/2019/09/")
    assert titles(response) == ["Akhir", "Awal"]
    html = response.content.decode()
    assert 'href="/arsip/2019/09/01/">1 ' in html
    assert 'href="/arsip/2019/09/30/">30 ' in html
    assert "/arsip/2019/10/01/" not in html


def test_year_lists_months_with_counts(client):
    """A year page links every month with stories and says how many it holds."""
    for day in (3, 4):
        ArticlePageFactory(published_at=wib(2019, 2, day, 9))
    ArticlePageFactory(published_at=wib(2019, 12, 31, 23, 30))
    ArticlePageFactory(published_at=wib(2020, 1, 1, 0, 30))
    response = client.get("/arsip/2019/")
    assert len(response.context["articles"]) == 3
    html = response.content.decode()
    assert 'href="/arsip/2019/02/">Februari <span class="archive-periods__count">(2)</span>' in html
    assert 'href="/arsip/2019/12/">Desember <span class="archive-periods__count">(1)</span>' in html


def test_archive_index_lists_years(client):
    """/arsip/ links each year that has stories."""
    ArticlePageFactory(published_at=wib(2018, 5, 1, 9))
    ArticlePageFactory(published_at=wib(2024, 5, 1, 9))
    html = client.get("/arsip/").content.decode()
    assert 'href="/arsip/2018/"' in html and 'href="/arsip/2024/"' in html


def test_drafts_stay_out_of_the_archive(client):
    """Only live stories are listed or counted."""
    draft = ArticlePageFactory(published_at=wib(2019, 9, 27, 9))
    draft.unpublish()
    assert client.get("/arsip/2019/09/27/").status_code == 404


def test_impossible_or_empty_dates_are_not_found(client):
    """Month 13, 30 February and a day without stories are 404, never a 500."""
    ArticlePageFactory(published_at=wib(2019, 9, 27, 9))
    for url in ("/arsip/2019/13/", "/arsip/2019/02/30/", "/arsip/2019/09/28/", "/arsip/1999/"):
        assert client.get(url).status_code == 404, url


def test_archive_pages_are_paginated_with_one_url_per_page(client):
    """?page=2 for the second page; its link back to page 1 carries no page parameter."""
    for minute in range(ARTICLES_PER_PAGE + 3):
        ArticlePageFactory(published_at=wib(2019, 9, 27, 8, minute))
    first = client.get("/arsip/2019/09/27/")
    assert len(first.context["articles"]) == ARTICLES_PER_PAGE
    assert 'rel="next" href="?page=2"' in first.content.decode()
    second = client.get("/arsip/2019/09/27/?page=2")
    assert len(second.context["articles"]) == 3
    assert 'rel="prev" href="/arsip/2019/09/27/"' in second.content.decode()
    assert client.get("/arsip/2019/09/27/?page=3").status_code == 404


def test_section_pages_link_back_to_page_one_without_a_parameter(client):
    """Every paginated list (sections too) links to page 1 by its plain URL."""
    section = SectionPageFactory()
    ArticlePageFactory.create_batch(ARTICLES_PER_PAGE + 1, parent=section)
    html = client.get(f"{section.url}?page=2").content.decode()
    assert f'rel="prev" href="{section.url}"' in html


def test_period_boundaries_follow_the_calendar(client):
    """December's archive ends at the new year; leap days exist only in leap years."""
    december = ArchivePeriod(2019, 12)
    assert december.end == wib(2020, 1, 1, 0, 0)
    assert ArchivePeriod.from_parts(2020, 2, 29) is not None
    assert ArchivePeriod.from_parts(2019, 2, 29) is None
