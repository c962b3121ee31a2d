"""Admin URLs of the backoffice, included under /admin/ before Wagtail's own."""

from django.urls import path

from . import views

urlpatterns = [
    # The same path as Wagtail's catalogue, which it therefore replaces.
    path("jsi18n/", views.javascript_catalogue, name="backoffice_javascript_catalogue"),
    path("panduan/", views.guide, name="backoffice_guide"),
]
