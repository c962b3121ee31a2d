"""The admin's links answer, and everything it loads is Warta's own."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client
from wagtail.models import Site
from wagtail.users.models import UserProfile

from .admin_screens import SCREENS, content_strings, render

pytestmark = pytest.mark.django_db

# The screens that show "view live" and preview links: the explorer and the page editor.
LINK_SCREENS = [
    screen
    for screen in SCREENS
    if screen.name.startswith(("page explorer: home", "page explorer: section", "page editor: "))
    and "new" not in screen.name
]
ASSET_ATTRIBUTES = {"img": "src", "script": "src", "iframe": "src", "link": "href", "a": "href"}


def own_hosts() -> set[str]:
    """The hosts that are Warta itself: its sites and its admin's base URL."""
    hosts = {"", "testserver", urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname}
    return hosts | {site.hostname for site in Site.objects.all()}


def page_links(html: str) -> set[str]:
    """The paths of the "view live" and preview links on an admin screen."""
    soup = BeautifulSoup(html, "html.parser")
    links = set()
    for anchor in soup.find_all("a", href=True):
        url = urlsplit(anchor["href"])
        live = url.path and not url.path.startswith(("/admin/", "/documents/", "/media/"))
        draft = url.path.endswith(("/view_draft/", "/preview/"))
        ours = (url.hostname or "") in own_hosts()
        if url.scheme in ("", "http", "https") and ours and (live or draft):
            links.add(url.path + (f"?{url.query}" if url.query else ""))
    return links


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("screen", LINK_SCREENS, ids=[screen.name for screen in LINK_SCREENS])
def test_view_live_and_preview_links_answer(newsroom, admin_user, screen, language):
    """Every "view live" and preview link shown in the admin answers 200 in either language
    (what a preview shows once the editor's form is sent: test_admin_browser.py)."""
    links = page_links(render(screen, newsroom, admin_user, language))
    assert links, f"{screen.name} shows no view-live or preview link"
    client = Client()
    client.force_login(admin_user)
    answers = {link: client.get(link).status_code for link in sorted(links)}
    assert answers == dict.fromkeys(answers, 200)


def foreign_urls(html: str, content: set[str]) -> list[str]:
    """The addresses on a screen that name another host, links typed as content aside."""
    soup = BeautifulSoup(html, "html.parser")
    hosts = own_hosts()
    found = []
    for tag, attribute in ASSET_ATTRIBUTES.items():
        for element in soup.find_all(tag):
            address = (element.get(attribute) or "").strip()
            url = urlsplit(address)
            elsewhere = url.scheme in ("", "http", "https") and (url.hostname or "") not in hosts
            if elsewhere and not (tag == "a" and address in content):
                found.append(f"<{tag} {attribute}={address}>")
    return found


@pytest.mark.parametrize("screen", SCREENS, ids=[screen.name for screen in SCREENS])
def test_admin_screen_loads_nothing_from_another_site(newsroom, admin_user, screen):
    """No script, style, image or link on an admin screen points at another host."""
    html = render(screen, newsroom, admin_user, "id")
    assert foreign_urls(html, content_strings()) == []


@pytest.mark.parametrize("language", ["id", "en"])
def test_help_menu_opens_warta_guide(admin_client, admin_user, language):
    """The sidebar's help opens Warta's own guide, in the admin's language."""
    UserProfile.objects.update_or_create(user=admin_user, defaults={"preferred_language": language})
    html = admin_client.get("/admin/").content.decode()
    assert "/admin/panduan/" in html
    assert "guide.wagtail.org" not in html
    guide = admin_client.get("/admin/panduan/").content.decode()
    assert ("Panduan redaksi" if language == "id" else "Newsroom guide") in guide


def test_guide_is_for_staff_only(client):
    """A visitor who is not signed in is sent to the login page, not shown the guide."""
    response = client.get("/admin/panduan/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_login_page_carries_wartas_name(client):
    """The login page is Warta's: its name in the title, its logo, no Wagtail."""
    html = client.get("/admin/login/", headers={"accept-language": "id"}).content.decode()
    assert "Wagtail" not in BeautifulSoup(html, "html.parser").get_text()
    assert "backoffice/warta-logo.svg" in html


def test_article_editor_holds_every_panel_the_language_test_reads(newsroom, admin_user):
    """The article editor's HTML has its tabs, the status and checks side panels and the
    schedule dialog, so the language test reads them all."""
    editor = next(screen for screen in SCREENS if screen.name == "page editor: article")
    soup = BeautifulSoup(render(editor, newsroom, admin_user, "id"), "html.parser")
    tabs = soup.find_all(attrs={"role": "tab"})
    assert len(tabs) >= 2
    assert soup.find(attrs={"data-side-panel": "status"}) is not None
    assert soup.find(attrs={"data-side-panel": "checks"}) is not None
    assert soup.find(id="schedule-publishing-dialog") is not None
