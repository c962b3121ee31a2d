"""Pages found by their address in one query: never a page that has gone or moved."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from warta.core import caches
from warta.news import related, routing
from warta.news.factories import (
    ArticlePageFactory,
    NewsImageFactory,
    PersonFactory,
    SectionPageFactory,
)
from warta.news.models import ArticlePage, ArticleReporter
from warta.news.restrictions import private_paths
from warta.news.tests import SITE_QUERIES

pytestmark = pytest.mark.django_db


def get(client, url: str):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def without_clock(content: bytes) -> bytes:
    # The header clock shows the current second, which may tick between two requests.
    return re.sub(rb'<time class="site-clock".*?</time>', b"", content, flags=re.S)


def test_finding_a_page_costs_the_same_however_deep_it_is_filed(client):
    """The page is looked up by its address, not by walking the tree a level at a time."""
    shallow = ArticlePageFactory(parent=SectionPageFactory())
    deep = ArticlePageFactory(
        parent=SectionPageFactory(parent=SectionPageFactory(parent=SectionPageFactory()))
    )
    for article in (shallow, deep):  # renditions, navigation and the like kept
        client.get(article.url)
    counts = []
    for article in (shallow, deep):
        caches.reset()
        _response, first = get(client, article.url)
        _response, again = get(client, article.url)
        counts.append((first, again))
    assert counts[0] == counts[1]
    assert counts[0][1] == 1 + SITE_QUERIES  # the type remembered: the page's query alone


def test_the_page_found_by_its_address_is_the_one_wagtail_finds(client, monkeypatch):
    """Found by its address or by Wagtail's walk down the tree, the same page, the same
    HTML: its tags, bylines and lead photo read with it included."""
    article = ArticlePageFactory(
        parent=SectionPageFactory(parent=SectionPageFactory()),
        main_image=NewsImageFactory(),
        tags=["Zebra", "Apel", "Mangga"],
        body=[
            ("paragraph", "<p>Awal.</p>"),
            ("image", {"image": NewsImageFactory(), "caption": "Foto", "credit": ""}),
        ],
    )
    credited = [PersonFactory(name=name, initials=name[:2]) for name in ("Wati", "Budi", "Sari")]
    for person, order in zip(credited, [1, 0, 2], strict=True):
        ArticleReporter.objects.create(page=article, person=person, sort_order=order)
    found = client.get(article.url)
    assert found.context["page"].tag_rows  # read with the page
    html = found.content.decode()
    assert html.index("#Zebra") < html.index("#Apel") < html.index("#Mangga")
    assert '<span class="sign-off">(Bu/Wa/Sa)</span>' in html
    assert "fill-1200x675" in html  # the lead photo, from the renditions read with it
    monkeypatch.setattr(routing, "route_by_address", lambda *args: None)
    walked = client.get(article.url)
    assert "tag_rows" not in walked.context["page"].__dict__
    assert walked.context["page"] == found.context["page"] == article
    assert without_clock(walked.content) == without_clock(found.content)


def test_an_address_whose_page_changed_type_serves_the_new_page(client):
    """The worker remembers which type of page an address led to; a page of another
    type filed there since is found all the same."""
    section = SectionPageFactory(slug="daerah")
    article = ArticlePageFactory(parent=section, slug="kabar", title="Kabar lama")
    assert "Kabar lama" in client.get(article.url).content.decode()
    url = article.url
    article.delete()
    SectionPageFactory(parent=section, slug="kabar", title="Rubrik kabar")
    response = client.get(url)
    assert response.status_code == 200
    assert "Rubrik kabar" in response.content.decode()


def test_an_address_without_a_page_is_not_found(client):
    ArticlePageFactory()
    assert client.get("/tidak-ada/halaman-ini/").status_code == 404


def test_an_unpublished_page_is_not_served(client):
    article = ArticlePageFactory()
    assert client.get(article.url).status_code == 200
    article.unpublish()
    assert client.get(article.url).status_code == 404


def test_a_renamed_page_leaves_its_old_address(client):
    article = ArticlePageFactory(slug="lama")
    old_url = article.url
    assert client.get(old_url).status_code == 200
    article.slug = "baru"
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.url != old_url
    # Wagtail's redirect app answers the old address now; the page is not served there.
    old = client.get(old_url)
    assert old.status_code in (301, 302, 404)
    assert client.get(article.url).status_code == 200


def test_a_moved_page_is_found_at_its_new_address_only(client):
    article = ArticlePageFactory(parent=SectionPageFactory(title="Hukum"))
    old_url = article.url
    assert client.get(old_url).status_code == 200
    article.move(SectionPageFactory(title="Politik"), pos="last-child")
    article.refresh_from_db()
    assert article.url != old_url
    assert client.get(old_url).status_code in (301, 302, 404)
    assert client.get(article.url).status_code == 200


@pytest.mark.parametrize("restrict", ["page", "section"])
def test_a_private_page_stays_private_on_every_visit(client, restrict):
    """A view restriction on the page or its section applies on every visit."""
    section = SectionPageFactory()
    article = ArticlePageFactory(parent=section, title="Rahasia redaksi")
    assert "Rahasia redaksi" in client.get(article.url).content.decode()  # remembered
    PageViewRestriction.objects.create(
        page=article if restrict == "page" else section,
        restriction_type=PageViewRestriction.PASSWORD,
        password="sandi",  # noqa: S106
    )
    for _visit in range(2):
        response = client.get(article.url)
        assert "Rahasia redaksi" not in response.content.decode()
        assert 'name="password"' in response.content.decode()


def test_an_unrestricted_page_checks_no_restrictions(client):
    article = ArticlePageFactory()
    client.get(article.url)
    response, _count = get(client, article.url)
    assert response.context["page"].may_be_restricted is False
    assert not response.context["page"].get_view_restrictions()


def test_an_alias_of_a_private_page_stays_private(client):
    """An alias takes its source's restrictions (Wagtail's rule), wherever it is filed."""
    article = ArticlePageFactory(title="Catatan rapat redaksi")
    PageViewRestriction.objects.create(
        page=article,
        restriction_type=PageViewRestriction.PASSWORD,
        password="sandi",  # noqa: S106
    )
    alias = article.create_alias(parent=SectionPageFactory(title="Terbuka"))
    for _visit in range(3):
        response = client.get(alias.url)
        assert "Catatan rapat redaksi" not in response.content.decode()
        assert 'name="password"' in response.content.decode()


def test_restrictions_kept_by_the_worker_follow_each_change(client):
    """A new restriction, and its removal, apply on the next visit."""
    section = SectionPageFactory()
    article = ArticlePageFactory(parent=section, title="Kabar desa")
    for _visit in range(2):
        assert "Kabar desa" in client.get(article.url).content.decode()
    assert private_paths().restricted == ()
    restriction = PageViewRestriction.objects.create(
        page=section,
        restriction_type=PageViewRestriction.PASSWORD,
        password="sandi",  # noqa: S106
    )
    assert private_paths().restricted == (section.path,)
    assert "Kabar desa" not in client.get(article.url).content.decode()
    restriction.delete()
    assert "Kabar desa" in client.get(article.url).content.decode()


def lists_shown(response):
    """The related stories and the previous and next ones an article page shows."""
    context = response.context
    related_cards = [str(card) for card in context["related_cards"]]
    return related_cards, context["previous_article"], context["next_article"]


def shown(client, url: str):
    return lists_shown(client.get(url))


def test_the_stories_beside_a_story_are_those_its_own_queries_find(client):
    """The query built once for a stand-in story finds what the story's own query finds:
    for a story with tags, one without, and stories published at the same second."""
    now = timezone.now()
    section, elsewhere = SectionPageFactory(), SectionPageFactory()

    def story(hours: float, parent=section, **fields):
        return ArticlePageFactory(
            parent=parent, published_at=now - timedelta(hours=hours), **fields
        )

    stories = [
        story(1, tags=["banjir", "pati"]),
        story(2, tags=["pati"]),
        story(2, tags=["jalan"]),  # the same second as the one before: ordered by id
        story(3),
        story(5, tags=["banjir"]),
        story(8),
    ]
    story(4, parent=elsewhere, tags=["banjir"])
    story(6, parent=elsewhere, tags=["pemilu"])  # unrelated
    for article in stories:
        article = ArticlePage.objects.get(pk=article.pk)
        own = related.listed(
            article, related.related_sources(article, 4) + related.neighbour_sources(article)
        )
        expected = (
            related.most_related(article, own, 4),
            *related.split_neighbours(article, own),
        )
        assert related.stories_beside(article) == expected
        assert expected[0] or expected[1] or expected[2]  # every story here has some


def test_stories_beside_a_story_are_kept_until_content_changes(client):
    """Once read, the stories beside a story are kept by the worker at the content
    generation: later visits take the story's own query alone. A story published
    meanwhile (a new generation) is among them on the next visit."""
    section = SectionPageFactory()
    article = ArticlePageFactory(parent=section, tags=["banjir"])
    older = ArticlePageFactory(tags=["banjir"], published_at=timezone.now() - timedelta(1))
    first = client.get(article.url)
    kept, queries = get(client, article.url)
    assert queries == 1 + SITE_QUERIES
    assert lists_shown(kept) == lists_shown(first)
    assert any(older.url in card for card in lists_shown(kept)[0])
    newer = ArticlePageFactory(tags=["banjir"])  # bumps the content generation
    related_cards = shown(client, article.url)[0]
    assert any(newer.url in card for card in related_cards)
    assert related_cards.index(next(c for c in related_cards if newer.url in c)) < (
        related_cards.index(next(c for c in related_cards if older.url in c))
    )


def test_an_article_whose_section_is_not_live_shows_the_stories_of_the_live_one(client):
    """A story's section is its nearest live section: when its parent is not live, its
    related stories come from the section above; its neighbours are still its siblings."""
    upper = SectionPageFactory(title="Daerah")
    parent = SectionPageFactory(parent=upper, title="Pati")
    article = ArticlePageFactory(parent=parent, tags=["pati"])
    neighbour = ArticlePageFactory(parent=parent, published_at=timezone.now() - timedelta(1))
    tagged = ArticlePageFactory(parent=upper, tags=["pati"])
    parent.unpublish()  # its stories stay live
    article.refresh_from_db()
    assert article.live
    response = client.get(article.url)
    assert [s.pk for s in response.context["page"].sections] == [upper.pk]
    related_cards, previous, _next = lists_shown(response)
    assert previous is not None and previous.url == neighbour.url
    assert tagged.url in str(related_cards)
    assert shown(client, article.url) == lists_shown(response)


def test_stories_beside_a_story_whose_tags_changed_are_those_of_its_new_tags(client):
    section = SectionPageFactory()
    article = ArticlePageFactory(parent=section, tags=["banjir"])
    flood = ArticlePageFactory(tags=["banjir"])
    vote = ArticlePageFactory(tags=["pemilu"])
    related_cards, _previous, _next = shown(client, article.url)
    assert any(flood.url in card for card in related_cards)
    article.tags.set(["pemilu"])
    article.save_revision().publish()
    related_cards = shown(client, article.url)[0]
    assert any(vote.url in card for card in related_cards)
    assert not any(flood.url in card for card in related_cards)
    response, queries = get(client, article.url)  # kept for the new tags
    assert queries == 1 + SITE_QUERIES
    assert lists_shown(response)[0] == related_cards


def test_a_story_without_a_publication_time_has_related_stories_but_no_neighbours(client):
    """A story stored without a publication time (imported, say) has no neighbours."""
    section = SectionPageFactory()
    article = ArticlePageFactory(parent=section, tags=["banjir"])
    flood = ArticlePageFactory(tags=["banjir"])
    ArticlePageFactory(parent=section)
    ArticlePage.objects.filter(pk=article.pk).update(published_at=None)
    first = shown(client, article.url)
    assert first[1] is None and first[2] is None
    assert any(flood.url in card for card in first[0])
    assert shown(client, article.url) == first  # kept by the worker since
