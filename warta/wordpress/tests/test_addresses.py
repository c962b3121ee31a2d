"""Old WordPress addresses: their keys, keeping them, and their one-hop 301s."""

import pytest
from django.test import RequestFactory
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from warta.core import pagecache
from warta.core.request_lines import RequestLineLimitApp
from warta.core.tests.test_pagecache import call, fake_app, site_app  # noqa: F401 - a fixture
from warta.news.factories import ArticlePageFactory, PersonFactory, SectionPageFactory
from warta.newsroom import roles
from warta.newsroom.tests.helpers import staff
from warta.press.models import Retraction
from warta.press.retractions import retract
from warta.press.tests.helpers import published_story
from warta.standing.factories import StandingPageFactory

from ..addresses import CACHE_TAG, Kept, candidates, keep, normalise
from ..middleware import OldAddressMiddleware, old_address_redirect
from ..models import OldAddress

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def section():
    return SectionPageFactory(title="Daerah", slug="daerah")


@pytest.fixture
def article(section):
    return ArticlePageFactory(parent=section, title="Banjir Juwana", slug="banjir-juwana")


def followed(app, address: str):
    """The first answer to `address` and the answer to where it leads."""
    first = call(app, address)
    assert first.status_code == 301, (address, first.status_code)
    return first, call(app, first.headers["location"])


# The key


@pytest.mark.parametrize(
    ("written", "key"),
    [
        (("/2019/05/03/banjir-pati/",), "/2019/05/03/banjir-pati"),
        (("/2019/05/03/banjir-pati",), "/2019/05/03/banjir-pati"),
        (("/berita/%E2%80%9Cbanjir%e2%80%9d/",), "/berita/“banjir”"),
        (("/",), "/"),
        (("/index.php",), "/"),
        (("/index.php", "p=123"), "/?p=123"),
        (("/", "p=0123&utm_source=fb&replytocom=5"), "/?p=123"),
        (("/index.php/2019/05/banjir/",), "/2019/05/banjir"),
        (("/blog/", "cat=4&feed=atom&paged=2"), "/blog?cat=4&feed=rss2"),
        (("/", "tag=Banjir"), "/?tag=banjir"),
        (("/category/daerah/feed/atom/",), "/category/daerah/feed"),
        (("/", "s=banjir"), "/"),
        (("//greek/%ce%b5%cf%80%ce%af%cf%80%ce%b5%ce%b4%ce%bf-2/",), "/greek/επίπεδο-2"),
    ],
)
def test_one_address_written_many_ways_has_one_key(written, key):
    """Slash, escapes, /index.php, other parameters and their order do not change the key."""
    assert normalise(*written) == key


def test_an_archive_page_is_looked_up_under_its_archive():
    """`/category/daerah/page/3` is page 3 of `/category/daerah`; an AMP copy is the post."""
    assert candidates("/category/daerah/page/3") == [
        ("/category/daerah/page/3", None),
        ("/category/daerah", 3),
    ]
    assert candidates("/2019/05/03/banjir/amp")[1] == ("/2019/05/03/banjir", None)
    assert candidates("/?p=5") == [("/?p=5", None)]


# Keeping addresses


def test_keep_stores_each_address_once_and_replaces_its_target(site, article, section):
    """Kept again, an address is unchanged; with a new target it is updated, not doubled."""
    entries = [
        ("https://lama.example/2019/05/03/banjir-juwana/", article.pk, ""),
        ("/?p=101", article.pk, ""),
        ("/2019/05/03/banjir-juwana", article.pk, ""),  # the first again, written otherwise
    ]
    assert keep(site, entries) == Kept(changed=2, unchanged=0, looping=0, unusable=0)
    assert keep(site, entries) == Kept(changed=0, unchanged=2, looping=0, unusable=0)
    assert keep(site, [("/?p=101", section.pk, "")]).changed == 1
    rows = OldAddress.objects.filter(site=site).order_by("path")
    assert [(row.path, row.page_id) for row in rows] == [
        ("/2019/05/03/banjir-juwana", article.pk),
        ("/?p=101", section.pk),
    ]


def test_an_old_address_that_is_the_new_one_is_not_kept(site, article):
    """It would redirect to itself: it is counted and left out."""
    tag_page = "/tag/banjir/"
    kept = keep(site, [(article.url, article.pk, ""), (tag_page, None, tag_page)])
    assert kept == Kept(changed=0, unchanged=0, looping=2, unusable=0)
    assert not OldAddress.objects.exists()


