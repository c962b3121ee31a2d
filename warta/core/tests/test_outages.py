"""A store's outage: one try per pause, one log line per interval, and the way back."""

import logging

import pytest

from warta.core import outages
from warta.core.outages import Outage


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(outages.time, "monotonic", lambda: now[0])
    return now


def test_a_failure_pauses_the_store_until_the_retry_time(clock):
    outage = Outage("store", logging.getLogger("test"), retry_after=2)
    assert outage.available()
    outage.failed(ConnectionError("refused"))
    assert not outage.available()
    clock[0] += 2
    assert outage.available()


def test_the_log_gets_one_line_per_interval_and_one_when_the_store_is_back(clock, caplog):
    outage = Outage("page cache (Redis)", logging.getLogger("test"), log_every=60)
    with caplog.at_level(logging.WARNING, logger="test"):
        for _ in range(100):
            outage.failed(ConnectionError("refused"))
            clock[0] += 1
        outage.recovered()
        outage.recovered()
    lines = [record.getMessage() for record in caplog.records]
    assert lines[0] == "page cache (Redis) unavailable: ConnectionError: refused"
    assert lines[1].startswith("page cache (Redis) still unavailable (60 failures in 60 s)")
    assert lines[2:] == ["page cache (Redis) is back"]
    assert outage.available()
