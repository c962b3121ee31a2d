"""The feed of corrections, at the root like the other feeds (warta.discovery), and
included before them: `feeds/<section>/` would take `feeds/ralat/` for a section."""

from django.urls import path

from . import feeds

app_name = "press_feeds"

urlpatterns = [path("feeds/ralat/<str:kind>/", feeds.corrections_feed, name="corrections")]
