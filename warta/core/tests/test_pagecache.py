"""The full-page cache: what it stores, how it answers, and that publishing purges exactly."""

import gzip
import io
from datetime import timedelta
from wsgiref.util import setup_testing_defaults

import brotli
import pytest
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import timezone

from warta.core import pagecache
from warta.news.factories import ArticlePageFactory, PersonFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


class Response:
    def __init__(self, status: str, headers: list, body: bytes):
        self.status_code = int(status.split()[0])
        self.headers = {name.lower(): value for name, value in headers}
        self.body = body

    @property
    def text(self) -> str:
        return self.body.decode()

    @property
    def cache(self) -> str | None:
        return self.headers.get("x-cache")


def call(app, path: str, method: str = "GET", **headers) -> Response:
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path.split("?")[0],
        "QUERY_STRING": path.partition("?")[2],
        "HTTP_HOST": "localhost",
        "wsgi.input": io.BytesIO(b""),
    }
    environ.update({f"HTTP_{k.upper()}": v for k, v in headers.items()})
    setup_testing_defaults(environ)
    captured = {}

    def start_response(status, response_headers, exc_info=None):
        # PEP 3333: a list of (name, value) tuples; granian refuses anything else.
        assert all(type(header) is tuple and len(header) == 2 for header in response_headers)
        captured.update(status=status, headers=response_headers)

    body = b"".join(app(environ, start_response))
    return Response(captured["status"], captured["headers"], body)


@pytest.fixture
def site_app():
    """Warta as app servers run it: the page cache in front of Django."""
    pagecache.reset_store()
    pagecache.get_store().purge([pagecache.ALL_TAG])
    # As Django's test client does: a request's start and end must not close the connection
    # that holds the test's transaction.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield pagecache.PageCacheApp(get_wsgi_application())
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)
    pagecache.reset_store()


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish like an editor does, purges included (they run after the commit)."""

    def publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()

    return publish


def test_second_request_is_served_from_the_cache(site_app):
    """An anonymous reader's second request is a hit with the same body."""
    article = ArticlePageFactory()
    first, second = call(site_app, article.url), call(site_app, article.url)
    assert (first.cache, second.cache) == ("MISS", "HIT")
    assert second.body == first.body and article.title in second.text
    assert "public" in second.headers["cache-control"]
    assert "s-maxage=" in second.headers["cache-control"]
    # nginx serves no copy past s-maxage while it revalidates: a purge could miss it.
    assert "stale-while-revalidate" not in second.headers["cache-control"]
    assert "x-accel-expires" not in second.headers  # nginx may keep it
    assert "x-warta-cache-tags" not in second.headers


def test_head_is_answered_from_the_cached_get(site_app):
    article = ArticlePageFactory()
    call(site_app, article.url)
    head = call(site_app, article.url, method="HEAD")
    assert head.cache == "HIT" and head.body == b""
    assert int(head.headers["content-length"]) > 0


@pytest.mark.parametrize(
    ("accept", "decompress"), [("br", brotli.decompress), ("gzip, deflate", gzip.decompress)]
)
def test_compressed_copies_come_from_the_cache(site_app, accept, decompress):
    """Compressed bytes are stored once and served as they are."""
    article = ArticlePageFactory()
    plain = call(site_app, article.url)
    call(site_app, article.url, accept_encoding=accept)
    packed = call(site_app, article.url, accept_encoding=accept)
    assert packed.cache == "HIT"
    assert packed.headers["content-encoding"] == accept.split(",")[0]
    assert decompress(packed.body) == plain.body
    assert len(packed.body) < len(plain.body) / 2


def test_etag_and_last_modified_answer_304(site_app):
    article = ArticlePageFactory()
    first = call(site_app, article.url)
    by_etag = call(site_app, article.url, if_none_match=first.headers["etag"])
    by_date = call(site_app, article.url, if_modified_since=first.headers["last-modified"])
    assert by_etag.status_code == by_date.status_code == 304
    assert by_etag.body == b""
    assert call(site_app, article.url, if_none_match='"other"').status_code == 200


