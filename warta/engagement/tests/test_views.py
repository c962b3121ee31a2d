"""The view beacon: what counts as a view, what does not, and the errors it answers."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from warta.engagement.counters import day_salts, flush_views, get_backend
from warta.engagement.models import ArticleStats, DailyArticleStats
from warta.news.factories import ArticlePageFactory

from .conftest import CHROME, Reader

pytestmark = pytest.mark.django_db


def stored_views(article) -> int:
    stats = ArticleStats.objects.filter(article=article).first()
    return stats.views if stats else 0


def test_a_view_is_counted_once_persisted(client, store, article):
    """An accepted beacon answers 202 and adds one to the total and to today's count."""
    response = Reader(client).view(article.pk)
    assert response.status_code == 202
    assert response.json() == {"counted": True, "reason": "counted"}
    assert stored_views(article) == 0  # pending until the flush
    assert flush_views() == 1
    assert stored_views(article) == 1
    daily = DailyArticleStats.objects.get(article=article)
    assert (daily.day, daily.views) == (timezone.localdate(), 1)


def test_the_same_reader_counts_once_in_30_minutes(client, store, article):
    """A reload by the same reader is not another view; another reader's is."""
    assert Reader(client, 1).view(article.pk).status_code == 202
    again = Reader(client, 1).view(article.pk)
    assert again.status_code == 200
    assert again.json() == {"counted": False, "reason": "duplicate"}
    assert Reader(client, 2).view(article.pk).status_code == 202
    flush_views()
    assert stored_views(article) == 2


def test_a_reader_counts_again_after_30_minutes(client, store, article, settings, monkeypatch):
    """The "already seen" mark lasts WARTA_ENGAGEMENT_DEDUPE_MINUTES, then a view counts again."""
    import time as real_time

    start = real_time.time()
    monkeypatch.setattr("warta.engagement.counters.time.time", lambda: start)
    assert Reader(client).view(article.pk).status_code == 202
    monkeypatch.setattr("warta.engagement.counters.time.time", lambda: start + 29 * 60)
    assert Reader(client).view(article.pk).json()["reason"] == "duplicate"
    if store == "database":  # Redis expires keys on its own clock
        monkeypatch.setattr("warta.engagement.counters.time.time", lambda: start + 31 * 60)
        assert Reader(client).view(article.pk).status_code == 202


def test_the_30_minutes_run_on_across_midnight(client, store, article, monkeypatch):
    """The day's salt changes at midnight, yet a reader seen at 23:55 is not new at 00:05."""
    from datetime import datetime, timedelta

    before = timezone.make_aware(datetime(2026, 3, 27, 23, 55))
    monkeypatch.setattr("warta.engagement.counters.newsroom_now", lambda: before)
    assert Reader(client).view(article.pk).status_code == 202
    after = before + timedelta(minutes=10)
    monkeypatch.setattr("warta.engagement.counters.newsroom_now", lambda: after)
    assert Reader(client).view(article.pk).json()["reason"] == "duplicate"
    assert Reader(client, 2).view(article.pk).status_code == 202


def test_readers_without_an_id_are_told_apart_by_address_and_browser(client, store, article):
    """No id (the no-JavaScript pixel): same address and User-Agent is the same reader."""
    assert Reader(client, 0, address="10.0.0.7").view(article.pk).status_code == 202
    assert Reader(client, 0, address="10.0.0.7").view(article.pk).json()["reason"] == "duplicate"
    assert Reader(client, 0, address="10.0.0.8").view(article.pk).status_code == 202
    firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
    assert Reader(client, 0, agent=firefox, address="10.0.0.7").view(article.pk).status_code == 202


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "HeadlessChrome/131.0.0.0 Safari/537.36",
        "python-requests/2.32.0",
        "",
    ],
)
def test_crawlers_and_clients_without_a_user_agent_are_not_counted(client, article, agent):
    """Known crawlers (CrawlerDetect's list) and nameless clients move nothing."""
    response = Reader(client, agent=agent).view(article.pk)
    assert response.status_code == 200
    assert response.json() == {"counted": False, "reason": "robot"}
    flush_views()
    assert stored_views(article) == 0


