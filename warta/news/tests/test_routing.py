"""Pages routed from memory: fewer queries, and never a page that has gone or moved."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from warta.news import routing
from warta.news.factories import (
    ArticlePageFactory,
    NewsImageFactory,
    PersonFactory,
    SectionPageFactory,
)
from warta.news.models import ArticlePage, ArticleReporter

pytestmark = pytest.mark.django_db


def get(client, url: str):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def without_clock(content: bytes) -> bytes:
    # The header clock shows the current second, which may tick between two requests.
    return re.sub(rb'<time class="site-clock".*?</time>', b"", content, flags=re.S)


def test_a_second_visit_is_routed_from_memory_with_the_same_page(client):
    article = ArticlePageFactory(parent=SectionPageFactory(parent=SectionPageFactory()))
    first, first_queries = get(client, article.url)
    second, second_queries = get(client, article.url)
    assert first.status_code == second.status_code == 200
    assert first.context["page"] == second.context["page"] == article
    # Wagtail walks the tree (site, three levels, .specific); memory takes one query.
    assert second_queries <= first_queries - 4
    assert without_clock(second.content) == without_clock(first.content)


def test_tags_bylines_and_photos_read_with_a_remembered_page_are_the_same(client):
    """Routed from memory, the article's query also brings its tags, bylines and lead
    renditions (ArticlePage.reader_columns): the page must not change with the route."""
    article = ArticlePageFactory(
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
    first, _ = get(client, article.url)
    second, _ = get(client, article.url)
    assert second.context["page"].tag_rows  # routed from memory: the tags came with it
    html = second.content.decode()
    assert html.index("#Zebra") < html.index("#Apel") < html.index("#Mangga")
    assert '<span class="sign-off">(Bu/Wa/Sa)</span>' in html
    assert "fill-1200x675" in html  # the lead photo, from the renditions read with it
    assert without_clock(second.content) == without_clock(first.content)


def test_an_unpublished_page_is_not_served_from_a_remembered_route(client):
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


def test_routes_are_forgotten_when_a_site_changes(client):
    article = ArticlePageFactory()
    client.get(article.url)
    assert routing._routes and routing._sites
    article.get_site().save()
    assert not routing._routes and not routing._sites


@pytest.mark.parametrize("restrict", ["page", "section"])
def test_a_private_page_stays_private_when_routed_from_memory(client, restrict):
    """A view restriction on the page or its section applies on every visit, remembered or not."""
    from wagtail.models import PageViewRestriction

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


def test_an_unrestricted_page_routed_from_memory_checks_no_restrictions(client):
    article = ArticlePageFactory()
    client.get(article.url)
    response, _count = get(client, article.url)
    assert response.context["page"].may_be_restricted is False
    assert not response.context["page"].get_view_restrictions()


def test_an_alias_of_a_private_page_stays_private_when_routed_from_memory(client):
    """An alias takes its source's restrictions (Wagtail's rule), wherever it is filed."""
    from wagtail.models import PageViewRestriction

    article = ArticlePageFactory(title="Catatan rapat redaksi")
    PageViewRestriction.objects.create(
        page=article,
        restriction_type=PageViewRestriction.PASSWORD,
        password="sandi",  # noqa: S106
    )
    alias = article.create_alias(parent=SectionPageFactory(title="Terbuka"))
    for _visit in range(3):  # routed by Wagtail, then twice from memory
        response = client.get(alias.url)
        assert "Catatan rapat redaksi" not in response.content.decode()
        assert 'name="password"' in response.content.decode()


def test_restrictions_kept_by_the_worker_follow_each_change(client):
    """A new restriction, and its removal, apply on the next visit of a remembered page."""
    from wagtail.models import PageViewRestriction

    from warta.news.restrictions import private_paths

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


def story_lists(client, url: str):
    """The related stories and the previous and next ones an article page shows."""
    context = client.get(url).context
    return (
        [str(card) for card in context["related_cards"]],
        context["previous_article"],
        context["next_article"],
    )


def test_stories_beside_a_remembered_page_are_those_found_by_their_own_query(client):
    """Routed from memory, the article's query also brings the related and neighbouring
    stories (ArticlePage.related_column): the same, in the same order, as their own
    query gives on the first visit, for a story with tags, one without, and stories
    published at the same second."""
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
        routing._routes.clear()
        first = story_lists(client, article.url)  # routed by Wagtail: a query of their own
        response = client.get(article.url)  # from memory, read with the page
        assert response.context["page"].brought_related()
        assert lists_shown(response) == first
        with CaptureQueriesContext(connection) as queries:
            response = client.get(article.url)  # kept by the worker since
        assert len(queries) == 1
        assert lists_shown(response) == first
        assert first[0] or first[1] or first[2]  # every story here has some beside it


def lists_shown(response):
    context = response.context
    related = [str(card) for card in context["related_cards"]]
    return related, context["previous_article"], context["next_article"]


def test_stories_beside_a_story_are_kept_until_content_changes(client):
    """Once read with the story, the stories beside it are kept by the worker at the
    content generation: later visits leave them out of the story's query. A story
    published meanwhile (a new generation) is among them on the next visit."""
    section = SectionPageFactory()
    article = ArticlePageFactory(parent=section, tags=["banjir"])
    older = ArticlePageFactory(tags=["banjir"], published_at=timezone.now() - timedelta(1))
    client.get(article.url)  # routed by Wagtail
    brought = client.get(article.url)  # from memory, read with the page
    assert brought.context["page"].brought_related()
    with CaptureQueriesContext(connection) as queries:
        kept = client.get(article.url)
    assert len(queries) == 1
    assert "related_rows" not in kept.context["page"].__dict__
    assert len(queries[0]["sql"]) < 0.8 * len(routing_sql(brought))
    assert lists_shown(kept) == lists_shown(brought)
    assert any(older.url in card for card in lists_shown(kept)[0])
    newer = ArticlePageFactory(tags=["banjir"])  # bumps the content generation
    response = client.get(article.url)
    # The worker had not seen the new generation: it left them out of the story's query,
    # found them out of date with the page, and read them with a query of their own.
    assert "related_rows" not in response.context["page"].__dict__
    related = lists_shown(response)[0]
    assert any(newer.url in card for card in related)
    assert related.index(next(c for c in related if newer.url in c)) < related.index(
        next(c for c in related if older.url in c)
    )
    again = client.get(article.url)
    assert "related_rows" not in again.context["page"].__dict__
    assert lists_shown(again) == lists_shown(response)


def routing_sql(response) -> str:
    """The SQL of the page's own query on a visit routed from memory."""
    page = response.context["page"]
    return routing.route_query(type(page), page.remembered[0]).sql


