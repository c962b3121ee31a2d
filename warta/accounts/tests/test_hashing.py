"""Password hashing: Argon2 in production, and never more checks at once than the slots."""

import os
import subprocess
import sys

import pytest
from django.contrib.auth.hashers import check_password, make_password
from django.utils.translation import gettext

from warta.accounts import slots

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

ARGON2 = "warta.accounts.hashers.Argon2PasswordHasher"
PBKDF2 = "django.contrib.auth.hashers.PBKDF2PasswordHasher"


def test_production_hashes_with_argon2_and_keeps_the_others():
    """Argon2 first; the hashers of passwords stored before stay listed."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "warta.settings.production",
        "WARTA_SECRET_KEY": "k" * 30 + "abcdefghijklmnopqrstuvwxyz",
    }
    code = (
        "from django.contrib.auth.hashers import get_hasher; print(get_hasher().algorithm); "
        "from django.conf import settings; print(*settings.PASSWORD_HASHERS, sep='\\n')"
    )
    out = subprocess.run(  # noqa: S603 - this interpreter, fixed code
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    assert out[:2] == ["argon2", ARGON2]
    assert PBKDF2 in out


def test_argon2_is_computed_at_the_lowest_cpu_priority():
    """The hashing thread has nice 19, so readers' threads come first for the CPU."""
    assert slots.at_low_priority(os.getpriority, os.PRIO_PROCESS, 0) == 19
    assert os.getpriority(os.PRIO_PROCESS, 0) < 19


def test_argon2_hashes_read_and_written_as_djangos(settings):
    """A hash made by Django's own Argon2 hasher checks with Warta's, and the reverse."""
    settings.PASSWORD_HASHERS = [ARGON2, "django.contrib.auth.hashers.Argon2PasswordHasher"]
    ours = make_password(PASSWORD)
    djangos = make_password(PASSWORD, hasher="argon2")
    assert ours.startswith("argon2$") and check_password(PASSWORD, djangos)
    assert check_password(PASSWORD, ours)


def test_an_older_hash_becomes_argon2_at_sign_in(reporter, sign_in, settings):
    """A PBKDF2 password signs in and is stored again with Argon2."""
    settings.PASSWORD_HASHERS = [ARGON2, PBKDF2]
    reporter.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    reporter.save()
    assert sign_in("agus", PASSWORD).status_code == 302
    reporter.refresh_from_db()
    assert reporter.password.startswith("argon2$")


def test_sign_in_without_a_free_slot_answers_503_unchecked(
    reporter, sign_in, password_checks, settings
):
    """With the only slot taken, a sign-in is not checked: 503 with Retry-After."""
    settings.WARTA_LOGINS = {**settings.WARTA_LOGINS, "HASHING_SLOTS": 1, "SLOT_WAIT": 0}
    with slots.hashing_slot() as got:
        assert got
        response = sign_in("agus", PASSWORD)
    assert response.status_code == 503
    assert response["Retry-After"] == "2"
    assert password_checks == []
    busy = gettext("Too many sign-ins at this moment. Try again in a few seconds.")
    assert busy in response.text
    assert 'href="/admin/login/"' in response.text
    assert sign_in("agus", PASSWORD).status_code == 302  # the slot given back


def test_two_slots_take_two_checks_at_once(settings):
    """HASHING_SLOTS=2: a second check runs beside the first, a third does not."""
    settings.WARTA_LOGINS = {**settings.WARTA_LOGINS, "HASHING_SLOTS": 2, "SLOT_WAIT": 0}
    with (
        slots.hashing_slot() as first,
        slots.hashing_slot() as second,
        slots.hashing_slot() as third,
    ):
        assert (first, second, third) == (True, True, False)
