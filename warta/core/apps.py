from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "warta.core"
    label = "core"
    verbose_name = "Warta"
