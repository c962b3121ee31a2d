"""The reader's search form: words, a section, a date range and an order, all from the URL."""

from __future__ import annotations

import re
from datetime import date

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from warta.core.converters import parse_number
from warta.news.archive import FIRST_YEAR, LAST_YEAR
from warta.news.models import SectionPage

# Long enough for any real query; longer ones are refused with HTTP 400.
MAX_QUERY_LENGTH = 100
ISO_DATE = "%Y-%m-%d"
ISO_DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# A day's start and end must exist in every time zone, as the archive's periods do.
OUTSIDE_CALENDAR = _("There is no such date in the archive's calendar.")
CALENDAR_VALIDATORS = [
    MinValueValidator(date(FIRST_YEAR, 1, 1), message=OUTSIDE_CALENDAR),
    MaxValueValidator(date(LAST_YEAR, 12, 31), message=OUTSIDE_CALENDAR),
]


class IsoDateInput(forms.DateInput):
    """A date picker; a malformed date is not echoed back (it is no valid `value`)."""

    input_type = "date"

    def __init__(self):
        super().__init__(format=ISO_DATE)

    def format_value(self, value):
        if isinstance(value, str) and not ISO_DATE_TEXT.fullmatch(value):
            return None
        return super().format_value(value)


class SectionChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        # An id the database cannot hold (SQLite raises on one) is no section either.
        if value not in self.empty_values and parse_number(str(value)) is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)

    def label_from_instance(self, section: SectionPage) -> str:
        # Subsections are indented under their parent in the menu (Daerah, – Pati).
        return "– " * max(section.depth - 3, 0) + section.title


class SearchForm(forms.Form):
    """Field names are the URL's parameters: /cari/?q=banjir&section=4&from=2024-01-01."""

    q = forms.CharField(
        label=_("Search for"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _(
                "The search is too long: at most %(limit_value)d characters, "
                "it has %(show_value)d. Use fewer words."
            )
        },
        widget=forms.TextInput(attrs={"type": "search", "maxlength": MAX_QUERY_LENGTH}),
    )
    section = SectionChoiceField(
        label=_("Section"),
        required=False,
        queryset=SectionPage.objects.live().order_by("path"),
        empty_label=_("All sections"),
        error_messages={"invalid_choice": _("There is no such section.")},
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[("", _("Best match first")), ("newest", _("Newest first"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "from" is a Python keyword, so the date fields are added by name.
        for name, label in (("from", _("From")), ("to", _("Until"))):
            self.fields[name] = forms.DateField(
                label=label,
                required=False,
                input_formats=[ISO_DATE],
                validators=CALENDAR_VALIDATORS,
                widget=IsoDateInput(),
                error_messages={"invalid": _("Enter a date as year-month-day, e.g. 2024-03-28.")},
            )
        self.order_fields(["q", "section", "from", "to", "sort"])

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("from"), cleaned_data.get("to")
        if start and end and start > end:
            self.add_error("to", _("The end date is before the start date."))
        return cleaned_data
