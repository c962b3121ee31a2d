"""Riding out a shared store that went away (Redis, a disk that filled up).

A store that fails once usually fails for a while: trying it on every request would
make each reader wait for a connection timeout and write a traceback per request. An
`Outage` keeps the store's state for a process: after a failure, callers take their
fallback for `retry_after` seconds without trying; then one try goes through, and a
success ends the outage. The log gets one line when the outage starts, one per
`log_every` seconds while it lasts (with how many failures it saw), and one when the
store is back.

    redis_outage = Outage("page cache (Redis)", log)

    if redis_outage.available():
        try:
            page = store.get(key)
        except RedisError as error:
            redis_outage.failed(error)
        else:
            redis_outage.recovered()
"""

from __future__ import annotations

import logging
import threading
import time


class Outage:
    """One store's failures in this process: whether to try it now, and what to log."""

    def __init__(
        self, name: str, log: logging.Logger, *, retry_after: float = 2.0, log_every: float = 60.0
    ):
        self.name, self.log = name, log
        self.retry_after, self.log_every = retry_after, log_every
        self.down = False
        self._lock = threading.Lock()
        self._retry_at = 0.0
        self._logged_at = 0.0
        self._failures = 0

    def available(self) -> bool:
        """True when the store should be tried: it is up, or the pause is over."""
        return not self.down or time.monotonic() >= self._retry_at

    def failed(self, error: BaseException) -> None:
        """Note a failure: pause the store, and log when a line is due."""
        now = time.monotonic()
        with self._lock:
            self._failures += 1
            self._retry_at = now + self.retry_after
            if not self.down:
                self.down = True
                self._logged_at = now
                self._failures = 0
                self.log.error("%s unavailable: %s", self.name, _describe(error))
            elif now - self._logged_at >= self.log_every:
                self.log.error(
                    "%s still unavailable (%d failures in %.0f s): %s",
                    self.name,
                    self._failures,
                    now - self._logged_at,
                    _describe(error),
                )
                self._logged_at, self._failures = now, 0

    def recovered(self) -> None:
        """Note a success: an outage in progress ends, with a line in the log."""
        if not self.down:
            return
        with self._lock:
            if self.down:
                self.down = False
                self.log.warning("%s is back", self.name)


class StoreUnavailable(Exception):
    """A store the request needs cannot take a write now: answer 503, try again later.

    Raised by code that must not fall back (a count that would go unrecorded, a rate
    limit that cannot count); `warta.core.unavailable` turns it into the 503 answer."""


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}".strip().rstrip(":")
