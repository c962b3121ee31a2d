from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    name = "warta.discovery"
    label = "discovery"
    verbose_name = "Discovery"

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers
