"""The two-step login: a time-based code (TOTP, RFC 6238) from an authenticator app after
the password, on django-otp's TOTP devices.

Between the password and the code nobody is signed in: the account waits in the session
(``PENDING``) for ``PENDING_SECONDS``, and only the right code signs it in, so a password
alone never opens a session.
"""

from __future__ import annotations

import base64
import logging
import time

import segno
from django.contrib.auth import get_user_model
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import LoginSettings

logger = logging.getLogger("warta.accounts")

PENDING = "warta_two_step_pending"
PENDING_SECONDS = 300


def confirmed_device_ids(user) -> set[str]:
    """The persistent ids of the user's authenticators set up and confirmed."""
    ids = TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).values_list("pk", flat=True)
    return {f"{TOTPDevice.model_label()}/{pk}" for pk in ids}


def session_verified(request, device_ids: set[str]) -> bool:
    return request.session.get(DEVICE_ID_SESSION_KEY) in device_ids


def required(request) -> bool:
    """Whether the newsroom made the two-step login compulsory for all staff."""
    return LoginSettings.load(request_or_site=request).two_step_required


def device_for_login(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user_id=user.pk, confirmed=True).order_by("pk").first()


def start_pending(request, user, *, remember: bool, next_url: str) -> None:
    request.session[PENDING] = {
        "user": user.pk,
        "backend": user.backend,
        "remember": remember,
        "next": next_url,
        "at": time.time(),
    }


def pending(request) -> dict | None:
    """The account waiting for its code, while it may still give one."""
    data = request.session.get(PENDING)
    if not isinstance(data, dict) or time.time() - data.get("at", 0) > PENDING_SECONDS:
        return None
    return data


def pending_user(data: dict):
    return get_user_model()._default_manager.filter(pk=data["user"], is_active=True).first()


def new_device(user) -> TOTPDevice:
    """The authenticator being set up: the one already waiting for its first code, or a new
    one with a fresh secret."""
    device = TOTPDevice.objects.filter(user_id=user.pk, confirmed=False).order_by("-pk").first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    """The secret as authenticator apps take it when typed: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The setup address as an inline SVG QR code, drawn here: nothing fetched elsewhere."""
    return segno.make(device.config_url, error="m").svg_inline(scale=5, border=2)


def confirm(request, device: TOTPDevice, code: str) -> bool:
    """Set up the authenticator when its first code is right; it replaces any other, and the
    session counts as having given the code."""
    if not device.verify_token(code):
        return False
    device.confirmed = True
    device.save()
    TOTPDevice.objects.filter(user_id=device.user_id).exclude(pk=device.pk).delete()
    otp_login(request, device)
    logger.info("two-step login set up: account=%r", device.user.get_username())
    return True


def reset(user, *, by: str) -> int:
    """Remove every authenticator of the user (a lost phone): the next sign-in takes the
    password alone, or leads to setting one up again when the newsroom requires it."""
    deleted, _by_model = TOTPDevice.objects.filter(user_id=user.pk).delete()
    logger.warning("two-step login reset: account=%r by=%s", user.get_username(), by)
    return deleted
