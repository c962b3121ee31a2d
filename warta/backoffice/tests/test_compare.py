"""Revisions compared in the admin show yes/no fields in the admin's language."""

import pytest
from django.utils import translation
from wagtail.admin.panels import FieldPanel

from warta.news.models import ArticlePage

pytestmark = pytest.mark.django_db


def compare_breaking(before: bool, after: bool, language: str) -> str:
    panel = FieldPanel("is_breaking").bind_to_model(ArticlePage)
    field = ArticlePage._meta.get_field("is_breaking")
    comparison = panel.get_comparison_class()(
        field, ArticlePage(is_breaking=before), ArticlePage(is_breaking=after)
    )
    with translation.override(language):
        return comparison.htmldiff()


def test_an_unchanged_flag_reads_yes_or_no_in_the_admin_language():
    """An unchanged yes/no field reads "Ya" in Indonesian and "Yes" in English, never True."""
    assert compare_breaking(True, True, "id") == "Ya"
    assert compare_breaking(True, True, "en") == "Yes"


def test_a_changed_flag_shows_what_it_was_and_what_it_is():
    """A changed yes/no field shows the old answer struck out and the new one added."""
    html = compare_breaking(False, True, "id")
    assert "Tidak" in html and "Ya" in html and "False" not in html
