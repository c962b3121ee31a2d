"""The newsroom's rules in the admin: who may open a section, the sign-off on
publication, and "Berita saya" (my stories)."""

from django.core.exceptions import PermissionDenied
from wagtail import hooks

from warta.news.models import SectionPage

from .models import sign_off
from .stories import MyStoriesViewSet


@hooks.register("before_create_page")
def only_chiefs_open_sections(request, parent_page, page_class):
    """A reporter or desk editor may write in any section but not open a new one."""
    if issubclass(page_class, SectionPage) and not request.user.has_perm("news.add_sectionpage"):
        raise PermissionDenied


@hooks.register("before_publish_page")
def sign_off_on_publication(request, page):
    """Whoever publishes a story signs it off, unless it names its editor already."""
    if page.latest_revision is not None:
        sign_off(page.latest_revision, request.user)


@hooks.register("register_admin_viewset")
def register_my_stories():
    return MyStoriesViewSet("my_stories")
