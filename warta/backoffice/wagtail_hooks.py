"""The admin's help menu opens Warta's own newsroom guide, served by Warta."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

# Wagtail's own help items link to guide.wagtail.org, in English: Warta's guide replaces them.
WAGTAIL_GUIDE_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("register_help_menu_item")
def register_newsroom_guide_menu_item() -> MenuItem:
    return MenuItem(
        _("Newsroom guide"),
        reverse("backoffice_guide"),
        icon_name="help",
        order=1000,
        name="newsroom-guide",
    )


@hooks.register("construct_help_menu")
def remove_wagtails_guide_links(request, menu_items) -> None:
    menu_items[:] = [item for item in menu_items if not item.name.startswith(WAGTAIL_GUIDE_ITEMS)]
