"""The Redaksi page: the editorial board from the people, the company from the settings."""

import pytest
from wagtail.models import Site

from warta.news.factories import PersonFactory, SectionPageFactory
from warta.news.models import Person
from warta.newsroom import roles
from warta.newsroom.tests.helpers import staff
from warta.standing.board import CHIEF, DESK, PHOTOGRAPHER, REPORTER, position_titles
from warta.standing.factories import RedaksiPageFactory
from warta.standing.models import PressSettings

pytestmark = pytest.mark.django_db


def board_html(client) -> str:
    html = client.get("/redaksi/").content.decode()
    return html.split('id="board-title"')[1].split("</section>")[0]


def test_board_places_people_by_their_newsroom_role(client):
    """The Pemimpin Redaksi and a desk editor come from their accounts' groups, with the
    desks they edit; reporters without accounts by their byline role."""
    pati = SectionPageFactory(title="Pati")
    staff("ratna", roles.EDITOR_IN_CHIEF)
    staff("eko", roles.DESK_EDITOR, pati)
    PersonFactory(name="Agus Gunawan", role=Person.Role.REPORTER)
    PersonFactory(name="Yoga Pratama", role=Person.Role.PHOTOGRAPHER)
    RedaksiPageFactory()
    board = board_html(client)
    titles = {key: str(title) for key, title in position_titles().items()}
    order = [
        titles[CHIEF],
        "Ratna",
        titles[DESK],
        "Eko",
        "(Pati)",
        titles[REPORTER],
        "Agus Gunawan",
        titles[PHOTOGRAPHER],
        "Yoga Pratama",
    ]
    places = [board.find(text) for text in order]
    assert -1 not in places and places == sorted(places), dict(zip(order, places, strict=True))


def test_board_links_each_person_to_their_page(client):
    """Each name on the board links to the person's page of stories."""
    person = PersonFactory(name="Agus Gunawan", slug="agus-gunawan")
    RedaksiPageFactory()
    assert f'<a href="{person.get_absolute_url()}">Agus Gunawan</a>' in board_html(client)


def test_redaksi_page_shows_the_press_company(client):
    """Legal name, address, penanggung jawab and contact, as UU Pers article 12 asks."""
    PressSettings.objects.create(
        site=Site.objects.get(is_default_site=True),
        legal_name="PT Warta Media Pantura",
        address="Jl. Pemuda No. 1\nPati",
        responsible_name="Ratna Kusumawati",
        responsible_role="Pemimpin Redaksi",
        email="redaksi@warta.test",
    )
    RedaksiPageFactory()
    html = client.get("/redaksi/").content.decode()
    assert "PT Warta Media Pantura" in html and "Jl. Pemuda No. 1<br>Pati" in html
    assert "Ratna Kusumawati (Pemimpin Redaksi)" in html
    assert '<a href="mailto:redaksi@warta.test">' in html


def test_markup_in_the_press_data_is_escaped(client):
    """What the settings hold is printed as text."""
    PressSettings.objects.create(
        site=Site.objects.get(is_default_site=True), legal_name="<script>x</script>PT"
    )
    RedaksiPageFactory()
    html = client.get("/redaksi/").content.decode()
    assert "<script>x</script>" not in html and "&lt;script&gt;x&lt;/script&gt;PT" in html


def test_redaksi_page_in_english_names_the_positions_in_english(client):
    """/en/redaksi/ labels the board in English."""
    PersonFactory(name="Agus Gunawan", role=Person.Role.REPORTER)
    RedaksiPageFactory()
    html = client.get("/en/redaksi/").content.decode()
    assert "Editorial board" in html and "Reporters" in html
