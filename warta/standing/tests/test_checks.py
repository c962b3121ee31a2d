"""The system checks and the dashboard say what the outlet's legal data still lacks."""

import pytest
from django.core import checks
from django.urls import reverse
from wagtail.models import Site

from warta.discovery.models import PublisherSettings
from warta.newsroom import roles
from warta.newsroom.tests.helpers import staff
from warta.standing.factories import StandingPageFactory
from warta.standing.models import PressSettings

pytestmark = pytest.mark.django_db


def warnings(check_id: str) -> list[checks.CheckMessage]:
    return [message for message in checks.run_checks() if message.id == check_id]


def complete_press_company() -> PressSettings:
    return PressSettings.objects.create(
        site=Site.objects.get(is_default_site=True),
        legal_name="PT Warta Media Pantura",
        address="Jl. Pemuda No. 1, Pati",
        responsible_name="Ratna Kusumawati",
        responsible_role="Pemimpin Redaksi",
        phone="0295 123456",
    )


def test_empty_press_company_is_warned_about():
    """While the press company's data is empty, `check` warns and names what is missing."""
    found = warnings("warta.W020")
    assert len(found) == 1 and not found[0].is_serious()
    assert "penanggung jawab" in found[0].msg


def test_complete_press_company_is_not_warned_about():
    """Name, address, penanggung jawab with role and a contact: no warning."""
    complete_press_company()
    assert warnings("warta.W020") == []


def test_policy_link_to_a_path_without_a_page_is_warned_about():
    """A policy link to a path where no page answers is named in a warning."""
    site = Site.objects.get(is_default_site=True)
    PublisherSettings.objects.create(site=site, masthead="/redaksi/susunan-redaksi/")
    found = warnings("warta.W021")
    assert len(found) == 1 and "/redaksi/susunan-redaksi/" in found[0].msg


def test_policy_links_to_pages_views_and_other_sites_pass():
    """A path of a live page (with an anchor), a reader view and a full address pass."""
    StandingPageFactory(slug="pedoman-media-siber")
    PublisherSettings.objects.create(
        site=Site.objects.get(is_default_site=True),
        publishing_principles="/pedoman-media-siber/#ralat",
        masthead="/arsip/",
        ethics_policy="https://dewanpers.or.id/",
    )
    assert warnings("warta.W021") == []


def test_dashboard_reminds_the_editor_in_chief_of_missing_press_data(client):
    """The Pemimpin Redaksi's dashboard names what is missing and links the settings."""
    client.force_login(staff("ratna", roles.EDITOR_IN_CHIEF))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    settings_url = reverse(
        "wagtailsettings:edit",
        args=("standing", "presssettings", Site.objects.get(is_default_site=True).pk),
    )
    assert 'id="legal-data-section"' in html and settings_url in html


def test_dashboard_is_quiet_once_the_data_is_complete(client):
    """With the press company complete and no broken link, no reminder."""
    complete_press_company()
    client.force_login(staff("ratna", roles.EDITOR_IN_CHIEF))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="legal-data-section"' not in html
