"""At most ``HASHING_SLOTS`` password checks at once in each process.

A password hash is made to be slow (Argon2: tens of milliseconds of CPU and 100 MiB of
memory); with nothing bounding them, a flood of sign-in attempts kept every app thread
hashing and readers waited. A check that finds no slot free within ``SLOT_WAIT`` seconds
is not made: the sign-in answers 503 with Retry-After instead, and the thread goes back
to serving pages. Waiting longer would keep the thread as busy as hashing would.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings

_lock = threading.Lock()
_slots: tuple[int, threading.BoundedSemaphore] | None = None


def _semaphore() -> threading.BoundedSemaphore:
    global _slots
    count = settings.WARTA_LOGINS["HASHING_SLOTS"]
    with _lock:
        if _slots is None or _slots[0] != count:
            _slots = (count, threading.BoundedSemaphore(count))
        return _slots[1]


@contextmanager
def hashing_slot() -> Iterator[bool]:
    """Yields whether a slot was had; it is given back on leaving the block."""
    semaphore = _semaphore()
    got = semaphore.acquire(timeout=settings.WARTA_LOGINS["SLOT_WAIT"])
    try:
        yield got
    finally:
        if got:
            semaphore.release()
