"""Only the Pemimpin Redaksi (and the Administrator) writes the outlet's legal pages."""

import pytest
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from warta.news.factories import SectionPageFactory, home_page
from warta.newsroom import roles
from warta.newsroom.tests.helpers import staff
from warta.standing.factories import StandingPageFactory
from warta.standing.models import StandingPage

pytestmark = pytest.mark.django_db


def refused(response) -> bool:
    """Wagtail answers a refused admin request with a way back to the dashboard."""
    return response.status_code in (302, 403) and (
        response.status_code == 403 or response.url == reverse("wagtailadmin_home")
    )


def add_url(model: str = "standingpage") -> str:
    return reverse("wagtailadmin_pages:add", args=("standing", model, home_page().pk))


def standing_form(title: str, slug: str, **fields) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "",
            "body": streamfield([]),
            "footer_order": "0",
            "show_in_footer": "on",
            **fields,
        }
    )


@pytest.mark.parametrize("role", [roles.REPORTER, roles.DESK_EDITOR])
def test_reporter_and_desk_editor_may_not_open_a_standing_page(client, role):
    """Asking for the form of a new standing page or Redaksi page is refused."""
    client.force_login(staff("dedi", role, SectionPageFactory()))
    assert refused(client.get(add_url()))
    assert refused(client.get(add_url("redaksipage")))


def test_desk_editor_may_not_edit_a_standing_page(client):
    """A desk editor's edit of a standing page is refused and changes nothing."""
    page = StandingPageFactory(title="Pedoman Media Siber", slug="pedoman")
    client.force_login(staff("dedi", roles.DESK_EDITOR, SectionPageFactory()))
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert refused(client.get(url))
    form = standing_form("Diubah", "pedoman", **{"action-publish": "1"})
    assert refused(client.post(url, form))
    page.refresh_from_db()
    assert page.title == "Pedoman Media Siber" and not page.revisions.exists()


def test_editor_in_chief_publishes_a_standing_page(client):
    """The Pemimpin Redaksi opens and publishes a standing page under the home page."""
    client.force_login(staff("ratna", roles.EDITOR_IN_CHIEF))
    response = client.post(add_url(), standing_form("Kontak", "kontak", **{"action-publish": "1"}))
    assert response.status_code == 302
    assert StandingPage.objects.live().filter(slug="kontak").exists()


def test_reserved_address_is_refused_for_a_standing_page(client):
    """A standing page may not take an address the site's own views answer (/cari/)."""
    client.force_login(staff("ratna", roles.EDITOR_IN_CHIEF))
    response = client.post(add_url(), standing_form("Cari", "cari"))
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    assert not StandingPage.objects.filter(slug="cari").exists()


def test_only_the_editor_in_chief_edits_the_press_company(client):
    """The press company's settings open for the Pemimpin Redaksi, not a desk editor."""
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=("standing", "presssettings", site.pk))
    client.force_login(staff("dedi", roles.DESK_EDITOR))
    assert refused(client.get(url))
    client.force_login(staff("ratna", roles.EDITOR_IN_CHIEF))
    assert client.get(url).status_code == 200
