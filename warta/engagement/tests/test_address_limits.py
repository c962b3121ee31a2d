"""Counts one address cannot buy: an allowance per address (IPv6: its /64) per article for
views and for reactions, which new reader ids and new User-Agents do not reset."""

import time
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from warta.engagement.counters import flush_views
from warta.engagement.models import ArticleStats
from warta.news.factories import ArticlePageFactory
from warta.settings.env import Rate

from .conftest import CHROME, Reader

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.7"
HOURLY_VIEWS, HOURLY_REACTIONS = Rate(60, 3600), Rate(10, 3600)


def stored_views(article) -> int:
    flush_views()
    stats = ArticleStats.objects.filter(article=article).first()
    return stats.views if stats else 0


def loves(article) -> int:
    stats = ArticleStats.objects.filter(article=article).first()
    return stats.reaction_counts()["love"] if stats else 0


def agent(n: int) -> str:
    """A different, ordinary browser User-Agent for each n."""
    return CHROME.replace("Chrome/131.0.0.0", f"Chrome/131.0.{n}.0")


def rotating(client, n: int, address: str = ATTACKER) -> Reader:
    """A new reader id and a new User-Agent on every request, or (every third) no id at all."""
    return Reader(client, 0 if n % 3 == 0 else n, agent=agent(n), address=address)


@pytest.fixture
def allowance(settings):
    """Small allowances per address per article, and the other limits out of the way."""

    def set_rates(views: Rate = HOURLY_VIEWS, reactions: Rate = HOURLY_REACTIONS) -> None:
        settings.WARTA_ENGAGEMENT = {
            **settings.WARTA_ENGAGEMENT,
            "IP_RATE": Rate(100_000, 600),
            "ADDRESS_ARTICLE_RATE": views,
            "ADDRESS_REACTION_RATE": reactions,
        }

    return set_rates


def test_rotating_reader_ids_and_user_agents_buys_no_views_past_the_allowance(
    client, store, article, allowance
):
    """One address counts at most ADDRESS_ARTICLE_RATE views of an article, however it rotates."""
    allowance(views=Rate(5, 3600))
    answers = [rotating(client, n).view(article.pk) for n in range(1, 31)]
    assert [answer.status_code for answer in answers].count(202) == 5
    assert stored_views(article) == 5


def test_a_view_past_the_allowance_says_it_was_not_counted(client, store, article, allowance):
    """The beacon past the allowance answers 200 counted: false with its reason, not 202."""
    allowance(views=Rate(1, 3600))
    assert rotating(client, 1).view(article.pk).status_code == 202
    refused = rotating(client, 2).view(article.pk)
    assert refused.status_code == 200
    assert refused.json() == {"counted": False, "reason": "address_article_limited"}


def test_the_pixel_with_rotating_user_agents_stops_at_the_allowance(
    client, store, article, allowance
):
    """Readers without JavaScript (address and User-Agent) share the same allowance."""
    allowance(views=Rate(3, 3600))
    for n in range(1, 11):
        client.cookies.clear()
        client.get(
            f"/api/engagement/v1/articles/{article.pk}/pixel.gif",
            headers={"user-agent": agent(n)},
            REMOTE_ADDR=ATTACKER,
        )
    assert stored_views(article) == 3


def test_another_address_still_counts_when_one_has_used_its_allowance(
    client, store, article, allowance
):
    """The allowance belongs to one address: a reader elsewhere is counted as usual."""
    allowance(views=Rate(2, 3600))
    for n in range(1, 11):
        rotating(client, n).view(article.pk)
    assert Reader(client, 99, address="198.51.100.20").view(article.pk).status_code == 202
    assert stored_views(article) == 3


def test_the_allowance_is_per_article(client, store, article, allowance):
    """An address that used its allowance on one story still counts on another."""
    allowance(views=Rate(2, 3600))
    other = ArticlePageFactory(parent=article.get_parent())
    for n in range(1, 6):
        rotating(client, n).view(article.pk)
    assert rotating(client, 6).view(other.pk).status_code == 202


