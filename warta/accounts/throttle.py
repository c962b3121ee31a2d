"""Refuse sign-in attempts after repeated failures, per account and per address, for a
delay that doubles with each further failure and ends by itself.

An account (its name, lower-cased) may fail ``ACCOUNT_FAILURES`` times and an address
``ADDRESS_FAILURES`` times (an IPv6 address counts as its /64: one subscriber's many
addresses). The failure that reaches the limit blocks the key for ``FIRST_DELAY`` seconds;
each failure after a block has ended blocks it again for twice as long, up to
``MAX_DELAY``. While blocked, attempts are refused without looking at the password, so
they cost no hashing and do not lengthen the block. A key with no failure for
``FORGET_AFTER`` seconds starts again from nothing, and a successful sign-in forgives the
account (not the address, which an attacker with one valid account could otherwise clear).
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from warta.core.networks import network_of

from .models import LoginThrottle

logger = logging.getLogger("warta.accounts")


def now() -> datetime:
    return timezone.now()


def rules() -> dict:
    return settings.WARTA_LOGINS


def account_key(username: str) -> str:
    """Names differing only in case are one account for counting."""
    return username.strip().lower()[:150]


def address_key(address: str) -> str:
    """The address as counted: IPv4 whole, IPv6 by its /64."""
    return network_of(address)[:64] or "-"


def client_address(request) -> str:
    """The client's address, as the layers in front of Django put it in REMOTE_ADDR."""
    return request.META.get("REMOTE_ADDR", "")


@dataclass(frozen=True)
class Refusal:
    """Attempts are refused for ``seconds`` more, because of ``scope``'s failures."""

    scope: str
    failures: int
    seconds: int


def _keys(username: str, address: str) -> list[tuple[str, str]]:
    keys = [(LoginThrottle.ADDRESS, address_key(address))]
    if account := account_key(username):
        keys.insert(0, (LoginThrottle.ACCOUNT, account))
    return keys


def refusal(username: str, address: str) -> Refusal | None:
    """Whether an attempt for this account from this address is to be refused now: the
    longest block in force on either, or None."""
    moment = now()
    longest = None
    for scope, key in _keys(username, address):
        row = LoginThrottle.objects.filter(scope=scope, key=key, blocked_until__gt=moment)
        row = row.values_list("failures", "blocked_until").first()
        if row is None:
            continue
        seconds = math.ceil((row[1] - moment).total_seconds())
        if longest is None or seconds > longest.seconds:
            longest = Refusal(scope, row[0], seconds)
    return longest


def delay(strikes: int) -> float:
    """The block after the limit was reached ``strikes`` times: doubling, capped."""
    first, cap = rules()["FIRST_DELAY"], rules()["MAX_DELAY"]
    return min(first * 2 ** min(strikes - 1, 32), cap)


def _count_failure(scope: str, key: str, limit: int, moment: datetime) -> LoginThrottle:
    with transaction.atomic():
        row, _created = LoginThrottle.objects.select_for_update().get_or_create(
            scope=scope, key=key, defaults={"last_failure_at": moment}
        )
        forgotten = moment - row.last_failure_at > timedelta(seconds=rules()["FORGET_AFTER"])
        if forgotten:
            row.failures, row.strikes, row.blocked_until = 0, 0, None
        row.failures += 1
        row.last_failure_at = moment
        if row.failures >= limit:
            row.strikes += 1
            row.blocked_until = moment + timedelta(seconds=delay(row.strikes))
        row.save()
    return row


def failure(username: str, address: str, *, what: str = "password") -> Refusal | None:
    """Count a failed attempt (a wrong ``password`` or two-step ``code``) for the account
    and the address, log it, and return the block it started, if any."""
    moment = now()
    counts = {}
    started = None
    limits = {
        LoginThrottle.ACCOUNT: rules()["ACCOUNT_FAILURES"],
        LoginThrottle.ADDRESS: rules()["ADDRESS_FAILURES"],
    }
    forget_old()  # keeps the table as small as the failures of the last FORGET_AFTER
    for scope, key in _keys(username, address):
        row = _count_failure(scope, key, limits[scope], moment)
        counts[scope] = row.failures
        if row.blocked_until and row.blocked_until > moment:
            seconds = math.ceil((row.blocked_until - moment).total_seconds())
            if started is None or seconds > started.seconds:
                started = Refusal(scope, row.failures, seconds)
    logger.warning(
        "login failed (wrong %s): account=%r address=%s failures: account=%s address=%s%s",
        what,
        account_key(username),
        address or "-",
        counts.get(LoginThrottle.ACCOUNT, "-"),
        counts.get(LoginThrottle.ADDRESS, "-"),
        f"; refused for {started.seconds} s ({started.scope})" if started else "",
    )
    return started


def log_refusal(username: str, address: str, refused: Refusal) -> None:
    logger.warning(
        "login refused: account=%r address=%s failures=%s (%s) for %s s more",
        account_key(username),
        address or "-",
        refused.failures,
        refused.scope,
        refused.seconds,
    )


def success(username: str) -> None:
    """A sign-in succeeded: the account's failures are forgiven."""
    if key := account_key(username):
        LoginThrottle.objects.filter(scope=LoginThrottle.ACCOUNT, key=key).delete()


def forget_old() -> int:
    """Remove rows with no failure for FORGET_AFTER seconds and no block in force."""
    cutoff = now() - timedelta(seconds=rules()["FORGET_AFTER"])
    deleted, _by_model = (
        LoginThrottle.objects.filter(last_failure_at__lt=cutoff)
        .exclude(blocked_until__gt=now())
        .delete()
    )
    return deleted
