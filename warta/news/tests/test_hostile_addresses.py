"""Reader addresses that hostile or careless input makes: a 404, never a server error."""

import pytest

from warta.news.archive import ArchivePeriod
from warta.news.factories import ArticlePageFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    client.raise_request_exception = False  # a server error is answered, not raised
    return client


def test_a_nul_byte_in_a_tag_slug_is_not_found(client):
    """PostgreSQL refuses a NUL byte in a query: /tag/a%00b/ answers 404."""
    assert client.get("/tag/a%00b/").status_code == 404


def test_a_nul_byte_in_a_reporter_slug_is_not_found(client):
    """/penulis/a%00b/ answers 404, on PostgreSQL as on SQLite."""
    PersonFactory(name="Ayu")
    assert client.get("/penulis/a%00b/").status_code == 404


@pytest.mark.parametrize("path", ["/arsip/9999/", "/arsip/9999/12/", "/arsip/9999/12/31/"])
def test_the_archive_of_year_9999_is_not_found(client, path):
    """Year 9999 ends in year 10000, past Python's calendar: 404, not a ValueError."""
    ArticlePageFactory()
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", ["/arsip/0001/", "/arsip/0001/01/01/"])
def test_the_archive_of_year_1_is_not_found(client, path):
    """Year 1's first midnight in WIB is year 0 in UTC: 404, not an OverflowError."""
    ArticlePageFactory()
    assert client.get(path).status_code == 404


def test_the_archive_calendar_runs_from_year_2_to_year_9998():
    """The first and last years whose every day starts and ends in any time zone."""
    assert ArchivePeriod.from_parts(2, 1, 1) is not None
    assert ArchivePeriod.from_parts(9998, 12, 31) is not None
    assert ArchivePeriod.from_parts(1) is None
    assert ArchivePeriod.from_parts(9999) is None


@pytest.mark.parametrize("page", ["99999999999999999999", "9" * 5000, "-1", "1e999", "%00"])
def test_a_page_number_past_any_list_is_not_found(client, page):
    """?page= beyond the list, huge, negative or not a number: 404."""
    year = ArticlePageFactory().published_at.year
    assert client.get(f"/arsip/{year}/?page={page}").status_code == 404
