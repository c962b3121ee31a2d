""" "Berita saya": the stories a staff member wrote (on the byline) or started, with their
status, in the admin's own page listing (filters, status, review state included)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet

from warta.news.models import ArticlePage


def stories_of(user, pages):
    """The pages where the user is on the byline or is the owner."""
    return pages.filter(Q(owner=user) | Q(reporter_links__person__user=user)).distinct()


class MyStoriesIndexView(IndexView):
    page_title = _("My stories")

    def get_base_queryset(self):
        return stories_of(self.request.user, super().get_base_queryset())


class MyStoriesViewSet(PageListingViewSet):
    model = ArticlePage
    index_view_class = MyStoriesIndexView
    icon = "doc-full"
    menu_label = _("My stories")
    menu_order = 150
    add_to_admin_menu = True
    name = "my_stories"
