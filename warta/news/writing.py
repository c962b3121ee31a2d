"""Fast writing in the admin: "Tulis berita" from the dashboard or the menu, the section
picked in one click, "Publikasikan" (or "Jadwalkan") as the editor's first button, and
the newsroom's list of stories with their views.

The hooks that put these in the admin are in `wagtail_hooks.py`.
"""

from __future__ import annotations

from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.action_menu import PublishMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import DateColumn, NumberColumn
from wagtail.admin.ui.tables.pages import PageStatusColumn, PageTitleColumn, ParentPageColumn
from wagtail.admin.views.pages.choose_parent import ChooseParentView
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet

from .models import ArticlePage, SectionPage

WRITE_URL_NAME = "articles:choose_parent"


class PublishOrScheduleMenuItem(PublishMenuItem):
    """Wagtail's publish button, labelled "Jadwalkan" while a go-live time in the future is
    set (in the saved page, or typed in the schedule dialog: `publish-label.js`)."""

    template_name = "news/admin/publish_menu_item.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["publish_label"] = _("Publish")
        context["schedule_label"] = _("Schedule")
        return context


def put_publishing_first(menu_items: list, request, context) -> None:
    """For a user who may publish, publishing (or scheduling) is the primary action and
    saving a draft moves into the dropdown; a user who may not keeps Wagtail's order."""
    for index, item in enumerate(menu_items):
        if isinstance(item, PublishMenuItem):
            menu_items.pop(index)
            menu_items.insert(0, PublishOrScheduleMenuItem(order=item.order))
            return


class ChooseSectionView(ChooseParentView):
    """The first step of "Tulis berita": the sections the user may write in, one click each
    (with a single such section, straight to the article form)."""

    template_name = "news/admin/choose_section.html"
    page_title = _("Write a story")

    def get_page_subtitle(self):
        return _("Choose the section")

    def sections(self) -> list[dict]:
        """Each section the user may add an article to, named with the sections above it
        ("Daerah › Pati"), in the order of the tree."""
        allowed = set(self.get_valid_parent_pages(self.request.user).values_list("pk", flat=True))
        every = list(SectionPage.objects.order_by("path").only("pk", "path", "title"))
        titles = {section.path: section.title for section in every}
        chosen = []
        for section in every:
            if section.pk not in allowed:
                continue
            steps = range(section.steplen, len(section.path) + 1, section.steplen)
            names = [titles[section.path[:end]] for end in steps if section.path[:end] in titles]
            chosen.append(
                {
                    "label": " › ".join(names),
                    "url": reverse(
                        "wagtailadmin_pages:add", args=("news", "articlepage", section.pk)
                    ),
                }
            )
        return chosen

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = self.sections()
        return context


class ArticleIndexView(IndexView):
    """Every article the user may see, newest change first, with its views: the total
    comes with the page of results from the same query (a join on the counters' row)."""

    add_item_label = _("Write a story")

    def get_base_queryset(self):
        return super().get_base_queryset().annotate(views=Coalesce("stats__views", 0))


class ArticleListingViewSet(PageListingViewSet):
    """ "Berita" in the admin menu: the newsroom's stories in one flat list."""

    model = ArticlePage
    name = "articles"
    icon = "doc-full-inverse"
    menu_label = _("Articles")
    menu_order = 110
    add_to_admin_menu = True
    index_view_class = ArticleIndexView
    choose_parent_view_class = ChooseSectionView
    columns = [
        PageTitleColumn("title", label=_("Title"), sort_key="title", classname="title"),
        ParentPageColumn("parent", label=_("Section")),
        DateColumn("published_at", label=_("Publication time"), sort_key="published_at"),
        PageStatusColumn("status", label=_("Status"), sort_key="live"),
        NumberColumn("views", label=_("Views"), sort_key="views"),
    ]


class WriteStoryPanel(Component):
    """The dashboard's "Tulis berita" button, for a user who may write somewhere."""

    name = "write_story"
    order = 10
    template_name = "news/admin/write_story_panel.html"

    def get_context_data(self, parent_context=None) -> dict:
        return {"url": reverse(WRITE_URL_NAME)}

    def render_html(self, parent_context=None) -> str:
        return super().render_html(parent_context) if may_write(parent_context["request"]) else ""


def may_write(request) -> bool:
    """Whether the request's user may add an article in some section."""
    view = ChooseSectionView(model=ArticlePage, request=request)
    return view.get_valid_parent_pages(request.user).exists()


class WriteStoryMenuItem(MenuItem):
    """ "Tulis berita" in the admin menu, for a user who may write somewhere."""

    def is_shown(self, request) -> bool:
        return may_write(request)
