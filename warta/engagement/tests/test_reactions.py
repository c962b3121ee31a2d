"""Reactions: one per reader per article, changeable, withdrawable, with or without JavaScript."""

import pytest
from django.utils import timezone

from warta.engagement.models import ArticleStats, DailyArticleStats, Reaction
from warta.engagement.readers import READER_COOKIE

from .conftest import CHROME, Reader, reader_id

pytestmark = pytest.mark.django_db

NONE = {"like": 0, "love": 0, "haha": 0, "wow": 0, "sad": 0, "angry": 0}


def tallies(article) -> dict:
    stats = ArticleStats.objects.filter(article=article).first()
    return stats.reaction_counts() if stats else dict(NONE)


def form_post(client, article, reaction, next_path="/", **headers):
    return client.post(
        f"/api/engagement/v1/articles/{article.pk}/reaction",
        {"reaction": reaction, "next": next_path},
        headers={"user-agent": CHROME, "sec-fetch-site": "same-origin", **headers},
    )


def test_a_reaction_returns_the_tallies_shares_and_the_readers_choice(client, store, article):
    """POST {"reaction": "love"} answers with the new tallies, shares and the choice."""
    response = Reader(client).react(article.pk, "love")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    body = response.json()
    assert body["choice"] == "love"
    assert body["reactions"] == {**NONE, "love": 1}
    assert body["shares"] == {**NONE, "love": 100}
    assert body["total"] == 1


def test_changing_a_reaction_moves_the_readers_one_vote(client, store, article):
    """A reader who changes from like to sad has one reaction: sad."""
    Reader(client, 1).react(article.pk, "like")
    Reader(client, 2).react(article.pk, "like")
    body = Reader(client, 1).react(article.pk, "sad").json()
    assert body["choice"] == "sad"
    assert body["reactions"] == {**NONE, "like": 1, "sad": 1}
    assert body["shares"] == {**NONE, "like": 50, "sad": 50}
    assert Reaction.objects.filter(article=article).count() == 2


def test_the_same_reaction_twice_is_still_one(client, store, article):
    """Sending the same reaction again changes nothing."""
    Reader(client).react(article.pk, "wow")
    assert Reader(client).react(article.pk, "wow").json()["reactions"] == {**NONE, "wow": 1}


def test_a_reader_can_take_a_reaction_back(client, store, article):
    """{"reaction": null} or DELETE withdraws it; the tallies go back to zero, shares to 0."""
    Reader(client, 1).react(article.pk, "haha")
    body = Reader(client, 1).react(article.pk, None).json()
    assert body["choice"] is None
    assert body["reactions"] == NONE
    assert body["shares"] == NONE
    Reader(client, 2).react(article.pk, "angry")
    client.cookies[READER_COOKIE] = reader_id(2)
    response = client.delete(
        f"/api/engagement/v1/articles/{article.pk}/reaction",
        headers={"user-agent": CHROME, "sec-fetch-site": "same-origin"},
    )
    assert response.json()["choice"] is None
    assert tallies(article) == NONE
    assert not Reaction.objects.exists()


def test_tallies_stay_equal_to_the_readers_rows(client, store, article):
    """After many sets, changes and withdrawals, each tally equals the rows with that reaction."""
    moves = ["like", "love", None, "sad", "sad", None, "wow", "love", "angry", None, "haha"]
    for step, reaction in enumerate(moves * 3):
        Reader(client, 1 + step % 7).react(article.pk, reaction)
    rows = {kind: Reaction.objects.filter(article=article, kind=kind).count() for kind in NONE}
    assert tallies(article) == rows
    assert sum(rows.values()) == Reaction.objects.count() <= 7


def test_reactions_are_counted_by_day_for_the_most_reacted_list(client, article):
    """Giving a reaction adds one to today's count; taking it back removes it; a change does not."""
    Reader(client, 1).react(article.pk, "like")
    Reader(client, 2).react(article.pk, "like")
    Reader(client, 2).react(article.pk, "love")
    Reader(client, 1).react(article.pk, None)
    day = DailyArticleStats.objects.get(article=article, day=timezone.localdate())
    assert day.reactions == 1


def test_the_reaction_row_keeps_no_reader_id(client, article):
    """What is stored for a reader is a keyed hash, not the id from the cookie."""
    Reader(client, 5).react(article.pk, "love")
    stored = Reaction.objects.get().reader
    assert stored != reader_id(5)
    assert reader_id(5) not in stored


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ({"reaction": "meh"}, "Unknown reaction"),
        ({"kind": "like"}, "JSON object"),
        (["like"], "JSON object"),
        ("not json", "not JSON"),
    ],
)
def test_an_unknown_reaction_or_a_malformed_body_is_a_400(client, article, body, problem):
    """Bad input gets a 400 JSON with the reason, and changes nothing."""
    response = client.post(
        f"/api/engagement/v1/articles/{article.pk}/reaction",
        data=body if not isinstance(body, str) else body.encode(),
        content_type="application/json",
        headers={"user-agent": CHROME, "sec-fetch-site": "same-origin"},
    )
    assert response.status_code == 400
    assert response.json()["error"] == "bad_reaction"
    assert problem in response.json()["detail"]
    assert tallies(article) == NONE


def test_reacting_to_an_unknown_or_unpublished_article_is_a_404(client, article):
    """A JSON 404 for an id that is not a live article."""
    assert Reader(client).react(987_654, "like").status_code == 404
    article.unpublish()
    response = Reader(client).react(article.pk, "like")
    assert response.status_code == 404
    assert response.json()["error"] == "unknown_article"


def test_reading_a_reaction_with_get_is_a_405(client, article):
    """The reaction endpoint takes POST and DELETE only."""
    response = client.get(f"/api/engagement/v1/articles/{article.pk}/reaction")
    assert response.status_code == 405
    assert response["Allow"] == "POST, DELETE"


@pytest.mark.parametrize(
    "headers",
    [
        {"sec-fetch-site": "cross-site", "origin": "https://evil.example"},
        {"sec-fetch-site": "same-site", "origin": "https://m.evil.example"},
        {"origin": "https://evil.example"},
        {"referer": "https://evil.example/page"},
        {},
    ],
)
def test_a_reaction_from_another_site_or_from_nowhere_is_refused(client, article, headers):
    """Without a CSRF token in the cached page, only same-origin browser requests may react."""
    response = client.post(
        f"/api/engagement/v1/articles/{article.pk}/reaction",
        data={"reaction": "love"},
        content_type="application/json",
        headers={"user-agent": CHROME, **headers},
    )
    assert response.status_code == 403
    assert response.json()["error"] == "cross_site"
    assert tallies(article) == NONE


def test_a_reaction_from_the_sites_own_origin_is_accepted(client, article):
    """Browsers without Sec-Fetch-Site still send Origin, which is checked instead."""
    response = client.post(
        f"/api/engagement/v1/articles/{article.pk}/reaction",
        data={"reaction": "love"},
        content_type="application/json",
        headers={"user-agent": CHROME, "origin": "http://testserver"},
    )
    assert response.status_code == 200


def test_without_javascript_the_form_toggles_and_returns_to_the_article(client, store, article):
    """A plain form POST saves the reaction, redirects back (303), and a second click undoes it."""
    path = article.url
    response = form_post(client, article, "love", next_path=path)
    assert response.status_code == 303
    assert response["Location"] == f"{path}#reactions-{article.pk}"
    cookie = response.cookies[READER_COOKIE]
    assert cookie["path"] == "/api/engagement/"
    assert cookie["samesite"] == "Lax"
    assert tallies(article) == {**NONE, "love": 1}
    page = client.get(path).content.decode()
    assert '<span class="reaction__share">100%</span>' in page

    client.cookies[READER_COOKIE] = cookie.value
    form_post(client, article, "love", next_path=path)
    assert tallies(article) == NONE
    form_post(client, article, "sad", next_path=path)
    assert tallies(article) == {**NONE, "sad": 1}


def test_the_form_never_redirects_to_another_site(client, article):
    """A `next` that leaves the site is replaced by the article's own address."""
    response = form_post(client, article, "wow", next_path="https://evil.example/")
    assert response["Location"] == f"{article.url}#reactions-{article.pk}"
    response = form_post(client, article, "wow", next_path="//evil.example/")
    assert response["Location"] == f"{article.url}#reactions-{article.pk}"


def test_a_refused_form_post_shows_a_page_in_the_readers_language(client, article):
    """Without JavaScript an error is a readable page, not JSON."""
    response = form_post(
        client, article, "like", next_path=f"/en{article.url}", sec_fetch_site="cross-site"
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>Reaction not saved</h1>" in html
    assert f'href="/en{article.url}"' in html


def test_a_reader_reacting_too_often_is_limited(client, store, article, settings):
    """Reactions count against the same per-reader limit as views (429)."""
    from warta.settings.env import Rate

    settings.WARTA_ENGAGEMENT = {**settings.WARTA_ENGAGEMENT, "READER_RATE": Rate(4, 600)}
    statuses = [Reader(client).react(article.pk, kind).status_code for kind in list(NONE)[:6]]
    assert statuses == [200, 200, 200, 200, 429, 429]
    assert sum(tallies(article).values()) == 1
