"""The news app's admin wiring."""

from __future__ import annotations

from django.templatetags.static import static
from django.urls import reverse_lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import review_queue, writing

# --- Fast writing and the newsroom dashboard (writing.py, review_queue.py) ---------------


@hooks.register("register_admin_viewset")
def register_article_listing():
    return writing.ArticleListingViewSet()


@hooks.register("register_admin_menu_item")
def register_write_story_menu_item():
    return writing.WriteStoryMenuItem(
        _("Write a story"),
        reverse_lazy(writing.WRITE_URL_NAME),
        name="write-story",
        icon_name="edit",
        order=105,
    )


@hooks.register("construct_page_action_menu")
def put_publishing_first(menu_items, request, context):
    writing.put_publishing_first(menu_items, request, context)


@hooks.register("insert_editor_js")
def publish_label_script():
    return format_html('<script src="{}"></script>', static("news/admin/publish-label.js"))


@hooks.register("construct_homepage_panels")
def add_newsroom_panels(request, panels):
    panels.extend([writing.WriteStoryPanel(), review_queue.ReviewQueuePanel()])
