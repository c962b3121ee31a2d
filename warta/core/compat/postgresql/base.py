"""Django's PostgreSQL backend, with a health check that costs no round trip.

Each worker thread keeps its connection between requests (CONN_MAX_AGE), and Django
checks that it still works before a request first uses it (CONN_HEALTH_CHECKS): with a
`SELECT 1`, a round trip to the server on every request, as long as one of the page's
own queries. A connection the server has closed since (a restart, an administrator's
`pg_terminate_backend`, an idle timeout) has something to read on its socket: the
server's farewell message or the end of the stream, where a healthy idle connection has
nothing. So the socket is looked at first, without waiting, and Django's `SELECT 1` is
sent only when there is something to read, the connection is not idle, or an error has
occurred on it.

psycopg also rewrites each query's parameter markers for the server, and remembers the
result only for a query under 4 kB: longer ones were rewritten on every run. A page's
own query (warta.news.routing), which brings what the page shows in its columns, is
over 4 kB (an article's, 4.3 kB); rewriting an 8 kB one took 60 µs of each render. The
limit is raised to 64 kB; psycopg still remembers 128 queries at most.
"""

import select

from django.db.backends.postgresql import base
from psycopg import _queries
from psycopg.pq import TransactionStatus

_queries.MAX_CACHED_STATEMENT_LENGTH = max(_queries.MAX_CACHED_STATEMENT_LENGTH, 65_536)


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self):
        connection = self.connection
        if connection is None or connection.closed or connection.broken:
            return False
        if self.errors_occurred or connection.info.transaction_status != TransactionStatus.IDLE:
            return super().is_usable()
        try:
            readable, _, _ = select.select([connection.fileno()], [], [], 0)
        except (OSError, ValueError):  # the socket is gone
            return False
        return not readable or super().is_usable()
