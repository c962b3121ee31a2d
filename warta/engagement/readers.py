"""Telling readers apart without keeping personal data (UU 27/2022).

A reader whose browser runs the page's script has a random first-party id: 128
random bits the script keeps in localStorage and sends as the cookie
`warta_reader`, whose path is `/api/engagement/`, so it reaches the engagement
endpoints and never a page (pages stay cacheable and no page response sets a
cookie). A reader without one (the no-JavaScript pixel) is told apart by their
network address and User-Agent.

Nothing of this is stored as such. What the shared store keeps for the 30-minute
"already seen" marks and the rate limits are keyed hashes made with the day's
random salt, which is deleted after a day; a reaction row keeps a keyed hash of
the random id (keyed with the site's secret key), never the id itself.
"""

from __future__ import annotations

import hashlib
import ipaddress
import re
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.crypto import salted_hmac

from warta.core.caches import lru
from warta.core.networks import network_of

READER_COOKIE = "warta_reader"
READER_COOKIE_PATH = "/api/engagement/"
READER_COOKIE_MAX_AGE = 365 * 24 * 3600
_READER_ID = re.compile(r"^[0-9a-f]{32}$")


def client_address(request: HttpRequest) -> str:
    """The reader's address: REMOTE_ADDR, which behind a proxy named in
    WARTA_TRUSTED_PROXIES the trusted-proxy layer (warta.core.proxies) has set from
    X-Forwarded-For; no forwarded header is read here."""
    return normalised_address(request.META.get("REMOTE_ADDR", ""))


@lru("reader-addresses", maxsize=4096, key="a client address as sent")
def normalised_address(address: str) -> str:
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return "unknown"


def new_reader_id() -> str:
    return secrets.token_hex(16)


def _digest(salt: bytes, material: str) -> str:
    return hashlib.blake2b(material.encode(), key=salt, digest_size=16).hexdigest()


@dataclass(frozen=True)
class Reader:
    """Who sent a request, held in memory only for the request."""

    random_id: str | None
    network: str
    agent: str

    @classmethod
    def from_request(cls, request: HttpRequest, use_id: bool = True) -> Reader:
        """The reader of a request; without `use_id`, by address and User-Agent only."""
        random_id = request.COOKIES.get(READER_COOKIE, "") if use_id else ""
        return cls(
            random_id=random_id if _READER_ID.match(random_id) else None,
            network=network_of(client_address(request)),
            agent=request.META.get("HTTP_USER_AGENT", "")[:512],
        )

    def key(self, salt: bytes) -> str:
        """The day's hash of this reader: of the random id, else of address and User-Agent."""
        if self.random_id:
            return _digest(salt, f"id:{self.random_id}")
        return _digest(salt, f"net:{self.network}\n{self.agent}")

    def network_key(self, salt: bytes) -> str:
        return _digest(salt, f"net:{self.network}")

    def lasting_key(self) -> str | None:
        """A hash that stays the same across days, for the reader's reactions; needs the id."""
        if not self.random_id:
            return None
        return lasting_key(self.random_id)


def lasting_key(random_id: str) -> str:
    return salted_hmac("warta.engagement.reader", random_id, algorithm="sha256").hexdigest()[:40]


def set_reader_cookie(response: HttpResponse, random_id: str) -> None:
    """Give a reader without JavaScript a first-party id (the script sets its own)."""
    response.set_cookie(
        READER_COOKIE,
        random_id,
        max_age=READER_COOKIE_MAX_AGE,
        path=READER_COOKIE_PATH,
        secure=settings.SESSION_COOKIE_SECURE,
        samesite="Lax",
    )
