from django.apps import AppConfig


class BackofficeConfig(AppConfig):
    """Listed before every wagtail.* app, so its templates and catalogue come first."""

    name = "warta.backoffice"
    label = "backoffice"
    verbose_name = "Backoffice"
