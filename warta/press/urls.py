"""Reader addresses: /ralat/, the list of corrections, in each language."""

from django.urls import path

from . import views

app_name = "press"

urlpatterns = [path("ralat/", views.corrections_index, name="corrections")]
