"""The copy of the demo that tests receive is the demo `load_demo` wrote, row for row."""

import pytest

from .snapshots import _read

pytestmark = pytest.mark.django_db


def test_copied_demo_has_every_row_load_demo_wrote(demo, demo_snapshot):
    """Each table the load changed holds exactly the kept rows after the copy, values and all."""
    assert {kept.table for kept in demo_snapshot.tables} >= {"news_articlepage", "wagtailcore_page"}
    for kept in demo_snapshot.tables:
        columns, rows = _read(kept.table)
        assert columns == kept.columns, kept.table
        assert sorted(map(repr, rows)) == sorted(map(repr, kept.rows)), kept.table
