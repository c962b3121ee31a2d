"""Feeds, sitemaps and robots.txt: at the site root, outside the language prefixes."""

from django.urls import path, register_converter

from . import feeds, views


class FeedKindConverter:
    regex = "rss|atom"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class SitemapKindConverter(FeedKindConverter):
    regex = "|".join(views.URL_SETS)


register_converter(FeedKindConverter, "feed_kind")
register_converter(SitemapKindConverter, "sitemap_kind")

app_name = "discovery"

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap_index, name="sitemap_index"),
    path("sitemap-<sitemap_kind:kind>-<number:number>.xml", views.sitemap, name="sitemap"),
    path("feeds/<feed_kind:kind>/", feeds.site_feed, name="site_feed"),
    path("feeds/tag/<slug_text:slug>/<feed_kind:kind>/", feeds.tag_feed, name="tag_feed"),
    path(
        "feeds/penulis/<slug_text:slug>/<feed_kind:kind>/",
        feeds.reporter_feed,
        name="reporter_feed",
    ),
    path(
        "feeds/<slug_path:section_path>/<feed_kind:kind>/", feeds.section_feed, name="section_feed"
    ),
]
