"""The news app's admin wiring."""

from __future__ import annotations

from django.templatetags.static import static
from django.urls import include, path, reverse_lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import desk, review_queue, writing

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


@hooks.register("insert_editor_js")
def submit_after_autosave_script():
    return format_html('<script src="{}"></script>', static("news/admin/submit-after-autosave.js"))


@hooks.register("construct_homepage_panels")
def add_newsroom_panels(request, panels):
    panels.extend([writing.WriteStoryPanel(), review_queue.ReviewQueuePanel()])


# --- The breaking desk and the front page's layout (desk.py, models/frontpage.py) ---------


@hooks.register("register_admin_urls")
def register_desk_urls():
    return [path("breaking-desk/", include((desk.urlpatterns, "news_desk")))]


@hooks.register("register_admin_menu_item")
def register_desk_menu_item():
    return desk.DeskMenuItem(
        _("Breaking desk"),
        reverse_lazy("news_desk:index"),
        name="breaking-desk",
        icon_name="warning",
        order=110,
    )


@hooks.register("register_admin_menu_item")
def register_front_page_menu_item():
    return desk.FrontPageMenuItem(
        _("Front page"),
        reverse_lazy("wagtailsettings:edit", args=["news", "frontpagelayout"]),
        name="front-page",
        icon_name="home",
        order=115,
    )


@hooks.register("register_log_actions")
def register_desk_log_actions(actions):
    for action, label, message in desk.LOG_ACTIONS.values():
        actions.register_action(action, label, message)
