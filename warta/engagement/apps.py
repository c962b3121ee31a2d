from django.apps import AppConfig


class EngagementConfig(AppConfig):
    name = "warta.engagement"
    label = "engagement"
    verbose_name = "Engagement"
