"""Engagement test fixtures: a clean counting store per test, on the database and on Redis."""

import os
import uuid

import pytest
from django.test import Client

from warta.core import caches
from warta.news.factories import ArticlePageFactory
from warta.settings.test import own_redis_database

CHROME = (
    "Mozilla/5.0 (Linux; Android 13; SM-A546E) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"
)
REDIS_URL = own_redis_database(os.environ.get("WARTA_TEST_REDIS_URL", ""))
# Redis runs where the suite has one (CI's second pass sets WARTA_TEST_REDIS_URL).
STORES = ["database", "redis"] if REDIS_URL else ["database"]


def reader_id(n: int) -> str:
    return f"{n:032x}"


@pytest.fixture(autouse=True)
def engagement_settings(settings, tmp_path):
    """Flushes happen when a test asks; each test gets fresh per-process state."""
    settings.WARTA_ENGAGEMENT = {
        **settings.WARTA_ENGAGEMENT,
        "FLUSH_IN_BACKGROUND": False,
        "STATE_PATH": tmp_path / "engagement-state.sqlite3",
        "REDIS_URL": "",
    }
    caches.reset()
    yield settings.WARTA_ENGAGEMENT
    caches.reset()


@pytest.fixture(params=STORES)
def store(request, settings):
    """Run the test once with the database store and, when Redis is available, with Redis."""
    if request.param == "redis":
        import redis

        prefix = f"warta-test:engagement:{uuid.uuid4().hex}:"
        settings.WARTA_ENGAGEMENT = {
            **settings.WARTA_ENGAGEMENT,
            "REDIS_URL": REDIS_URL,
            "REDIS_PREFIX": prefix,
        }
        yield request.param
        client = redis.Redis.from_url(REDIS_URL)
        keys = list(client.scan_iter(f"{prefix}*"))
        if keys:
            client.delete(*keys)
    else:
        settings.WARTA_ENGAGEMENT = {**settings.WARTA_ENGAGEMENT, "REDIS_URL": ""}
        yield request.param


@pytest.fixture
def article():
    return ArticlePageFactory()


class Reader:
    """A browser on one of Warta's pages: its own id, its User-Agent, same-origin requests."""

    def __init__(self, client: Client, n: int = 1, agent: str = CHROME, address: str = "10.0.0.1"):
        self.client, self.agent, self.address = client, agent, address
        self.id = reader_id(n) if n else None

    def headers(self, **extra) -> dict:
        extra = {name.replace("_", "-"): value for name, value in extra.items()}
        return {"user-agent": self.agent, "sec-fetch-site": "same-origin", **extra}

    def _cookies(self):
        self.client.cookies.clear()
        if self.id:
            self.client.cookies["warta_reader"] = self.id

    def view(self, article_id: int, **headers):
        self._cookies()
        return self.client.post(
            f"/api/engagement/v1/articles/{article_id}/views",
            headers=self.headers(**headers),
            REMOTE_ADDR=self.address,
        )

    def react(self, article_id: int, reaction, **headers):
        self._cookies()
        return self.client.post(
            f"/api/engagement/v1/articles/{article_id}/reaction",
            data={"reaction": reaction},
            content_type="application/json",
            headers=self.headers(**headers),
            REMOTE_ADDR=self.address,
        )


@pytest.fixture
def reader(client):
    return Reader(client)
