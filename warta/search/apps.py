from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "warta.search"
    label = "search"
    verbose_name = "Search"
