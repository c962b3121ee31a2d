"""Query shapes that stay fast as the archive grows."""

import pytest

from warta.core.queries import keys_of_any
from warta.news.factories import ArticlePageFactory, SectionPageFactory
from warta.news.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_keys_of_any_unites_short_sliced_lists():
    first, second = SectionPageFactory(), SectionPageFactory()
    in_first = ArticlePageFactory.create_batch(3, parent=first)
    in_second = ArticlePageFactory.create_batch(2, parent=second)
    newest = ArticlePage.objects.order_by("-pk")
    found = ArticlePage.objects.filter(
        pk__in=keys_of_any(
            newest.child_of(first)[:2], newest.child_of(second)[:1], newest.child_of(second)[:1]
        )
    )
    assert sorted(found.values_list("pk", flat=True)) == sorted(
        [in_first[2].pk, in_first[1].pk, in_second[1].pk]
    )


def test_keys_of_nothing_select_nothing():
    ArticlePageFactory()
    assert not ArticlePage.objects.filter(pk__in=keys_of_any()).exists()
