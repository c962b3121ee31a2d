"""The engagement API, versioned and language-neutral: /api/engagement/v1/..."""

from django.urls import path

from . import views

app_name = "engagement"

urlpatterns = [
    path("articles/<int:article_id>", views.article_counts, name="counts"),
    path("articles/<int:article_id>/views", views.article_views, name="views"),
    path("articles/<int:article_id>/pixel.gif", views.view_pixel, name="pixel"),
    path("articles/<int:article_id>/reaction", views.article_reaction, name="reaction"),
]
