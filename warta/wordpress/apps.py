from django.apps import AppConfig


class WordPressConfig(AppConfig):
    name = "warta.wordpress"
    label = "wordpress"
    verbose_name = "WordPress import"

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers
