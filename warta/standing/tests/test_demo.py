"""The demo's standing pages: in the footer, answering, and where its policy links lead."""

import json
import re
from urllib.parse import urlsplit

import pytest
from django.core import checks
from django.core.management import call_command

from warta.discovery.models import POLICY_PROPERTIES
from warta.standing.models import StandingPage

pytestmark = pytest.mark.django_db

LEGAL_PAGES = (
    "Tentang Kami",
    "Redaksi",
    "Pedoman Pemberitaan Media Siber",
    "Hak Jawab dan Koreksi",
    "Kontak",
    "Kebijakan Privasi",
)


def footer_links(html: str) -> dict[str, str]:
    footer = html.split('<footer class="site-footer">')[1]
    return {title: href for href, title in re.findall(r'<a href="([^"]+)">([^<]+)</a>', footer)}


def test_the_footers_legal_pages_answer(client, demo):
    """The demo's footer links the six legal pages, and each answers 200."""
    links = footer_links(client.get("/").content.decode())
    assert set(LEGAL_PAGES) <= set(links)
    for title in LEGAL_PAGES:
        assert client.get(links[title]).status_code == 200, title


def test_every_policy_link_in_the_structured_data_leads_to_a_page(client, demo):
    """Each policy link of the front page's JSON-LD answers 200, at an anchor that exists."""
    html = client.get("/").content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    outlet = next(
        data for data in map(json.loads, blocks) if data["@type"] == "NewsMediaOrganization"
    )
    links = [outlet[prop] for prop in POLICY_PROPERTIES.values()]
    assert len(links) == len(POLICY_PROPERTIES)
    for link in links:
        address = urlsplit(link)
        response = client.get(address.path)
        assert response.status_code == 200, link
        if address.fragment:
            assert f'id="{address.fragment}"' in response.content.decode(), link


def test_the_demo_has_no_legal_data_left_to_fill(demo):
    """The demo's press company is complete and its policy links lead to pages."""
    found = [m.id for m in checks.run_checks() if m.id in ("warta.W020", "warta.W021")]
    assert found == []


def test_the_demo_guideline_page_links_the_official_text(client, demo):
    """The Pedoman Media Siber page points at Dewan Pers for the official text."""
    html = client.get("/pedoman-media-siber/").content.decode()
    assert '<a href="https://dewanpers.or.id/">' in html


def test_the_demo_redaksi_page_shows_the_board_and_the_company(client, demo):
    """The demo's Redaksi page names its people and its company with its penanggung jawab."""
    html = client.get("/redaksi/").content.decode()
    assert "Agus Gunawan" in html and "PT Warta Media Pantura" in html
    assert "Ratna Kusumawati (Pemimpin Redaksi)" in html


def test_loading_the_demo_again_keeps_one_of_each_page(demo):
    """Loading again refreshes the standing pages instead of adding copies."""
    before = StandingPage.objects.count()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert StandingPage.objects.count() == before == len(LEGAL_PAGES)
