from django.urls import path, re_path

from . import views

app_name = "news"

urlpatterns = [
    path("tag/<slug_text:slug>/", views.tag_articles, name="tag"),
    path("penulis/<slug_text:slug>/", views.reporter_articles, name="reporter"),
    path("arsip/", views.archive_index, name="archive"),
    re_path(r"^arsip/(?P<year>[0-9]{4})/$", views.archive, name="archive_year"),
    re_path(
        r"^arsip/(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/$", views.archive, name="archive_month"
    ),
    re_path(
        r"^arsip/(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/(?P<day>[0-9]{2})/$",
        views.archive,
        name="archive_day",
    ),
]
