"""Django's Redis cache, riding out a Redis that went away.

Django's `RedisCache` raises on every call while Redis is down, so each page that reads
the cache answers 500. `OutageTolerantRedisCache` treats a connection error or a timeout
as a miss instead: a read gives the default, a write stores nothing (`add` and `touch`
answer False, `set_many` names every key as not stored), and the page is rendered from
the database as on a cold cache. After a failure the cache is not tried for
`RETRY_AFTER` seconds (a `warta.core.outages.Outage`, one log line per interval); the
next try that succeeds ends the outage, so Redis coming back is picked up without a
restart. Removals (`delete`, `delete_many`, `clear`) are always tried: they are rare
(staff changes) and a stale value is worse than a wasted attempt.

`incr` and `decr` are the exception: they raise `CacheUnavailable`. A counter kept in
the cache is usually a rate limit, and a rate limit that cannot count must refuse, not
let everything through: `warta.core.unavailable` answers the request with a 503.

Django's asynchronous methods (`aget`, `aset`, ...) run these through `sync_to_async`,
so they behave alike.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .outages import Outage, StoreUnavailable

log = logging.getLogger(__name__)

# What a Redis that stopped, restarts or does not answer in time raises.
UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)
DEFAULT_RETRY_AFTER = 2.0


class CacheUnavailable(StoreUnavailable):
    """The cache cannot count now: a caller relying on the count must refuse."""


_outages: dict[tuple, Outage] = {}
_outages_lock = threading.Lock()


def cache_outage(servers: tuple[str, ...], retry_after: float) -> Outage:
    """The process's outage state for a Redis location, shared by every thread's cache."""
    key = (servers, retry_after)
    if (outage := _outages.get(key)) is None:
        with _outages_lock:
            outage = _outages.setdefault(
                key, Outage("Django's cache (Redis)", log, retry_after=retry_after)
            )
    return outage


class OutageTolerantRedisCache(RedisCache):
    """Django's `RedisCache`; while Redis is unreachable, a cache that holds nothing.

    Settings as Django's, plus `RETRY_AFTER` (seconds before a failed Redis is tried
    again, default 2). Give it short socket timeouts in `OPTIONS`
    (`socket_connect_timeout`, `socket_timeout`) so a Redis that does not answer costs
    milliseconds, not the operating system's connect timeout.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        retry_after = float(params.get("RETRY_AFTER", DEFAULT_RETRY_AFTER))
        servers = re.split("[;,]", server) if isinstance(server, str) else server
        self.outage = cache_outage(tuple(servers), retry_after)

    def _attempt(self, call: Callable, fallback: Any, *args, always: bool = False) -> Any:
        if not (always or self.outage.available()):
            return fallback
        try:
            result = call(*args)
        except UNAVAILABLE as error:
            self.outage.failed(error)
            return fallback
        self.outage.recovered()
        return result

    def get(self, key, default=None, version=None):
        return self._attempt(super().get, default, key, default, version)

    def get_many(self, keys, version=None):
        return self._attempt(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._attempt(super().has_key, False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._attempt(super().set, None, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().add, False, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().set_many, list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._attempt(super().delete, False, key, version, always=True)

    def delete_many(self, keys, version=None):
        self._attempt(super().delete_many, None, keys, version, always=True)

    def clear(self):
        return self._attempt(super().clear, False, always=True)

    def incr(self, key, delta=1, version=None):
        unavailable = object()
        result = self._attempt(super().incr, unavailable, key, delta, version)
        if result is unavailable:
            raise CacheUnavailable(f"cannot count {key!r}: Redis is unavailable")
        return result

    # decr is Django's: incr with -delta.
