"""Forwarded headers believed from the operator's proxies only (WARTA_TRUSTED_PROXIES).

A reverse proxy tells the app who the reader is (`X-Forwarded-For`) and whether they
came over HTTPS (`X-Forwarded-Proto`). Anyone can send those headers, so this WSGI layer,
outside everything that reads a request, believes them only when the connection comes
from an address or network the operator named. Then the reader's address goes into
`REMOTE_ADDR` and the scheme into `wsgi.url_scheme` (which Django's `request.is_secure()`
reads, and the page cache keys on). In every case the forwarded headers are removed from
the environ: what is downstream (the page cache, the view beacon, Django) sees one address
and one scheme, never a header it might be tempted to believe. The host is never taken
from a header other than `Host`.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from collections.abc import Callable, Iterable

logger = logging.getLogger(__name__)

# Removed from every request: what a client may forge and something downstream might read.
FORWARDED_HEADERS = (
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_FORWARDED",
)
_IGNORED_HEADERS = FORWARDED_HEADERS[2:]  # removed unread
SCHEMES = {"http": "http", "https": "https"}
# X-Forwarded-For entries read from the right; past these, the chain is not followed.
MAX_HOPS = 16

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class TrustedProxiesApp:
    """WSGI layer: the reader's address and scheme from trusted proxies, else the
    connection's own; forwarded headers removed from every request."""

    def __init__(self, app: Callable, *, trusted: Iterable[str]):
        self.app = app
        networks = [ipaddress.ip_network(item, strict=False) for item in trusted]
        # Single addresses are compared as strings (the usual nginx on 127.0.0.1 and ::1);
        # only wider networks need an address parsed.
        self.hosts = frozenset(
            str(network.network_address) for network in networks if network.num_addresses == 1
        )
        self.networks: tuple[Network, ...] = tuple(n for n in networks if n.num_addresses > 1)
        self.warned = False

    def __call__(self, environ: dict, start_response: Callable):
        forwarded_for = environ.pop("HTTP_X_FORWARDED_FOR", None)
        forwarded_proto = environ.pop("HTTP_X_FORWARDED_PROTO", None)
        for header in _IGNORED_HEADERS:
            environ.pop(header, None)
        peer = environ.get("REMOTE_ADDR", "")
        if forwarded_for is None and forwarded_proto is None:
            pass
        elif self.trusts(peer):
            if forwarded_for:
                environ["REMOTE_ADDR"] = self.client(forwarded_for, peer)
            if forwarded_proto and (scheme := SCHEMES.get(forwarded_proto.strip().lower())):
                environ["wsgi.url_scheme"] = scheme
        elif not self.warned and looks_like_a_proxy(peer):
            self.warned = True  # once per worker: a hint, not a log line per request
            logger.warning(
                "Ignored X-Forwarded-For/-Proto from %s: not in WARTA_TRUSTED_PROXIES "
                "(behind nginx on this machine set WARTA_TRUSTED_PROXIES=127.0.0.1,::1)",
                peer,
            )
        return self.app(environ, start_response)

    def trusts(self, address: str) -> bool:
        """Whether `address` (as the server or a proxy wrote it) is a trusted proxy."""
        if address in self.hosts:
            return True
        if address.startswith("::ffff:") and address[7:] in self.hosts:
            return True  # an IPv4 peer on a dual-stack socket
        if not self.networks:
            return False
        try:
            parsed = ipaddress.ip_address(address)
        except ValueError:
            return False
        if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped:
            parsed = parsed.ipv4_mapped
        return any(parsed in network for network in self.networks)

    def client(self, forwarded_for: str, peer: str) -> str:
        """The reader: the rightmost X-Forwarded-For entry that is not a trusted proxy (each
        entry to its right was added by one), or the leftmost when all of them are. An entry
        that is no address ends the chain at the proxy that wrote it."""
        address = peer
        for hop in reversed(forwarded_for.rsplit(",", MAX_HOPS)[-MAX_HOPS:]):
            parsed = parse_address(hop)
            if parsed is None:
                break
            address = parsed
            if not self.trusts(address):
                break
        return address


def parse_address(text: str) -> str | None:
    """An address as proxies write it (`203.0.113.7`, `2001:DB8::1`, also with a port:
    `203.0.113.7:5123`, `[2001:db8::1]:5123`) in its canonical spelling (`2001:db8::1`, as
    `ipaddress` spells it); None for anything else. By the C library: `ipaddress` takes
    five times as long, on every request behind a proxy."""
    text = text.strip()
    if text.startswith("["):
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:
        text = text.partition(":")[0]
    for family in (socket.AF_INET, socket.AF_INET6):
        try:
            return socket.inet_ntop(family, socket.inet_pton(family, text))
        except (OSError, ValueError):  # ValueError: a NUL in the text
            continue
    return None


def looks_like_a_proxy(address: str) -> bool:
    """A loopback or private peer sending forwarded headers: most likely a proxy the
    operator forgot to name, not a reader."""
    if (canonical := parse_address(address)) is None:
        return False
    parsed = ipaddress.ip_address(canonical)
    return parsed.is_loopback or parsed.is_private
