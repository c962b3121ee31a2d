"""How many replies one address may send: WARTA_REPLIES["RATE"], counted in the engagement
counters' shared store (Redis, or the SQLite file every worker shares), keyed by the day's
hash of the address, so no address is kept."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest

from warta.core.clock import newsroom_now
from warta.engagement import counters
from warta.engagement.readers import Reader

LIMITED = "reply_limited"


def windows(reader: Reader, store) -> list[counters.Window]:
    """The address's window under today's salt, and yesterday's while the window may still
    hold replies sent before midnight."""
    rate = settings.WARTA_REPLIES["RATE"]
    now = newsroom_now()
    days = [now.date()]
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if (now - midnight).total_seconds() < rate.seconds:
        days.append(now.date() - timedelta(days=1))
    return [
        counters.Window(
            f"hj:{reader.network_key(store.salt(day))}", rate.seconds, rate.limit, LIMITED
        )
        for day in days
    ]


def admit_reply(request: HttpRequest) -> bool:
    """Count a reply from the request's address; False when the address is over its rate."""
    store = counters.get_backend()
    reader = Reader.from_request(request, use_id=False)
    return store.admit(windows(reader, store), None) != LIMITED