def test_a_remembered_route_is_not_used_for_a_page_under_another_parent(client):
    """The stories beside a page are worked out for the parent it was remembered under: a
    page found elsewhere in the tree (even at the same address) is routed the long way."""
    article = ArticlePageFactory()
    client.get(article.url)
    site = article.get_site()
    path = article.url_path[len(site.root_page.url_path) :]
    key = (site.pk, path)
    page_id, model, parent, depth, memory = routing._routes[key]
    assert parent == article.path[: -article.steplen] and depth == article.depth
    routing._routes[key] = (page_id, model, SectionPageFactory().path, depth, memory)
    request = RequestFactory().get(article.url)
    assert routing.remembered_route(request, site, path) is None
    assert key not in routing._routes


def test_an_article_whose_section_is_not_live_reads_its_stories_separately(client):
    """A story's section is its nearest live section: when its parent is not live, the
    stories read with the page (for the parent) are not used."""
    upper = SectionPageFactory(title="Daerah")
    parent = SectionPageFactory(parent=upper, title="Pati")
    article = ArticlePageFactory(parent=parent, tags=["pati"])
    neighbour = ArticlePageFactory(parent=parent, published_at=timezone.now() - timedelta(1))
    tagged = ArticlePageFactory(parent=upper, tags=["pati"])
    parent.unpublish()  # its stories stay live
    article.refresh_from_db()
    assert article.live
    first = story_lists(client, article.url)
    second_response = client.get(article.url)
    page = second_response.context["page"]
    assert "related_rows" in page.__dict__ and not page.brought_related()
    assert [s.pk for s in page.sections] == [upper.pk]
    second = story_lists(client, article.url)
    assert second == first
    assert first[1] is not None and first[1].url == neighbour.url
    assert tagged.url in str(first[0])


def test_stories_beside_a_story_whose_tags_changed_are_read_for_its_new_tags(client):
    """The page's query is built for the tags the story had when this worker last served
    it: when they have changed, the stories read with it are not used (its own query
    gives them), and the next visit is built for the new tags."""
    section = SectionPageFactory()
    article = ArticlePageFactory(parent=section, tags=["banjir"])
    flood = ArticlePageFactory(tags=["banjir"])
    vote = ArticlePageFactory(tags=["pemilu"])
    story_lists(client, article.url)
    related, _previous, _next = story_lists(client, article.url)  # from memory
    assert any(flood.url in card for card in related)
    article.tags.set(["pemilu"])
    article.save_revision().publish()
    response = client.get(article.url)
    page = response.context["page"]
    assert not page.brought_related()
    cards = [str(card) for card in response.context["related_cards"]]
    assert any(vote.url in card for card in cards)
    assert not any(flood.url in card for card in cards)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(article.url)  # kept for the new tags
    assert len(queries) == 1
    assert [str(card) for card in response.context["related_cards"]] == cards


def test_a_story_without_a_publication_time_is_read_with_the_stories_beside_it(client):
    """A story stored without a publication time (imported, say) has no neighbours; its
    related stories still come with its own query, once remembered as it is."""
    section = SectionPageFactory()
    article = ArticlePageFactory(parent=section, tags=["banjir"])
    flood = ArticlePageFactory(tags=["banjir"])
    ArticlePageFactory(parent=section)
    ArticlePage.objects.filter(pk=article.pk).update(published_at=None)
    first = story_lists(client, article.url)  # routed by Wagtail
    assert first[1] is None and first[2] is None
    assert any(flood.url in card for card in first[0])
    response = client.get(article.url)  # from memory, remembered without a time
    assert response.context["page"].brought_related()
    assert lists_shown(response) == first
    assert story_lists(client, article.url) == first  # kept by the worker since


def test_remembered_routes_share_their_shape_and_keep_only_values(client):
    """A worker may remember 100,000 routes: for each story it keeps its tag ids and
    publication time; the names and fields of its query's shape are one object per shape."""
    first = ArticlePageFactory(tags=["banjir", "pati"])
    second = ArticlePageFactory(tags=["jalan", "desa"])
    for article in (first, second):
        client.get(article.url)
    memories = [entry[4] for entry in routing._routes.values()]
    assert len(memories) == 2
    (shape_a, values_a), (shape_b, values_b) = memories
    assert shape_a is shape_b and [name for name, _field in shape_a] == ["tag0", "tag1", "at"]
    assert {values_a[:2], values_b[:2]} == {
        tuple(tag.pk for tag in article.tag_list) for article in (first, second)
    }
