from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NewsConfig(AppConfig):
    name = "warta.news"
    label = "news"
    verbose_name = "News"

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers

        post_migrate.connect(count_story_lists, sender=self)


def count_story_lists(using="default", **kwargs) -> None:
    """Count the story lists of stories that were there before the lists were kept."""
    from . import story_lists
    from .models import ArticlePage, StoryList

    if not StoryList.objects.using(using).exists() and ArticlePage.objects.using(using).exists():
        story_lists.rebuild()
