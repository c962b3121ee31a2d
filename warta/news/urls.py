from django.urls import path

from . import views

app_name = "news"

urlpatterns = [
    path("tag/<str:slug>/", views.tag_articles, name="tag"),
    path("penulis/<str:slug>/", views.reporter_articles, name="reporter"),
]
