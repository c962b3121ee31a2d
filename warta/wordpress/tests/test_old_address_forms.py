"""The addresses WordPress gives each object of an export, as the importer keeps them."""

from dataclasses import replace
from pathlib import Path

from .. import addresses, wxr

EXPORT = Path(__file__).parent / "fixtures" / "berita-daerah.xml"


def records(kind: type) -> list:
    return [record for record in wxr.read(EXPORT) if isinstance(record, kind)]


def by_slug(kind: type) -> dict:
    return {record.slug: record for record in records(kind)}


def keys(written: list[str]) -> list[str]:
    return [addresses.key_of(address) for address in written]


def test_a_post_answers_at_its_permalink_and_its_number():
    """The export's permalink and `?p=`."""
    post = next(item for item in records(wxr.Item) if item.post_id == 101)
    assert keys(addresses.item_addresses(post)) == [
        "/2026/12/05/banjir-rendam-tiga-desa-di-juwana",
        "/?p=101",
    ]


def test_a_page_answers_at_page_id_too():
    """A page is asked for by `?page_id=` as well as `?p=`."""
    page = next(item for item in records(wxr.Item) if item.post_type == "page")
    assert keys(addresses.item_addresses(page)) == ["/redaksi", "/?p=2", "/?page_id=2"]


def test_a_category_answers_below_its_parents_and_by_its_slug():
    """`?cat=`, the path below the parents with the site's base, and the slug alone."""
    categories = by_slug(wxr.Category)
    parents = {slug: category.parent_slug for slug, category in categories.items()}
    assert keys(addresses.category_addresses(categories["pati"], parents, base="kategori")) == [
        "/?cat=4",
        "/kategori/daerah/pati",
        "/kategori/pati",
    ]


def test_tags_and_authors_answer_by_query_and_path():
    """By query and by path; an author by the name WordPress makes of the login."""
    tag = by_slug(wxr.Tag)["banjir"]
    assert keys(addresses.tag_addresses(tag)) == ["/?tag=banjir", "/tag/banjir"]
    author = next(author for author in records(wxr.Author) if author.login == "sri.wahyuni")
    assert keys(addresses.author_addresses(author)) == [
        "/?author=3",
        "/author/sri-wahyuni",
        "/?author_name=sri-wahyuni",
    ]


def test_every_archive_has_its_feed():
    """The feed of a path and of a query address; the home's is the site's feed."""
    assert keys(addresses.feed_addresses(["/", "/category/daerah/", "/?cat=3"])) == [
        "/feed",
        "/?feed=rss2",
        "/category/daerah/feed",
        "/category/daerah?feed=rss2",
        "/?cat=3&feed=rss2",
    ]


def test_a_site_in_a_folder_keeps_its_folder():
    """WordPress at /blog/: its `?p=` addresses are the folder's."""
    site = records(wxr.Site)[0]
    assert addresses.home_of(site) == "/"
    in_folder = replace(site, base_blog_url="https://lama.example/blog")
    assert addresses.home_of(in_folder) == "/blog/"
    post = next(item for item in records(wxr.Item) if item.post_id == 101)
    assert "/blog/?p=101" in addresses.item_addresses(post, addresses.home_of(in_folder))
