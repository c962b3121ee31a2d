"""The engagement API, versioned and language-neutral: /api/engagement/v1/..."""

from django.urls import path, re_path

from . import views

app_name = "engagement"

urlpatterns = [
    path("articles/<number:article_id>", views.article_counts, name="counts"),
    path("articles/<number:article_id>/views", views.article_views, name="views"),
    path("articles/<number:article_id>/pixel.gif", views.view_pixel, name="pixel"),
    path("articles/<number:article_id>/reaction", views.article_reaction, name="reaction"),
    path("openapi.json", views.api_schema, name="schema"),
    # Any other address under the API, an id beyond 64 bits included: a JSON 404.
    re_path(r"", views.unknown_address, name="unknown"),
]
