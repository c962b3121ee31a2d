"""The two-step login in the admin: a session of a staff member who holds an authenticator
must have passed its code, and when the newsroom makes it compulsory, a member without one
is led to set one up before anything else."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from . import two_step


class TwoStepMiddleware:
    # Screens a member reaches before the two-step login is settled: signing in and out,
    # setting up the authenticator, and what those screens load.
    OPEN_PREFIXES = ("/admin/login/", "/admin/logout/", "/admin/jsi18n/", "/admin/sprite")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if (
            path.startswith("/admin/")
            and request.user.is_authenticated
            and not path.startswith(self.OPEN_PREFIXES)
        ):
            response = self.check(request, path)
            if response is not None:
                return response
        return self.get_response(request)

    def check(self, request, path: str):
        user = request.user
        devices = two_step.confirmed_device_ids(user)
        if devices and not two_step.session_verified(request, devices):
            # A session that never gave the code (one made before the authenticator was
            # set up elsewhere, say): sign in again, this time with the code.
            logout(request)
            return redirect_to_login(path, reverse("wagtailadmin_login"))
        enrol = reverse("warta_two_step")
        if (
            not devices
            and path != enrol
            and two_step.required(request)
            and user.has_perm("wagtailadmin.access_admin")
        ):
            messages.warning(
                request,
                _("The newsroom requires the two-step login: set up your authenticator first."),
            )
            return redirect(enrol)
        return None
