from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("cari/", views.search, name="search"),
]
