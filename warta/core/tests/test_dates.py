"""Dates, times and numbers as readers see them, in both languages and all Indonesian zones."""

from datetime import UTC, datetime

import pytest
from django.contrib.humanize.templatetags.humanize import intcomma
from django.http import HttpResponse
from django.template import Context, Template
from django.test import RequestFactory, override_settings
from django.utils import timezone, translation

from warta.core.jinja2tags import site_clock
from warta.core.middleware import NewsroomTimeZoneMiddleware

# 27 September 2019, 05:40 in Jakarta.
PUBLISHED = datetime(2019, 9, 26, 22, 40, tzinfo=UTC)
# 28 March 2024, 13:02:12 in Jakarta.
CLOCK = datetime(2024, 3, 28, 6, 2, 12, tzinfo=UTC)


def render_published(moment: datetime) -> str:
    return Template('{{ moment|date:"DATETIME_FORMAT" }}').render(Context({"moment": moment}))


@pytest.mark.parametrize(
    ("zone", "language", "expected"),
    [
        ("Asia/Jakarta", "id", "Jumat, 27 September 2019 - 05:40 WIB"),
        ("Asia/Makassar", "id", "Jumat, 27 September 2019 - 06:40 WITA"),
        ("Asia/Jayapura", "id", "Jumat, 27 September 2019 - 07:40 WIT"),
        ("Asia/Jakarta", "en", "Friday, 27 September 2019 - 05:40 WIB"),
        ("Asia/Makassar", "en", "Friday, 27 September 2019 - 06:40 WITA"),
        ("Asia/Jayapura", "en", "Friday, 27 September 2019 - 07:40 WIT"),
    ],
)
def test_publication_date_uses_language_and_zone(zone, language, expected):
    """A publication time reads as the newsroom writes it, in the site's zone and language."""
    with translation.override(language), timezone.override(zone):
        assert render_published(PUBLISHED) == expected


@pytest.mark.parametrize(
    ("zone", "language", "expected"),
    [
        ("Asia/Jakarta", "id", "Kamis, 28 Maret 2024 13:02:12 WIB"),
        ("Asia/Makassar", "id", "Kamis, 28 Maret 2024 14:02:12 WITA"),
        ("Asia/Jayapura", "id", "Kamis, 28 Maret 2024 15:02:12 WIT"),
        ("Asia/Jakarta", "en", "Thursday, 28 March 2024 13:02:12 WIB"),
        ("Asia/Jayapura", "en", "Thursday, 28 March 2024 15:02:12 WIT"),
    ],
)
def test_header_clock_text(zone, language, expected):
    """The header clock shows weekday, date and time with the zone's abbreviation."""
    with translation.override(language), override_settings(TIME_ZONE=zone):
        timezone.activate(zone)
        try:
            assert site_clock(CLOCK)["text"] == expected
        finally:
            timezone.deactivate()


def test_clock_gives_the_browser_names_in_the_page_language():
    """The ticking script gets day and month names from the page, Sunday first."""
    with translation.override("id"):
        clock = site_clock(CLOCK)
    assert clock["day_names"].split(",")[:2] == ["Minggu", "Senin"]
    assert clock["month_names"].split(",")[2] == "Maret"
    assert clock["time_zone"] == "Asia/Jakarta"
    assert clock["abbreviation"] == "WIB"


@pytest.mark.parametrize(("language", "expected"), [("id", "1.234.567"), ("en", "1,234,567")])
def test_counts_use_the_language_thousand_separator(language, expected):
    """Large counts group thousands the way the reader's language does."""
    with translation.override(language):
        assert intcomma(1234567) == expected


@override_settings(TIME_ZONE="Asia/Makassar")
def test_a_request_has_the_newsroom_zone_active_and_leaves_none_behind():
    """The zone is made active for the request (found at once, not as the default after a
    failed lookup: see the middleware), and is no longer active after it."""
    seen = []

    def view(request):
        seen.append(str(timezone.get_current_timezone()))
        return HttpResponse()

    NewsroomTimeZoneMiddleware(view)(RequestFactory().get("/"))
    assert seen == ["Asia/Makassar"]
    with override_settings(TIME_ZONE="Asia/Jayapura"):  # none left active to hide it
        assert str(timezone.get_current_timezone()) == "Asia/Jayapura"