def test_logged_in_staff_are_never_served_or_stored(site_app):
    """A session cookie bypasses the cache both ways."""
    article = ArticlePageFactory()
    staff = call(site_app, article.url, cookie="sessionid=abc")
    assert staff.cache is None
    assert call(site_app, article.url).cache == "MISS"


def test_query_strings_are_separate_entries_but_cookies_are_ignored(site_app):
    section = SectionPageFactory()
    ArticlePageFactory.create_batch(21, parent=section)
    call(site_app, section.url, cookie="_ga=1; theme=dark")
    assert call(site_app, section.url, cookie="other=2").cache == "HIT"
    assert call(site_app, f"{section.url}?page=2").cache == "MISS"


def fake_app(status="200 OK", headers=(("Cache-Control", "public, max-age=60"),)):
    def app(environ, start_response):
        start_response(status, list(headers))
        return [b"hello"]

    return pagecache.PageCacheApp(app)


@pytest.mark.parametrize(
    "headers",
    [
        [("Cache-Control", "public, max-age=60"), ("Set-Cookie", "a=b")],
        [("Cache-Control", "private, max-age=60")],
        [("Cache-Control", "no-store")],
        [],
    ],
)
def test_responses_that_set_cookies_or_are_not_public_are_not_stored(site_app, headers):
    app = fake_app(headers=headers)
    call(app, "/x/")
    assert call(app, "/x/").cache is None


def test_posts_are_never_cached(site_app):
    app = fake_app()
    assert call(app, "/x/", method="POST").cache is None
    assert call(app, "/x/").cache == "MISS"


def test_edited_article_is_visible_on_the_next_request_everywhere(site_app, publish):
    """Publishing a change purges the article, its section, home, tag and reporter pages."""
    reporter = PersonFactory(slug="rina")
    section = SectionPageFactory()
    article = ArticlePageFactory(
        parent=section, title="Judul Lama", tags=["banjir"], reporters=[reporter]
    )
    neighbour = ArticlePageFactory(parent=section, tags=["banjir"])  # shows it as related
    urls = [
        article.url,
        section.url,
        "/",
        "/tag/banjir/",
        "/penulis/rina/",
        neighbour.url,
        f"/en{article.url}",
    ]
    for url in urls:
        call(site_app, url)
        assert call(site_app, url).cache == "HIT"
    article.title = "Judul Baru"
    publish(article)
    for url in urls:
        response = call(site_app, url)
        assert response.cache == "MISS", url
        assert "Judul Baru" in response.text and "Judul Lama" not in response.text, url


def test_saved_publisher_settings_reach_every_cached_page(
    site_app, django_capture_on_commit_callbacks
):
    """The X account in every page's <head>: saving the settings purges the cached pages
    and what each worker kept of them."""
    from wagtail.models import Site

    from warta.discovery.models import PublisherSettings

    article = ArticlePageFactory()
    for url in (article.url, "/"):
        call(site_app, url)
        assert call(site_app, url).cache == "HIT"
    settings = PublisherSettings.for_site(Site.objects.get(is_default_site=True))
    settings.x_handle = "@wartapati"
    with django_capture_on_commit_callbacks(execute=True):
        settings.save()
    for url in (article.url, "/"):
        response = call(site_app, url)
        assert response.cache == "MISS", url
        assert '<meta name="twitter:site" content="@wartapati">' in response.text, url


def test_publishing_leaves_unrelated_pages_cached(site_app, publish):
    """A story in one section does not purge another section's list."""
    politics, sport = SectionPageFactory(), SectionPageFactory()
    ArticlePageFactory(parent=sport)
    article = ArticlePageFactory(parent=politics)
    call(site_app, sport.url)
    publish(article)
    assert call(site_app, sport.url).cache == "HIT"


def test_new_story_appears_in_its_lists_at_once(site_app, publish):
    section = SectionPageFactory()
    call(site_app, section.url)
    call(site_app, "/")
    new = ArticlePageFactory.build(title="Kabar Anyar", slug="kabar-anyar", body=[])
    section.add_child(instance=new)
    publish(new)
    assert "Kabar Anyar" in call(site_app, section.url).text
    assert "Kabar Anyar" in call(site_app, "/").text


