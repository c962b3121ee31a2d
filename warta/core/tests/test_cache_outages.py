"""Django's cache when Redis stops: misses instead of errors, and Redis again once it is back.

Each test runs its own redis-server on a free port and stops it by its process id.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

import pytest
from asgiref.sync import async_to_sync
from django.core.cache import cache, caches
from django.test import Client, override_settings

from warta.core import caches as core_caches
from warta.core.cache_backends import CacheUnavailable
from warta.core.tests.redis_server import RedisServer
from warta.news.factories import ArticlePageFactory, SectionPageFactory
from warta.news.models import ArticlePage
from warta.replies.models import ReplySubmission
from warta.settings.env import Rate

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    server = RedisServer()
    server.start()
    yield server
    server.stop()


def redis_cache_settings(server: RedisServer, retry_after: float) -> dict:
    return {
        "default": {
            "BACKEND": "warta.core.cache_backends.OutageTolerantRedisCache",
            "LOCATION": server.url,
            "KEY_PREFIX": "warta-test",
            "RETRY_AFTER": retry_after,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
        "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }


@pytest.fixture
def redis_cache(redis_server):
    """Django's default cache in the test's Redis, tried again at once after a failure."""
    with override_settings(CACHES=redis_cache_settings(redis_server, retry_after=0)):
        yield redis_server


def test_reads_miss_and_writes_store_nothing_while_redis_is_down(redis_cache):
    """With Redis stopped every read is a miss and every write says it stored nothing."""
    cache.set("kept", 1)
    redis_cache.stop()
    assert cache.get("kept", "default") == "default"
    assert cache.get_many(["kept", "other"]) == {}
    assert cache.has_key("kept") is False
    assert cache.add("new", 1) is False
    assert cache.touch("kept") is False
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.get_or_set("computed", lambda: 42) == 42
    cache.set("ignored", 1)
    cache.delete("kept")
    cache.delete_many(["a", "b"])


def test_asynchronous_reads_miss_while_redis_is_down(redis_cache):
    """Django's async cache methods go through the same misses."""
    redis_cache.stop()

    async def read_and_add():
        return await cache.aget("kept", "default"), await cache.aadd("new", 1)

    assert async_to_sync(read_and_add)() == ("default", False)


def test_counting_refuses_while_redis_is_down(redis_cache):
    """incr raises CacheUnavailable: a rate limit cannot count, so it must refuse."""
    cache.set("hits", 1)
    redis_cache.stop()
    with pytest.raises(CacheUnavailable):
        cache.incr("hits")
    with pytest.raises(CacheUnavailable):
        cache.decr("hits")


def test_redis_is_used_again_once_it_is_back(redis_cache):
    """Redis coming back is picked up by the next try, without a restart."""
    redis_cache.stop()
    cache.set("key", "lost")
    assert cache.get("key") is None
    redis_cache.start()
    cache.set("key", "kept")
    assert cache.get("key") == "kept"
    assert redis_cache.client().dbsize() == 1


def test_after_a_failure_redis_is_left_alone_until_the_pause_ends(redis_server):
    """During the pause no call waits on Redis: a Redis back already is not tried yet."""
    with override_settings(CACHES=redis_cache_settings(redis_server, retry_after=3600)):
        redis_server.stop()
        assert cache.get("key") is None
        redis_server.start()
        cache.set("key", "value")
        assert redis_server.client().dbsize() == 0
        assert cache.get("key") is None


def test_removals_are_tried_during_the_pause(redis_server):
    """A delete is tried even during the pause: a stale value is worse than a wasted try."""
    with override_settings(CACHES=redis_cache_settings(redis_server, retry_after=3600)):
        redis_server.client().set(cache.make_key("stale"), b"1")
        cache.outage.failed(ConnectionError("refused"))
        cache.delete("stale")
        assert redis_server.client().dbsize() == 0


def test_an_outage_logs_one_line_and_one_when_redis_is_back(redis_cache, caplog):
    """Many failed calls log one line, not one each; the return logs one more."""
    redis_cache.stop()
    with caplog.at_level(logging.WARNING, logger="warta.core.cache_backends"):
        for index in range(50):
            cache.get(f"key-{index}")
        redis_cache.start()
        cache.get("key")
    assert [record.getMessage().split(":")[0] for record in caplog.records] == [
        "Django's cache (Redis) unavailable",
        "Django's cache (Redis) is back",
    ]


def test_every_thread_shares_the_outage(redis_cache):
    """Django makes a cache per thread; the outage is the process's, shared by all."""
    other = []
    thread = threading.Thread(target=lambda: other.append(caches["default"].outage))
    thread.start()
    thread.join()
    assert other == [cache.outage]


@pytest.fixture
def story():
    section = SectionPageFactory(title="Kudus", slug="kudus")
    return ArticlePageFactory(parent=section, title="Banjir Surut", slug="banjir-surut")


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("redaktur", "r@example.id", "sandi-rahasia")


def pages_and_forms(client: Client, story: ArticlePage) -> dict[str, int]:
    """What readers and staff ask for: pages, the search, the hak jawab form, the admin."""
    answers = {
        "front page": client.get("/").status_code,
        "story": client.get(story.url).status_code,
        "section": client.get(story.get_parent().url).status_code,
        "search": client.get("/cari/", {"q": "banjir"}).status_code,
        "reply form": client.get(f"/hak-jawab/?story={story.pk}").status_code,
        "reply form sent incomplete": client.post("/hak-jawab/", {"name": ""}).status_code,
        "feed": client.get("/feeds/rss/").status_code,
    }
    return answers


def test_pages_and_forms_answer_while_redis_is_down_and_use_it_once_back(
    redis_cache, story, staff, client
):
    """Anonymous and staff requests keep answering with Redis stopped; once it is back,
    pages fill the cache again."""
    redis_cache.stop()
    anonymous = pages_and_forms(client, story)
    client.force_login(staff)
    signed_in = {
        **pages_and_forms(client, story),
        "dashboard": client.get("/admin/").status_code,
        "page editor": client.get(f"/admin/pages/{story.pk}/edit/").status_code,
    }
    for answers in (anonymous, signed_in):
        assert all(status < 500 for status in answers.values()), answers
    assert anonymous["front page"] == anonymous["story"] == signed_in["dashboard"] == 200

    redis_cache.start()
    pages_and_forms(client, story)
    assert redis_cache.client().dbsize() > 0


def test_the_reply_form_rate_limit_lets_no_more_through_while_redis_is_down(
    redis_server, story, client, settings, tmp_path
):
    """With its Redis stopped the hak jawab rate limit refuses (503) or still counts:
    never more replies than the rate, never a 500."""
    settings.WARTA_REPLIES = {
        **settings.WARTA_REPLIES,
        "ATTACHMENT_ROOT": tmp_path / "replies",
        "RATE": Rate(limit=2, seconds=3600),
    }
    settings.WARTA_ENGAGEMENT = {
        **settings.WARTA_ENGAGEMENT,
        "STATE_PATH": tmp_path / "engagement-state.sqlite3",
        "REDIS_URL": redis_server.url,
    }
    core_caches.reset()
    redis_server.stop()
    reply = {
        "name": "Budi Santoso",
        "contact": "budi@contoh.id",
        "story": f"http://testserver{story.url}",
        "text": "Berita itu keliru: jalan desa sudah diperbaiki pada bulan Mei.",
        "website": "",
    }
    answers = [client.post("/hak-jawab/", reply).status_code for _ in range(4)]
    core_caches.reset()
    assert all(status < 500 or status == 503 for status in answers), answers
    assert ReplySubmission.objects.count() <= 2
