from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "warta.news"
    label = "news"
    verbose_name = "News"

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers
