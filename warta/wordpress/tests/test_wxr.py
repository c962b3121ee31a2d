"""The WXR reader: what it reads from real and made-up exports, and what it refuses."""

import io
import tracemalloc
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from defusedxml import minidom

from warta.wordpress import wxr

FIXTURES = Path(__file__).resolve().parent / "fixtures"
NEWS = FIXTURES / "berita-daerah.xml"
SHARED = Path(__file__).resolve().parents[3] / ".." / "shared" / "testdata" / "wordpress"
THEME_EXPORTS = sorted(SHARED.glob("*.xml")) if SHARED.is_dir() else []

requires_theme_exports = pytest.mark.skipif(
    not THEME_EXPORTS, reason=f"WordPress Theme Unit Test exports not found in {SHARED}"
)


def records(source, kind):
    return [record for record in wxr.read(source) if isinstance(record, kind)]


def read_until_error(source):
    """Collect what the reader yields before it raises; return (records, error)."""
    got = []
    with pytest.raises(wxr.WXRError) as caught:
        for record in wxr.read(source):
            got.append(record)
    return got, caught.value


# --- The Theme Unit Test exports, counted another way (a DOM of the same file) ---------------


class Dom:
    """The export as a DOM, read with defusedxml.minidom: the independent count."""

    def __init__(self, path: Path):
        self.doc = minidom.parse(str(path))
        root = self.doc.documentElement
        self.wp = root.getAttribute("xmlns:wp")
        self.channel = root.getElementsByTagName("channel")[0]

    def wp_children(self, parent, name):
        return [
            node
            for node in parent.childNodes
            if node.nodeType == node.ELEMENT_NODE
            and node.namespaceURI == self.wp
            and node.localName == name
        ]

    def text(self, parent, name):
        nodes = self.wp_children(parent, name)
        if not nodes:
            return ""
        return "".join(child.data for child in nodes[0].childNodes).strip()

    def items(self):
        return [n for n in self.channel.childNodes if getattr(n, "tagName", None) == "item"]


@pytest.fixture(params=THEME_EXPORTS, ids=lambda path: path.name)
def theme_export(request):
    return request.param


@requires_theme_exports
def test_every_item_of_a_theme_export_is_read_with_its_type_and_status(theme_export):
    """Each <item> comes out once, with the post type and status the file gives it."""
    dom = Dom(theme_export)
    expected = Counter(
        (int(dom.text(node, "post_id")), dom.text(node, "post_type"), dom.text(node, "status"))
        for node in dom.items()
    )
    got = Counter((i.post_id, i.post_type, i.status) for i in records(theme_export, wxr.Item))
    assert got == expected
    assert {post_type for _, post_type, _ in got} >= {"post", "page", "attachment"}


@requires_theme_exports
def test_summary_of_a_theme_export_matches_the_file(theme_export):
    """summary() counts items, authors, terms, attachments and comments as the file holds them."""
    dom = Dom(theme_export)
    counted = wxr.summary(theme_export)
    types = Counter(dom.text(node, "post_type") for node in dom.items())
    assert counted.by_type() == types
    assert counted.attachments == types["attachment"]
    assert counted.authors == len(dom.wp_children(dom.channel, "author"))
    assert counted.categories == len(dom.wp_children(dom.channel, "category"))
    assert counted.tags == len(dom.wp_children(dom.channel, "tag"))
    assert counted.terms == len(dom.wp_children(dom.channel, "term"))
    assert counted.comments == len(dom.doc.getElementsByTagNameNS(dom.wp, "comment"))
    assert counted.sticky == sum(dom.text(node, "is_sticky") == "1" for node in dom.items())


@requires_theme_exports
def test_categories_of_a_theme_export_keep_their_hierarchy(theme_export):
    """Every category is read with its parent, and every parent is itself a category."""
    dom = Dom(theme_export)
    expected = {
        dom.text(node, "category_nicename"): dom.text(node, "category_parent")
        for node in dom.wp_children(dom.channel, "category")
    }
    got = {c.slug: c.parent_slug for c in records(theme_export, wxr.Category)}
    assert got == expected
    parents = {parent for parent in got.values() if parent}
    assert parents, "the Theme Unit Test data has child categories"
    assert parents <= got.keys()


@requires_theme_exports
def test_tags_and_authors_of_a_theme_export_are_all_read(theme_export):
    """Tags by slug and authors by login match the file's."""
    dom = Dom(theme_export)
    tags = {dom.text(node, "tag_slug") for node in dom.wp_children(dom.channel, "tag")}
    logins = {dom.text(node, "author_login") for node in dom.wp_children(dom.channel, "author")}
    assert {t.slug for t in records(theme_export, wxr.Tag)} == tags
    assert {a.login for a in records(theme_export, wxr.Author)} == logins


@requires_theme_exports
def test_item_terms_meta_and_attachments_of_a_theme_export_match_the_file(theme_export):
    """Per item: terms, post meta, attachment URL, comments, title, slug, password, parent."""
    dom = Dom(theme_export)
    expected = {}
    for node in dom.items():
        terms = sorted(
            (c.getAttribute("domain"), c.getAttribute("nicename"))
            for c in node.getElementsByTagName("category")
        )
        meta = Counter(dom.text(m, "meta_key") for m in dom.wp_children(node, "postmeta"))
        comments = len(dom.wp_children(node, "comment"))
        expected[int(dom.text(node, "post_id"))] = (
            terms,
            meta,
            dom.text(node, "attachment_url"),
            comments,
            "".join(c.data for c in node.getElementsByTagName("title")[0].childNodes).strip(),
            dom.text(node, "post_name"),
            dom.text(node, "post_password"),
            int(dom.text(node, "post_parent") or 0),
        )
    got = {
        item.post_id: (
            sorted((t.domain, t.nicename) for t in item.categories),
            Counter({key: len(values) for key, values in item.postmeta.items()}),
            item.attachment_url,
            item.comment_count,
            item.title,
            item.slug,
            item.post_password,
            item.post_parent,
        )
        for item in records(theme_export, wxr.Item)
    }
    assert got == expected


@requires_theme_exports
def test_https_namespace_of_the_theme_unit_test_export_is_understood():
    """The Theme Unit Test file declares wp: with https; its items are still read."""
    path = SHARED / "themeunittestdata.wordpress.xml"
    if not path.exists():
        pytest.skip(f"{path} not found")
    assert Dom(path).wp.startswith("https://")
    assert records(path, wxr.Item)
    assert records(path, wxr.Site)[0].wxr_version == "1.2"


# --- An Indonesian regional news export -----------------------------------------------------


def news_item(post_id):
    return next(i for i in records(NEWS, wxr.Item) if i.post_id == post_id)


def test_site_comes_first_with_the_channel_header():
    """The Site record is yielded before anything else, with the channel's details."""
    first = next(iter(wxr.read(NEWS)))
    assert first == wxr.Site(
        title="Kabar Muria",
        link="https://kabarmuria.example",
        description="Berita Pati, Kudus dan sekitarnya",
        language="id-ID",
        base_site_url="https://kabarmuria.example",
        base_blog_url="https://kabarmuria.example",
        wxr_version="1.2",
    )


def test_authors_are_read_with_their_names_and_ids():
    """Each wp:author becomes an Author with login, e-mail, names and WordPress ID."""
    assert records(NEWS, wxr.Author) == [
        wxr.Author("agus", "agus@kabarmuria.example", "Agus Santoso", "Agus", "Santoso", 2),
        wxr.Author("sri.wahyuni", "sri@kabarmuria.example", "Sri Wahyuni", "", "", 3),
    ]


def test_category_hierarchy_daerah_pati_is_kept():
    """Pati and Kudus sit under Daerah; Daerah and Ekonomi are at the top."""
    parents = {c.slug: c.parent_slug for c in records(NEWS, wxr.Category)}
    assert parents == {"daerah": "", "pati": "daerah", "kudus": "daerah", "ekonomi": ""}
    daerah = records(NEWS, wxr.Category)[0]
    assert (daerah.term_id, daerah.name) == (3, "Daerah")
    assert daerah.description == "Kabar dari kabupaten di sekitar Gunung Muria"


def test_tags_and_other_terms_are_read():
    """wp:tag becomes Tag; wp:term (here the nav menu) becomes Term with its taxonomy."""
    assert [(t.slug, t.name) for t in records(NEWS, wxr.Tag)] == [
        ("banjir", "banjir"),
        ("pasar-tradisional", "pasar tradisional"),
    ]
    assert records(NEWS, wxr.Term) == [wxr.Term(9, "nav_menu", "menu-utama", "", "Menu utama", "")]


def test_classic_post_keeps_caption_shortcode_excerpt_and_views():
    """The classic post's body comes verbatim, [caption] included, with its meta and counts."""
    post = news_item(101)
    assert post.title == "Banjir Rendam Tiga Desa di Juwana, Warga Mengungsi"
    assert post.content.startswith("PATI – Hujan deras")
    assert '[caption id="attachment_110"' in post.content
    assert post.content.endswith("(Ag)")
    assert post.excerpt == "Sungai Juwana meluap, 120 keluarga mengungsi."
    assert post.creator == "agus"
    assert post.postmeta["views"] == ("1520",)
    assert post.postmeta["_thumbnail_id"] == ("110",)
    assert post.comment_count == 2
    assert post.is_sticky is True


