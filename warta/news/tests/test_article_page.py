"""The article page: every element of the reference page, in a fixed number of queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from warta.core import caches
from warta.engagement.models import ArticleStats
from warta.news.factories import (
    ArticlePageFactory,
    NewsImageFactory,
    PersonFactory,
    SectionPageFactory,
)
from warta.news.models import NewsroomSettings
from warta.news.tests import SITE_QUERIES

pytestmark = pytest.mark.django_db


def body_with_images(count: int) -> list:
    images = [
        ("image", {"image": NewsImageFactory(), "caption": f"Foto {i}", "credit": ""})
        for i in range(count)
    ]
    return [("paragraph", "<p>Awal berita.</p>"), *images, ("paragraph", "<p>Akhir berita.</p>")]


def make_article(tags: int, reporters: int, images: int, section=None):
    return ArticlePageFactory(
        parent=section or SectionPageFactory(),
        main_image=NewsImageFactory(),
        body=body_with_images(images),
        reporters=PersonFactory.create_batch(reporters),
        editor=PersonFactory(initials="Ed"),
        tags=[f"tag-{i}" for i in range(tags)],
    )


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_article_queries_do_not_grow_with_tags_reporters_or_images(client):
    """An article renders in the same small number of queries however much it carries."""
    section = SectionPageFactory()
    small = make_article(tags=1, reporters=1, images=1, section=section)
    large = make_article(tags=6, reporters=4, images=5, section=section)
    plain = make_article(tags=3, reporters=2, images=0, section=section)
    for article in (small, large, plain):  # renditions are made once, then reused
        client.get(article.url)
    small_count = count_queries(client, small.url)
    large_count = count_queries(client, large.url)
    assert small_count == large_count
    # The page found by its address (warta.news.routing) with its image, editor, counts,
    # content generation, tags, bylines and lead renditions; the body's images and their
    # renditions. The sections above it, the stories beside it and their cards, the
    # navigation, the ticker and the newsroom settings are kept by the worker until
    # content changes (warta.core.generation).
    assert large_count == 3 + SITE_QUERIES
    # A story whose body shows no photo needs neither of the last two: one query.
    assert count_queries(client, plain.url) == 1 + SITE_QUERIES
    # A worker that keeps nothing yet (started, or content just published) also reads the
    # site with its home page, the page's type, the private paths, the sections above,
    # the stories beside it with their cards and renditions, the newsroom and publisher
    # settings, the navigation, the ticker, the footer's standing pages and the published
    # replies (hak jawab) with the stories they answer.
    caches.reset()
    assert count_queries(client, large.url) <= 17 + SITE_QUERIES


def test_article_shows_the_reference_elements(client):
    """Headline, byline, views, date, dateline, body, initials, reactions and categories."""
    pati = SectionPageFactory(title="Pati", parent=SectionPageFactory(title="Daerah"))
    reporter = PersonFactory(name="Agus Gunawan", initials="Ag")
    published = timezone.make_aware(timezone.datetime(2019, 9, 27, 5, 40))
    article = ArticlePageFactory(
        parent=pati,
        title="Kerja Sama Desa Digenjot",
        dateline="Pati",
        published_at=published,
        reporters=[reporter],
        tags=["Pemkab Pati"],
        credit_line="Warta Pati",
        body=[
            ("paragraph", "<p>Kerja sama desa didorong.</p>"),
            ("paragraph", "<p>Acara dihadiri 90 peserta.</p>"),
        ],
    )
    ArticleStats.objects.create(article=article, views=805)
    html = client.get(article.url).content.decode()

    assert '<h1 class="article__title">Kerja Sama Desa Digenjot</h1>' in html
    assert "<title>Kerja Sama Desa Digenjot" in html
    assert "Warta Pati" in html
    assert "(805 kali dibaca)" in html
    assert "Jumat, 27 September 2019 - 05:40 WIB" in html
    assert '<span class="dateline">PATI –</span> Kerja sama desa didorong.' in html
    assert 'Acara dihadiri 90 peserta. <span class="sign-off">(Ag)</span></p>' in html
    for reaction in ("Suka", "Cinta", "Haha", "Wow", "Sedih", "Marah"):
        assert f'<span class="reaction__label">{reaction}</span>' in html
    assert html.count('<span class="reaction__share">0%</span>') == 6
    assert f'href="{pati.url}">Pati</a>' in html
    assert 'rel="tag">#Pemkab Pati</a>' in html
    assert 'class="site-clock"' in html


def test_breadcrumb_lists_every_section_and_never_an_empty_crumb(client):
    """Home › Daerah › Pati › title, each crumb with text."""
    daerah = SectionPageFactory(title="Daerah")
    pati = SectionPageFactory(title="Pati", parent=daerah)
    article = ArticlePageFactory(parent=pati, title="Judul Berita")
    html = client.get(article.url).content.decode()
    crumbs = html.split('<nav class="breadcrumb"')[1].split("</nav>")[0]
    assert (
        crumbs.index("Beranda")
        < crumbs.index("Daerah")
        < crumbs.index("Pati")
        < crumbs.index("Judul Berita")
    )
    assert "></a>" not in crumbs and "<li></li>" not in crumbs


def test_editor_initials_follow_the_reporters_when_the_outlet_shows_them(client):
    """With the newsroom setting on, the sign-off reads (Ag/Ed)."""
    article = ArticlePageFactory(
        reporters=[PersonFactory(initials="Ag")], editor=PersonFactory(initials="Ed")
    )
    assert "(Ag)</span>" in client.get(article.url).content.decode()
    settings = NewsroomSettings.for_site(Site.objects.get(is_default_site=True))
    settings.show_editor_initials = True
    settings.save()
    assert "(Ag/Ed)</span>" in client.get(article.url).content.decode()


def test_updated_line_only_after_a_later_change(client):
    """Readers see 'Diperbarui' only when the update time is after publication."""
    article = ArticlePageFactory()
    assert "Diperbarui" not in client.get(article.url).content.decode()
    article.updated_at = article.published_at + timedelta(hours=2)
    article.save_revision().publish()
    assert "Diperbarui" in client.get(article.url).content.decode()


def test_english_page_is_fully_english(client):
    """Under /en/ the same article speaks English, dates included."""
    article = ArticlePageFactory(
        published_at=timezone.make_aware(timezone.datetime(2019, 9, 27, 5, 40)),
        reporters=[PersonFactory(initials="Ag")],
    )
    html = client.get(f"/en{article.url}").content.decode()
    assert '<html lang="en">' in html
    assert "Friday, 27 September 2019 - 05:40 WIB" in html
    assert "(0 views)" in html
    assert ">Home</a>" in html and "Beranda" not in html
    assert '<span class="reaction__label">Like</span>' in html
    assert 'hreflang="id"' in html  # the way back to Indonesian


def test_unpublished_article_is_not_served(client):
    """A draft is a 404 for readers."""
    article = ArticlePageFactory()
    url = article.url
    article.unpublish()
    assert client.get(url).status_code == 404


def test_a_renamed_section_shows_at_once_where_the_worker_kept_it(client):
    """The sections above a story and the home page's sections are kept by the worker
    until content changes; publishing the section is such a change."""
    section = SectionPageFactory(title="Rubrik Lama")
    article = ArticlePageFactory(parent=section)
    for url in (article.url, article.url, "/", "/"):  # the second visit uses what is kept
        assert "Rubrik Lama" in client.get(url).content.decode()
    section.title = "Rubrik Baru"
    section.save_revision().publish()
    for url in (article.url, "/"):
        html = client.get(url).content.decode()
        assert "Rubrik Baru" in html and "Rubrik Lama" not in html
