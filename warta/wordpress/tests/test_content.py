"""WordPress post HTML converted into article body blocks: kinds of input, cleaning,
dateline and initials."""

import re
from collections import Counter
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from warta.news.factories import ArticlePageFactory, NewsImageFactory
from warta.news.models import ArticlePage
from warta.standing.models import StandingPage
from warta.wordpress import wxr
from warta.wordpress.content import convert, embed_url, wpautop


def pairs(conversion) -> list[tuple]:
    return [(block["type"], block["value"]) for block in conversion.blocks]


def kinds(conversion) -> list[str]:
    return [block["type"] for block in conversion.blocks]


def texts(conversion) -> str:
    return " ".join(str(block["value"]) for block in conversion.blocks)


# --- Classic editor --------------------------------------------------------------------


def test_classic_blank_lines_make_paragraphs_and_newlines_breaks():
    """Classic text without <p>: a blank line starts a paragraph, a newline breaks a line."""
    result = convert("Baris satu\nbaris dua\n\nParagraf kedua")
    assert pairs(result) == [
        ("paragraph", "<p>Baris satu<br/>baris dua</p>"),
        ("paragraph", "<p>Paragraf kedua</p>"),
    ]


def test_wpautop_leaves_block_elements_unwrapped():
    """wpautop wraps loose text in paragraphs but not a list standing on its own."""
    html = wpautop("Teks\n\n<ul>\n<li>a</li>\n</ul>")
    assert "<p>Teks</p>" in html
    assert "<p><ul>" not in html


def test_inline_formatting_and_links_are_kept_in_wagtail_form():
    """strong/em become b/i as Wagtail stores them; safe links stay links."""
    result = convert(
        '<p><strong>Tebal</strong> <em>miring</em> <a href="https://a.id/x">tautan</a></p>'
    )
    assert pairs(result) == [
        ("paragraph", '<p><b>Tebal</b> <i>miring</i> <a href="https://a.id/x">tautan</a></p>')
    ]


def test_empty_nbsp_paragraphs_are_dropped():
    """The editor's empty &nbsp; paragraphs make no blocks."""
    assert pairs(convert("<p>&nbsp;</p><p>Isi</p><p> </p>")) == [("paragraph", "<p>Isi</p>")]


def test_empty_content_gives_no_blocks():
    """A post with no content converts to an empty body."""
    assert pairs(convert("")) == []
    assert pairs(convert("<!-- more -->")) == []


# --- Gutenberg -------------------------------------------------------------------------

GUTENBERG = """
<!-- wp:paragraph -->
<p>Paragraf pembuka.</p>
<!-- /wp:paragraph -->

<!-- wp:heading {"level":4} -->
<h4 class="wp-block-heading">Subjudul</h4>
<!-- /wp:heading -->

<!-- wp:list {"ordered":true} -->
<ol><li>Satu</li><li>Dua<!-- wp:list --><ul><li>Dua a</li></ul><!-- /wp:list --></li></ol>
<!-- /wp:list -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><p>Kami siap.</p><cite>Bupati Pati</cite></blockquote>
<!-- /wp:quote -->

<!-- wp:image {"id":41} -->
<figure class="wp-block-image"><img src="https://lama.id/a.jpg" class="wp-image-41"/>
<figcaption>Warga antre.</figcaption></figure>
<!-- /wp:image -->

<!-- wp:embed {"url":"https://youtu.be/abcdefghijk","providerNameSlug":"youtube"} -->
<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">
https://youtu.be/abcdefghijk
</div></figure>
<!-- /wp:embed -->

<!-- wp:html -->
<div>Kode <b>lama</b></div>
<!-- /wp:html -->
"""


def test_gutenberg_blocks_become_body_blocks():
    """Paragraph, heading, list, quote, image and embed blocks map one to one."""
    result = convert(GUTENBERG, images={"41": 7}.get)
    assert pairs(result) == [
        ("paragraph", "<p>Paragraf pembuka.</p>"),
        ("paragraph", "<h3>Subjudul</h3>"),
        ("paragraph", "<ol><li>Satu</li><li>Dua<ul><li>Dua a</li></ul></li></ol>"),
        ("quote", {"text": "Kami siap.", "attribution": "Bupati Pati"}),
        ("image", {"image": 7, "caption": "Warga antre.", "credit": ""}),
        ("embed", {"url": "https://youtu.be/abcdefghijk", "caption": ""}),
        ("paragraph", "<p>Kode <b>lama</b></p>"),
    ]


def test_gutenberg_embed_keeps_its_caption():
    """The caption under a Gutenberg embed becomes the embed's caption."""
    html = (
        '<!-- wp:embed {"url":"https://vimeo.com/76979871"} --><figure class="wp-block-embed">'
        '<div class="wp-block-embed__wrapper">\nhttps://vimeo.com/76979871\n</div>'
        "<figcaption>Kirab budaya</figcaption></figure><!-- /wp:embed -->"
    )
    assert pairs(convert(html)) == [
        ("embed", {"url": "https://vimeo.com/76979871", "caption": "Kirab budaya"})
    ]


