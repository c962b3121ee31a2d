from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    name = "warta.discovery"
    label = "discovery"
    verbose_name = "Discovery"

    def ready(self):
        from . import images, signals  # noqa: F401 - connects the receivers
