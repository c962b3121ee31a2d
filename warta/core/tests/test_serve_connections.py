"""`warta serve` behind a proxy that keeps connections open: new ones are not kept waiting."""

import http.client
import time

import pytest

from warta.engagement.tests.test_server import served  # noqa: F401 - the fixture
from warta.news.factories import ArticlePageFactory

pytestmark = [
    pytest.mark.server,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Idle keep-alive connections held open, more than nginx's `keepalive 64` per nginx worker
# (deploy/nginx.conf); the fixture's server has 3 workers.
KEPT = 80
WAIT = 5  # seconds: far more than an answer takes, far less than an idle connection lives


def test_idle_keep_alive_connections_do_not_keep_new_ones_waiting(served):  # noqa: F811
    """With as many idle keep-alive connections open as a proxy keeps, a new connection is
    still answered at once: idle connections do not use up what a worker accepts."""
    article = ArticlePageFactory()
    server = served(article.pk, "local", flush_seconds=5)
    path = f"/api/engagement/v1/articles/{article.pk}"
    kept: list[http.client.HTTPConnection] = []
    try:
        for number in range(1, KEPT + 1):
            connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=WAIT)
            started = time.monotonic()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
            except TimeoutError:
                pytest.fail(f"connection {number} had no answer in {WAIT} s, {len(kept)} idle")
            assert response.status == 200
            assert time.monotonic() - started < WAIT
            kept.append(connection)  # open and idle, as in the proxy's pool
    finally:
        for connection in kept:
            connection.close()