GUTENBERG_GALLERY = (
    '<!-- wp:gallery --><figure class="wp-block-gallery has-nested-images">'
    '<!-- wp:image {"id":1} --><figure class="wp-block-image">'
    '<img src="/a.jpg" class="wp-image-1"/><figcaption>Satu</figcaption></figure>'
    '<!-- /wp:image --><!-- wp:image {"id":2} --><figure class="wp-block-image">'
    '<img src="/b.jpg" class="wp-image-2"/></figure><!-- /wp:image -->'
    '<figcaption class="blocks-gallery-caption">Kirab budaya Pati</figcaption>'
    "</figure><!-- /wp:gallery -->"
)


def gallery_block(*photos: tuple[int, str], caption: str = "") -> tuple[str, dict]:
    """A gallery block as the conversion gives it, from (image pk, caption) pairs."""
    images = [{"image": pk, "caption": text, "credit": ""} for pk, text in photos]
    return ("gallery", {"images": images, "caption": caption})


def test_gutenberg_gallery_becomes_a_gallery_block():
    """A Gutenberg gallery keeps its photos in order, each caption, and its own caption."""
    result = convert(GUTENBERG_GALLERY, images={"1": 11, "2": 12}.get)
    assert pairs(result) == [gallery_block((11, "Satu"), (12, ""), caption="Kirab budaya Pati")]
    assert not result.counts


def test_older_gutenberg_gallery_list_keeps_each_caption():
    """The list markup of galleries before WordPress 5.9 gives the same gallery block."""
    html = (
        '<figure class="wp-block-gallery columns-2"><ul class="blocks-gallery-grid">'
        '<li class="blocks-gallery-item"><figure><a href="/lampiran/a"><img src="/a.jpg" '
        'data-id="769" class="wp-image-769"/></a><figcaption class="blocks-gallery-item__caption">'
        "Pantai</figcaption></figure></li>"
        '<li class="blocks-gallery-item"><figure><img src="/b.jpg" data-id="768"/></figure></li>'
        "</ul></figure>"
    )
    result = convert(html, images={"769": 1, "768": 2}.get)
    assert pairs(result) == [gallery_block((1, "Pantai"), (2, ""))]


def test_rendered_classic_gallery_keeps_each_caption():
    """A [gallery] pasted as WordPress rendered it (dl items) keeps each photo's caption."""
    item = (
        '<dl class="gallery-item"><dt class="gallery-icon"><a href="/x"><img src="/{n}.jpg" '
        'class="attachment-thumbnail wp-image-{n}"></a></dt>'
        '<dd class="wp-caption-text gallery-caption">Foto {n}</dd></dl>'
    )
    items = item.format(n=3) + item.format(n=4)
    html = f'<div id="gallery-1" class="gallery galleryid-5">{items}</div>'
    result = convert(html, images={"3": 30, "4": 40}.get)
    assert pairs(result) == [gallery_block((30, "Foto 3"), (40, "Foto 4"))]


def test_gallery_with_one_photo_found_becomes_an_image():
    """A gallery whose library holds one photo gives an image block; the other is counted."""
    result = convert(GUTENBERG_GALLERY, images={"2": 12}.get)
    assert pairs(result) == [("image", {"image": 12, "caption": "Kirab budaya Pati", "credit": ""})]
    assert result.counts["image_unresolved"] == 1


# --- Tables ----------------------------------------------------------------------------


def table_value(data, choice="neither", caption=""):
    return {
        "data": data,
        "table_caption": caption,
        "table_header_choice": choice,
        "first_row_is_table_header": choice in ("row", "both"),
        "first_col_is_header": choice in ("column", "both"),
    }


def test_gutenberg_table_becomes_a_table_block_with_header_row_and_caption():
    """A table with <thead> keeps its header row; the figure's caption is the table's."""
    html = (
        '<!-- wp:table --><figure class="wp-block-table"><table><thead><tr><th>Desa</th>'
        "<th>Suara</th></tr></thead><tbody><tr><td>Margorejo</td><td>120</td></tr></tbody>"
        "</table><figcaption>Hasil pilkades</figcaption></figure><!-- /wp:table -->"
    )
    result = convert(html)
    assert pairs(result) == [
        ("table", table_value([["Desa", "Suara"], ["Margorejo", "120"]], "row", "Hasil pilkades"))
    ]
    assert not result.counts


def test_first_row_of_header_cells_is_the_header_row():
    """Without <thead>, a first row of <th> cells is the header row."""
    html = (
        "<table><tr><th>Pasar</th><th>Harga</th></tr>"
        "<tr><td>Juwana</td><td>12.000</td></tr></table>"
    )
    assert pairs(convert(html)) == [
        ("table", table_value([["Pasar", "Harga"], ["Juwana", "12.000"]], "row"))
    ]


