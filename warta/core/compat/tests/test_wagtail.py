"""site-memo and search-index-count: what they assume of Wagtail."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from warta.core.compat import wagtail
from warta.news.models import HomePage

pytestmark = pytest.mark.django_db


def test_wagtail_takes_the_site_a_request_carries():
    """The assumption: Wagtail keeps a request's site as `request._wagtail_site`, found by
    `Site._find_for_request`, and asks no further once it is there."""
    request = RequestFactory().get("/")
    site = Site._find_for_request(request)
    assert site is not None
    other = Site(hostname="lain.example", root_page=site.root_page)
    request._wagtail_site = other
    with CaptureQueriesContext(connection) as queries:
        assert Site.find_for_request(request) is other
    assert len(queries) == 0


def test_the_site_found_is_the_one_wagtail_finds():
    request = RequestFactory().get("/")
    site = wagtail.find_site(request)
    assert site == Site.find_for_request(RequestFactory().get("/"))
    assert Site.find_for_request(request) is site


@pytest.mark.shortcut("site-memo")
def test_a_worker_looks_a_site_up_once_with_its_home_page_as_its_own_type():
    wagtail.find_site(RequestFactory().get("/"))
    request = RequestFactory().get("/")
    with CaptureQueriesContext(connection) as queries:
        site = wagtail.find_site(request)
        assert type(site.root_page) is HomePage
        assert site.root_page.localized.specific is site.root_page
    assert len(queries) == 0


@pytest.mark.shortcut("site-memo")
def test_a_changed_site_is_looked_up_again(monkeypatch):
    site = wagtail.find_site(RequestFactory().get("/"))
    site.site_name = "Warta Pati"
    site.save()
    assert wagtail.find_site(RequestFactory().get("/")).site_name == "Warta Pati"


@pytest.mark.shortcut("search-index-count")
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's search index")
def test_matches_counted_in_the_index_are_those_wagtail_finds():
    from django.contrib.postgres.search import SearchQuery
    from wagtail.search.backends import get_search_backend

    from warta.news.factories import ArticlePageFactory
    from warta.news.models import ArticlePage

    ArticlePageFactory(title="Banjir rob di Juwana")
    ArticlePageFactory(title="Banjir bandang di Kudus")
    ArticlePageFactory(title="Pasar murah di Rembang")
    backend = get_search_backend()
    for words in ("banjir", "banjir juwana", "pasar", "gempa"):
        query = SearchQuery(words, config=backend.config, search_type="plain")
        counted = wagtail.count_in_search_index(ArticlePage, query, 100)
        found = ArticlePage.objects.search(words, operator="and").count()
        assert counted == found, words
