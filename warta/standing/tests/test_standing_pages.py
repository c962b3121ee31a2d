"""Standing pages as readers see them: at their address, in the footer, never as stories."""

import pytest

from warta.news.factories import ArticlePageFactory, SectionPageFactory, home_page
from warta.standing.factories import StandingPageFactory

pytestmark = pytest.mark.django_db


def test_standing_page_is_served_at_its_address(client):
    """A standing page under the home page answers at /<slug>/ with its title and text."""
    StandingPageFactory(title="Tentang Kami", slug="tentang-kami", intro="Siapa kami.")
    response = client.get("/tentang-kami/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Tentang Kami</h1>" in html and "Siapa kami." in html
    assert '<h2 id="bagian-pertama">Bagian pertama</h2>' in html and "Isi halaman." in html


def test_nested_standing_page_is_routed_with_its_breadcrumb(client):
    """A standing page under another answers at its nested address, its parent in the
    breadcrumb and the parent listing it."""
    about = StandingPageFactory(title="Tentang Kami", slug="tentang-kami")
    StandingPageFactory(title="Kebijakan Privasi", slug="kebijakan-privasi", parent=about)
    child = client.get("/tentang-kami/kebijakan-privasi/").content.decode()
    assert '<a href="/tentang-kami/">Tentang Kami</a>' in child
    parent = client.get("/tentang-kami/").content.decode()
    assert '<a href="/tentang-kami/kebijakan-privasi/">Kebijakan Privasi</a>' in parent


def test_standing_page_answers_in_english_under_en(client):
    """/en/<slug>/ serves the same page with the interface in English."""
    StandingPageFactory(title="Kontak", slug="kontak")
    response = client.get("/en/kontak/")
    assert response.status_code == 200
    assert "Skip to content" in response.content.decode()


def test_footer_links_the_standing_pages_marked_for_it(client):
    """Every page's footer links the standing pages marked for it, and no other."""
    StandingPageFactory(title="Kontak", slug="kontak")
    StandingPageFactory(title="Arsip Lama", slug="arsip-lama", show_in_footer=False)
    article = ArticlePageFactory()
    for url in ("/", article.url, "/tidak-ada/"):
        footer = client.get(url).content.decode().split('<footer class="site-footer">')[1]
        assert '<a href="/kontak/">Kontak</a>' in footer, url
        assert "Arsip Lama" not in footer, url


def test_footer_follows_the_footer_order(client):
    """Lower footer numbers come first, whatever the tree order."""
    StandingPageFactory(title="Kontak", slug="kontak", footer_order=2)
    StandingPageFactory(title="Redaksi", slug="redaksi", footer_order=1)
    footer = client.get("/").content.decode().split('<footer class="site-footer">')[1]
    assert footer.index("Redaksi") < footer.index("Kontak")


def test_english_footer_links_the_english_addresses(client):
    """On /en/ pages the footer links the standing pages under /en/."""
    StandingPageFactory(title="Kontak", slug="kontak")
    footer = client.get("/en/").content.decode().split('<footer class="site-footer">')[1]
    assert '<a href="/en/kontak/">Kontak</a>' in footer


def test_unpublished_standing_page_leaves_the_footer(client):
    """An unpublished standing page is no longer linked, nor served."""
    page = StandingPageFactory(title="Kontak", slug="kontak")
    client.get("/")
    page.unpublish()
    assert "Kontak" not in client.get("/").content.decode()
    assert client.get("/kontak/").status_code == 404


def test_standing_page_stays_out_of_story_lists(client):
    """The front page's lists and a section's list show stories only."""
    section = SectionPageFactory(title="Daerah")
    ArticlePageFactory(parent=section, title="Berita Daerah")
    StandingPageFactory(title="Pedoman Media Siber", slug="pedoman", show_in_footer=False)
    for url in ("/", section.url):
        assert "Pedoman Media Siber" not in client.get(url).content.decode(), url


def test_standing_page_stays_out_of_feeds(client):
    """The site's RSS and Atom feeds list no standing page."""
    ArticlePageFactory(title="Berita Daerah")
    StandingPageFactory(title="Pedoman Media Siber", slug="pedoman")
    for url in ("/feeds/rss/", "/feeds/atom/"):
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response).decode() if response.streaming else response.content.decode()
        assert "Berita Daerah" in body and "/pedoman/" not in body, url


def sitemap(client, kind: str) -> str:
    response = client.get(f"/sitemap-{kind}-1.xml")
    return b"".join(response.streaming_content).decode() if response.status_code == 200 else ""


def test_standing_page_is_in_the_general_sitemap_not_the_news_one(client):
    """Search engines find the standing pages in the sitemap of pages; Google News never
    sees them."""
    ArticlePageFactory(title="Berita Daerah")
    StandingPageFactory(title="Pedoman Media Siber", slug="pedoman")
    assert "http://testserver/pedoman/" in sitemap(client, "pages")
    news = sitemap(client, "news")
    assert "Berita Daerah" in news and "/pedoman/" not in news


def test_standing_page_is_not_a_search_result(client):
    """Search lists stories only, even for a standing page's own words."""
    ArticlePageFactory(title="Banjir di Pati", body=[("paragraph", "<p>Banjir melanda.</p>")])
    StandingPageFactory(title="Pedoman banjir", slug="pedoman", intro="Banjir pedoman.")
    response = client.get("/cari/", {"q": "banjir"})
    assert [hit.article.title for hit in response.context["hits"]] == ["Banjir di Pati"]


def test_standing_page_has_no_reactions_or_view_counting(client):
    """No reaction form, view beacon, view count or share buttons: those are a story's."""
    StandingPageFactory(title="Kontak", slug="kontak")
    markers = ("data-engagement-reactions", "engagement/engagement.js", "data-engagement-views")
    article_html = client.get(ArticlePageFactory().url).content.decode()
    assert all(marker in article_html for marker in markers)  # what the markers stand for
    html = client.get("/kontak/").content.decode()
    assert not any(marker in html for marker in (*markers, "/api/engagement/", "wa.me/"))


def test_standing_page_loads_no_inline_script(client):
    """Only Warta's own script files and JSON-LD data blocks: the policy forbids inline code."""
    StandingPageFactory(title="Kontak", slug="kontak")
    response = client.get("/kontak/")
    assert "Content-Security-Policy" in response.headers
    for opening in response.content.decode().split("<script")[1:]:
        tag = opening.split(">")[0]
        assert ' src="/static/' in tag or 'type="application/ld+json"' in tag, tag


def test_home_page_can_hold_standing_pages():
    """Editors may add a standing page (and the Redaksi page) right under the home page."""
    names = {model.__name__ for model in home_page().specific_class.allowed_subpage_models()}
    assert {"StandingPage", "RedaksiPage"} <= names