def test_header_cells_opening_every_row_are_row_headers():
    """A <th> at the start of every body row makes the first column headers too."""
    html = (
        "<table><thead><tr><th>Nama</th><th>Gaji</th></tr></thead><tbody>"
        "<tr><th>Ani</th><td>1</td></tr><tr><th>Budi</th><td>2</td></tr></tbody></table>"
    )
    assert pairs(convert(html))[0][1]["table_header_choice"] == "both"


def test_table_without_header_cells_has_no_headers():
    """A table of <td> cells only has neither a header row nor row headers."""
    html = "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>"
    assert pairs(convert(html)) == [("table", table_value([["a", "b"], ["c", "d"]]))]


def test_caption_element_is_the_table_caption():
    """<caption> becomes the table's caption."""
    html = "<table><caption>Jadwal</caption><tr><td>a</td><td>b</td></tr></table>"
    assert pairs(convert(html))[0][1]["table_caption"] == "Jadwal"


def test_footer_rows_come_last():
    """<tfoot> rows follow the body rows, wherever the markup puts them."""
    html = (
        "<table><tfoot><tr><td>Jumlah</td><td>3</td></tr></tfoot>"
        "<tbody><tr><td>a</td><td>1</td></tr><tr><td>b</td><td>2</td></tr></tbody></table>"
    )
    assert pairs(convert(html))[0][1]["data"] == [["a", "1"], ["b", "2"], ["Jumlah", "3"]]


def test_merged_cells_are_split_and_columns_stay_in_line():
    """A cell spanning columns or rows leaves blank cells so the columns still line up."""
    html = (
        "<table><tr><td rowspan='2'>Pati</td><td colspan='2'>Suara</td></tr>"
        "<tr><td>Ya</td><td>Tidak</td></tr><tr><td>Kudus</td><td>5</td><td>6</td></tr></table>"
    )
    result = convert(html)
    assert pairs(result)[0][1]["data"] == [
        ["Pati", "Suara", ""],
        ["", "Ya", "Tidak"],
        ["Kudus", "5", "6"],
    ]
    assert result.counts["table_merged_cell_split"] == 2


def test_short_rows_are_padded_and_blank_rows_and_columns_dropped():
    """Rows get as many cells as the widest; rows and trailing columns left blank go."""
    html = (
        "<table><tr><td>a</td><td>b</td><td></td></tr><tr><td></td><td><br></td></tr>"
        "<tr><td>c</td></tr></table>"
    )
    assert pairs(convert(html))[0][1]["data"] == [["a", "b"], ["c", ""]]


def test_cell_markup_becomes_lines_of_text_and_links_are_counted():
    """A cell keeps its text, a line per break or paragraph; its links are counted."""
    html = (
        '<table><tr><td><a href="https://a.id">Ani</a><br>Pati</td>'
        "<td><p>satu</p><p><b>dua</b></p></td></tr></table>"
    )
    result = convert(html)
    assert pairs(result)[0][1]["data"] == [["Ani\nPati", "satu\ndua"]]
    assert result.counts["table_link_as_text"] == 1


def test_layout_table_gives_its_content():
    """A table laying out photos is not data: its photos and text come out as blocks."""
    html = '<table><tr><td><img src="/a.jpg"></td><td>Bupati meninjau banjir.</td></tr></table>'
    result = convert(html, images=lambda _ref: 4)
    assert pairs(result) == [
        ("image", {"image": 4, "caption": "", "credit": ""}),
        ("paragraph", "<p>Bupati meninjau banjir.</p>"),
    ]
    assert result.counts["table_layout_unwrapped"] == 1


def test_table_of_one_cell_gives_its_text():
    """A one-cell table is a box around text: the text comes out as paragraphs."""
    result = convert("<table><tr><td><p>Baca juga: banjir Pati</p></td></tr></table>")
    assert pairs(result) == [("paragraph", "<p>Baca juga: banjir Pati</p>")]


def test_empty_table_gives_nothing_and_is_counted():
    """A table with no text in any cell gives no block and is counted."""
    result = convert("<table><tr><td> </td><td>&nbsp;</td></tr><tr><td></td><td></td></tr></table>")
    assert pairs(result) == []
    assert result.counts["table_empty"] == 1


# --- Shortcodes and page builders ------------------------------------------------------


def test_page_builder_wrappers_are_unwrapped():
    """Visual Composer rows and columns go; the text inside stays."""
    result = convert(
        "[vc_row][vc_column][vc_column_text]Isi berita.[/vc_column_text][/vc_column][/vc_row]"
    )
    assert pairs(result) == [("paragraph", "<p>Isi berita.</p>")]
    assert "[vc_" not in texts(result)


def test_caption_shortcode_gives_image_with_caption():
    """[caption] becomes an image block carrying the caption, found by attachment ID."""
    html = (
        '[caption id="attachment_52" align="alignnone" width="600"]'
        '<img src="https://lama.id/b.jpg" /> Banjir di Juwana[/caption]'
    )
    result = convert(html, images={"52": 9}.get)
    assert pairs(result) == [("image", {"image": 9, "caption": "Banjir di Juwana", "credit": ""})]


