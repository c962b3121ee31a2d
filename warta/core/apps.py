from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "warta.core"
    label = "core"
    verbose_name = "Warta"

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers
