"""Previous and next story in the article's section, by publication time."""

from datetime import datetime

import pytest
from django.utils import timezone

from warta.news.factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


def wib(*args) -> datetime:
    return timezone.make_aware(datetime(*args), timezone.get_default_timezone())


@pytest.fixture
def section_stories():
    section = SectionPageFactory(title="Pati")
    # Filed out of order: the tree order must not matter, only publication time.
    middle = ArticlePageFactory(parent=section, title="Tengah", published_at=wib(2024, 3, 2, 9))
    newest = ArticlePageFactory(parent=section, title="Terbaru", published_at=wib(2024, 3, 3, 9))
    oldest = ArticlePageFactory(parent=section, title="Terlama", published_at=wib(2024, 3, 1, 9))
    ArticlePageFactory(title="Rubrik lain", published_at=wib(2024, 3, 2, 12))
    return oldest, middle, newest


def pks(pair) -> tuple:
    return tuple(article.pk if article else None for article in pair)


def test_previous_is_the_story_published_just_before_in_the_same_section(section_stories):
    """Previous and next skip other sections and follow publication time."""
    oldest, middle, newest = section_stories
    assert pks(middle.neighbours_in_section()) == (oldest.pk, newest.pk)
    assert pks(oldest.neighbours_in_section()) == (None, middle.pk)
    assert pks(newest.neighbours_in_section()) == (middle.pk, None)


def test_article_page_links_previous_and_next(client, section_stories):
    """The article page links both neighbours with rel=prev and rel=next."""
    oldest, middle, newest = section_stories
    html = client.get(middle.url).content.decode()
    assert 'aria-label="Lainnya di Pati"' in html
    assert f'rel="prev" href="{oldest.url}"' in html and "Terlama</a>" in html
    assert f'rel="next" href="{newest.url}"' in html and "Terbaru</a>" in html


def test_drafts_are_skipped(section_stories):
    """An unpublished neighbour is passed over."""
    oldest, middle, newest = section_stories
    middle.unpublish()
    assert pks(newest.neighbours_in_section()) == (oldest.pk, None)


def test_stories_published_at_the_same_moment_still_have_an_order(client):
    """Equal publication times are ordered by id, so no story is skipped or repeated."""
    section = SectionPageFactory()
    moment = wib(2024, 3, 2, 9)
    first, second, third = (
        ArticlePageFactory(parent=section, published_at=moment) for _ in range(3)
    )
    assert pks(second.neighbours_in_section()) == (first.pk, third.pk)