def test_image_found_by_address_when_no_attachment_id():
    """An image with no attachment ID is looked up by its address."""
    result = convert(
        '<p><img src="https://lama.id/c.jpg"></p>', images={"https://lama.id/c.jpg": 3}.get
    )
    assert pairs(result) == [("image", {"image": 3, "caption": "", "credit": ""})]


def test_unresolved_image_is_counted():
    """An image the library does not hold is left out and counted."""
    result = convert(
        '<p>Teks <img src="https://lama.id/hilang.jpg"> lagi</p>', images=lambda _ref: None
    )
    assert pairs(result) == [("paragraph", "<p>Teks lagi</p>")]
    assert result.counts["image_unresolved"] == 1


def test_gallery_shortcode_gives_a_gallery_in_its_order():
    """[gallery ids="…"] becomes a gallery of its attachments, in the given order."""
    result = convert('[gallery ids="5,4"]', images={"4": 40, "5": 50}.get)
    assert [photo["image"] for photo in result.blocks[0]["value"]["images"]] == [50, 40]


def test_gallery_shortcode_without_ids_shows_the_posts_own_images():
    """[gallery] naming no photo shows the post's attached images but the excluded ones."""
    result = convert(
        '[gallery exclude="8"]', images=lambda ref: int(ref) * 10, attached=["7", "8", "9"]
    )
    assert [photo["image"] for photo in result.blocks[0]["value"]["images"]] == [70, 90]


def test_gallery_shortcode_with_no_photo_at_all_is_counted():
    """[gallery] in a post with no attached image gives nothing and is counted."""
    result = convert("[gallery]", images=lambda _ref: 1)
    assert pairs(result) == []
    assert result.counts["gallery_without_ids"] == 1


def test_embed_shortcode_gives_embed_block():
    """[embed]URL[/embed] becomes an embed block."""
    result = convert("[embed]https://vimeo.com/76979871[/embed]")
    assert pairs(result) == [("embed", {"url": "https://vimeo.com/76979871", "caption": ""})]


def test_unknown_shortcode_is_kept_as_text_and_counted():
    """A shortcode Warta does not know stays visible and is counted by name."""
    result = convert('Sebelum [polldaddy poll="123"] sesudah.')
    assert pairs(result) == [("paragraph", '<p>Sebelum [polldaddy poll="123"] sesudah.</p>')]
    assert result.counts["shortcode_unknown:polldaddy"] == 1


def test_escaped_shortcode_is_printed_as_written():
    """[[gallery]] is how an author writes the text "[gallery]": not a shortcode."""
    result = convert("Tulis [[gallery]] di editor.")
    assert pairs(result) == [("paragraph", "<p>Tulis [gallery] di editor.</p>")]
    assert not result.counts


def test_bracketed_words_are_not_counted_as_shortcodes():
    """Ordinary bracketed text such as [Baca juga: …] is not a shortcode."""
    result = convert("[Baca juga: Banjir Pati] [baca juga banjir]")
    assert pairs(result) == [("paragraph", "<p>[Baca juga: Banjir Pati] [baca juga banjir]</p>")]
    assert not result.counts


# --- Embeds ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=abcdefghijk",
        "https://vimeo.com/76979871",
        "https://twitter.com/jatengprov/status/1234567890",
        "https://x.com/jatengprov/status/1234567890",
        "https://www.instagram.com/p/Cabc123/",
        "https://www.facebook.com/pemkabpati/posts/123456",
    ],
)
def test_bare_url_on_its_own_line_becomes_embed(url):
    """An address of a known provider alone on a line becomes an embed block."""
    result = convert(f"Sebelum.\n\n{url}\n\nSesudah.")
    assert pairs(result)[1] == ("embed", {"url": url, "caption": ""})


def test_bare_url_of_unknown_site_stays_text():
    """An address no provider embeds stays in the text."""
    result = convert("https://pati.go.id/pengumuman")
    assert pairs(result) == [("paragraph", "<p>https://pati.go.id/pengumuman</p>")]


def test_url_inside_a_sentence_is_not_embedded():
    """Only an address standing alone on its line is an embed."""
    result = convert("Tonton https://youtu.be/abcdefghijk sekarang.")
    assert kinds(result) == ["paragraph"]


def test_player_iframe_becomes_embed_of_its_page_address():
    """A YouTube player iframe becomes an embed of the video's page address."""
    result = convert('<iframe src="https://www.youtube.com/embed/abcdefghijk?rel=0"></iframe>')
    assert pairs(result) == [
        ("embed", {"url": "https://www.youtube.com/watch?v=abcdefghijk", "caption": ""})
    ]


