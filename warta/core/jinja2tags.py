"""The live date and time in the site header: rendered by the server, ticking in the browser."""

import datetime

from django.conf import settings
from django.utils import dates, timezone, translation
from jinja2.ext import Extension

from .caches import lru
from .jinja2 import date, inclusion


def site_clock(now=None) -> dict:
    """Render the current time in the site's time zone and the active language.

    The script that makes it tick gets the names of days and months from the
    page, so the browser's output is identical to the server's.
    """
    local = timezone.localtime(now or timezone.now())
    language = translation.get_language()
    return {
        "iso": local.isoformat(timespec="seconds"),
        # Django's "H:i:s T": the time with the zone's abbreviation (WIB).
        "text": f"{day_text(local.date(), language)} {local:%H:%M:%S} {local.tzname()}",
        "time_zone": settings.TIME_ZONE,
        "abbreviation": local.tzname(),
        **calendar_names(language),
    }


@lru("clock-days", maxsize=64, key="a date and a language")
def day_text(day: datetime.date, language: str) -> str:
    """The day as the clock shows it (Kamis, 28 Maret 2024): once per day and language."""
    with translation.override(language):
        return date(day, "DATE_FORMAT")


@lru("calendar-names", maxsize=8, key="a language")
def calendar_names(language: str) -> dict[str, str]:
    """Day names from Sunday and month names, in `language`: the same on every page."""
    with translation.override(language):
        return {
            "day_names": ",".join(str(dates.WEEKDAYS[(i - 1) % 7]) for i in range(7)),
            "month_names": ",".join(str(dates.MONTHS[i]) for i in range(1, 13)),
        }


class CoreExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        environment.globals["site_clock"] = inclusion("core/includes/clock.html", site_clock)
