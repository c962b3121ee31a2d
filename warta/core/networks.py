"""The unit a per-address limit counts: one subscriber, whatever address it picks.

An IPv4 address is one subscriber (or one carrier-NAT crowd); an IPv6 subscriber is
given a whole /64 and may use any address in it, so limits count the /64. An
IPv4-mapped IPv6 address is its IPv4 address. Used by the counters' rate limits, the
render budget and the sign-in throttle.
"""

from __future__ import annotations

import ipaddress

from .caches import lru


# The same few addresses send most requests.
@lru("reader-networks", maxsize=4096, key="a client address")
def network_of(address: str) -> str:
    """The address, or an IPv6 address's /64; anything not an address is itself."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 4:
        return str(parsed)
    if parsed.ipv4_mapped:
        return str(parsed.ipv4_mapped)
    return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