def test_tweet_blockquote_becomes_embed_and_its_script_is_counted():
    """Twitter's pasted embed code becomes an embed; its widget script is removed."""
    html = (
        '<blockquote class="twitter-tweet"><p>Isi cuitan</p>&mdash; Pemkab '
        '<a href="https://twitter.com/pemkab/status/99?ref_src=twsrc">1 Mei</a></blockquote>'
        '<script async src="https://platform.twitter.com/widgets.js"></script>'
    )
    result = convert(html)
    assert pairs(result) == [
        ("embed", {"url": "https://twitter.com/pemkab/status/99?ref_src=twsrc", "caption": ""})
    ]
    assert result.counts["script"] == 1


def test_embed_url_refuses_unknown_hosts():
    """embed_url answers None for an address no provider serves."""
    assert embed_url("https://judi.example/embed/1") is None


# --- Cleaning --------------------------------------------------------------------------


def test_scripts_are_removed_and_counted():
    """A script and its code are removed and counted."""
    result = convert("<p>Teks</p><script>document.write('x')</script>")
    assert pairs(result) == [("paragraph", "<p>Teks</p>")]
    assert result.counts["script"] == 1


def test_event_handlers_are_removed_and_counted():
    """Every on* attribute is removed and counted; the element stays."""
    result = convert('<p onclick="a()" onmouseover="b()">Teks <b onload="c()">tebal</b></p>')
    assert pairs(result) == [("paragraph", "<p>Teks <b>tebal</b></p>")]
    assert result.counts["event_handler"] == 3


def test_javascript_links_lose_their_address_and_are_counted():
    """A javascript: link keeps its words but not its address."""
    result = convert('<p><a href=" jav&#x09;ascript:alert(1)">klik</a></p>')
    assert pairs(result) == [("paragraph", "<p>klik</p>")]
    assert result.counts["javascript_url"] == 1


@pytest.mark.parametrize(
    "style",
    [
        "display:none",
        "DISPLAY: NONE !important",
        "visibility:hidden",
        "font-size:0",
        "font-size: 0px",
        "opacity:0",
        "position:absolute; left:-9999px",
        "height:0; overflow:hidden",
    ],
)
def test_hidden_text_is_removed_not_revealed(style):
    """Text hidden by an inline style is removed with its link, and counted."""
    link = '<a href="https://judi.example">slot gacor</a>'
    html = f'<p>Berita <span style="{style}">{link}</span>desa.</p>'
    result = convert(html)
    assert "slot" not in texts(result)
    assert "judi" not in texts(result)
    assert result.counts["hidden_style"] == 1


def test_text_hidden_by_a_style_element_is_removed():
    """A class hidden by a <style> in the post hides its text: removed, not revealed."""
    html = (
        "<style>.iklan, p .x { display: none }</style>"
        '<p>Berita desa.<span class="iklan"><a href="https://judi.example">slot</a></span></p>'
    )
    result = convert(html)
    assert pairs(result) == [("paragraph", "<p>Berita desa.</p>")]
    assert result.counts["hidden_style"] == 1
    assert result.counts["style_element"] == 1


def test_ordinary_styles_do_not_hide_text():
    """A style that does not hide (colour, a real size) keeps its text, unstyled."""
    result = convert('<p><span style="font-size: 0.9em; color: red">kecil</span></p>')
    assert pairs(result) == [("paragraph", "<p>kecil</p>")]
    assert not result.counts


def test_hidden_attribute_removes_its_content():
    """An element with the hidden attribute is removed with its text."""
    result = convert("<p>Tampak<span hidden>tersembunyi</span></p>")
    assert pairs(result) == [("paragraph", "<p>Tampak</p>")]
    assert result.counts["hidden_attribute"] == 1


def test_iframe_from_unknown_host_is_removed_and_counted():
    """An iframe no embed provider serves is removed and counted."""
    result = convert('<p>Teks</p><iframe src="https://iklan.example/banner"></iframe>')
    assert pairs(result) == [("paragraph", "<p>Teks</p>")]
    assert result.counts["iframe_unknown_host"] == 1


def test_styles_classes_and_spans_do_not_reach_the_body():
    """Only Wagtail's rich-text markup is kept: no style, class or span."""
    result = convert(
        '<p class="x" style="color:red"><span class="y">Teks</span> '
        '<font color="red">merah</font></p>'
    )
    assert pairs(result) == [("paragraph", "<p>Teks merah</p>")]


# --- Dateline --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("PATI – Kerja sama dimulai.", "Pati"),
        ("PATI - Kerja sama dimulai.", "Pati"),
        ("<b>PATI –</b> Kerja sama dimulai.", "Pati"),
        ("BANDAR LAMPUNG – Kerja sama dimulai.", "Bandar Lampung"),
        ("Pati, WartaKota – Kerja sama dimulai.", "Pati, WartaKota"),
        ("SEMARANG, Senin (12/5) – Kerja sama dimulai.", "Semarang, Senin (12/5)"),
    ],
)
def test_dateline_moves_from_the_first_paragraph(opening, dateline):
    """A dateline opening the story moves to its field, out of the text."""
    result = convert(f"<p>{opening}</p><p>Paragraf dua.</p>")
    assert result.dateline == dateline
    assert pairs(result)[0] == ("paragraph", "<p>Kerja sama dimulai.</p>")


