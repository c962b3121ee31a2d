"""The render budget: how many uncached pages one address may have rendered."""

import pytest

from warta.core import pagecache, render_budget
from warta.core.render_budget import RenderBudget
from warta.core.tests.test_pagecache import call
from warta.settings.env import Rate


@pytest.fixture
def clock(monkeypatch):
    now = [100.0]
    monkeypatch.setattr(render_budget.time, "monotonic", lambda: now[0])
    return now


def test_an_address_has_its_budget_then_waits_for_the_refill(clock):
    budget = RenderBudget(limit=3, seconds=60)
    assert [budget.allow("198.51.100.7") for _ in range(4)] == [True, True, True, False]
    assert budget.wait("198.51.100.7") == 20
    clock[0] += 20
    assert budget.allow("198.51.100.7")
    assert not budget.allow("198.51.100.7")


def test_addresses_have_their_own_budgets_and_an_ipv6_home_one_for_its_64(clock):
    budget = RenderBudget(limit=1, seconds=60)
    assert budget.allow("2001:db8:1:2::10")
    assert not budget.allow("2001:db8:1:2:ffff::1")  # the same /64
    assert budget.allow("2001:db8:1:3::10")
    assert budget.allow("198.51.100.8")


def test_the_budget_forgets_the_least_recently_seen_addresses_past_its_bound(clock):
    budget = RenderBudget(limit=1, seconds=60, max_addresses=2)
    for address in ("10.0.0.1", "10.0.0.2", "10.0.0.3"):
        assert budget.allow(address)
    assert len(budget) == 2
    assert budget.allow("10.0.0.1")  # forgotten, so a fresh budget


def echo_app(environ, start_response):
    """Stands for Django: a cacheable page per query string."""
    start_response("200 OK", [("Cache-Control", "public, max-age=60")])
    return [environ["QUERY_STRING"].encode()]


def from_address(app, address: str):
    return lambda environ, start_response: app({**environ, "REMOTE_ADDR": address}, start_response)


@pytest.fixture
def budgeted_app(settings, tmp_path):
    settings.WARTA_PAGE_CACHE = {
        **settings.WARTA_PAGE_CACHE,
        "REDIS_URL": "",
        "PATH": tmp_path / "pages.sqlite3",
        "RENDER_RATE": Rate(limit=3, seconds=60),
    }
    pagecache.reset_store()
    yield pagecache.PageCacheApp(echo_app)
    pagecache.reset_store()


def test_past_its_budget_an_address_gets_429_for_misses_and_still_its_hits(budgeted_app):
    """New searches from one address: three are rendered, the fourth is refused with
    Retry-After before anything renders; pages in the cache still answer, and another
    address still has its own renders."""
    flooder, other = from_address(budgeted_app, "203.0.113.5"), from_address(budgeted_app, "")
    for number in range(3):
        assert call(flooder, f"/cari/?q=kata{number}").status_code == 200
    refused = call(flooder, "/cari/?q=kata3")
    assert refused.status_code == 429
    assert int(refused.headers["retry-after"]) >= 1
    assert refused.headers["cache-control"] == "no-store"
    assert refused.text.strip()
    assert call(flooder, "/cari/?q=kata0").cache == "HIT"
    assert call(other, "/cari/?q=kata3").status_code == 200
