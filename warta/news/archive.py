"""Periods of the site's calendar, for the date archives (/arsip/2019/09/27/)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date, datetime, time, timedelta

from django.utils import timezone
from django.utils.formats import date_format

from warta.core.addresses import reverse

# The years whose days start and end within Python's calendar in any time zone: the first
# midnight of year 1 is year 0 in UTC east of Greenwich, year 9999's end is year 10000.
FIRST_YEAR, LAST_YEAR = MINYEAR + 1, MAXYEAR - 1


@dataclass(frozen=True)
class ArchivePeriod:
    """A year, month or day of the site's calendar (`WARTA_TIME_ZONE`), for date archives.

    A story published at 00:30 WIB belongs to that WIB day even though it is still the
    previous day in UTC, where the database keeps the time.
    """

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def from_parts(
        cls, year: int, month: int | None = None, day: int | None = None
    ) -> ArchivePeriod | None:
        """The period, or None where no such date exists (month 13, 30 February) or
        outside the years the archive's calendar holds (FIRST_YEAR to LAST_YEAR)."""
        if not FIRST_YEAR <= year <= LAST_YEAR:
            return None
        try:
            date(year, month or 1, day or 1)
        except ValueError:
            return None
        return cls(year, month, day)

    def __str__(self) -> str:
        """As a reader names it, in the active language: "September 2019"."""
        if self.day:
            return date_format(self.first_day, "DATE_FORMAT")
        if self.month:
            return date_format(self.first_day, "YEAR_MONTH_FORMAT")
        return str(self.year)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def next_first_day(self) -> date:
        if self.day:
            return self.first_day + timedelta(days=1)
        if self.month:
            return date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return date(self.year + 1, 1, 1)

    @property
    def start(self) -> datetime:
        return _local_midnight(self.first_day)

    @property
    def end(self) -> datetime:
        return _local_midnight(self.next_first_day)

    @property
    def parent(self) -> ArchivePeriod | None:
        if self.day:
            return ArchivePeriod(self.year, self.month)
        if self.month:
            return ArchivePeriod(self.year)
        return None

    def get_absolute_url(self) -> str:
        if self.day:
            return reverse("news:archive_day", self.year, f"{self.month:02}", f"{self.day:02}")
        if self.month:
            return reverse("news:archive_month", self.year, f"{self.month:02}")
        return reverse("news:archive_year", self.year)


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())