@pytest.mark.parametrize(
    "opening",
    [
        "KPK – Lembaga itu menahan tersangka.",  # an acronym, not a place
        "Jakarta - Pemerintah menyatakan.",  # a name without the caps or a comma
        "PATI – kata warga, jalan rusak.",  # lower case after the dash: not a sentence start
        "Kerja sama dimulai hari ini – kata bupati.",
        "Di PATI – Kerja sama dimulai.",
    ],
)
def test_ambiguous_openings_stay_in_the_text(opening):
    """An opening that may not be a dateline is left as written."""
    result = convert(f"<p>{opening}</p>")
    assert result.dateline == ""
    assert pairs(result) == [("paragraph", f"<p>{opening}</p>")]


def test_dateline_found_after_a_leading_photo():
    """A photo above the story does not hide the dateline of its first paragraph."""
    result = convert('<p><img src="/a.jpg"></p><p>KUDUS – Kirab dimulai.</p>', images=lambda _r: 1)
    assert result.dateline == "Kudus"
    assert pairs(result)[1] == ("paragraph", "<p>Kirab dimulai.</p>")


def test_dateline_only_in_the_first_paragraph():
    """A dateline-like opening of a later paragraph stays in the text."""
    result = convert("<p>Pembuka.</p><p>PATI – Paragraf dua.</p>")
    assert result.dateline == ""


# --- Initials --------------------------------------------------------------------------


def test_initials_at_the_end_of_the_last_paragraph_move_to_their_field():
    """ "… Semarang. (Ag)" gives the initials and the sentence without them."""
    result = convert("<p>Pembuka.</p><p>Kegiatan di LPPM Unissula Semarang. (Ag)</p>")
    assert result.initials == "Ag"
    assert pairs(result)[-1] == ("paragraph", "<p>Kegiatan di LPPM Unissula Semarang.</p>")


def test_initials_alone_in_the_last_paragraph_remove_it():
    """A last paragraph holding only "(ag/ek)" becomes the initials."""
    result = convert("<p>Isi berita.</p><p><strong>(ag/ek)</strong></p>")
    assert result.initials == "ag/ek"
    assert pairs(result) == [("paragraph", "<p>Isi berita.</p>")]


@pytest.mark.parametrize(
    "closing",
    [
        "Kasus ditangani Komisi Pemberantasan Korupsi (KPK)",  # an acronym in the sentence
        "Lihat gambar (Foto)",
        "Dia berkata (Ag) lalu pergi.",
    ],
)
def test_ambiguous_closings_stay_in_the_text(closing):
    """Brackets that may belong to the sentence are not taken for initials."""
    result = convert(f"<p>{closing}</p>")
    assert result.initials == ""
    assert pairs(result) == [("paragraph", f"<p>{closing}</p>")]


def test_initials_only_from_the_last_block():
    """Initials followed by an image are not the story's closing initials."""
    result = convert('<p>Isi. (Ag)</p><p><img src="/a.jpg"></p>', images=lambda _ref: 1)
    assert result.initials == ""


# --- Standing pages -------------------------------------------------------------------


def test_standing_headings_become_heading_blocks():
    """For a standing page a heading is a heading block of its plain text."""
    result = convert("<h2>Hak <b>jawab</b> &amp; koreksi</h2><p>Isi.</p>", target="standing")
    assert pairs(result) == [("heading", "Hak jawab & koreksi"), ("paragraph", "<p>Isi.</p>")]


def test_standing_heading_link_is_counted():
    """A heading block holds no link: its words stay, the link is counted."""
    result = convert('<h2><a href="https://a.id/">Kontak</a></h2>', target="standing")
    assert pairs(result) == [("heading", "Kontak")]
    assert result.counts["heading_link_as_text"] == 1


def test_standing_heading_too_long_stays_a_bold_paragraph():
    """A heading longer than a heading block holds becomes a bold paragraph, counted."""
    words = "kata " * 40
    result = convert(f"<h3>{words}</h3>", target="standing")
    assert pairs(result) == [("paragraph", f"<p><b>{words.strip()}</b></p>")]
    assert result.counts["heading_too_long"] == 1


def test_standing_embed_becomes_a_link_and_is_counted():
    """A standing page has no embeds: the embed becomes a paragraph linking to it."""
    result = convert("[embed]https://vimeo.com/76979871[/embed]", target="standing")
    assert pairs(result) == [
        ("paragraph", '<p><a href="https://vimeo.com/76979871">https://vimeo.com/76979871</a></p>')
    ]
    assert result.counts["embed_as_link"] == 1


def test_standing_gallery_becomes_its_photos_and_is_counted():
    """A standing page has no galleries: the photos follow one another, then the caption."""
    result = convert(GUTENBERG_GALLERY, images={"1": 11, "2": 12}.get, target="standing")
    assert pairs(result) == [
        ("image", {"image": 11, "caption": "Satu", "credit": ""}),
        ("image", {"image": 12, "caption": "", "credit": ""}),
        ("paragraph", "<p><i>Kirab budaya Pati</i></p>"),
    ]
    assert result.counts["gallery_as_images"] == 1