def test_post_dates_are_local_and_gmt():
    """post_date stays naive (site time), post_date_gmt is UTC, pubDate is parsed."""
    post = news_item(101)
    assert post.post_date == datetime(2026, 12, 5, 9, 15)
    assert post.post_date_gmt == datetime(2026, 12, 5, 2, 15, tzinfo=UTC)
    assert post.post_modified == datetime(2026, 12, 5, 11, 40)
    assert post.post_modified_gmt == datetime(2026, 12, 5, 4, 40, tzinfo=UTC)
    assert post.pub_date == datetime(2026, 12, 5, 2, 15, tzinfo=UTC)


def test_gutenberg_post_keeps_block_comments_and_its_terms():
    """The block editor's comments stay in the body; categories and tags keep their domain."""
    post = news_item(102)
    assert post.content.startswith("<!-- wp:paragraph -->\n<p>PATI –")
    assert "<!-- wp:quote -->" in post.content
    assert post.postmeta == {"post_views_count": ("875",)}
    assert post.categories == (
        wxr.ItemTerm("category", "ekonomi", "Ekonomi"),
        wxr.ItemTerm("category", "pati", "Pati"),
        wxr.ItemTerm("post_tag", "pasar-tradisional", "pasar tradisional"),
    )
    assert post.tags == (wxr.ItemTerm("post_tag", "pasar-tradisional", "pasar tradisional"),)
    assert post.is_sticky is False


def test_scheduled_private_and_draft_posts_keep_their_status():
    """future, private and draft come through as written; a draft has no GMT date."""
    assert news_item(103).status == "future"
    assert news_item(103).post_date_gmt == datetime(2027, 1, 1, 0, 0, tzinfo=UTC)
    assert news_item(104).status == "private"
    draft = news_item(105)
    assert draft.status == "draft"
    assert draft.post_date_gmt is None
    assert draft.pub_date is None
    assert draft.slug == ""


def test_page_and_attachment_are_read():
    """A page keeps its menu order; an attachment its file URL, parent and alt text."""
    page = news_item(2)
    assert (page.post_type, page.slug, page.menu_order) == ("page", "redaksi", 3)
    photo = news_item(110)
    assert photo.post_type == "attachment"
    assert photo.post_parent == 101
    assert photo.attachment_url.endswith("/wp-content/uploads/2026/12/banjir-juwana.jpg")
    assert photo.postmeta["_wp_attached_file"] == ("2026/12/banjir-juwana.jpg",)
    assert photo.postmeta["_wp_attachment_image_alt"] == ("Banjir di Juwana",)


def test_summary_counts_the_news_export():
    """summary() gives items by type and status and the header's counts."""
    counted = wxr.summary(NEWS)
    assert counted.items == Counter(
        {
            ("post", "publish"): 4,
            ("post", "future"): 1,
            ("post", "private"): 1,
            ("post", "draft"): 1,
            ("post", "pending"): 1,
            ("post", "trash"): 1,
            ("page", "publish"): 2,
            ("attachment", "inherit"): 2,
        }
    )
    assert (counted.authors, counted.categories, counted.tags, counted.terms) == (2, 4, 2, 1)
    assert (counted.attachments, counted.comments, counted.sticky) == (2, 2, 1)


@pytest.mark.parametrize("version", ["1.0", "1.1", "1.2"])
@pytest.mark.parametrize("scheme", ["http", "https"])
def test_every_wxr_version_namespace_is_read_alike(version, scheme):
    """The wp: and excerpt: namespaces of WXR 1.0, 1.1 and 1.2 (http or https) read the same."""
    text = NEWS.read_text(encoding="utf-8").replace(
        "http://wordpress.org/export/1.2/", f"{scheme}://wordpress.org/export/{version}/"
    )
    got = list(wxr.read(io.BytesIO(text.encode())))
    assert got == list(wxr.read(NEWS))


def test_reader_accepts_an_open_binary_file():
    """A file object reads like a path."""
    with NEWS.open("rb") as handle:
        assert wxr.summary(handle) == wxr.summary(NEWS)


# --- Refused files ----------------------------------------------------------------------------


def test_malformed_xml_is_refused_with_line_and_column():
    """A mismatched tag stops reading with its line, column and reason."""
    path = FIXTURES / "rusak.xml"
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if "<b>ramai" in text)
    got, error = read_until_error(path)
    assert (error.line, error.column) == (line, lines[line - 1].index("</title>") + 2)
    assert str(error) == f"line {error.line}, column {error.column}: mismatched tag"
    assert not [record for record in got if isinstance(record, wxr.Item)]


def test_xxe_attempt_is_refused_before_anything_is_read():
    """A DTD declaring an external entity is refused; nothing is yielded."""
    got, error = read_until_error(FIXTURES / "xxe.xml")
    assert got == []
    assert error.line == 2
    assert "document type declarations (DTD) are refused" in str(error)
    assert str(error).startswith("line 2, column ")


