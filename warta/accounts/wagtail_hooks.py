"""The two-step login in the admin: the member's own screen (from the account page) and
the staff list where an Administrator resets a lost authenticator."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def two_step_urls():
    return [
        path("akun/dua-langkah/", views.TwoStepView.as_view(), name="warta_two_step"),
        path(
            "akun/dua-langkah/staf/",
            views.StaffTwoStepView.as_view(),
            name="warta_two_step_staff",
        ),
        path(
            "akun/dua-langkah/staf/<int:user_id>/reset/",
            views.ResetTwoStepView.as_view(),
            name="warta_two_step_reset",
        ),
    ]


@hooks.register("register_account_menu_item")
def two_step_menu_item(request):
    return {
        "url": reverse("warta_two_step"),
        "label": _("Two-step login"),
        "help_text": _("Sign in with a code from an authenticator app as well as the password."),
    }


@hooks.register("register_account_menu_item")
def staff_two_step_menu_item(request):
    if not views.may_reset(request.user):
        return None
    return {
        "url": reverse("warta_two_step_staff"),
        "label": _("Two-step login of the staff"),
        "help_text": _("See who has set it up; reset the authenticator of who lost it."),
    }
