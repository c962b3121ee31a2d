from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PressConfig(AppConfig):
    """Corrections and retractions: how the newsroom owns its mistakes (PPMS 4 and 5)."""

    name = "warta.press"
    verbose_name = _("Corrections and retractions")

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers
