"""After an import, every old link of the export answers one 301 to a page that answers 200
(or 200 at once, where Warta's address is the same)."""

import io
from urllib.parse import unquote, urlsplit
from wsgiref.util import setup_testing_defaults

import pytest

from warta.wordpress import addresses, wxr

from .conftest import NEWS, THEME_EXPORTS


def public_old_links(path) -> list[str]:
    """Every address the old site gave to something readers could see: published posts and
    pages (not private, not password-protected), their photos' pages, every category, tag
    and author archive, and the feed."""
    links, home = [], "/"
    for record in wxr.read(path):
        if isinstance(record, wxr.Site):
            home = addresses.home_of(record)
            links += addresses.feed_addresses([home])
        elif isinstance(record, wxr.Author):
            links += addresses.author_addresses(record, home)
        elif isinstance(record, wxr.Category):
            # The full path of a child category is checked by the import's own counts;
            # here the ?cat= form and the archive by slug.
            links += [f"{home}?cat={record.term_id}"] if record.term_id else []
        elif isinstance(record, wxr.Tag):
            links += addresses.tag_addresses(record, home)
        elif (
            isinstance(record, wxr.Item)
            and record.post_type in ("post", "page")
            and record.status == "publish"
            and not record.post_password
        ):
            links += addresses.item_addresses(record, home)
    return links


def get(app, address: str) -> tuple[int, str]:
    """GET `address` (a URL or a path, percent-encoded) as a reader's browser asks for it,
    through the page cache and Django; the status and the Location."""
    # A path such as "//redaksi/x/" is a path here, not an address with a host.
    parts = urlsplit(f"http://localhost{address}" if address.startswith("/") else address)
    environ = {
        "REQUEST_METHOD": "GET",
        # WSGI gives the path decoded, its bytes as Latin-1 characters.
        "PATH_INFO": unquote(parts.path).encode().decode("latin-1"),
        "QUERY_STRING": parts.query,
        "HTTP_HOST": "localhost",
        "wsgi.input": io.BytesIO(b""),
    }
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer.update(status=int(status.split()[0]), headers=dict(headers))

    b"".join(app(environ, start_response))
    return answer["status"], answer["headers"].get("Location", "")


def follow(app, link: str):
    first, location = get(app, link)
    if first != 301:
        return first, None
    return 301, get(app, location)[0]


def check_links(app, path) -> list[tuple[str, int, int | None]]:
    wrong = []
    for link in public_old_links(path):
        first, second = follow(app, link)
        # 200 at once: the old address is Warta's own too (/tag/banjir/).
        if (first, second) not in ((301, 200), (200, None)):
            wrong.append((link, first, second))
    return wrong


def test_every_old_link_of_the_news_export_answers_one_301_to_a_200(import_export, site_app):
    """Permalinks, ?p=, ?page_id=, ?cat=, ?tag=, tag, author and feed addresses."""
    import_export()
    assert check_links(site_app, NEWS) == []


def test_private_post_old_link_does_not_reveal_it(import_export, site_app):
    """The old address of a private post leads to a page readers cannot read."""
    import_export()
    first, second = follow(site_app, "/2026/12/01/catatan-rapat-redaksi/")
    assert first == 301
    assert second in (302, 403, 404)


def test_category_archive_with_its_parent_path_leads_to_the_section(import_export, site_app):
    """/category/daerah/pati/ goes to the Pati section."""
    import_export()
    status, location = get(site_app, "/category/daerah/pati/")
    assert status == 301
    assert urlsplit(location).path == "/daerah/pati/"


@pytest.mark.slow
@pytest.mark.skipif(not THEME_EXPORTS, reason="../shared/testdata/wordpress is not here")
@pytest.mark.parametrize("export", THEME_EXPORTS, ids=lambda path: path.name)
def test_every_old_link_of_a_theme_unit_test_export_answers(import_export, site_app, export):
    """The Theme Unit Test exports' public links all lead, in one hop, to a page."""
    import_export(export, media_dir=None)
    assert check_links(site_app, export) == []


def test_link_with_a_doubled_slash_leads_to_the_page_without_it(import_export, site_app):
    """WordPress writes some page links with "//": they go to Warta's same address."""
    import_export()
    assert get(site_app, "/redaksi/susunan-redaksi/")[0] == 200
    assert follow(site_app, "//redaksi/susunan-redaksi/") == (301, 200)
