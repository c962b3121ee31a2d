from django.apps import AppConfig


class StandingConfig(AppConfig):
    name = "warta.standing"
    label = "standing"
    verbose_name = "Standing pages"

    def ready(self):
        from . import checks, signals  # noqa: F401 - registers the checks, connects receivers
