"""Tables and galleries in article and standing bodies: what readers get, what editors open."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from warta.news.blocks import ArticleBodyBlock, ArticleTableBlock, GalleryBlock
from warta.news.factories import ArticlePageFactory, NewsImageFactory, SectionPageFactory
from warta.standing.factories import StandingPageFactory

pytestmark = pytest.mark.django_db


def table(data, choice="row", caption=""):
    """A table as Wagtail's table editor saves it."""
    return {
        "data": data,
        "cell": [],
        "mergeCells": [],
        "table_caption": caption,
        "table_header_choice": choice,
        "first_row_is_table_header": choice in ("row", "both"),
        "first_col_is_header": choice in ("column", "both"),
    }


VOTES = table([["Desa", "Suara"], ["Margorejo", "120"], ["Sidoharjo", "98"]], caption="Hasil")


def gallery(*images, caption=""):
    """A gallery as stored, its photos by primary key."""
    return {
        "images": [{"image": image.pk, "caption": "", "credit": ""} for image in images],
        "caption": caption,
    }


def stream(*blocks: tuple[str, object]) -> list[dict]:
    """A body in its stored form, as the factories take it."""
    return [{"type": block_type, "value": value} for block_type, value in blocks]


def render(block_type: str, value, block_id: str = "b1") -> str:
    body = ArticleBodyBlock().to_python([{"type": block_type, "value": value, "id": block_id}])
    return str(body[0].render())


def text(html: str) -> str:
    return re.sub(r"\s+", " ", html)


# --- Tables ------------------------------------------------------------------------------


def test_table_header_row_is_column_headers():
    """The first row, when it holds headers, is a row of <th scope="col"> in <thead>."""
    html = text(render("table", VOTES))
    assert '<thead><tr><th scope="col">Desa</th><th scope="col">Suara</th></tr></thead>' in html
    assert "<td>Margorejo</td><td>120</td>" in html


def test_table_first_column_headers_are_row_headers():
    """With the first column as headers, each row opens with <th scope="row">."""
    html = text(render("table", table([["Nama", "Gaji"], ["Ani", "1"]], choice="both")))
    assert '<tr><th scope="row">Ani</th><td>1</td></tr>' in html


def test_table_without_headers_has_only_data_cells():
    """A table with neither header row nor column has no <th> and no <thead>."""
    html = render("table", table([["a", "b"], ["c", "d"]], choice="neither"))
    assert "<th" not in html
    assert "<thead" not in html


def test_table_caption_names_its_scrolling_region():
    """The caption is the table's and names the focusable region that scrolls it."""
    html = render("table", VOTES, block_id="abc")
    assert '<caption id="table-abc">Hasil</caption>' in html
    assert 'role="region" tabindex="0" aria-labelledby="table-abc"' in html


def test_table_without_caption_region_is_named_table():
    """Without a caption the region is named "Tabel" in Indonesian."""
    with translation.override("id"):
        html = render("table", table([["a", "b"]], choice="neither"))
    assert 'role="region" tabindex="0" aria-label="Tabel"' in html


def test_table_cells_are_text_never_markup():
    """Markup typed in a cell is printed as text; a line break in a cell is kept."""
    html = render("table", table([["<b>x</b>\nbaris dua"]], choice="neither"))
    assert "&lt;b&gt;x&lt;/b&gt;<br>baris dua" in html
    assert "<b>" not in html


def test_empty_header_cell_is_no_header():
    """A blank cell of the header row is a plain cell, not an empty header."""
    html = text(render("table", table([["Nama", ""], ["Ani", "1"]])))
    assert '<th scope="col">Nama</th><td></td>' in html


def test_table_saved_by_the_editor_is_valid():
    """A value shaped as the table editor saves it passes the block's validation."""
    block = ArticleTableBlock()
    assert block.clean(block.to_python(VOTES))["first_row_is_table_header"] is True


def test_table_value_rendered_outside_a_stream_has_a_stable_name():
    """A table rendered without a block id names its region the same way every time."""
    block = ArticleTableBlock()
    first, second = block.render(VOTES), block.render(VOTES)
    assert first == second
    assert re.search(r'aria-labelledby="table-[0-9a-f]{12}"', first)