def test_keep_works_in_batches_of_a_few_queries(site, article, django_assert_max_num_queries):
    """5,000 addresses in batches of 2,000: two queries a batch, whatever their number."""
    entries = [(f"/2019/01/01/berita-{n}/", article.pk, "") for n in range(5_000)]
    # and the site's home page, the savepoint and its release
    with django_assert_max_num_queries(3 * 2 + 3):
        assert keep(site, entries).changed == 5_000
    assert OldAddress.objects.count() == 5_000


def test_keep_refuses_an_entry_without_one_target(site, article):
    """A page or an address, exactly one, and a page that exists."""
    with pytest.raises(ValueError, match="one of the two"):
        keep(site, [("/?p=1", None, "")])
    with pytest.raises(ValueError, match="one of the two"):
        keep(site, [("/?p=1", article.pk, "/tag/banjir/")])
    with pytest.raises(ValueError, match="no page with the id"):
        keep(site, [("/?p=1", 987654, "")])


# Answering them


@pytest.mark.parametrize(
    "address",
    [
        "/?p=101",
        "/index.php?p=101&utm_source=facebook",
        "/2019/05/03/banjir-juwana/",
        "/2019/05/03/banjir-juwana",
        "/banjir-juwana/",
        "/2019/05/03/banjir-juwana/amp/",
    ],
)
def test_each_old_form_of_a_post_answers_one_301_to_its_page(site_app, site, article, address):  # noqa: F811
    """Permalink, `?p=`, with or without the slash or /index.php, its AMP copy."""
    keep(
        site,
        [(a, article.pk, "") for a in ("/?p=101", "/2019/05/03/banjir-juwana/", "/banjir-juwana/")],
    )
    first, then = followed(site_app, address)
    assert first.headers["location"] == article.url
    assert then.status_code == 200 and "Banjir Juwana" in then.text


@pytest.mark.parametrize(
    ("address", "target"),
    [
        ("/?page_id=7", "/tentang-kami/"),
        ("/?cat=3", "/daerah/"),
        ("/category/daerah/", "/daerah/"),
        ("/kategori/daerah/", "/daerah/"),
        ("/?tag=banjir", "/tag/banjir/"),
        ("/?author=2", "/penulis/agus/"),
        ("/author/agus/", "/penulis/agus/"),
        ("/feed/", "/feeds/rss/"),
        ("/?feed=rss2", "/feeds/rss/"),
        ("/category/daerah/feed/", "/feeds/daerah/rss/"),
    ],
)
def test_pages_terms_authors_and_feeds_answer_one_301(site_app, site, section, address, target):  # noqa: F811
    """Each lands on a page that answers 200."""
    agus = PersonFactory(slug="agus")
    ArticlePageFactory(parent=section, tags=["banjir"], reporters=[agus])
    about = StandingPageFactory(title="Tentang Kami", slug="tentang-kami")
    entries = [("/?page_id=7", about.pk, "")]
    entries += [(a, section.pk, "") for a in ("/?cat=3", "/category/daerah/", "/kategori/daerah/")]
    entries += [(a, None, u) for a, u in [("/?tag=banjir", "/tag/banjir/")]]
    entries += [(a, None, "/penulis/agus/") for a in ("/?author=2", "/author/agus/")]
    entries += [(a, None, "/feeds/rss/") for a in ("/feed/", "/?feed=rss2")]
    entries += [("/category/daerah/feed/", None, "/feeds/daerah/rss/")]
    keep(site, entries)
    first, then = followed(site_app, address)
    assert first.headers["location"] == target
    assert then.status_code == 200


def test_an_escaped_permalink_is_found_however_it_is_escaped(site, article, client):
    """WordPress writes escapes in lower case, browsers in upper case."""
    keep(site, [("/berita/%e2%80%9cbanjir%e2%80%9d/", article.pk, "")])
    response = client.get("/berita/%E2%80%9Cbanjir%E2%80%9D/")
    assert response.status_code == 301 and response.headers["location"] == article.url


def test_an_unknown_post_number_is_not_found(site_app, site, article):  # noqa: F811
    """No home page under a random `?p=`: an old link to nothing is 404."""
    keep(site, [("/?p=101", article.pk, "")])
    response = call(site_app, "/?p=999")
    assert response.status_code == 404
    assert call(site_app, "/").status_code == 200


