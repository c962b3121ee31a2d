from django.urls import path

from . import views

app_name = "replies"

urlpatterns = [
    path("hak-jawab/", views.reply_form, name="form"),
    path("hak-jawab/terkirim/<str:token>/", views.thanks, name="thanks"),
]