def test_standing_page_keeps_its_opening_and_closing_words():
    """Nothing is taken for a dateline or initials on a standing page."""
    result = convert("<p>PATI – Kantor kami.</p><p>Hubungi kami. (Ag)</p>", target="standing")
    assert (result.dateline, result.initials) == ("", "")
    assert pairs(result) == [
        ("paragraph", "<p>PATI – Kantor kami.</p>"),
        ("paragraph", "<p>Hubungi kami. (Ag)</p>"),
    ]


def test_unknown_target_is_refused():
    """convert() names the bodies it knows when given another."""
    with pytest.raises(ValueError, match="standing"):
        convert("<p>Isi</p>", target="section")


# --- The body accepts the blocks -------------------------------------------------------

EVERYTHING = (
    "[vc_row][vc_column_text]PATI – Hujan deras <strong>mengguyur</strong> Pati.\nBaris dua.\n\n"
    '[caption id="attachment_1"]<img src="/a.jpg"> Banjir[/caption]\n\n'
    "<h2>Dampak</h2>\n\n<ul><li>Jalan</li><li>Sawah</li></ul>\n\n"
    "<blockquote>Kami siaga.<cite>BPBD</cite></blockquote>\n\n"
    "https://www.youtube.com/watch?v=abcdefghijk\n\n"
    '[gallery ids="2,3"]\n\n'
    "<table><thead><tr><th>Desa</th><th>Rumah</th></tr></thead>"
    "<tr><td>Juwana</td><td>40</td></tr></table>\n\n"
    "Selesai. (Ag)[/vc_column_text][/vc_row]"
)
# Every kind of input of this module, each converted for both bodies by the tests below.
SAMPLES = {
    "classic": EVERYTHING,
    "gutenberg": GUTENBERG,
    "gutenberg-gallery": GUTENBERG_GALLERY,
    "table-spans": "<table><tr><td rowspan=3>a</td><td colspan=9>b</td></tr></table>",
    "long-heading": f"<h2>{'panjang ' * 30}</h2>",
    "empty-list": "<ul><li> </li></ul><p>Isi.</p>",
}
WXR_FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*.xml"))
SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "testdata" / "wordpress"
THEME_EXPORTS = sorted(SHARED.glob("*.xml")) if SHARED.is_dir() else []
BODIES = {
    "article": ArticlePage._meta.get_field("body").stream_block,
    "standing": StandingPage._meta.get_field("body").stream_block,
}


@pytest.fixture
def offline_embeds(monkeypatch):
    """Embeds validate without asking their provider: the tests run offline."""
    monkeypatch.setattr(
        "wagtail.embeds.blocks.embed_to_frontend_html",
        lambda url, *_args: f'<iframe src="{url}" title="embed"></iframe>',
    )


def body_errors(blocks: list[dict], target: str) -> str | None:
    """What the target body's to_python() and clean() find wrong with `blocks`, or None."""
    body = BODIES[target]
    try:
        body.clean(body.to_python(blocks))
    except ValidationError as error:
        return repr(error.as_json_data() if hasattr(error, "as_json_data") else error.messages)
    return None


def wxr_contents(path: Path) -> list:
    """The posts and pages of an export, up to where a broken file stops."""
    items = []
    try:
        for record in wxr.read(path):
            if isinstance(record, wxr.Item) and record.post_type in ("post", "page"):
                items.append(record)
    except wxr.WXRError:
        pass
    return items


@pytest.mark.django_db
def test_everything_gives_each_kind_of_article_block():
    """The classic sample converts to every block kind, dateline and initials aside."""
    image = NewsImageFactory()
    result = convert(EVERYTHING, images=lambda _ref: image.pk)
    assert kinds(result) == [
        "paragraph",  # the lead, dateline taken out
        "image",
        "paragraph",  # heading
        "paragraph",  # list
        "quote",
        "embed",
        "gallery",
        "table",
        "paragraph",  # the close, initials taken out
    ]
    assert (result.dateline, result.initials) == ("Pati", "Ag")


@pytest.mark.django_db
@pytest.mark.parametrize("target", BODIES)
@pytest.mark.parametrize("sample", SAMPLES)
def test_samples_are_valid_bodies(sample, target, offline_embeds):
    """Each sample's blocks pass the target body's to_python() and clean()."""
    image = NewsImageFactory()
    result = convert(SAMPLES[sample], images=lambda _ref: image.pk, target=target)
    assert result.blocks
    assert body_errors(result.blocks, target) is None


@pytest.mark.django_db
@pytest.mark.parametrize("target", BODIES)
@pytest.mark.parametrize("path", WXR_FIXTURES, ids=lambda path: path.name)
def test_wxr_fixtures_convert_to_valid_bodies(path, target, offline_embeds):
    """Every post and page of the WXR fixtures converts to a valid body of either kind."""
    image = NewsImageFactory()
    errors = {}
    for item in wxr_contents(path):
        blocks = convert(item.content, images=lambda _ref: image.pk, target=target).blocks
        if blocks and (error := body_errors(blocks, target)):
            errors[item.post_id] = error
    assert errors == {}