def test_a_moved_page_is_followed(site, article, django_capture_on_commit_callbacks, client):
    """The old address leads to where the page is now, not where it was when kept."""
    keep(site, [("/?p=101", article.pk, "")])
    elsewhere = SectionPageFactory(slug="hukum")
    with django_capture_on_commit_callbacks(execute=True):
        article.move(elsewhere, pos="last-child")
    response = client.get("/?p=101")
    assert response.status_code == 301
    assert response.headers["location"] == "/hukum/banjir-juwana/"


def test_an_unpublished_page_leaves_its_old_address_not_found(site, article, client):
    """No redirect to a page readers cannot see."""
    keep(site, [("/2019/05/03/banjir-juwana/", article.pk, "")])
    article.unpublish()
    assert client.get("/2019/05/03/banjir-juwana/").status_code == 404


def test_the_old_address_of_a_retracted_story_leads_to_the_reason(site, section, client):
    """A retracted story is unpublished, but its address tells readers why (warta.press)."""
    story = published_story("Razia di Juwana", section)
    keep(site, [("/?p=101", story.pk, "")])
    retract(story, staff("ratna", roles.EDITOR_IN_CHIEF), Retraction.Ground.CHILD, "Alasan.")
    response = client.get("/?p=101")
    assert response.status_code == 301 and response.headers["location"] == story.url
    assert client.get(story.url).status_code == 200


def test_an_address_never_kept_stays_not_found(site, article, client):
    """A 404 that is no old address, or lies below one, stays 404."""
    keep(site, [("/2019/05/03/banjir-juwana/", article.pk, "")])
    assert client.get("/2019/05/03/kabar-lain/").status_code == 404
    assert client.get("/2019/05/03/banjir-juwana/lain/").status_code == 404


def test_an_archive_page_goes_to_the_page_of_the_new_list(site_app, site, section):  # noqa: F811
    """`/category/daerah/page/3/` is page 3 of the section, `?cat=3&paged=2` page 2."""
    ArticlePageFactory.create_batch(2, parent=section)
    keep(site, [("/category/daerah/", section.pk, ""), ("/?cat=3", section.pk, "")])
    first, then = followed(site_app, "/category/daerah/page/3/")
    assert first.headers["location"] == "/daerah/?page=3"
    assert call(site_app, "/?cat=3&paged=2").headers["location"] == "/daerah/?page=2"


def test_a_page_of_a_tag_whose_address_is_unchanged_goes_to_that_page(site_app, section):  # noqa: F811
    """WordPress's `/tag/banjir/` is Warta's too (nothing kept): its pages follow it."""
    ArticlePageFactory(parent=section, tags=["banjir"])
    response = call(site_app, "/tag/banjir/page/2/")
    assert response.status_code == 301
    assert response.headers["location"] == "/tag/banjir/?page=2"
    assert call(site_app, "/tidak-ada/page/2/").status_code == 404  # no page there


def test_a_redirect_made_by_an_editor_wins(site, article, section, client):
    """Wagtail's redirects are asked first: an editor can correct what an import kept."""
    keep(site, [("/2019/05/03/banjir-juwana/", article.pk, "")])
    Redirect.objects.create(old_path="/2019/05/03/banjir-juwana", redirect_page=section)
    assert client.get("/2019/05/03/banjir-juwana/").headers["location"] == section.url


def test_the_staff_area_keeps_its_own_page_numbers():
    """`?p=2` is the admin's page number, never an old address."""
    seen = []
    middleware = OldAddressMiddleware(lambda request: seen.append(request) or "admin page")
    assert middleware(RequestFactory().get("/admin/images/?p=2")) == "admin page"
    assert len(seen) == 1


# Queries and the page cache


def test_a_post_number_is_answered_with_one_query(site, article, client, django_assert_num_queries):
    """The old address and its page in one query: no walk of the page tree."""
    keep(site, [("/?p=101", article.pk, "")])
    client.get("/?p=102")  # the worker learns the site and the sites' root paths
    with django_assert_num_queries(1):
        assert client.get("/?p=101").status_code == 301


def test_an_old_path_is_looked_up_with_one_query(site, article, django_assert_num_queries):
    """What a 404 adds to be answered 301: one query, the candidates and page together."""
    keep(site, [("/category/daerah/", article.pk, "")])
    request = RequestFactory().get("/category/daerah/page/2/")
    old_address_redirect(request, candidates("/category/daerah/page/2"))  # learns the site
    with django_assert_num_queries(1):
        redirect = old_address_redirect(request, candidates("/category/daerah/page/2"))
    assert redirect.headers["location"] == f"{article.url}?page=2"


