"""Story lists stay counted as stories are published, changed, moved and deleted."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from warta.news import story_lists
from warta.news.factories import ArticlePageFactory, PersonFactory, SectionPageFactory
from warta.news.models import ArticlePage, SectionPage, StoryList
from warta.news.pagination import ARTICLES_PER_PAGE
from warta.news.signals import count_story_lists

pytestmark = pytest.mark.django_db

Kind = StoryList.Kind


def counts(kind: str | None = None) -> dict[tuple[str, int], int]:
    """Counts of lists with stories, by (kind, key), as readers see them."""
    story_lists.settle(StoryList.objects.all())
    rows = StoryList.objects.filter(story_count__gt=0)
    if kind:
        rows = rows.filter(kind=kind)
    return {(row.kind, row.key): row.story_count for row in rows}


def count(kind: str, key: int) -> int:
    return counts(kind).get((kind, key), 0)


def publish_new(parent, **fields) -> ArticlePage:
    """An article written as a draft and published as an editor does."""
    article = parent.add_child(instance=ArticlePage(live=False, **fields))
    article.save_revision().publish()
    return ArticlePage.objects.get(pk=article.pk)


def test_sections_count_what_they_list_through_publication_moves_and_deletion():
    daerah = SectionPageFactory(title="Daerah")
    pati = SectionPageFactory(title="Pati", parent=daerah)
    kudus = SectionPageFactory(title="Kudus", parent=daerah)
    first = publish_new(pati, title="Satu", slug="satu", dateline="Pati", summary="S.")
    publish_new(pati, title="Dua", slug="dua", dateline="Pati", summary="S.")
    assert (count(Kind.SECTION, daerah.pk), count(Kind.SECTION, pati.pk)) == (2, 2)

    first.unpublish()
    assert (count(Kind.SECTION, daerah.pk), count(Kind.SECTION, pati.pk)) == (1, 1)
    first.save_revision().publish()
    first.refresh_from_db()
    first.move(kudus, pos="last-child")
    assert count(Kind.SECTION, daerah.pk) == 2
    assert (count(Kind.SECTION, pati.pk), count(Kind.SECTION, kudus.pk)) == (1, 1)

    ArticlePage.objects.get(pk=first.pk).delete()
    assert (count(Kind.SECTION, daerah.pk), count(Kind.SECTION, kudus.pk)) == (1, 0)


def test_tags_and_credits_taken_off_a_story_leave_their_lists():
    agus, budi = PersonFactory(), PersonFactory()
    rina, sari = PersonFactory(), PersonFactory()
    article = ArticlePageFactory(tags=["banjir"], reporters=[agus], editor=rina)
    banjir = article.tags.get().pk
    assert {count(Kind.PERSON, p.pk) for p in (agus, rina)} == {1}
    assert count(Kind.TAG, banjir) == 1

    article = ArticlePage.objects.get(pk=article.pk)
    article.tags.set(["pati"])
    article.reporter_links.all().delete()
    article.reporter_links.create(person=budi)
    article.editor = sari
    article.save_revision().publish()
    pati = article.tags.get().pk
    assert count(Kind.TAG, banjir) == 0 and count(Kind.TAG, pati) == 1
    assert [count(Kind.PERSON, p.pk) for p in (agus, budi, rina, sari)] == [0, 1, 0, 1]


def test_a_story_under_a_view_restriction_leaves_tag_and_people_lists():
    section = SectionPageFactory()
    reporter = PersonFactory()
    article = ArticlePageFactory(parent=section, tags=["banjir"], reporters=[reporter])
    banjir = article.tags.get().pk
    block = story_lists.block_of(article.pk)
    restriction = PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="rahasia"
    )
    assert count(Kind.TAG, banjir) == count(Kind.PERSON, reporter.pk) == count(Kind.BLOCK, block)
    assert count(Kind.TAG, banjir) == 0
    # The section page itself is restricted as a whole, and still counts what it lists.
    assert count(Kind.SECTION, section.pk) == 1
    restriction.delete()
    assert count(Kind.TAG, banjir) == count(Kind.PERSON, reporter.pk) == 1


def test_a_rebuild_counts_what_the_changes_counted():
    daerah = SectionPageFactory()
    pati = SectionPageFactory(parent=daerah)
    people = PersonFactory.create_batch(3)
    for number in range(6):
        ArticlePageFactory(
            parent=pati if number % 2 else daerah,
            tags=["banjir", f"tag-{number % 3}"],
            reporters=people[: number % 3 + 1],
            editor=people[number % 3],
        )
    ArticlePage.objects.live().first().unpublish()
    kept = counts()
    assert kept
    story_lists.rebuild()
    assert counts() == kept


def test_stories_loaded_before_the_lists_existed_are_counted_after_migrating():
    article = ArticlePageFactory(tags=["banjir"])
    StoryList.objects.all().delete()
    count_story_lists()
    assert count(Kind.TAG, article.tags.get().pk) == 1
    assert count(Kind.SECTION, article.get_parent().pk) == 1


def test_a_section_page_counts_its_stories_only_after_a_change(client):
    section = SectionPageFactory()
    ArticlePageFactory.create_batch(ARTICLES_PER_PAGE + 1, parent=section)
    client.get(section.url)  # the first reader after the change counts the section
    with CaptureQueriesContext(connection) as queries:
        response = client.get(section.url, {"page": 2})
    assert response.status_code == 200
    assert len(response.context["articles"]) == 1
    assert not [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
    assert client.get(section.url, {"page": 3}).status_code == 404


def test_the_recount_command_repairs_counts_changed_behind_its_back():
    article = ArticlePageFactory(tags=["banjir"])
    banjir = article.tags.get().pk
    assert count(Kind.TAG, banjir) == 1
    ArticlePage.objects.filter(pk=article.pk).update(live=False)  # no signal
    assert count(Kind.TAG, banjir) == 1
    out = StringIO()
    call_command("count_story_lists", stdout=out)
    assert count(Kind.TAG, banjir) == 0
    assert "Counted" in out.getvalue()


def test_a_change_made_while_a_list_was_counted_leaves_it_marked():
    article = ArticlePageFactory(tags=["banjir"])
    row = StoryList.objects.get(kind=Kind.TAG, key=article.tags.get().pk)
    story_lists.story_changed([(row.site_root_id, row.kind, row.key)])  # while counting
    row.recounted(ArticlePage.objects)  # records the change it read, not the later one
    row.refresh_from_db()
    assert row.counted < row.changes
    assert count(Kind.TAG, row.key) == 1


def test_a_draft_shows_its_own_tags_not_the_published_ones():
    """Tags are read with a prepared query, except from a draft or a preview, whose tags
    are in memory."""
    article = ArticlePage.objects.get(pk=ArticlePageFactory(tags=["banjir"]).pk)
    assert [tag.name for tag in article.tag_list] == ["banjir"]
    article.tags.set(["pati"])
    draft = article.save_revision().as_object()
    assert [tag.name for tag in draft.tag_list] == ["pati"]
    assert [tag.name for tag in ArticlePage.objects.get(pk=article.pk).tag_list] == ["banjir"]


def test_a_moved_section_takes_its_stories_to_its_new_parents_lists():
    daerah, politik = SectionPageFactory(title="Daerah"), SectionPageFactory(title="Politik")
    pati = SectionPageFactory(title="Pati", parent=daerah)
    ArticlePageFactory.create_batch(2, parent=pati)
    assert (count(Kind.SECTION, daerah.pk), count(Kind.SECTION, politik.pk)) == (2, 0)
    SectionPage.objects.get(pk=pati.pk).move(politik, pos="last-child")
    assert (count(Kind.SECTION, daerah.pk), count(Kind.SECTION, politik.pk)) == (0, 2)
    assert count(Kind.SECTION, pati.pk) == 2
