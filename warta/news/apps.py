from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "warta.news"
    label = "news"
    verbose_name = "News"
