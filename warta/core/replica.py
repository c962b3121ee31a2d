"""Reader pages read from a replica of the database (`WARTA_DATABASE_REPLICA_URL`).

With a replica configured (a PostgreSQL standby streaming from the primary), the queries
of an anonymous reader's GET or HEAD that reaches Django — a page the page cache did not
hold — go to the replica. Everything else goes to the primary: every request with a
session cookie (the staff) or under /admin/, every other method, every read made after a
request's first write, and whatever runs outside a reader's request: the view beacon
(a WSGI layer in front of Django) and the counters' flushes, the task worker, management
commands, `/readyz`, background threads.

`ReplicaReadsMiddleware` decides per request and holds the answer in a context variable
of the request's thread; `ReplicaRouter`, the one entry of DATABASE_ROUTERS, reads it.

Replication lag: a publication commits on the primary and purges the page cache, and the
next reader's render could read the replica before it has replayed that commit, and the
page cache would keep the old page for an hour. So before it sends a request to the
replica the middleware reads the content generation (`warta.core.generation`, which every
change to published content increments in its own transaction) on both databases: a
replica behind the primary's number serves no reader until it has caught up, and the
request reads from the primary. What a worker keeps is stamped with the number of the
database it read (`generation.read`), so nothing read from a lagging replica outlives
it. Changes that do not count as content (view counts, reactions, old WordPress
addresses kept by an import) reach readers a replication lag later.

A replica that fails is left alone for `RETRY_AFTER` seconds, readers read from the
primary meanwhile, and the log says so once (`warta.core.outages`). `/readyz` reports
it (`warta.core.health`).
"""

from __future__ import annotations

import logging
from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import DEFAULT_DB_ALIAS, connections

from . import generation
from .outages import Outage
from .unavailable import DATABASE_ERRORS

log = logging.getLogger(__name__)

REPLICA = "replica"
# Seconds a replica that failed is left alone before a reader's request tries it again.
RETRY_AFTER = 10.0
STAFF_AREA = "/admin/"

# True while the request being handled in this thread may read from the replica.
reads_from_replica: ContextVar[bool] = ContextVar("warta_reads_from_replica", default=False)
replica_outage = Outage(
    "Database replica (readers read from the primary)", log, retry_after=RETRY_AFTER
)


class ReplicaRouter:
    """Reads to the replica while `reads_from_replica` is set; writes, and reads after the
    request's first write (it reads what it wrote), to the primary. Migrations run on the
    primary only: the replica has them by replication."""

    def db_for_read(self, model, **hints) -> str:
        return REPLICA if reads_from_replica.get() else DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints) -> str:
        if reads_from_replica.get():
            reads_from_replica.set(False)  # the middleware resets it with the request
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints) -> bool | None:
        # The same rows on both: an object read from the replica may refer to one read from
        # the primary.
        both = {DEFAULT_DB_ALIAS, REPLICA}
        return True if {obj1._state.db, obj2._state.db} <= both else None

    def allow_migrate(self, db, app_label, **hints) -> bool | None:
        return False if db == REPLICA else None


def is_reader_request(request) -> bool:
    """An anonymous reader's GET or HEAD: no session cookie, outside the staff area."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path_info.startswith(STAFF_AREA)
    )


def replica_caught_up() -> tuple[bool, int]:
    """Whether the replica holds every content change the primary has, and the content
    generation the request is to read at (the replica's or the primary's). A replica that
    fails, or failed within `RETRY_AFTER` seconds, has not caught up."""
    primary = generation.read(DEFAULT_DB_ALIAS)
    if not replica_outage.available():
        return False, primary
    try:
        replica = generation.read(REPLICA)
    except DATABASE_ERRORS as error:
        replica_outage.failed(error)
        connections[REPLICA].close()  # a new connection next time
        return False, primary
    replica_outage.recovered()
    return (True, replica) if replica >= primary else (False, primary)


class ReplicaReadsMiddleware:
    """Sends an anonymous reader's GET or HEAD to the replica when it has caught up with
    the primary; not used without a replica."""

    def __init__(self, get_response):
        if REPLICA not in settings.DATABASES:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        if not is_reader_request(request):
            return self.get_response(request)
        caught_up, number = replica_caught_up()
        # Read here already: the page's parts need not read it again (warta.core.generation).
        generation.remember(request, number)
        if not caught_up:
            return self.get_response(request)
        token = reads_from_replica.set(True)
        try:
            return self.get_response(request)
        finally:
            reads_from_replica.reset(token)
