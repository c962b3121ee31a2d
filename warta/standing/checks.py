"""System checks (`manage.py check`, `warta serve`) for the outlet's legal duties.

- warta.W020: the press company's data (UU Pers article 12: name, address, penanggung
  jawab) is still empty for a site, so its Redaksi page cannot show it;
- warta.W021: a publisher policy link (warta.discovery's PublisherSettings, in the
  structured data search engines read) is a path on the site where no page answers.

Both read the database: before the tables exist (a fresh checkout) they say nothing.
The dashboard shows the same (wagtail_hooks.py).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.db import DatabaseError
from django.urls import Resolver404, resolve
from django.utils import translation
from wagtail.models import Page, Site

from warta.discovery.models import POLICY_PROPERTIES, PublisherSettings

from .models import PressSettings


def missing_press_data(site: Site) -> list[str]:
    """The labels of the press company's fields still empty for `site`."""
    press = PressSettings.objects.filter(site=site).first() or PressSettings(site=site)
    return press.missing()


def page_answers_at(site: Site, link: str) -> bool:
    """Whether a path on `site` names a live page or one of Warta's own views."""
    path = urlsplit(link).path or "/"
    try:
        with translation.override(settings.LANGUAGE_CODE):  # the address without /en/
            match = resolve(path)
    except Resolver404:
        return False
    if match.url_name != "wagtail_serve":
        return True  # a view of its own, such as /ralat/ or /hak-jawab/
    tail = match.args[0] if match.args else match.kwargs.get("path", "")
    return Page.objects.live().filter(url_path=site.root_page.url_path + tail).exists()


def broken_policy_links(site: Site) -> list[tuple[str, str]]:
    """(field label, link) for each policy link of `site` that is a path without a page.
    Full addresses (https://…) are not followed: they may be anywhere."""
    publisher = PublisherSettings.objects.filter(site=site).first()
    if publisher is None:
        return []
    broken = []
    for field in POLICY_PROPERTIES:
        link = getattr(publisher, field)
        if link.startswith("/") and not page_answers_at(site, link):
            label = str(PublisherSettings._meta.get_field(field).verbose_name)
            broken.append((label, link))
    return broken


@checks.register("warta")
def press_company_is_announced(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    try:
        sites = list(Site.objects.all())
        gaps = [(site, missing_press_data(site)) for site in sites]
    except DatabaseError:
        return []
    return [
        checks.Warning(
            f"The press company's data of {site.hostname} is incomplete: {', '.join(missing)}.",
            hint="UU Pers article 12 asks every outlet to show its company's name, address "
            "and penanggung jawab: fill them in under Settings › Press company.",
            obj=site,
            id="warta.W020",
        )
        for site, missing in gaps
        if missing
    ]


@checks.register("warta")
def policy_links_have_pages(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    try:
        broken = [(site, broken_policy_links(site)) for site in Site.objects.all()]
    except DatabaseError:
        return []
    return [
        checks.Warning(
            f"The publisher settings of {site.hostname} link {label} to {link}, "
            "where no page answers.",
            hint="Publish a page at that address or change the link under Settings › "
            "Publisher settings: search engines follow it from every page's structured data.",
            obj=site,
            id="warta.W021",
        )
        for site, links in broken
        for label, link in links
    ]