# --- Galleries ---------------------------------------------------------------------------


def test_gallery_is_a_list_of_figures_with_lazy_body_renditions():
    """Each photo is a figure in a list, loaded lazily, in the body image's rendition."""
    photos = NewsImageFactory.create_batch(3)
    html = render("gallery", gallery(*photos, caption="Kirab budaya"))
    assert len(re.findall(r'<li>\s*<figure class="gallery__photo">', html)) == 3
    assert html.count('loading="lazy"') == 3
    assert html.count(".width-960.") == 3
    assert '<figcaption class="gallery__caption">Kirab budaya</figcaption>' in html
    assert "<script" not in html


def test_gallery_photo_caption_and_credit_default_to_the_librarys():
    """A photo with no caption or credit of its own shows the image library's."""
    photo = NewsImageFactory(caption="Warga antre", credit="Dok. Warta")
    html = render("gallery", gallery(photo, NewsImageFactory()))
    assert "Warga antre" in html
    assert "Dok. Warta" in html


def test_gallery_needs_two_photos():
    """A gallery of one photo is refused: one photo is an image block."""
    block = GalleryBlock()
    with pytest.raises(ValidationError) as refused:
        block.clean(block.to_python(gallery(NewsImageFactory())))
    assert list(refused.value.as_json_data()["blockErrors"]) == ["images"]


def test_gallery_photos_are_among_the_body_images():
    """The gallery's photos count as the body's images, in reading order."""
    first, second, third = NewsImageFactory.create_batch(3)
    article = ArticlePageFactory(
        body=stream(
            ("image", {"image": first.pk, "caption": "", "credit": ""}),
            ("gallery", gallery(second, third)),
        )
    )
    article.refresh_from_db()
    assert article.body_images() == [first, second, third]


def test_gallery_photos_take_no_query_of_their_own(client):
    """An article with a gallery renders in as many queries as one with a single photo."""
    section = SectionPageFactory()
    single = ArticlePageFactory(
        parent=section,
        main_image=NewsImageFactory(),
        body=stream(("image", {"image": NewsImageFactory().pk, "caption": "", "credit": ""})),
    )
    photos = NewsImageFactory.create_batch(4)
    with_gallery = ArticlePageFactory(
        parent=section,
        main_image=NewsImageFactory(),
        body=stream(("gallery", gallery(*photos[:2])), ("gallery", gallery(*photos[2:]))),
    )
    counts = []
    for article in (single, with_gallery):
        client.get(article.url)  # renditions are made once, then reused
        with CaptureQueriesContext(connection) as queries:
            assert client.get(article.url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


# --- On the pages ------------------------------------------------------------------------


def test_article_page_shows_its_table_and_gallery(client):
    """The article page prints the table and the gallery among its paragraphs."""
    article = ArticlePageFactory(
        body=stream(
            ("paragraph", "<p>Awal berita.</p>"),
            ("table", VOTES),
            ("gallery", gallery(*NewsImageFactory.create_batch(2))),
            ("paragraph", "<p>Akhir berita.</p>"),
        )
    )
    html = client.get(article.url).content.decode()
    body = html.split('class="article__body"')[1]
    assert body.index("Awal berita.") < body.index("<table>") < body.index('class="gallery"')
    assert body.index('class="gallery"') < body.index("Akhir berita.")


def test_standing_page_shows_a_table(client):
    """A standing page's body holds a table as an article's does."""
    StandingPageFactory(
        slug="tarif-iklan", body=[("table", table([["Posisi", "Tarif"], ["Atas", "Rp 1 juta"]]))]
    )
    html = text(client.get("/tarif-iklan/").content.decode())
    assert '<th scope="col">Tarif</th>' in html
    assert "<td>Rp 1 juta</td>" in html


def test_article_editor_opens_with_a_table_and_a_gallery(admin_client):
    """The Wagtail edit view of an article holding a table and a gallery answers 200,
    with the table editor's script."""
    article = ArticlePageFactory(
        body=stream(("table", VOTES), ("gallery", gallery(*NewsImageFactory.create_batch(2))))
    )
    response = admin_client.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == 200
    assert "table_block/js/table.js" in response.content.decode()
