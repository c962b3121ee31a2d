from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "warta.demo"
    label = "demo"
    verbose_name = "Demo"
