"""The admin's login form, with every label translated."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class NewsroomLoginForm(LoginForm):
    """Wagtail's login form, whose password field has no label of its own: it printed the
    field's name, "Password", in every language. Django's own label is translated."""

    password = forms.CharField(
        label=_("Password"),
        widget=LoginForm.base_fields["password"].widget,
        strip=False,
    )
