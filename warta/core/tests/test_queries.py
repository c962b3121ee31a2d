"""Query shapes that stay fast as the archive grows."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from warta.core.queries import PreparedQuery, keys_of_any, placeholders
from warta.news.factories import (
    ArticlePageFactory,
    NewsImageFactory,
    PersonFactory,
    SectionPageFactory,
)
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


def stories_query() -> PreparedQuery:
    """Stories under a path, published before a time, other than one: a query with a LIKE
    pattern, a comparison, an exclusion, a join, an annotation and a prefetch."""
    places = placeholders(
        under=Page._meta.get_field("path"),
        before=ArticlePage._meta.get_field("published_at"),
        other_than=ArticlePage._meta.pk,
    )
    stories = (
        ArticlePage.objects.filter(
            path__startswith=places["under"].sample, published_at__lt=places["before"].sample
        )
        .exclude(pk=places["other_than"].sample)
        .select_related("main_image")
        .prefetch_related("reporter_links")
        .order_by("pk")
    )
    return PreparedQuery(stories, places)


def test_a_prepared_query_runs_with_new_values_as_its_queryset_would():
    now = timezone.now()
    pati, kudus = SectionPageFactory(), SectionPageFactory()
    image = NewsImageFactory()
    old, new, skipped = (
        ArticlePageFactory(
            parent=pati,
            published_at=now - timedelta(days=d),
            main_image=image,
            reporters=[PersonFactory()],
        )
        for d in (3, 1, 2)
    )
    ArticlePageFactory(parent=kudus, published_at=now - timedelta(days=5))
    query = stories_query()
    found = query.run(under=pati.path, before=now, other_than=skipped.pk)
    assert found == [old, new]
    with CaptureQueriesContext(connection) as queries:
        assert found[0].main_image == image
        assert len(found[0].reporter_links.all()) == 1
    assert len(queries) == 0  # joined and prefetched as the queryset asked
    assert query.run(under=pati.path, before=now - timedelta(days=2), other_than=0) == [old]
    assert query.run(under=kudus.path, before=now, other_than=0)[0].get_parent().pk == kudus.pk


def test_a_prepared_pattern_escapes_its_value():
    ArticlePageFactory()
    assert stories_query().run(under="%", before=timezone.now(), other_than=0) == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_prepared_query_runs_in_another_thread():
    article = ArticlePageFactory()
    query = stories_query()
    found = []

    def read() -> None:
        try:
            found.extend(query.run(under=article.path[:4], before=timezone.now(), other_than=0))
        finally:
            connection.close()  # the thread's own connection, or it outlives the test

    thread = threading.Thread(target=read)
    thread.start()
    thread.join()
    assert found == [article]


def test_a_placeholder_missing_from_the_query_is_an_error():
    places = placeholders(slug=Page._meta.get_field("slug"))
    with pytest.raises(ValueError, match="slug"):
        PreparedQuery(ArticlePage.objects.all(), places)