def test_repeated_and_refused_views_use_none_of_the_allowance(client, store, article, allowance):
    """A reader's reloads (duplicates) leave the address's allowance to its other readers."""
    allowance(views=Rate(2, 3600))
    for _ in range(5):
        Reader(client, 1, address=ATTACKER).view(article.pk)
    assert Reader(client, 2, address=ATTACKER).view(article.pk).status_code == 202
    assert stored_views(article) == 2


def test_addresses_in_one_ipv6_64_share_an_allowance(client, store, article, allowance):
    """IPv6 addresses count by their /64: hopping inside it buys nothing; another /64 counts."""
    allowance(views=Rate(2, 3600))
    same_64 = ["2001:db8:7:1::1", "2001:db8:7:1::2", "2001:db8:7:1:ffff::9", "2001:db8:7:1::abc"]
    statuses = [rotating(client, n, a).view(article.pk).status_code for n, a in enumerate(same_64)]
    assert statuses.count(202) == 2
    assert rotating(client, 9, "2001:db8:7:2::1").view(article.pk).status_code == 202


def test_the_allowance_starts_again_after_its_window(client, store, article, allowance):
    """Once its window has passed, an address that used its allowance counts again."""
    allowance(views=Rate(2, 1))
    statuses = [rotating(client, n).view(article.pk).status_code for n in range(1, 5)]
    assert statuses.count(202) == 2
    time.sleep(1.1)  # Redis expires keys on its own clock, so the test waits for real
    assert rotating(client, 5).view(article.pk).status_code == 202
    assert stored_views(article) == 3


def test_the_allowance_does_not_start_again_at_midnight(
    client, store, article, allowance, monkeypatch
):
    """The day's salt changes at midnight, yet an address capped at 23:55 is still at 00:05."""
    allowance(views=Rate(2, 3600))
    before = timezone.make_aware(datetime(2026, 3, 27, 23, 55))
    monkeypatch.setattr("warta.engagement.counters.newsroom_now", lambda: before)
    for n in range(1, 4):
        rotating(client, n).view(article.pk)
    after = before + timedelta(minutes=10)
    monkeypatch.setattr("warta.engagement.counters.newsroom_now", lambda: after)
    assert rotating(client, 4).view(article.pk).json()["reason"] == "address_article_limited"


def test_rotating_reader_ids_and_user_agents_buys_no_reactions_past_the_allowance(
    client, store, article, allowance
):
    """One address adds at most ADDRESS_REACTION_RATE reactions to an article, then gets 429."""
    allowance(reactions=Rate(3, 3600))
    answers = [rotating(client, n).react(article.pk, "love") for n in range(1, 13)]
    assert [answer.status_code for answer in answers] == [200] * 3 + [429] * 9
    assert loves(article) == 3


def test_a_reaction_past_the_allowance_is_a_json_429_with_retry_after(
    client, store, article, allowance
):
    """The refusal names the limit and says when the address's window is over at the latest."""
    allowance(reactions=Rate(1, 3600))
    rotating(client, 1).react(article.pk, "love")
    refused = rotating(client, 2).react(article.pk, "love")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    assert refused.json()["error"] == "address_article_limited"


def test_another_address_still_reacts_when_one_has_used_its_allowance(
    client, store, article, allowance
):
    """A reader at another address can react to the article the first address exhausted."""
    allowance(reactions=Rate(2, 3600))
    for n in range(1, 6):
        rotating(client, n).react(article.pk, "love")
    assert Reader(client, 99, address="198.51.100.20").react(article.pk, "love").status_code == 200
    assert loves(article) == 3


def test_reactions_to_another_article_have_their_own_allowance(client, store, article, allowance):
    """An address that used its reactions on one story can still react to another."""
    allowance(reactions=Rate(1, 3600))
    other = ArticlePageFactory(parent=article.get_parent())
    rotating(client, 1).react(article.pk, "love")
    assert rotating(client, 2).react(other.pk, "love").status_code == 200
