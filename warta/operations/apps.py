from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Backs the site up into one archive and restores it, here or on another database."""

    name = "warta.operations"
    label = "operations"
    verbose_name = "Operations"
