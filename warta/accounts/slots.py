"""At most ``HASHING_SLOTS`` password checks at once in each process.

A password hash is made to be slow (Argon2: tens of milliseconds of CPU and 100 MiB of
memory); with nothing bounding them, a flood of sign-in attempts kept every app thread
hashing and readers waited. A check that finds no slot free within ``SLOT_WAIT`` seconds
is not made: the sign-in answers 503 with Retry-After instead, and the thread goes back
to serving pages. Waiting longer would keep the thread as busy as hashing would.

The hashing itself runs in a thread of the lowest CPU priority (``at_low_priority``, used
by ``warta.accounts.hashers``): on a machine whose cores readers keep busy, a password
check waits for them instead of taking their CPU.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress

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


# Nice value of the thread that hashes: the kernel then gives it only the CPU that the
# threads serving pages leave (weight 15 against their 1024, Linux's scheduler).
HASHING_NICENESS = 19
_executor: ThreadPoolExecutor | None = None


def _lower_priority() -> None:
    # Linux: a thread's nice value is its own, and threads it starts (Argon2's lanes)
    # inherit it. Elsewhere this raises and the hashing keeps the normal priority.
    with suppress(OSError, AttributeError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), HASHING_NICENESS)


def at_low_priority[T](function: Callable[..., T], *args) -> T:
    """``function(*args)`` computed by this process's low-priority hashing thread; the
    calling thread waits (the hashing slot keeps that to one thread per slot)."""
    global _executor
    with _lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(
                max_workers=settings.WARTA_LOGINS["HASHING_SLOTS"],
                thread_name_prefix="warta-hashing",
                initializer=_lower_priority,
            )
        executor = _executor
    return executor.submit(function, *args).result()
