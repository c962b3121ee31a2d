from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NewsConfig(AppConfig):
    name = "warta.news"
    label = "news"
    verbose_name = "News"

    def ready(self):
        from . import signals  # connects the receivers decorated there

        signals.connect_page_saves()
        post_migrate.connect(signals.count_story_lists, sender=self)
