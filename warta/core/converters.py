"""The kinds of value a Warta address carries, one rule each, for every urls.py.

A path segment is the first hostile input a server sees, so each kind is matched
strictly enough that what reaches a view can always be looked up: no NUL byte
(PostgreSQL refuses one in a query), no number beyond the database's 64-bit integers
(SQLite refuses one; Python refuses to parse more than 4,300 digits). An address that
does not match is answered 404 as any unknown address. Registered once, when
`warta.core` is ready, before the URL configuration is read.
"""

from __future__ import annotations

import re

from django.urls import register_converter

# The largest id PostgreSQL's bigint and SQLite's INTEGER hold.
MAX_NUMBER = 2**63 - 1
NUMBER_PATTERN = "[0-9]{1,19}"
# A slug as Django's unicode slug validator allows it: letters of any script, digits, "-", "_".
SLUG_PATTERN = r"[-\w]+"


def parse_number(text: str) -> int | None:
    """The number an address segment names (ASCII digits, within 64 bits), else None."""
    if not re.fullmatch(NUMBER_PATTERN, text):
        return None
    number = int(text)
    return number if number <= MAX_NUMBER else None


class NumberConverter:
    """`<number:article_id>`: an id or a page number, 0 to 2**63 - 1."""

    regex = NUMBER_PATTERN

    def to_python(self, value: str) -> int:
        number = parse_number(value)
        if number is None:
            raise ValueError(f"{value!r} is beyond the database's integers")
        return number

    def to_url(self, value: int) -> str:
        return str(value)


class SlugConverter:
    """`<slug_text:slug>`: a tag's, a reporter's or a page's slug, in any script."""

    regex = SLUG_PATTERN

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class SlugPathConverter(SlugConverter):
    """`<slug_path:section_path>`: slugs joined by "/", as a section's address below the
    home page (daerah/pati)."""

    regex = rf"{SLUG_PATTERN}(?:/{SLUG_PATTERN})*"


def register() -> None:
    register_converter(NumberConverter, "number")
    register_converter(SlugConverter, "slug_text")
    register_converter(SlugPathConverter, "slug_path")
