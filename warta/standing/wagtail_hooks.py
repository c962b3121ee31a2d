"""Who may open a standing page, and the dashboard's reminder of the outlet's legal data."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Site

from .checks import broken_policy_links, missing_press_data
from .models import StandingPage


@hooks.register("before_create_page")
def only_chiefs_open_standing_pages(request, parent_page, page_class):
    """The legal pages speak for the outlet: only the Pemimpin Redaksi (and the
    Administrator) opens one. Editing and publishing follow Wagtail's page permissions,
    which only they hold on the home page (warta.newsroom.roles)."""
    if issubclass(page_class, StandingPage) and not request.user.has_perm(
        "standing.add_standingpage"
    ):
        raise PermissionDenied


class LegalDataPanel(Component):
    """What the site still lacks of the press company's data or its policy pages (the
    same as the system checks warta.W020 and warta.W021), for who may fix it."""

    name = "legal_data"
    order = 50
    template_name = "standing/admin/legal_data_panel.html"

    def __init__(self, site: Site, missing: list[str], broken: list[tuple[str, str]]):
        self.site, self.missing, self.broken = site, missing, broken

    def get_context_data(self, parent_context=None) -> dict:
        return {"site": self.site, "missing": self.missing, "broken": self.broken}


@hooks.register("construct_homepage_panels")
def add_legal_data_panel(request, panels) -> None:
    user = request.user
    if not (
        user.has_perm("standing.change_presssettings")
        or user.has_perm("discovery.change_publishersettings")
    ):
        return
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    missing, broken = missing_press_data(site), broken_policy_links(site)
    if missing or broken:
        panels.append(LegalDataPanel(site, missing, broken))