@pytest.mark.django_db
@pytest.mark.skipif(not THEME_EXPORTS, reason=f"the Theme Unit Test exports are not in {SHARED}")
@pytest.mark.parametrize("target", BODIES)
@pytest.mark.parametrize("path", THEME_EXPORTS, ids=lambda path: path.name)
def test_theme_unit_test_exports_convert_to_valid_bodies(path, target, offline_embeds):
    """Every post and page of WordPress's Theme Unit Test exports converts to a valid body."""
    image = NewsImageFactory()
    errors, converted = {}, 0
    for item in wxr_contents(path):
        blocks = convert(item.content, images=lambda _ref: image.pk, target=target).blocks
        converted += bool(blocks)
        if blocks and (error := body_errors(blocks, target)):
            errors[item.post_id] = error
    assert errors == {}
    assert converted > 50


@pytest.mark.django_db
def test_theme_unit_test_tables_and_galleries_become_their_blocks():
    """The Theme Unit Test's tables and galleries arrive as table and gallery blocks."""
    path = SHARED / "themeunittestdata.wordpress.xml"
    if not path.exists():
        pytest.skip(f"the Theme Unit Test export is not in {SHARED}")
    found = Counter()
    for item in wxr_contents(path):
        found.update(kinds(convert(item.content, images=lambda ref: 1)))
    assert found["table"] >= 6
    assert found["gallery"] >= 10


@pytest.mark.django_db
def test_article_saves_with_converted_body():
    """An article saves and renders with a converted body, images included."""
    image = NewsImageFactory()
    result = convert(EVERYTHING, images=lambda _ref: image.pk)
    article = ArticlePageFactory(body=result.blocks, dateline=result.dateline)
    article.refresh_from_db()
    assert [block.block_type for block in article.body] == kinds(result)
    assert article.body_images() == [image, image, image]
    html = article.body.render_as_block()
    assert "mengguyur" in html
    assert '<th scope="col">Desa</th>' in html
    assert 'class="gallery"' in html


def test_paragraphs_use_only_the_body_rich_text_markup():
    """Paragraph HTML holds only the tags the body's rich-text features allow."""
    messy = (
        '<div class="entry"><h1>Judul</h1><h5>Kecil</h5><p><u>garis</u> <del>coret</del> '
        "<code>kode</code> <sup>2</sup></p><pre>a\nb</pre><center>tengah</center></div>"
    )
    allowed = {"p", "b", "i", "a", "ul", "ol", "li", "h2", "h3", "sup", "sub", "br"}
    html = " ".join(
        block["value"]
        for block in convert(EVERYTHING + messy).blocks
        if block["type"] == "paragraph"
    )
    assert set(re.findall(r"</?([a-z0-9]+)", html)) <= allowed
    assert "<h2>Judul</h2>" in html
    assert "<h3>Kecil</h3>" in html


def test_standing_paragraphs_use_only_the_standing_rich_text_markup():
    """A standing page's paragraphs hold no headings: its rich text allows none."""
    messy = '<div class="entry"><h1>Judul</h1><h5>Kecil</h5><p><u>garis</u></p></div>'
    result = convert(EVERYTHING + messy, target="standing")
    html = " ".join(block["value"] for block in result.blocks if block["type"] == "paragraph")
    allowed = {"p", "b", "i", "a", "ul", "ol", "li", "sup", "sub", "br"}
    assert set(re.findall(r"</?([a-z0-9]+)", html)) <= allowed
    assert [block["value"] for block in result.blocks if block["type"] == "heading"] == [
        "Dampak",
        "Judul",
        "Kecil",
    ]


@pytest.mark.parametrize(
    "payload",
    [
        '<img src="x" onerror="alert(1)">',
        '<svg onload="alert(1)"><circle/></svg>',
        "<!--[if IE]><script>alert(1)</script><![endif]-->",
        '<a href="JaVaScRiPt:alert(1)">x</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
        '<iframe src="javascript:alert(1)"></iframe>',
        '<object data="evil.swf"></object><embed src="evil.swf">',
        '<meta http-equiv="refresh" content="0;url=https://judi.example">',
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
        "<a href='/x\" onclick=\"alert(1)'>x</a>",
        "<scr<script>ipt>alert(1)</script>",
    ],
)
def test_hostile_markup_leaves_nothing_executable(payload):
    """Whatever the markup, no script, handler or script address reaches the body."""
    result = convert(f"<p>Teks</p>{payload}", images=lambda _ref: None)
    html = texts(result).lower()
    assert "<script" not in html
    assert "onerror=" not in html
    assert 'onclick="' not in html
    assert "javascript:" not in html
    assert "data:" not in html
    assert "<svg" not in html
    assert "<meta" not in html
