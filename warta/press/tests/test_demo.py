"""The demo shows a corrected story and a retracted one."""

import pytest
from django.core.management import call_command

from warta.demo.press import CORRECTED_SLUG, CORRECTION, RETRACTED
from warta.news.models import ArticlePage

from ..models import Correction, Retraction

pytestmark = pytest.mark.django_db


def test_demo_has_a_corrected_story_showing_its_correction(client, demo):
    """The demo's corrected story ends with its correction and apology."""
    article = ArticlePage.objects.get(slug=CORRECTED_SLUG)
    page = client.get(article.url).content.decode()
    assert CORRECTION["text"] in page and CORRECTION["apology"] in page
    assert 'class="updated"' in page


def test_demo_has_a_retracted_story_whose_address_shows_why(client, demo):
    """The demo's retracted story answers at its address with the editors' words."""
    article = ArticlePage.objects.get(slug=RETRACTED["slug"])
    assert not article.live
    response = client.get(article.url)
    assert response.status_code == 200 and RETRACTED["explanation"] in response.content.decode()


def test_demo_lists_its_correction_at_ralat(client, demo):
    """/ralat/ of the demo is not empty."""
    assert CORRECTION["text"] in client.get("/ralat/").content.decode()


def test_demo_press_duties_load_idempotently(demo):
    """Loading the demo again keeps one correction and one retraction."""
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Correction.objects.count() == 1 and Retraction.objects.count() == 1
