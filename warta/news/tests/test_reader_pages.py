"""Home, section, tag, reporter and error pages."""

import pytest
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import Page, Site

from warta.core import caches
from warta.news.factories import (
    ArticlePageFactory,
    NewsImageFactory,
    PersonFactory,
    SectionPageFactory,
    home_page,
)
from warta.news.models import ArticlePage, HomePage
from warta.news.pagination import ARTICLES_PER_PAGE
from warta.news.tests import SITE_QUERIES

pytestmark = pytest.mark.django_db


def test_unknown_url_gets_the_indonesian_404(client):
    """An unknown address answers 404 with the Indonesian page."""
    response = client.get("/tidak-ada/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


def test_the_footer_dates_the_page_in_the_newsrooms_year(client, monkeypatch):
    """20:00 UTC on New Year's Eve is already 03:00 on 1 January in Jakarta."""
    eve = timezone.datetime(2026, 12, 31, 20, 0, tzinfo=timezone.UTC)
    monkeypatch.setattr(timezone, "now", lambda: eve)
    html = client.get("/tidak-ada/").content.decode()
    assert "&copy; 2027 " in html and "&copy; 2026 " not in html


def test_english_404(client):
    response = client.get("/en/nowhere/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_markup_in_a_slug_is_escaped_where_echoed(client):
    """A path with markup comes back escaped on the 404 page."""
    response = client.get("/tag/<script>alert(1)</script>/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)" in html


def test_markup_in_a_query_string_is_escaped(client):
    """Query strings echoed into links (pagination, language switch) are escaped."""
    section = SectionPageFactory()
    ArticlePageFactory.create_batch(ARTICLES_PER_PAGE + 1, parent=section)
    html = client.get(section.url, {"page": "1", "q": '"><script>x</script>'}).content.decode()
    assert "<script>x</script>" not in html


def test_home_page_has_headline_latest_and_section_blocks(client):
    """The front page leads with the headline, lists the latest, and has a block per section."""
    politik, ekonomi = SectionPageFactory(title="Politik"), SectionPageFactory(title="Ekonomi")
    # The headline and the four featured places take the newest five; the blocks the rest.
    for hours, section in enumerate([politik, ekonomi, politik] * 3):
        ArticlePageFactory(
            parent=section,
            title=f"Berita {hours}",
            published_at=timezone.now() - timezone.timedelta(hours=hours),
        )
    html = client.get("/").content.decode()
    assert 'class="headline"' in html and "Berita 0" in html
    assert "Berita terbaru" in html
    assert f'id="section-{politik.pk}"' in html and f'id="section-{ekonomi.pk}"' in html


def test_home_page_query_count_does_not_grow_with_sections(client, django_assert_max_num_queries):
    """Per-section blocks come from one query, not one per section."""
    for n in range(8):
        ArticlePageFactory.create_batch(3, parent=SectionPageFactory(title=f"Rubrik {n}"))
    client.get("/")
    # The page with the content generation, and every story it lists (warta.news.models.pages,
    # HomePage.stories_shown); the menu's sections and the cards are kept by the worker
    # (warta.news.cards), Terpopuler for a minute. A worker that keeps nothing yet also
    # reads the site with its home page, the page's type, the sections, the front page's
    # layout (frontpage.py), the cards and their renditions, the navigation, the ticker,
    # the footer's standing pages and the private paths.
    with django_assert_max_num_queries(2 + SITE_QUERIES):
        assert client.get("/").status_code == 200
    caches.reset()
    with django_assert_max_num_queries(2 + 8 + 6 + SITE_QUERIES):  # and Terpopuler
        assert client.get("/").status_code == 200


def test_section_page_queries_do_not_grow_with_stories_or_subsections(
    client, django_assert_max_num_queries
):
    """A section with subsections and a full page of stories with photos, in a fixed
    number of queries."""
    daerah = SectionPageFactory(title="Daerah")
    for n in range(3):
        pati = SectionPageFactory(title=f"Kabupaten {n}", parent=daerah)
        ArticlePageFactory.create_batch(8, parent=pati, main_image=NewsImageFactory())
    client.get(daerah.url)
    # The page with the content generation, its story count, the stories; the sections
    # above and below it and the cards are kept by the worker until content changes. A
    # worker that keeps nothing yet also reads the site with its home page, the page's
    # type, the private paths, the sections, the cards and their renditions, the
    # navigation, the ticker and the footer's standing pages.
    with django_assert_max_num_queries(3 + SITE_QUERIES):
        assert client.get(daerah.url).status_code == 200
    caches.reset()
    with django_assert_max_num_queries(3 + 8 + 6 + SITE_QUERIES):  # and Terpopuler
        assert client.get(daerah.url).status_code == 200


def test_section_page_lists_its_and_its_subsections_articles_paginated(client):
    """A section lists stories filed in it and below it, newest first, 20 per page."""
    daerah = SectionPageFactory(title="Daerah")
    pati = SectionPageFactory(title="Pati", parent=daerah)
    ArticlePageFactory.create_batch(ARTICLES_PER_PAGE, parent=daerah)
    ArticlePageFactory(parent=pati, title="Kabar Pati")
    first = client.get(daerah.url)
    second = client.get(daerah.url, {"page": 2})
    assert first.status_code == second.status_code == 200
    assert len(first.context["articles"]) == ARTICLES_PER_PAGE
    assert "Kabar Pati" in first.content.decode()  # the newest
    assert len(second.context["articles"]) == 1
    assert client.get(daerah.url, {"page": 9}).status_code == 404
    assert client.get(daerah.url, {"page": "x"}).status_code == 404


def test_tag_page_lists_tagged_articles(client):
    ArticlePageFactory(title="Bertag", tags=["Banjir"])
    ArticlePageFactory(title="Tanpa tag")
    html = client.get("/tag/banjir/").content.decode()
    assert "Bertag" in html and "Tanpa tag" not in html
    assert client.get("/tag/tidak-ada/").status_code == 404


def test_reporter_page_lists_their_articles(client):
    person = PersonFactory(name="Siti Rahma", slug="siti-rahma", bio="Meliput Kudus.")
    ArticlePageFactory(title="Tulisan Siti", reporters=[person])
    ArticlePageFactory(title="Tulisan lain")
    response = client.get(person.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Siti Rahma" in html and "Tulisan Siti" in html and "Tulisan lain" not in html


def test_ticker_lists_only_live_unexpired_breaking_articles(client):
    """The ticker links live breaking stories; expired and draft ones leave it."""
    now = timezone.now()
    ArticlePageFactory(
        title="Masih Genting", is_breaking=True, breaking_until=now + timezone.timedelta(hours=1)
    )
    ArticlePageFactory(
        title="Sudah Lewat", is_breaking=True, breaking_until=now - timezone.timedelta(minutes=1)
    )
    draft = ArticlePageFactory(title="Masih Draf", is_breaking=True)
    draft.unpublish()
    ticker = client.get("/").content.decode().split('class="ticker"')[1].split("</section>")[0]
    assert "Masih Genting" in ticker
    assert "Sudah Lewat" not in ticker and "Masih Draf" not in ticker
    assert list(ArticlePage.objects.breaking().values_list("title", flat=True)) == ["Masih Genting"]


def test_reserved_address_cannot_be_a_top_level_section(admin_user):
    """A top-level section slug such as 'tag' would hide the tag pages, so it is refused."""
    from warta.news.models import SectionPage

    form_class = SectionPage.get_edit_handler().get_form_class()

    def form(slug, parent):
        return form_class(
            {"title": "Rubrik", "slug": slug},
            instance=SectionPage(),
            parent_page=parent,
            for_user=admin_user,
        )

    refused = form("tag", home_page())
    assert not refused.is_valid() and "slug" in refused.errors
    assert form("tag", SectionPageFactory()).is_valid()  # below a section it is harmless
    assert form("pendidikan", home_page()).is_valid()


def test_server_error_page_is_indonesian_and_self_contained(rf):
    """The 500 page speaks the site language and needs nothing that might be broken."""
    from warta.core.views import server_error

    response = server_error(rf.get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "Terjadi galat di server" in html
    assert "<link" not in html  # no stylesheet: static files may be what failed


def test_section_blocks_hold_each_sections_newest_stories_without_the_headline():
    """Each top-level section's newest four live stories, its subsections' included."""
    now = timezone.now()
    daerah, politik, kosong = (SectionPageFactory(title=t) for t in ("Daerah", "Politik", "Kosong"))
    pati = SectionPageFactory(title="Pati", parent=daerah)
    in_daerah = [
        ArticlePageFactory(
            parent=daerah if n % 2 else pati, published_at=now - timezone.timedelta(hours=n)
        )
        for n in range(6)
    ]
    in_politik = ArticlePageFactory(parent=politik)
    draft = ArticlePageFactory(parent=politik, published_at=now + timezone.timedelta(hours=1))
    draft.unpublish()
    home = home_page().specific
    places, latest, blocks = home.stories_shown(RequestFactory().get("/"), [in_daerah[0].pk])
    assert places == [in_daerah[0].pk]
    assert latest == [article.pk for article in (in_politik, *in_daerah[1:])]
    assert [(block["section"], block["articles"]) for block in blocks] == [
        (daerah, [article.pk for article in in_daerah[1:5]]),
        (politik, [in_politik.pk]),
    ]
    # No headline chosen: the newest story leads, and is left out of the lists below it.
    places, latest, blocks = home.stories_shown(RequestFactory().get("/"), [None])
    assert places == [in_politik.pk]
    assert latest == [article.pk for article in in_daerah]
    assert [(block["section"], block["articles"]) for block in blocks] == [
        (daerah, [article.pk for article in in_daerah[:4]])
    ]
    assert kosong not in [block["section"] for block in blocks]


def test_the_menu_shows_only_this_sites_sections(client):
    """With a second site in the same install, each site's menu lists its own sections."""
    SectionPageFactory(title="Rubrik Situs Ini")
    other_home = HomePage(title="Situs Lain", slug="situs-lain")
    Page.get_first_root_node().add_child(instance=other_home)
    Site.objects.create(hostname="lain.example", port=80, root_page=other_home)
    SectionPageFactory(title="Rubrik Situs Lain", parent=other_home)
    html = client.get("/").content.decode()
    menu = html[
        html.index('class="main-nav"') : html.index("</nav>", html.index('class="main-nav"'))
    ]
    assert "Rubrik Situs Ini" in menu and "Rubrik Situs Lain" not in menu
