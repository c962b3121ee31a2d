"""The SQLite backend: Django's, with each query's placeholders converted once."""

import pytest
from django.db import connection

from warta.core.sqlite.base import qmark_style
from warta.settings.env import get_database


def test_placeholders_become_question_marks_and_escaped_percents_stay():
    assert qmark_style("SELECT %s, '%%s', 'a%%' WHERE x = %s") == "SELECT ?, '%s', 'a%' WHERE x = ?"


def test_a_text_is_converted_once():
    query = "SELECT %s AS warta_once"
    qmark_style(query)
    hits = qmark_style.cache_info().hits
    qmark_style(query)
    assert qmark_style.cache_info().hits == hits + 1


def test_sqlite_databases_use_it(tmp_path):
    assert get_database("WARTA_TEST_UNSET_DATABASE", tmp_path / "w.sqlite3")["ENGINE"] == (
        "warta.core.sqlite"
    )


@pytest.mark.django_db
def test_queries_with_parameters_and_literal_percents_run():
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s || '%%', %s", ["50", 7])
        assert cursor.fetchone() == ("50%", 7)
