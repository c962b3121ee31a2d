"""Search parameters that hostile or careless input makes: a 400 with the form, never a 500."""

import pytest

from warta.news.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    client.raise_request_exception = False  # a server error is answered, not raised
    ArticlePageFactory(title="Banjir di Pati")
    return client


@pytest.mark.parametrize("dates", ["from=0001-01-01", "to=9999-12-31", "to=0001-01-01"])
def test_a_date_outside_the_archives_calendar_is_refused(client, dates):
    """Years 1 and 9999 have days that start or end outside Python's calendar: 400, said."""
    response = client.get(f"/en/cari/?q=banjir&{dates}")
    assert response.status_code == 400
    assert "There is no such date in the archive" in response.content.decode()


def test_a_section_id_beyond_64_bits_is_refused(client):
    """SQLite cannot look up such an id: it is no section, as any unknown id (400)."""
    response = client.get("/en/cari/?q=banjir&section=99999999999999999999999")
    assert response.status_code == 400
    assert "There is no such section." in response.content.decode()


def test_a_nul_byte_in_the_query_is_refused(client):
    """PostgreSQL refuses a NUL byte: the form refuses it first (400)."""
    assert client.get("/cari/?q=banjir%00").status_code == 400
