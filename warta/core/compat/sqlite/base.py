"""Django's SQLite backend, tuned for the reader pages' queries.

Placeholders converted once per query text: Django writes parameters as %s and the
sqlite3 module wants ?, so Django's backend runs a regular expression over the whole SQL
text on every execution; on a page query that selects some sixty columns that took
0.1 ms, longer than SQLite took to answer it. The same texts come back on every request
(see warta.core.queries), so the converted text is kept per text.

Statements keep their plan whatever values they are run with (SQLite's query planner
stability guarantee, QPSG). Without it, a statement with a bound LIKE pattern, as Django
writes every `startswith` and `contains`, is prepared again each time it runs, in case
the pattern lets an index serve the LIKE: an article's page query took 0.43 ms, 0.36 ms
of it preparing the statement again. Django's LIKE ignores case, so on its indexes (which
compare bytes) SQLite never takes that way for it anyway.

Lists of stories read in their own order: see compiler.py.
"""

import sqlite3

from django.db.backends.sqlite3 import base, operations

from ...caches import lru

# The reader pages' query texts are a few kilobytes. A bulk insert's holds a row of
# placeholders per object, hundreds of kilobytes, and seldom comes back: a thousand of them
# kept would hold a long import's memory growing to hundreds of megabytes.
LONGEST_KEPT = 16 * 1024


class SQLiteCursorWrapper(base.SQLiteCursorWrapper):
    def convert_query(self, query, *, param_names=None):
        if param_names is None:
            return qmark_style(query) if len(query) <= LONGEST_KEPT else converted(query)
        return super().convert_query(query, param_names=param_names)


def converted(query: str) -> str:
    return base.FORMAT_QMARK_REGEX.sub("?", query).replace("%%", "%")


qmark_style = lru("sqlite-query-texts", maxsize=1024, key="an SQL text with %s placeholders")(
    converted
)


class DatabaseOperations(operations.DatabaseOperations):
    compiler_module = "warta.core.compat.sqlite.compiler"


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations

    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        connection.setconfig(sqlite3.SQLITE_DBCONFIG_ENABLE_QPSG, True)
        return connection

    def create_cursor(self, name=None):
        return self.connection.cursor(factory=SQLiteCursorWrapper)
