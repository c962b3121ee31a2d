"""The demo newsroom's accounts."""

import pytest
from django.contrib.auth import authenticate

from warta.demo.newsroom import demo_staff
from warta.news.factories import PersonFactory, SectionPageFactory
from warta.news.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_people():
    SectionPageFactory(title="Pati", slug="pati")
    for slug in ("agus-gunawan", "eko-darmawan", "ratna-kusumawati"):
        PersonFactory(slug=slug)


def test_demo_staff_get_fresh_passwords_on_each_run(demo_people):
    """Each run gives every demo account a new random password that logs in."""
    first = {name: password for name, _role, password in demo_staff()}
    second = {name: password for name, _role, password in demo_staff()}
    for name in ("agus", "eko", "ratna"):
        assert first[name] != second[name]
        assert authenticate(username=name, password=second[name]) is not None


def test_demo_staff_are_on_their_bylines_and_desks(demo_people):
    """The demo reporter, desk editor and chief are linked to demo people; the desk
    editor edits Pati."""
    demo_staff()
    eko = Person.objects.get(slug="eko-darmawan").user
    assert eko.username == "eko"
    assert eko.groups.filter(name="Redaktur · Pati").exists()
    assert Person.objects.get(slug="agus-gunawan").user.groups.filter(name="Reporter").exists()
