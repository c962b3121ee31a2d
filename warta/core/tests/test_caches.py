"""The registry of caches: every cache a worker keeps is bounded, listed and reset."""

import re
from pathlib import Path

from django.core.files.storage import storages
from django.template import engines

import warta.urls  # noqa: F401 - imports every view and what it uses
import warta.wsgi  # noqa: F401 - and the WSGI layers
from warta.core import caches
from warta.core.storage import StaticFilesStorage

ARCHITECTURE = Path(__file__).resolve().parents[3] / "docs" / "architecture.md"


def listed_in_the_docs() -> set[str]:
    text = ARCHITECTURE.read_text()
    table = text.split("Kept by each worker process:", 1)[1].split("\n\n", 2)[1]
    names = set()
    for row in table.splitlines()[2:]:
        names |= set(re.findall(r"`([a-zA-Z-]+)`", row.split("|")[1]))
    return names


def test_every_cache_a_worker_keeps_is_in_the_table_of_docs_architecture():
    engines["jinja2"]  # the template environment loads every app's template parts
    storages["default"]  # the media storage registers its file URLs when first made
    StaticFilesStorage()  # production's static files; tests serve them unhashed
    registered = {cache.name for cache in caches.registered()}
    made_here = {name for name in registered if name.startswith("test-")}  # below
    assert registered - made_here == listed_in_the_docs()


def test_every_cache_is_bounded():
    for cache in caches.registered():
        assert int(cache.bound.replace(",", "")) > 0, cache.name


def test_reset_empties_every_cache():
    memo = caches.Memo("test-memo", bound=3, key="a number", invalidated_by="nothing")
    squares = []

    @caches.lru("test-lru", maxsize=4, key="a number")
    def square(number: int) -> int:
        squares.append(number)
        return number * number

    memo[1] = "satu"
    assert square(3) == 9 and square(3) == 9 and squares == [3]
    caches.reset()
    assert len(memo) == 0
    assert square(3) == 9 and squares == [3, 3]  # worked out again


def test_a_memo_past_its_bound_drops_its_oldest_entries():
    memo = caches.Memo("test-bounded", bound=3, key="a number", invalidated_by="nothing")
    for number in range(5):
        memo[number] = str(number)
    assert list(memo) == [2, 3, 4]
    memo[3] = "tiga"  # a key already kept takes no room
    assert list(memo) == [2, 3, 4] and memo[3] == "tiga"