def test_entity_expansion_bomb_is_refused_before_anything_is_read():
    """A billion-laughs DTD is refused at its declaration; nothing is yielded."""
    got, error = read_until_error(FIXTURES / "bom-entitas.xml")
    assert got == []
    assert error.line == 2
    assert "XXE, entity bombs" in error.reason


def test_truncated_file_yields_only_complete_items_then_fails():
    """A file cut inside the second item gives the first item, never the partial one."""
    path = FIXTURES / "terpotong.xml"
    got, error = read_until_error(path)
    assert [i.post_id for i in got if isinstance(i, wxr.Item)] == [101]
    assert error.line == len(path.read_text(encoding="utf-8").splitlines())
    assert error.reason == "unclosed CDATA section"


def test_file_cut_between_items_says_it_ends_too_early(tmp_path):
    """A file cut at an item boundary is reported as ending too early."""
    text = NEWS.read_text(encoding="utf-8")
    cut = tmp_path / "cut.xml"
    cut.write_text(text[: text.index("</item>") + len("</item>")], encoding="utf-8")
    got, error = read_until_error(cut)
    assert [i.post_id for i in got if isinstance(i, wxr.Item)] == [101]
    assert "ends too early" in error.reason
    assert error.line == text[: text.index("</item>")].count("\n") + 1


@pytest.mark.parametrize("name", ["rusak.xml", "xxe.xml", "bom-entitas.xml", "terpotong.xml"])
def test_check_and_summary_refuse_a_bad_file_as_a_whole(name):
    """check() and summary() raise for a refused file, so an import can refuse it up front."""
    with pytest.raises(wxr.WXRError):
        wxr.check(FIXTURES / name)
    with pytest.raises(wxr.WXRError):
        wxr.summary(FIXTURES / name)


def test_check_accepts_a_good_export():
    """check() returns quietly for a well-formed export."""
    assert wxr.check(NEWS) is None


def test_a_feed_that_is_not_rss_is_refused():
    """An XML file whose root is not <rss> is not a WordPress export."""
    source = io.BytesIO(b'<?xml version="1.0"?>\n<feed><entry/></feed>')
    got, error = read_until_error(source)
    assert got == []
    assert str(error) == "not a WordPress export: the root element is <feed>, not <rss>"
    assert error.line is None


def test_elements_beside_the_channel_are_ignored():
    """Something after </channel> inside <rss> neither breaks reading nor becomes a record."""
    text = NEWS.read_text(encoding="utf-8").replace(
        "</channel>", "</channel>\n<extra><title>bukan berita</title></extra>"
    )
    assert list(wxr.read(io.BytesIO(text.encode()))) == list(wxr.read(NEWS))


# --- Bounded memory ---------------------------------------------------------------------------

ITEM = """<item><title>Berita nomor {n}</title>
<link>https://kabarmuria.example/?p={n}</link>
<dc:creator>agus</dc:creator><guid isPermaLink="false">https://kabarmuria.example/?p={n}</guid>
<content:encoded><![CDATA[<p>PATI – {body}</p>]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>{n}</wp:post_id><wp:post_date>2026-12-05 09:15:00</wp:post_date>
<wp:post_date_gmt>2026-12-05 02:15:00</wp:post_date_gmt><wp:post_name>berita-{n}</wp:post_name>
<wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order>
<wp:post_type>post</wp:post_type><wp:is_sticky>0</wp:is_sticky>
<category domain="category" nicename="pati"><![CDATA[Pati]]></category>
<wp:postmeta><wp:meta_key>views</wp:meta_key><wp:meta_value>{n}</wp:meta_value></wp:postmeta>
<wp:comment><wp:comment_id>{n}</wp:comment_id><wp:comment_content>Mantap</wp:comment_content>
</wp:comment></item>
"""


@pytest.mark.slow
def test_a_large_export_streams_in_bounded_memory(tmp_path):
    """20,000 items (a 50 MB file) are read with a peak of traced memory under 30 MB."""
    count = 20_000
    path = tmp_path / "besar.xml"
    body = "Warga Juwana bergotong royong membersihkan lumpur sisa banjir. " * 30
    with path.open("w", encoding="utf-8") as out:
        out.write(NEWS.read_text(encoding="utf-8").split("<item>")[0])
        for n in range(1, count + 1):
            out.write(ITEM.format(n=n, body=body))
        out.write("</channel>\n</rss>\n")
    assert path.stat().st_size > 50 * 1024 * 1024

    tracemalloc.start()
    try:
        items = views = 0
        for record in wxr.read(path):
            if isinstance(record, wxr.Item):
                items += 1
                views += int(record.postmeta["views"][0])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert items == count
    assert views == count * (count + 1) // 2
    assert peak < 30 * 1024 * 1024