def test_a_kept_301_is_answered_from_the_page_cache(site_app, site, article):  # noqa: F811
    """An old link asked again costs no Django at all."""
    keep(site, [("/2019/05/03/banjir-juwana/", article.pk, "")])
    first = call(site_app, "/2019/05/03/banjir-juwana/")
    second = call(site_app, "/2019/05/03/banjir-juwana/")
    assert (first.cache, second.cache) == ("MISS", "HIT")
    assert second.status_code == 301 and second.headers["location"] == article.url


def test_a_redirect_not_marked_public_is_not_stored(site_app):  # noqa: F811
    """Only the old addresses' 301s are kept: Django's and Wagtail's own are not public."""
    app = fake_app("301 Moved Permanently", [("Location", "/baru/")])
    call(app, "/lama/")
    assert call(app, "/lama/").cache is None


def test_head_is_answered_like_get(site, article, client):
    """HEAD of an old address, by query and by path, is the same 301."""
    keep(site, [("/?p=101", article.pk, ""), ("/2019/05/03/banjir-juwana/", article.pk, "")])
    assert client.head("/?p=101").headers["location"] == article.url
    assert client.head("/2019/05/03/banjir-juwana/").headers["location"] == article.url


@pytest.fixture
def cached_301(site_app, site, article):  # noqa: F811
    """`/?p=101` kept for the article and its 301 in the page cache."""
    keep(site, [("/?p=101", article.pk, "")])
    assert call(site_app, "/?p=101").cache == "MISS"
    return "/?p=101"


def test_a_cached_301_goes_when_its_page_moves(
    site_app,  # noqa: F811
    cached_301,
    article,
    django_capture_on_commit_callbacks,
):
    """The page's purge takes its stored 301 with it; the next one leads to the new place."""
    elsewhere = SectionPageFactory(slug="hukum")
    with django_capture_on_commit_callbacks(execute=True):
        article.move(elsewhere, pos="last-child")
    response = call(site_app, cached_301)
    assert response.cache == "MISS"
    assert response.headers["location"] == "/hukum/banjir-juwana/"


def test_a_cached_301_goes_when_its_page_is_unpublished(
    site_app,  # noqa: F811
    cached_301,
    article,
    django_capture_on_commit_callbacks,
):
    """Unpublished, the page takes its stored 301 with it: the old address is 404."""
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert call(site_app, cached_301).status_code == 404


@pytest.fixture(params=["/?p=101", "/2019/05/03/banjir-juwana/"])
def cached_404(request, site_app):  # noqa: F811
    """An old address asked for before the import: its 404 is in the page cache."""
    assert call(site_app, request.param).status_code == 404
    assert call(site_app, request.param).cache == "HIT"
    return request.param


def test_a_404_cached_before_the_import_answers_301_after_its_purge(
    site_app,  # noqa: F811
    site,
    article,
    cached_404,
):
    """The import keeps its addresses, then purges everything: the old 404 goes."""
    keep(site, [(cached_404, article.pk, "")])  # its own purge waits for the commit
    assert call(site_app, cached_404).status_code == 404
    pagecache.purge(pagecache.ALL_TAG)
    assert call(site_app, cached_404).status_code == 301


def test_keeping_addresses_purges_the_404s_cached_at_them(
    site_app,  # noqa: F811
    site,
    article,
    cached_404,
    django_capture_on_commit_callbacks,
):
    """Without a purge of everything, `keep` itself makes the cached 404 go at its commit."""
    with django_capture_on_commit_callbacks(execute=True):
        keep(site, [(cached_404, article.pk, "")])
    assert call(site_app, cached_404).status_code == 301
    assert pagecache.purge(CACHE_TAG) == 1  # the 301 is cached under the tag


def test_the_request_line_limit_lets_old_addresses_through(site_app, site, article):  # noqa: F811
    """The layer in front of the page cache, then the cache's kept parameters: `?p=` arrives."""
    keep(site, [("/?p=101", article.pk, "")])
    response = call(RequestLineLimitApp(site_app), "/?p=101&utm_source=wa")
    assert response.status_code == 301 and response.headers["location"] == article.url
