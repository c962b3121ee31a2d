"""Every use of a private API of Django, Wagtail, Jinja2 or psycopg, in one place.

A few reader-page shortcuts go past the public APIs of the libraries under Warta, each
because a measurement showed that it pays (docs/performance.md). Every one of them:

- lives in this package, and nothing else in Warta touches a private API (the layout
  test, warta/core/tests/test_layout.py, reads the code to hold that);
- rests on assumptions about its library that tests pin (warta/core/compat/tests/),
  so that a release changing one fails loudly in CI rather than on a reader's page;
- has a stock path: the setting WARTA_SHORTCUTS (settings/base.py) names the shortcuts
  taken, `WARTA_SHORTCUTS=off` takes none, and CI runs the whole suite both ways.

The shortcuts, by the names WARTA_SHORTCUTS knows them by:

- database-backends (`sqlite/`, `postgresql/`): SQLite converts each query text once,
  keeps its plans and reads pages of stories story table first; PostgreSQL checks a
  kept connection's health without a round trip, and psycopg remembers the rewrite of
  the long page queries.
- prepared-queries (`orm.CompiledQuery`): hot queries compiled to SQL once per
  process and run with new values.
- union-of-lists (`orm.sql_of`): short lists of stories united in one subquery.
- pages-from-rows (`orm.page_from_row`): stored pages built by Django's constructor
  alone.
- jinja2-printing (`jinja2.py`): printed values escaped to plain text, template
  globals as one dict.
- site-memo (`wagtail.py`): each worker's sites, with their home pages, looked up
  every 10 seconds.
- view-beacon-layer (`handlers.py`): the view beacon answered in front of Django's
  request handling.
- search-index-count (`wagtail.py`): PostgreSQL counts search matches in Wagtail's
  index table.
"""

from django.conf import settings


def on(name: str) -> bool:
    """Whether the shortcut `name` is taken (settings.WARTA_SHORTCUTS)."""
    return name in settings.WARTA_SHORTCUTS