def test_new_story_replaces_a_cached_not_found_page(site_app, publish):
    """A 404 cached at an address gives way to the story published there."""
    section = SectionPageFactory()
    url = f"{section.url}kabar-baru/"
    call(site_app, url)
    assert call(site_app, url).status_code == 404
    new = ArticlePageFactory.build(title="Kabar Baru", slug="kabar-baru", body=[])
    section.add_child(instance=new)
    publish(new)
    assert "Kabar Baru" in call(site_app, url).text


def test_unpublished_story_leaves_every_page(site_app, django_capture_on_commit_callbacks):
    section = SectionPageFactory()
    article = ArticlePageFactory(parent=section, title="Akan Ditarik")
    url = article.url
    for page_url in (url, section.url, "/"):
        call(site_app, page_url)
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert call(site_app, url).status_code == 404
    assert "Akan Ditarik" not in call(site_app, section.url).text
    assert "Akan Ditarik" not in call(site_app, "/").text


def test_moved_story_leaves_its_old_section_and_redirects(
    site_app, django_capture_on_commit_callbacks
):
    old, new = SectionPageFactory(), SectionPageFactory()
    article = ArticlePageFactory(parent=old, title="Pindah Rubrik")
    old_url = article.url
    for page_url in (old_url, old.url, new.url):
        call(site_app, page_url)
    with django_capture_on_commit_callbacks(execute=True):
        article.move(new, pos="last-child")
    moved = call(site_app, old_url)  # Wagtail leaves a redirect to the new address
    assert moved.status_code == 301 and moved.headers["location"].endswith(
        new.url + "pindah-rubrik/"
    )
    assert "Pindah Rubrik" not in call(site_app, old.url).text
    assert "Pindah Rubrik" in call(site_app, new.url).text


def test_deleted_story_leaves_every_page(site_app, django_capture_on_commit_callbacks):
    section = SectionPageFactory()
    article = ArticlePageFactory(parent=section, title="Dihapus")
    url = article.url
    call(site_app, url)
    call(site_app, section.url)
    with django_capture_on_commit_callbacks(execute=True):
        article.delete()
    assert call(site_app, url).status_code == 404
    assert "Dihapus" not in call(site_app, section.url).text


def test_scheduled_story_appears_when_it_goes_live(
    site_app, django_capture_on_commit_callbacks, monkeypatch
):
    """Wagtail's scheduled publishing purges like a manual publication."""
    section = SectionPageFactory()
    draft = ArticlePageFactory.build(title="Terjadwal", slug="terjadwal", body=[], live=False)
    section.add_child(instance=draft)
    draft.go_live_at = timezone.now() + timedelta(hours=1)
    draft.save_revision(approved_go_live_at=draft.go_live_at)
    call(site_app, section.url)
    assert "Terjadwal" not in call(site_app, section.url).text
    later = timezone.now() + timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)  # the hour passes
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled", stdout=io.StringIO())
    draft.refresh_from_db()
    assert draft.live
    assert "Terjadwal" in call(site_app, section.url).text


def test_breaking_item_leaves_the_ticker_when_it_expires(site_app, monkeypatch):
    """A cached page lives no longer than the first breaking story on it."""
    ArticlePageFactory(
        title="Genting", is_breaking=True, breaking_until=timezone.now() + timedelta(seconds=30)
    )
    assert "Genting" in call(site_app, "/").text
    assert call(site_app, "/").cache == "HIT"
    later = pagecache.time.time() + 31
    monkeypatch.setattr(pagecache.time, "time", lambda: later)
    monkeypatch.setattr(
        timezone, "now", lambda: timezone.datetime.fromtimestamp(later, tz=timezone.UTC)
    )
    response = call(site_app, "/")
    assert response.cache == "MISS"
    ticker = response.text.split('class="ticker"')
    assert len(ticker) == 1 or "Genting" not in ticker[1].split("</section>")[0]


def test_a_purge_from_another_process_is_seen(site_app):
    """Workers share the store: a purge through another connection empties this one's hits."""
    article = ArticlePageFactory()
    call(site_app, article.url)
    other = pagecache.store_from_settings()  # a second, independent connection
    other.purge([f"page:{article.pk}"])
    assert call(site_app, article.url).cache == "MISS"
