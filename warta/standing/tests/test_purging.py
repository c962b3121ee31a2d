"""Cached pages follow the standing pages, the board and the press company at once."""

import pytest
from wagtail.models import Site

from warta.core.tests.test_pagecache import call, site_app  # noqa: F401 - the fixture
from warta.news.factories import ArticlePageFactory, PersonFactory
from warta.standing.factories import RedaksiPageFactory, StandingPageFactory
from warta.standing.models import PressSettings

pytestmark = pytest.mark.django_db


def test_renamed_standing_page_reaches_every_cached_footer(
    site_app,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    """Every page shows the footer: publishing a new title purges every cached page."""
    page = StandingPageFactory(title="Kontak", slug="kontak")
    article = ArticlePageFactory()
    for url in ("/", article.url):
        call(site_app, url)
        assert call(site_app, url).cache == "HIT"
    page.title = "Hubungi Kami"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    for url in ("/", article.url):
        response = call(site_app, url)
        assert response.cache == "MISS" and "Hubungi Kami" in response.text, url


def test_new_person_reaches_the_cached_redaksi_page(
    site_app,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    """A person added to the people appears on the board at once."""
    RedaksiPageFactory()
    call(site_app, "/redaksi/")
    assert call(site_app, "/redaksi/").cache == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        PersonFactory(name="Nadia Putri")
    response = call(site_app, "/redaksi/")
    assert response.cache == "MISS" and "Nadia Putri" in response.text


def test_saved_press_company_reaches_the_cached_redaksi_page(
    site_app,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    """Saving the press company purges the Redaksi page and what workers kept of it."""
    RedaksiPageFactory()
    press = PressSettings.for_site(Site.objects.get(is_default_site=True))
    call(site_app, "/redaksi/")
    assert call(site_app, "/redaksi/").cache == "HIT"
    press.legal_name = "PT Warta Media Pantura"
    with django_capture_on_commit_callbacks(execute=True):
        press.save()
    response = call(site_app, "/redaksi/")
    assert response.cache == "MISS" and "PT Warta Media Pantura" in response.text
