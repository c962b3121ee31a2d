"""Numbers and rates from the environment: clear errors that name the variable."""

import pytest

from warta.settings.env import Rate, SettingError, get_number, get_rate


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("60/10m", Rate(60, 600)), ("5/s", Rate(5, 1)), ("2000/h", Rate(2000, 3600))],
)
def test_rates_read_as_requests_per_period(monkeypatch, raw, expected):
    """`N/10m`, `N/s`, `N/h` are N requests per that period."""
    monkeypatch.setenv("WARTA_ENGAGEMENT_READER_RATE", raw)
    assert get_rate("WARTA_ENGAGEMENT_READER_RATE", "60/10m") == expected


@pytest.mark.parametrize("raw", ["lots", "0/10m", "60/0m", "60 per minute"])
def test_a_malformed_rate_stops_start_up_naming_the_variable(monkeypatch, raw):
    """A bad rate is a one-line error that says which variable and what is expected."""
    monkeypatch.setenv("WARTA_ENGAGEMENT_IP_RATE", raw)
    with pytest.raises(SettingError, match=r"^WARTA_ENGAGEMENT_IP_RATE: "):
        get_rate("WARTA_ENGAGEMENT_IP_RATE", "1200/10m")


def test_a_flush_interval_out_of_range_is_refused(monkeypatch):
    """The flush interval must be a number from 0.1 to 60 seconds."""
    monkeypatch.setenv("WARTA_ENGAGEMENT_FLUSH_SECONDS", "600")
    with pytest.raises(SettingError, match="from 0.1 to 60"):
        get_number("WARTA_ENGAGEMENT_FLUSH_SECONDS", 5, 0.1, 60)
    monkeypatch.setenv("WARTA_ENGAGEMENT_FLUSH_SECONDS", "soon")
    with pytest.raises(SettingError, match="expected a number"):
        get_number("WARTA_ENGAGEMENT_FLUSH_SECONDS", 5, 0.1, 60)
