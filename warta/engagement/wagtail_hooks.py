"""The readers' figures on the admin dashboard: views today, the most read stories of the
last 24 hours and the reactions (the figures themselves are in `dashboard.py`)."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component

from . import dashboard


class ReadersPanel(Component):
    """Today's views against yesterday's, and how readers reacted in the last 24 hours."""

    name = "readers"
    order = 100
    template_name = "engagement/admin/readers_panel.html"

    def get_context_data(self, parent_context=None) -> dict:
        now = timezone.localtime()
        reactions = dashboard.reaction_breakdown(now)
        return {
            "views": dashboard.views_today(now),
            "reactions": reactions,
            "reaction_total": sum(reaction.count for reaction in reactions),
            "flush_seconds": max(1, round(settings.WARTA_ENGAGEMENT["FLUSH_SECONDS"])),
        }


class TopStoriesPanel(Component):
    """The ten stories most read in the last 24 hours, with their views and reactions."""

    name = "top_stories"
    order = 110
    template_name = "engagement/admin/top_stories_panel.html"

    def get_context_data(self, parent_context=None) -> dict:
        return {"stories": dashboard.top_stories(now=timezone.localtime())}


@hooks.register("construct_homepage_panels")
def add_readers_panels(request, panels) -> None:
    panels.extend([ReadersPanel(), TopStoriesPanel()])
