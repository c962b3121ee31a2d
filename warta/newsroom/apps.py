from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class NewsroomConfig(AppConfig):
    name = "warta.newsroom"
    label = "newsroom"
    verbose_name = _("Newsroom")
    default_auto_field = "django.db.models.BigAutoField"
    default = True  # apps.py holds a second config, for wagtail.users

    def ready(self):
        from . import signals

        signals.connect()


class NewsroomUsersConfig(WagtailUsersAppConfig):
    """Wagtail's users and groups admin, listing the newsroom's groups by their labels in
    the admin's language (Wagtail's documented way to customise these views)."""

    default = False
    group_viewset = "warta.newsroom.users.GroupViewSet"
    user_viewset = "warta.newsroom.users.UserViewSet"
