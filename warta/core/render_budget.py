"""How many pages one address may have rendered, when the page cache cannot answer.

A cache hit costs next to nothing; a miss costs a render, tens of milliseconds of CPU.
A client that sends query strings never sent before (new searches, made-up parameters
on pages that read them) turns every request into a render and takes the machine from
every other reader. Each worker process therefore gives each address (IPv6: its /64) a
budget of renders, refilled at WARTA_PAGE_CACHE_RENDER_RATE (default 300 a minute, room
for the many readers behind one carrier-NAT address); past it, a miss is answered 429
with Retry-After, before Django runs. Hits are never counted: readers of cached pages
behind the same address are not affected.

The budget lives in the worker's memory, like a token bucket per address: a process
forgets it when it stops, and each of a machine's workers keeps its own, so an address
may get up to that many times the rate. It bounds the damage of one client; a flood
from many addresses needs the limits of the proxy in front (docs/configuration.md).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

from .networks import network_of

# Addresses remembered at most; the least recently seen are forgotten first.
MAX_ADDRESSES = 50_000


class RenderBudget:
    """A token bucket per address: `limit` renders at once, refilled over `seconds`."""

    def __init__(self, limit: int, seconds: float, max_addresses: int = MAX_ADDRESSES):
        self.limit, self.per_second = limit, limit / seconds
        self.max_addresses = max_addresses
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        """How many addresses the budget remembers."""
        return len(self._buckets)

    def allow(self, address: str) -> bool:
        """Take one render from the address's budget; False when it has none left."""
        network, now = network_of(address), time.monotonic()
        with self._lock:
            tokens, then = self._buckets.pop(network, (self.limit, now))
            tokens = min(self.limit, tokens + (now - then) * self.per_second)
            allowed = tokens >= 1
            self._buckets[network] = (tokens - 1 if allowed else tokens, now)
            if len(self._buckets) > self.max_addresses:
                self._buckets.popitem(last=False)
        return allowed

    def wait(self, address: str) -> int:
        """Whole seconds until the address may have one more page rendered."""
        with self._lock:
            tokens, _then = self._buckets.get(network_of(address), (self.limit, 0.0))
        return max(1, int((1 - tokens) / self.per_second + 0.999))