@pytest.mark.parametrize(
    "header",
    [{"sec-purpose": "prefetch;prerender"}, {"purpose": "prefetch"}, {"x-moz": "prefetch"}],
)
def test_prefetch_and_prerender_requests_are_not_counted(client, article, header):
    """A speculative load the reader may never see is not a view."""
    response = Reader(client).view(article.pk, **header)
    assert response.json() == {"counted": False, "reason": "prefetch"}


def test_staff_looking_at_an_article_is_not_counted(client, article):
    """Editors checking a story while logged in do not add views."""
    editor = get_user_model().objects.create_user("redaktur", password="x", is_staff=True)
    client.force_login(editor)
    response = client.post(
        f"/api/engagement/v1/articles/{article.pk}/views",
        headers={"user-agent": CHROME, "sec-fetch-site": "same-origin"},
    )
    assert response.json() == {"counted": False, "reason": "staff"}


def test_a_draft_is_not_counted(client, article):
    """Views of an unpublished article are refused as unknown (404 JSON)."""
    article.unpublish()
    response = Reader(client).view(article.pk)
    assert response.status_code == 404
    assert response.json()["error"] == "unknown_article"


def test_an_unknown_article_is_a_404_with_json(client):
    """An id that is no article gets a JSON 404 naming the problem."""
    response = Reader(client).view(999_999)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"] == "unknown_article"


def test_the_beacon_accepts_only_post(client, article):
    """GET on the beacon is a JSON 405 that says which method to use."""
    response = client.get(f"/api/engagement/v1/articles/{article.pk}/views")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert response.json()["error"] == "method_not_allowed"


def test_a_beacon_from_another_site_is_refused(client, article):
    """A page elsewhere cannot make its visitors' browsers count views (403 JSON)."""
    response = Reader(client).view(
        article.pk, sec_fetch_site="cross-site", origin="https://evil.example"
    )
    assert response.status_code == 403
    assert response.json()["error"] == "cross_site"
    response = client.post(
        f"/api/engagement/v1/articles/{article.pk}/views",
        headers={"user-agent": CHROME, "origin": "https://evil.example"},
    )
    assert response.status_code == 403


def test_a_reader_is_limited_strictly(client, store, article, settings):
    """Past WARTA_ENGAGEMENT_READER_RATE a reader gets 429 with Retry-After, and counts nothing."""
    from warta.settings.env import Rate

    settings.WARTA_ENGAGEMENT = {**settings.WARTA_ENGAGEMENT, "READER_RATE": Rate(3, 600)}
    others = [ArticlePageFactory(parent=article.get_parent()) for _ in range(3)]
    for target in [article, *others[:2]]:
        assert Reader(client).view(target.pk).status_code == 202
    refused = Reader(client).view(others[2].pk)
    assert refused.status_code == 429
    assert refused["Retry-After"] == "600"
    assert refused.json()["error"] == "reader_limited"
    flush_views()
    assert stored_views(others[2]) == 0


def test_one_address_cannot_move_a_count_past_its_limit_with_invented_readers(
    client, store, article, settings
):
    """A flood from one address with a new reader id per request adds at most the IP limit."""
    from warta.settings.env import Rate

    settings.WARTA_ENGAGEMENT = {**settings.WARTA_ENGAGEMENT, "IP_RATE": Rate(25, 600)}
    statuses = [
        Reader(client, n, address="10.9.9.9").view(article.pk).status_code for n in range(1, 61)
    ]
    assert statuses.count(202) == 25
    assert statuses.count(429) == 35
    assert Reader(client, 99, address="10.9.9.10").view(article.pk).status_code == 202
    flush_views()
    assert stored_views(article) == 26


def test_ipv6_readers_share_their_subscriber_prefix_limit(client, store, article, settings):
    """Addresses in one IPv6 /64 are one subscriber for the per-address limit."""
    from warta.settings.env import Rate

    settings.WARTA_ENGAGEMENT = {**settings.WARTA_ENGAGEMENT, "IP_RATE": Rate(2, 600)}
    addresses = ["2001:db8:1:2::1", "2001:db8:1:2::ffff", "2001:db8:1:2:abcd::9"]
    statuses = [
        Reader(client, n, address=a).view(article.pk).status_code
        for n, a in enumerate(addresses, 1)
    ]
    assert statuses == [202, 202, 429]


