from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "warta.accounts"
    label = "accounts"
    verbose_name = _("Staff sign-in")
    default_auto_field = "django.db.models.BigAutoField"
