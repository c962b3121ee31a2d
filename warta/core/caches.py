"""Every cache a worker process keeps in memory, registered in one place.

Each is bounded, named, and says what its keys are and what makes an entry out of date;
docs/architecture.md lists them all in one table (a test checks the table against this
registry), and `reset()` empties every one of them, which the tests do before each test.

A cache here is a `Memo` (a dict dropping its oldest entries past its bound), a function
memoised with `lru()`, or anything else with a `clear()` that registers itself with
`register()`. Stores shared between processes (the page cache, Django's cache) are not
kept in a worker; the table lists them too.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Registered:
    name: str
    key: str
    invalidated_by: str
    bound: str
    clear: Callable[[], None]


_registry: dict[str, Registered] = {}  # the registry itself: one entry per cache


def register(name: str, clear: Callable[[], None], *, key: str, invalidated_by: str, bound: str):
    """Add a cache to the registry, by a name unique in the project (a cache made again,
    such as a storage's when settings change in tests, takes its name over)."""
    _registry[name] = Registered(name, key, invalidated_by, bound, clear)


def registered() -> list[Registered]:
    return sorted(_registry.values(), key=lambda cache: cache.name)


def reset() -> None:
    """Empty every cache a worker keeps."""
    for cache in _registry.values():
        cache.clear()


class Memo:
    """A dict kept by a worker, holding at most `bound` entries: adding one past the
    bound drops the oldest (first added), so a worker that sees more keys than it keeps
    goes on reusing its recent ones instead of starting over."""

    def __init__(self, name: str, *, bound: int, key: str, invalidated_by: str):
        self.name, self.bound = name, bound
        self.entries: dict[Hashable, Any] = {}
        register(name, self.clear, key=key, invalidated_by=invalidated_by, bound=f"{bound:,}")

    def get(self, key: Hashable, default: Any = None) -> Any:
        return self.entries.get(key, default)

    def __setitem__(self, key: Hashable, value: Any) -> None:
        entries = self.entries
        if key not in entries:
            while len(entries) >= self.bound:
                try:
                    del entries[next(iter(entries))]
                except (StopIteration, KeyError, RuntimeError):  # another thread took it
                    break
        entries[key] = value

    def __getitem__(self, key: Hashable) -> Any:
        return self.entries[key]

    def __contains__(self, key: Hashable) -> bool:
        return key in self.entries

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Hashable]:
        return iter(self.entries)

    def pop(self, key: Hashable, default: Any = None) -> Any:
        return self.entries.pop(key, default)

    def clear(self) -> None:
        self.entries.clear()


def lru(name: str, *, maxsize: int, key: str, invalidated_by: str = "nothing: pure"):
    """`functools.lru_cache(maxsize)`, registered as `name`."""

    def decorate(function):
        memoised = functools.lru_cache(maxsize=maxsize)(function)
        register(
            name, memoised.cache_clear, key=key, invalidated_by=invalidated_by, bound=f"{maxsize:,}"
        )
        return memoised

    return decorate
