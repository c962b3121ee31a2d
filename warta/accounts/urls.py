"""The sign-in's addresses, placed before Wagtail's admin (whose /admin/login/ they take)."""

from django.urls import path

from . import views

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="wagtailadmin_login"),
    path("login/kode/", views.TwoStepLoginView.as_view(), name="warta_login_code"),
]