def test_limits_apply_to_the_connection_address_not_a_forwarded_one(client, article, settings):
    """The endpoints read REMOTE_ADDR only: an X-Forwarded-For header (which the
    trusted-proxy layer turns into REMOTE_ADDR, or removes) buys no fresh allowance."""
    from warta.settings.env import Rate

    settings.WARTA_ENGAGEMENT = {**settings.WARTA_ENGAGEMENT, "IP_RATE": Rate(1, 600)}
    first = Reader(client, 1, address="10.1.1.1").view(article.pk, x_forwarded_for="10.9.9.1")
    second = Reader(client, 2, address="10.1.1.1").view(article.pk, x_forwarded_for="10.9.9.2")
    assert (first.status_code, second.status_code) == (202, 429)


def test_nothing_personal_is_stored(client, article):
    """The shared store keeps keyed hashes: no address, User-Agent or reader id in it."""
    Reader(client, 7, address="10.4.4.4").view(article.pk)
    Reader(client, 0, address="10.4.4.5").view(article.pk)
    store = get_backend()
    keys = " ".join(key for (key,) in store.db.execute("SELECT key FROM windows"))
    # A "seen" window per view and per salt: yesterday's salt counts too just after midnight.
    assert keys.count("s:") == 2 * len(day_salts(store, timezone.localtime()))
    for secret in ("10.4.4.4", "10.4.4.5", "Android", Reader(client, 7).id):
        assert secret not in keys


def test_the_pixel_counts_a_view_and_is_never_cached(client, article):
    """The <noscript> image: a GIF with Cache-Control: no-store that reports the view."""
    response = client.get(
        f"/api/engagement/v1/articles/{article.pk}/pixel.gif",
        headers={"user-agent": CHROME, "sec-fetch-site": "same-origin"},
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "image/gif"
    assert response["Cache-Control"] == "no-store"
    assert response.content.startswith(b"GIF89a")
    assert "Set-Cookie" not in response
    flush_views()
    assert stored_views(article) == 1


def test_counts_are_readable_and_cacheable_for_a_few_seconds(client, article):
    """GET returns views, tallies and shares with Cache-Control: public, max-age=5."""
    ArticleStats.objects.create(article=article, views=805, like=2, love=1)
    response = client.get(f"/api/engagement/v1/articles/{article.pk}")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=5"
    assert "Set-Cookie" not in response
    assert response.json() == {
        "article": article.pk,
        "views": 805,
        "reactions": {"like": 2, "love": 1, "haha": 0, "wow": 0, "sad": 0, "angry": 0},
        "shares": {"like": 67, "love": 33, "haha": 0, "wow": 0, "sad": 0, "angry": 0},
        "total": 3,
    }


def test_reading_counts_of_an_unknown_article_is_a_404(client):
    """The read endpoint answers 404 JSON for an id that is no published article."""
    response = client.get("/api/engagement/v1/articles/424242")
    assert response.status_code == 404
    assert response.json()["error"] == "unknown_article"


def test_the_read_endpoint_refuses_writes(client, article):
    """POST to the read endpoint is a 405 naming GET."""
    response = client.post(f"/api/engagement/v1/articles/{article.pk}")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_a_reader_without_javascript_stays_one_reader_after_reacting(client, article):
    """The pixel ignores the id a reaction gave: the next view is still the same reader."""
    headers = {"user-agent": CHROME, "sec-fetch-site": "same-origin"}
    pixel = f"/api/engagement/v1/articles/{article.pk}/pixel.gif"
    client.get(pixel, headers=headers)
    client.post(
        f"/api/engagement/v1/articles/{article.pk}/reaction",
        {"reaction": "like", "next": article.url},
        headers=headers,
    )
    assert "warta_reader" in client.cookies
    client.get(pixel, headers=headers)
    flush_views()
    assert stored_views(article) == 1
