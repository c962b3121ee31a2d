"""Story cards: kept rendered by each worker, fetched together when missing, never stale."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Site

from warta.core import caches
from warta.news.cards import CARD, HEADLINE_CARD, LINK, StoryLink, kept_parts
from warta.news.factories import ArticlePageFactory, NewsImageFactory, SectionPageFactory
from warta.news.models import ArticlePage

pytestmark = pytest.mark.django_db


def reader_request():
    """A request whose site is known, as a reader's is (warta.news.routing)."""
    request = RequestFactory().get("/")
    Site.find_for_request(request)  # kept with the request
    Site.get_site_root_paths()  # read once per process, then cached
    return request


def story_cards(request, ids, style=CARD) -> dict:
    """The cards of the live stories `ids` by id, in that order."""
    parts = kept_parts(request, ArticlePage, [(pk, style) for pk in ids])
    return {pk: card for (pk, _style), card in parts.items()}


def cards_with_queries(ids, style=CARD) -> tuple[dict, int]:
    request = reader_request()
    with CaptureQueriesContext(connection) as queries:
        cards = story_cards(request, ids, style)
    return cards, len(queries)


def test_missing_cards_come_from_two_queries_then_from_the_worker():
    """However many stories, the cards a worker lacks cost the stories and their
    renditions; kept, they cost only the read of the content generation."""
    stories = [ArticlePageFactory(main_image=NewsImageFactory()) for _ in range(5)]
    ids = [story.pk for story in reversed(stories)]  # any order: kept as asked
    story_cards(reader_request(), ids)  # renditions are made once, then reused
    caches.reset()
    cards, queries = cards_with_queries(ids)
    assert list(cards) == ids
    assert all(f">{story.title}</a>" in cards[story.pk] for story in stories)
    assert queries == 3  # content generation, stories, renditions
    again, queries = cards_with_queries(ids)
    assert again == cards
    assert queries == 1


def test_a_published_change_gives_a_new_card():
    story = ArticlePageFactory(title="Judul lama")
    (old,), _queries = cards_with_queries([story.pk])
    story.title = "Judul baru"
    story.save_revision().publish()
    (card,) = story_cards(reader_request(), [story.pk]).values()
    assert "Judul baru" in card and "Judul lama" not in card
    assert old != card


def test_stories_no_longer_live_are_left_out():
    kept, gone = ArticlePageFactory(), ArticlePageFactory()
    gone.unpublish()
    assert list(story_cards(reader_request(), [gone.pk, kept.pk])) == [kept.pk]


def test_each_style_and_language_has_its_own_card():
    story = ArticlePageFactory(summary="Ringkasan berita.")
    request = reader_request()
    card = story_cards(request, [story.pk], CARD)[story.pk]
    headline = story_cards(request, [story.pk], HEADLINE_CARD)[story.pk]
    assert "card--large" in headline and "Ringkasan berita." in headline
    assert "card--large" not in card and "Ringkasan berita." not in card
    with translation.override("en"):
        english = story_cards(request, [story.pk], CARD)[story.pk]
    assert f'href="/en{story.url}"' in english and english != card


def test_cards_and_links_of_a_page_come_from_one_query():
    section = SectionPageFactory()
    beside, linked = ArticlePageFactory(parent=section), ArticlePageFactory(parent=section)
    caches.reset()
    request = reader_request()
    with CaptureQueriesContext(connection) as queries:
        parts = kept_parts(request, ArticlePage, [(beside.pk, CARD), (linked.pk, LINK)])
    assert parts[linked.pk, LINK] == StoryLink(linked.pk, linked.title, linked.url)
    assert beside.title in parts[beside.pk, CARD]
    assert len(queries) == 2  # content generation, stories (without photos, no renditions)
