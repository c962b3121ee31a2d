"""The SQLite backend (database-backends): Django's, with each query's placeholders
converted once, its plans kept, and pages of stories read story table first."""

import pytest
from django.db import connection
from django.db.backends.sqlite3 import base

from warta.core.compat.sqlite.base import LONGEST_KEPT, SQLiteCursorWrapper, qmark_style
from warta.news.factories import ArticlePageFactory, SectionPageFactory
from warta.news.models import ArticlePage
from warta.settings.env import get_database

shortcut = pytest.mark.shortcut("database-backends")


def test_placeholders_become_question_marks_and_escaped_percents_stay():
    assert qmark_style("SELECT %s, '%%s', 'a%%' WHERE x = %s") == "SELECT ?, '%s', 'a%' WHERE x = ?"


def test_django_converts_placeholders_as_warta_does():
    """What qmark_style keeps per text is what Django's cursor converts on each run."""
    query = "SELECT %s, '%%s', 'a%%' WHERE x = %s"
    assert base.FORMAT_QMARK_REGEX.sub("?", query).replace("%%", "%") == qmark_style(query)
    assert "param_names" in base.SQLiteCursorWrapper.convert_query.__code__.co_varnames


def test_sqlite_databases_use_it_unless_the_shortcut_is_off(tmp_path):
    path = tmp_path / "w.sqlite3"
    assert get_database("WARTA_TEST_UNSET_DATABASE", path)["ENGINE"] == "warta.core.compat.sqlite"
    stock = get_database("WARTA_TEST_UNSET_DATABASE", path, own_backends=False)
    assert stock["ENGINE"] == "django.db.backends.sqlite3"


def test_a_bulk_inserts_long_text_is_converted_but_not_kept():
    """Kept, the texts of a long import's bulk inserts would fill the worker's memory."""
    qmark_style.cache_clear()
    rows = ", ".join(["(%s, %s)"] * (LONGEST_KEPT // 8))
    long_text, short_text = "INSERT INTO t VALUES " + rows, "SELECT %s"  # noqa: S608
    cursor = SQLiteCursorWrapper.__new__(SQLiteCursorWrapper)  # convert_query reads no state
    assert cursor.convert_query(long_text) == long_text.replace("%s", "?")
    assert cursor.convert_query(short_text) == "SELECT ?"
    assert qmark_style.cache_info().currsize == 1


@pytest.mark.django_db
def test_queries_with_parameters_and_literal_percents_run():
    with connection.cursor() as cursor:
        cursor.execute("SELECT %s || '%%', %s", ["50", 7])
        assert cursor.fetchone() == ("50%", 7)


@shortcut
@pytest.mark.django_db
def test_a_page_of_stories_in_their_own_order_is_read_story_table_first():
    """Newest first and cut to a page: on SQLite a CROSS JOIN (it walks the stories'
    index), on PostgreSQL the plain join; the same stories in the same order either way."""
    stories = ArticlePageFactory.create_batch(5, parent=SectionPageFactory())
    newest = ArticlePage.objects.live().newest_first()
    hinted = connection.vendor == "sqlite"
    assert ('CROSS JOIN "wagtailcore_page"' in str(newest[:3].query)) is hinted
    expected = sorted(stories, key=lambda story: (story.published_at, story.pk), reverse=True)
    assert list(newest[:3]) == expected[:3]
    assert list(newest[1:4].values_list("pk", flat=True)) == [s.pk for s in expected[1:4]]
    # Not cut to a page, ordered by a column of the page table, or filtered by another
    # story column that its own index serves (the ticker): left to the planner.
    assert "CROSS JOIN" not in str(newest.query)
    assert "CROSS JOIN" not in str(ArticlePage.objects.order_by("title")[:3].query)
    assert "CROSS JOIN" not in str(ArticlePage.objects.breaking().newest_first()[:5].query)
    # Filters on the page table, the key and the ordering column keep the hint.
    older = newest.filter(path__startswith=stories[0].path[:-4]).exclude(pk=stories[0].pk)
    older = older.filter(published_at__lt=expected[0].published_at)
    assert ('CROSS JOIN "wagtailcore_page"' in str(older[:2].query)) is hinted
    newest_time = expected[0].published_at
    assert (
        list(older[:2])
        == [
            story for story in expected if story.published_at < newest_time and story != stories[0]
        ][:2]
    )


@shortcut
@pytest.mark.django_db
def test_a_statement_with_a_like_pattern_keeps_its_plan_between_runs():
    """SQLite prepares a statement with a bound LIKE pattern again on each run unless the
    planner is told to keep its plans; SQLite's authorizer is asked once per preparation."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's query planner only")
    query = "SELECT count(*) FROM wagtailcore_page WHERE path LIKE %s ESCAPE '\\'"
    prepared = []

    def authorizer(*args):
        prepared.append(args)
        return 0  # SQLITE_OK

    with connection.cursor() as cursor:
        connection.connection.set_authorizer(authorizer)
        try:
            cursor.execute(query, ["0001%"])  # prepared once more: a new authorizer
            assert prepared
            prepared.clear()
            for pattern in ["0001%", "00010001%", "0002%"]:
                cursor.execute(query, [pattern])
                assert cursor.fetchone()[0] >= 0
        finally:
            connection.connection.set_authorizer(None)
    assert prepared == []
