"""Staff sign-in screens: the password (throttled, hashing bounded), the two-step code,
setting up an authenticator, and the Administrator's list to reset one."""

from __future__ import annotations

import logging
import math

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import FormView, TemplateView, View
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views import account
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import slots, throttle, two_step
from .forms import CodeForm

logger = logging.getLogger("warta.accounts")

BUSY_RETRY_SECONDS = 2


def refused_message(refused: throttle.Refusal) -> str:
    minutes = max(1, math.ceil(refused.seconds / 60))
    return ngettext(
        "Too many failed sign-in attempts. Try again in %(minutes)d minute.",
        "Too many failed sign-in attempts. Try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def with_status(response, status: int, retry_after: int):
    response.status_code = status
    response["Retry-After"] = str(retry_after)
    return response


class LoginView(account.LoginView):
    """Wagtail's sign-in, throttled per account and per address, with at most
    HASHING_SLOTS password checks at once, and the code asked next from who has an
    authenticator."""

    def post(self, request, *args, **kwargs):
        username = str(request.POST.get("username", ""))[:150]
        address = throttle.client_address(request)
        refused = throttle.refusal(username, address)
        if refused is not None:
            throttle.log_refusal(username, address, refused)
            return self.answer_without_checking(
                username, refused_message(refused), 429, refused.seconds
            )
        form = self.get_form()
        with slots.hashing_slot() as got_slot:
            if not got_slot:
                logger.warning(
                    "login busy, not checked: account=%r address=%s",
                    throttle.account_key(username),
                    address or "-",
                )
                # A page of its own, not the admin's: a flood meets this most, and it
                # costs a tenth of rendering the sign-in form.
                message = _("Too many sign-ins at this moment. Try again in a few seconds.")
                response = TemplateResponse(request, "accounts/busy.html", {"message": message})
                return with_status(response, 503, BUSY_RETRY_SECONDS)
            valid = form.is_valid()  # the password is checked (hashed) here
        if valid:
            throttle.success(username)
            return self.form_valid(form)
        if any(error.code == "invalid_login" for error in form.non_field_errors().as_data()):
            throttle.failure(username, address)
        return self.form_invalid(form)

    def answer_without_checking(self, username: str, message: str, status: int, retry: int):
        """The sign-in form again with the reason, its password not looked at."""
        messages.error(self.request, message)
        form = self.get_form_class()(self.request, initial={"username": username})
        response = self.render_to_response(self.get_context_data(form=form))
        return with_status(response, status, retry)

    def form_valid(self, form):
        user = form.get_user()
        if two_step.device_for_login(user) is None:
            return super().form_valid(form)
        two_step.start_pending(
            self.request,
            user,
            remember=bool(form.cleaned_data.get("remember")),
            next_url=self.get_success_url(),
        )
        return redirect("warta_login_code")


@method_decorator([sensitive_post_parameters(), never_cache], name="dispatch")
class TwoStepLoginView(FormView):
    """The second step: the code from the authenticator, for the account whose password was
    right a moment ago. Wrong codes count as failed sign-ins of the account."""

    template_name = "accounts/two_step_login.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        self.pending = two_step.pending(request)
        self.user = two_step.pending_user(self.pending) if self.pending else None
        self.device = two_step.device_for_login(self.user) if self.user else None
        if self.device is None:
            request.session.pop(two_step.PENDING, None)
            messages.error(request, _("Sign in again: the time for the code has run out."))
            return redirect("wagtailadmin_login")
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        username = self.user.get_username()
        address = throttle.client_address(request)
        refused = throttle.refusal(username, address)
        if refused is not None:
            throttle.log_refusal(username, address, refused)
            messages.error(request, refused_message(refused))
            response = self.render_to_response(self.get_context_data(form=CodeForm()))
            return with_status(response, 429, refused.seconds)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        request = self.request
        if not self.device.verify_token(form.cleaned_data["code"].strip()):
            address = throttle.client_address(request)
            throttle.failure(self.user.get_username(), address, what="code")
            form.add_error("code", _("That code is not right. Enter the code the app shows now."))
            return self.form_invalid(form)
        data = request.session.pop(two_step.PENDING)
        self.user.otp_device = self.device  # django-otp marks the session as verified
        auth_login(request, self.user, backend=data["backend"])
        request.session.set_expiry(None if data["remember"] else 0)
        throttle.success(self.user.get_username())
        return HttpResponseRedirect(data["next"] or reverse("wagtailadmin_home"))


class TwoStepView(WagtailAdminTemplateMixin, TemplateView):
    """The member's own two-step login: set up an authenticator (QR code or the secret
    typed in, then its first code), or switch it off when the newsroom does not require it."""

    template_name = "accounts/two_step.html"
    page_title = gettext_lazy("Two-step login")
    header_icon = "key"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        active = bool(two_step.confirmed_device_ids(user))
        context.update(active=active, required=two_step.required(self.request))
        if not active:
            device = two_step.new_device(user)
            context.update(
                qr_svg=two_step.qr_svg(device),
                secret=two_step.secret_text(device),
                form=kwargs.get("form") or CodeForm(),
            )
        return context

    def post(self, request, *args, **kwargs):
        user = request.user
        if request.POST.get("action") == "remove":
            if two_step.required(request):
                messages.error(request, _("The newsroom requires the two-step login."))
            else:
                two_step.reset(user, by=user.get_username())
                messages.success(request, _("The two-step login is off."))
            return redirect("warta_two_step")
        form = CodeForm(request.POST)
        device = two_step.new_device(user)
        if form.is_valid() and two_step.confirm(request, device, form.cleaned_data["code"]):
            messages.success(request, _("The two-step login is on."))
            return redirect("wagtailadmin_account")
        if form.is_valid():
            form.add_error("code", _("That code is not right. Enter the code the app shows now."))
        return self.render_to_response(self.get_context_data(form=form))


def may_reset(user) -> bool:
    """Who may reset staff members' authenticators: who manages the staff's accounts."""
    return user.has_perm("auth.change_user")


class StaffTwoStepView(WagtailAdminTemplateMixin, TemplateView):
    """Staff and whether each has the two-step login, with a reset for a lost phone."""

    template_name = "accounts/staff_two_step.html"
    page_title = gettext_lazy("Two-step login of the staff")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        if not may_reset(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        with_device = set(
            TOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True)
        )
        users = get_user_model()._default_manager.filter(is_active=True).order_by("username")
        context["staff"] = [(user, user.pk in with_device) for user in users]
        return context


class ResetTwoStepView(View):
    """POST: remove a member's authenticators."""

    def post(self, request, user_id: int):
        if not may_reset(request.user):
            raise PermissionDenied
        member = get_object_or_404(get_user_model(), pk=user_id)
        two_step.reset(member, by=request.user.get_username())
        messages.success(
            request,
            _("The two-step login of %(name)s is reset.") % {"name": member.get_username()},
        )
        return redirect("warta_two_step_staff")
