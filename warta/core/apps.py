from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "warta.core"
    label = "core"
    verbose_name = "Warta"

    def ready(self):
        from . import checks, converters, signals  # noqa: F401 - registers, connects

        converters.register()  # before any urls.py names them
