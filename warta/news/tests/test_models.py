"""Rules that live on the news models and querysets."""

from datetime import timedelta

import pytest
from django.db.models import FETCH_PEERS
from django.utils import timezone

from warta.news.factories import ArticlePageFactory, PersonFactory, SectionPageFactory
from warta.news.models import ArticlePage


def pks(stories) -> list[int]:
    return [story.pk for story in stories]


pytestmark = pytest.mark.django_db


def test_story_published_later_is_dated_at_first_publication():
    """A draft without a publication time gets the moment it goes live."""
    section = SectionPageFactory()
    draft = ArticlePage(title="Draf", slug="draf", body=[], live=False)
    section.add_child(instance=draft)
    draft.save_revision()
    assert ArticlePage.objects.get(pk=draft.pk).published_at is None
    before = timezone.now()
    draft.get_latest_revision().publish()
    published = ArticlePage.objects.get(pk=draft.pk)
    assert published.published_at >= before
    published.save_revision().publish()  # a later revision keeps the original time
    assert ArticlePage.objects.get(pk=draft.pk).published_at == published.published_at


def test_breaking_without_end_stays_until_unflagged():
    """A breaking story with no end time stays in the ticker."""
    article = ArticlePageFactory(is_breaking=True, breaking_until=None)
    assert list(ArticlePage.objects.breaking()) == [article]


def test_breaking_story_leaves_the_ticker_at_its_end_time():
    """The breaking queryset drops a story once its end time has passed."""
    now = timezone.now()
    article = ArticlePageFactory(is_breaking=True, breaking_until=now + timedelta(minutes=5))
    assert article in ArticlePage.objects.breaking(now)
    assert article not in ArticlePage.objects.breaking(now + timedelta(minutes=6))


def test_sign_off_joins_reporters_and_optionally_the_editor():
    """(Ag/Rz) for two reporters; the editor's initials only when the outlet shows them."""
    article = ArticlePageFactory(
        reporters=[PersonFactory(initials="Ag"), PersonFactory(initials="Rz")],
        editor=PersonFactory(initials="Ed"),
    )
    assert article.sign_off(show_editor=False) == "Ag/Rz"
    assert article.sign_off(show_editor=True) == "Ag/Rz/Ed"


def test_credit_prefers_credit_line_then_reporters_then_outlet():
    reporter = PersonFactory(name="Siti")
    assert ArticlePageFactory(credit_line="Antara").credit("Warta") == "Antara"
    assert ArticlePageFactory(reporters=[reporter]).credit("Warta") == "Siti"
    assert ArticlePageFactory().credit("Warta") == "Warta"


def test_related_articles_put_shared_tags_first_and_exclude_the_article():
    """Related stories share a tag or the section; those sharing a tag come first."""
    section = SectionPageFactory()
    article = ArticlePageFactory(parent=section, tags=["banjir"])
    same_section = ArticlePageFactory(parent=section)
    elsewhere_same_tag = ArticlePageFactory(
        tags=["banjir"], published_at=timezone.now() - timedelta(days=3)
    )
    ArticlePageFactory()  # unrelated
    assert pks(article.related_articles()) == pks([elsewhere_same_tag, same_section])


def test_related_articles_are_the_newest_sharing_a_tag_then_the_newest_of_the_section():
    """Four stories: those sharing a tag (newest first), topped up from the section."""
    now = timezone.now()
    section = SectionPageFactory()
    article = ArticlePageFactory(parent=section, tags=["banjir", "pati"])

    def story(hours: int, **fields):
        return ArticlePageFactory(published_at=now - timedelta(hours=hours), **fields)

    tagged = [story(10, tags=["pati"]), story(30, tags=["banjir"])]
    story(40, tags=["pemilu"])  # another tag, elsewhere: unrelated
    in_section = [story(n, parent=section) for n in (1, 2, 3)]
    assert pks(article.related_articles()) == pks([*tagged, *in_section[:2]])
    newer_tagged = [story(n, tags=["banjir"], parent=section) for n in (4, 5, 6, 7)]
    assert pks(article.related_articles()) == pks(newer_tagged)
    assert pks(article.related_articles(limit=6)) == pks([*newer_tagged, *tagged])


def test_a_pages_address_is_kept_per_language_and_follows_a_move(monkeypatch):
    """Worked out once per path and language; a moved page is addressed by its new path."""
    from django.utils import translation
    from wagtail.models import Page

    old_home = SectionPageFactory(slug="lama")
    new_home = SectionPageFactory(slug="baru")
    article = ArticlePageFactory(parent=old_home, slug="berita")
    worked_out = []
    original = Page.get_url_parts
    monkeypatch.setattr(
        Page, "get_url_parts", lambda page, request=None: worked_out.append(1) or original(page)
    )
    assert article.url == article.url == "/lama/berita/"
    with translation.override("en"):
        assert article.url == "/en/lama/berita/"
    assert len(worked_out) == 2
    article.move(new_home, pos="last-child")
    article.refresh_from_db(fields=["url_path"])
    assert article.url == "/baru/berita/"


def test_a_reader_pages_addresses_are_kept_by_the_worker_until_content_changes(client, monkeypatch):
    """A story is a new instance on every request: its address and its
    sections' are kept by the worker at the content generation, not worked out again
    (Wagtail reverses a URL and reads the sites' root paths from the cache for each). Any
    change to content or to a Site works them out again."""
    from wagtail.models import Page

    article = ArticlePageFactory(parent=SectionPageFactory(slug="hukum"), slug="sidang")
    worked_out = []
    original = Page.get_url_parts
    monkeypatch.setattr(
        Page,
        "get_url_parts",
        lambda page, request=None: worked_out.append(page.pk) or original(page, request),
    )
    client.get(article.url)  # addresses worked out for this generation
    worked_out.clear()
    response = client.get(article.url)
    assert response.status_code == 200 and worked_out == []
    assert 'href="/hukum/"' in response.content.decode()
    article.get_site().save()  # a Site changed: every address may have
    response = client.get(article.url)
    assert article.pk in worked_out
    assert 'href="/hukum/"' in response.content.decode()


def test_pages_read_from_the_database_are_whole():
    """Pages are built by Django's constructor alone when read: every field as stored,
    the body a stream, not adding; with fields deferred they load as Django loads them."""
    article = ArticlePageFactory()
    read = ArticlePage.objects.get(pk=article.pk)
    assert not read._state.adding and read._state.db == "default"
    assert all(
        getattr(read, f.attname) == getattr(article, f.attname)
        for f in ArticlePage._meta.concrete_fields
        if f.name != "body"
    )
    assert [block.block_type for block in read.body] == [block.block_type for block in article.body]
    assert read.content_type_id == article.content_type_id and read.show_in_menus is False

    peers = ArticlePage.objects.fetch_mode(FETCH_PEERS).get(pk=article.pk)
    assert peers._state.fetch_mode is FETCH_PEERS

    deferred = ArticlePage.objects.defer("summary").get(pk=article.pk)
    assert "summary" not in deferred.__dict__
    assert deferred.summary == article.summary
