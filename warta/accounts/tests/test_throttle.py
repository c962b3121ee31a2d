"""Sign-ins refused after repeated failures, per account and per address, for a delay that
doubles and ends by itself."""

import logging
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.translation import ngettext

from warta.accounts import throttle
from warta.accounts.models import LoginThrottle

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    """The throttle's clock, moved forward by the test."""
    moment = [timezone.now()]
    monkeypatch.setattr(throttle, "now", lambda: moment[0])

    def advance(seconds):
        moment[0] += timedelta(seconds=seconds)

    return advance


def fail(sign_in, username, times, address="203.0.113.5"):
    for _ in range(times):
        assert sign_in(username, "salah", address).status_code == 200


def test_account_is_refused_after_five_failures_without_checking_the_password(
    reporter, sign_in, password_checks
):
    """The sixth attempt, even with the right password, is refused with 429 unchecked."""
    fail(sign_in, "agus", 5)
    checked = len(password_checks)
    response = sign_in("agus", PASSWORD)
    assert response.status_code == 429
    assert int(response["Retry-After"]) == 60
    assert len(password_checks) == checked
    assert "_auth_user_id" not in response.client.session
    refusal = ngettext(
        "Too many failed sign-in attempts. Try again in %(minutes)d minute.",
        "Too many failed sign-in attempts. Try again in %(minutes)d minutes.",
        1,
    ) % {"minutes": 1}
    assert refusal in response.text


def test_account_is_refused_from_every_address(reporter, sign_in):
    """Changing address does not buy an account more attempts."""
    for number in range(5):
        sign_in("agus", "salah", f"198.51.100.{number}")
    assert sign_in("agus", PASSWORD, "192.0.2.77").status_code == 429


def test_names_differing_in_case_are_one_account(reporter, sign_in):
    """AGUS and agus share their count."""
    fail(sign_in, "AGUS", 3)
    fail(sign_in, "Agus", 2)
    assert sign_in("agus", PASSWORD).status_code == 429


def test_address_is_refused_after_twenty_failures_for_any_account(reporter, sign_in):
    """Trying many accounts from one address is refused too; other addresses are not."""
    for number in range(20):
        sign_in(f"tamu{number}", "salah", "203.0.113.9")
    assert sign_in("agus", PASSWORD, "203.0.113.9").status_code == 429
    assert sign_in("agus", PASSWORD, "203.0.113.10").status_code == 302


def test_ipv6_addresses_count_by_their_64_prefix(reporter, sign_in):
    """One subscriber's /64 is one address; the next /64 is another."""
    for number in range(20):
        sign_in(f"tamu{number}", "salah", f"2001:db8:0:1::{number + 1:x}")
    assert sign_in("agus", PASSWORD, "2001:db8:0:1::ffff").status_code == 429
    assert sign_in("agus", PASSWORD, "2001:db8:0:2::1").status_code == 302


def test_delay_doubles_with_each_failure_after_a_block(reporter, sign_in, clock):
    """60 s after the fifth failure, then 120 s after the sixth, then 240 s."""
    fail(sign_in, "agus", 5)
    clock(61)
    fail(sign_in, "agus", 1)
    refused = sign_in("agus", PASSWORD)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) == 120
    clock(121)
    fail(sign_in, "agus", 1)
    assert int(sign_in("agus", PASSWORD)["Retry-After"]) == 240


def test_delay_is_capped(settings):
    """The delay stops growing at MAX_DELAY (15 minutes)."""
    assert throttle.delay(1) == 60
    assert throttle.delay(4) == 480
    assert throttle.delay(5) == 900
    assert throttle.delay(500) == 900


def test_block_ends_by_itself_and_success_forgives_the_account(reporter, sign_in, clock):
    """After the delay the right password signs in, and the count starts again."""
    fail(sign_in, "agus", 5)
    clock(59)
    assert sign_in("agus", PASSWORD).status_code == 429
    clock(2)
    assert sign_in("agus", PASSWORD).status_code == 302
    assert not LoginThrottle.objects.filter(scope="account", key="agus").exists()
    client_logout = sign_in("agus", "salah")  # a new count: not refused
    assert client_logout.status_code == 200


def test_refused_attempts_do_not_lengthen_the_block(reporter, sign_in, clock):
    """Hammering while refused changes nothing: the block ends when it said."""
    fail(sign_in, "agus", 5)
    for _ in range(10):
        clock(5)
        assert sign_in("agus", "salah").status_code == 429
    clock(11)
    assert sign_in("agus", PASSWORD).status_code == 302


def test_failures_are_forgotten_after_a_day(reporter, sign_in, clock):
    """Four failures yesterday and one today do not block."""
    fail(sign_in, "agus", 4)
    clock(86_401)
    fail(sign_in, "agus", 1)
    assert sign_in("agus", PASSWORD).status_code == 302


def test_failures_and_refusals_are_logged_without_the_password(reporter, sign_in, caplog):
    """One line each: the account, the address and the counts; never the password."""
    caplog.set_level(logging.WARNING, logger="warta.accounts")
    fail(sign_in, "agus", 5)
    sign_in("agus", "rahasia-sekali")
    lines = [record.getMessage() for record in caplog.records]
    assert lines[0] == (
        "login failed (wrong password): account='agus' address=203.0.113.5 "
        "failures: account=1 address=1"
    )
    assert lines[4].endswith("; refused for 60 s (account)")
    assert lines[5] == (
        "login refused: account='agus' address=203.0.113.5 failures=5 (account) for 60 s more"
    )
    assert not any("salah" in line or "rahasia" in line for line in lines)
