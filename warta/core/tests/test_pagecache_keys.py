"""The page cache's keys: the parameters pages read, in one order, the scheme; and the
414 answered to request lines longer than any page reads."""

import pytest
from django.http import QueryDict
from django.test import override_settings

from warta.core import pagecache
from warta.core.request_lines import RequestLineLimitApp
from warta.core.tests.test_hostile_urls import plain_path, public_patterns, template_of
from warta.core.tests.test_pagecache import call, site_app  # noqa: F401 - a fixture
from warta.news.factories import ArticlePageFactory, PersonFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


def echo_app(seen: list):
    """Stands for Django: records the query string it gets, answers a cacheable page."""

    def app(environ, start_response):
        seen.append(environ["QUERY_STRING"])
        start_response("200 OK", [("Cache-Control", "public, max-age=60")])
        return [environ["QUERY_STRING"].encode()]

    return pagecache.PageCacheApp(app)


def test_tracking_parameters_share_the_entry_of_the_bare_address(site_app):  # noqa: F811
    """utm_*, fbclid, gclid and the like are no new entry: the bare address's page is a hit."""
    article = ArticlePageFactory()
    assert call(site_app, article.url).cache == "MISS"
    for query in ("utm_source=fb&utm_medium=social", "fbclid=IwAR0x", "gclid=1&_ga=2", "x=1"):
        assert call(site_app, f"{article.url}?{query}").cache == "HIT", query


def test_parameters_pages_do_not_read_never_reach_django(site_app):  # noqa: F811
    """A stored page cannot depend on a parameter the key leaves out: Django never sees it."""
    seen = []
    app = echo_app(seen)
    response = call(app, "/x/?utm_campaign=a&page=2&zz=%3Cb%3E&q=banjir+pati")
    assert seen == ["page=2&q=banjir%20pati"]
    assert response.body == b"page=2&q=banjir%20pati"


def test_staff_requests_keep_their_whole_query_string(site_app):  # noqa: F811
    """With a session cookie nothing is cached, so nothing is dropped either."""
    seen = []
    call(echo_app(seen), "/x/?utm_campaign=a&page=2", cookie="sessionid=abc")
    assert seen == ["utm_campaign=a&page=2"]


def test_read_parameters_in_any_order_or_encoding_are_one_entry(site_app):  # noqa: F811
    seen = []
    app = echo_app(seen)
    assert call(app, "/cari/?q=banjir+pati&page=2").cache == "MISS"
    assert call(app, "/cari/?page=2&utm_source=x&q=banjir%20pati").cache == "HIT"
    assert call(app, "/cari/?page=3&q=banjir+pati").cache == "MISS"
    assert len(seen) == 2


def test_values_django_reads_are_unchanged_by_the_normalising(site_app):  # noqa: F811
    """Repeated names keep their order; bytes that are no UTF-8 read as Django reads them."""
    for query in ("page=2&page=1", "q=%FF%FE", "q=caf\xc3\xa9", "q=a%26b%3Dc", "q", "q=+x+"):
        original = QueryDict(query.encode("iso-8859-1"))
        normalised = QueryDict(pagecache.cache_query(query))
        assert list(normalised.lists()) == list(original.lists()), query


def test_the_scheme_is_part_of_the_key(site_app):  # noqa: F811
    """A page rendered for https is never served for http, nor the other way round."""
    app = echo_app([])

    def over_https(environ, start_response):
        return app({**environ, "wsgi.url_scheme": "https"}, start_response)

    assert call(app, "/x/").cache == "MISS"
    assert call(over_https, "/x/").cache == "MISS"
    assert call(over_https, "/x/").cache == "HIT"
    assert call(app, "/x/").cache == "HIT"


class RecordingQueryDict(QueryDict):
    """A query dict that notes every name read from it."""

    names: set[str] = set()

    def __getitem__(self, key):
        RecordingQueryDict.names.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        RecordingQueryDict.names.add(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        RecordingQueryDict.names.add(key)
        return super().getlist(key, default)

    def __contains__(self, key):
        RecordingQueryDict.names.add(key)
        return super().__contains__(key)


def recording_middleware(get_response):
    """Hands each view a query dictionary that notes the names it is asked for."""

    def middleware(request):
        request.GET = RecordingQueryDict(request.META.get("QUERY_STRING", ""))
        return get_response(request)

    return middleware


@pytest.fixture
def recorded_names(settings):
    RecordingQueryDict.names = set()
    settings.MIDDLEWARE = [f"{__name__}.recording_middleware", *settings.MIDDLEWARE]
    return RecordingQueryDict.names


def test_every_parameter_a_reader_page_reads_is_kept_in_the_key(client, recorded_names):
    """Every public address (each URL pattern outside the admin, and a page of each kind)
    is asked for with and without the parameters pages read; every name any of them reads
    is in READ_PARAMETERS, or the page cache would drop it before the view saw it."""
    section = SectionPageFactory()
    reporter = PersonFactory(slug="ayu")
    article = ArticlePageFactory(parent=section, tags=["banjir"], reporters=[reporter])
    addresses = {plain_path(template_of(parts)) for parts in public_patterns()}
    addresses |= {"/", section.url, article.url, "/tag/banjir/", "/penulis/ayu/", "/cari/"}
    addresses |= {f"/en{address}" for address in list(addresses) if not address.startswith("/en")}
    queries = ["", "q=banjir&page=1&full=1&story=" + str(article.pk), "q=banjir&sort=newest"]
    for address in sorted(addresses):
        for query in queries:
            client.get(f"{address}?{query}" if query else address)
    assert recorded_names, "nothing recorded: the recording no longer sees request.GET"
    assert {"q", "page", "full", "story"} <= recorded_names
    assert recorded_names <= pagecache.READ_PARAMETERS, recorded_names - pagecache.READ_PARAMETERS


def hello(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]


@pytest.mark.parametrize(
    "path", [f"/{'a' * 2100}/", f"/cari/?q={'b' * 2100}", f"/admin/?q={'b' * 2100}"]
)
def test_a_request_line_past_its_limit_is_answered_414_saying_why(path):
    app = RequestLineLimitApp(hello)
    response = call(app, path)
    assert response.status_code == 414
    assert "2048" in response.text
    assert response.headers["content-type"].startswith("text/plain")


def test_the_414_says_which_part_is_too_long_and_by_how_much():
    app = RequestLineLimitApp(hello)
    query = call(app, f"/en/cari/?q={'b' * 2100}")
    assert "The query string is too long: 2102 bytes, at most 2048 are accepted." in query.text
    path = call(app, f"/en/{'a' * 2100}")
    assert "The address is too long: 2104 bytes, at most 2048 are accepted." in path.text


def test_request_lines_within_the_limits_pass():
    app = RequestLineLimitApp(hello)
    assert call(app, f"/{'a' * 2000}/?q={'b' * 2000}").status_code == 200


@override_settings(WARTA_MAX_QUERY_BYTES=4096)
def test_the_limits_are_settings():
    app = RequestLineLimitApp(hello)
    assert call(app, f"/cari/?q={'b' * 3000}").status_code == 200
