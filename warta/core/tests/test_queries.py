"""Query shapes that stay fast as the archive grows."""

import threading
from datetime import UTC, timedelta

import pytest
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, OuterRef, Q
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page, Site

from warta.core import compat
from warta.core.queries import (
    PreparedQuery,
    RowsColumn,
    in_any,
    read_datetime,
    read_rows,
    rows_column,
)
from warta.news.factories import (
    ArticlePageFactory,
    NewsImageFactory,
    PersonFactory,
    SectionPageFactory,
)
from warta.news.models import ArticlePage, ArticlePageTag, ArticleReporter, Person

pytestmark = pytest.mark.django_db


def test_in_any_unites_short_sliced_lists():
    first, second = SectionPageFactory(), SectionPageFactory()
    in_first = ArticlePageFactory.create_batch(3, parent=first)
    in_second = ArticlePageFactory.create_batch(2, parent=second)
    newest = ArticlePage.objects.order_by("-pk")
    found = ArticlePage.objects.filter(
        in_any(newest.child_of(first)[:2], newest.child_of(second)[:1], newest.child_of(second)[:1])
    )
    assert sorted(found.values_list("pk", flat=True)) == sorted(
        [in_first[2].pk, in_first[1].pk, in_second[1].pk]
    )


def test_in_no_list_selects_nothing():
    ArticlePageFactory()
    assert not ArticlePage.objects.filter(in_any()).exists()


def stories_query() -> PreparedQuery:
    """Stories under a path, published before a time, other than one: a query with a LIKE
    pattern, a comparison, an exclusion, a join and a prefetch."""

    def build(under, before, other_than):
        return (
            ArticlePage.objects.filter(path__startswith=under, published_at__lt=before)
            .exclude(pk=other_than)
            .select_related("main_image")
            .prefetch_related("reporter_links")
            .order_by("pk")
        )

    return PreparedQuery(
        build,
        under=Page._meta.get_field("path"),
        before=ArticlePage._meta.get_field("published_at"),
        other_than=ArticlePage._meta.pk,
    )


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


def test_a_value_missing_from_the_query_is_an_error_on_its_first_run():
    query = PreparedQuery(lambda slug: ArticlePage.objects.all(), slug=Page._meta.get_field("slug"))
    if compat.on("prepared-queries"):
        with pytest.raises(ValueError, match="slug"):
            query.run(slug="apa-saja")
    else:  # built with the values each time: nothing to find them in
        assert query.run(slug="apa-saja") == []


def test_rows_carried_in_a_column_read_back_as_the_queryset_would_give_them():
    people = [
        PersonFactory(name='Ana "Ani", Pati', initials="", bio="Baris satu.\nBaris dua"),
        PersonFactory(name="Budi", photo=NewsImageFactory()),
        PersonFactory(name="Citra"),
    ]
    article, bare = ArticlePageFactory(), ArticlePageFactory()
    # Credited out of key order, one byline without a place: it comes last.
    for person, order in zip(people, [2, None, 0], strict=True):
        ArticleReporter.objects.create(page=article, person=person, sort_order=order)
    bylines = RowsColumn(Person, through="person", order=("sort_order", "id"))
    found = {
        page.pk: page.rows
        for page in ArticlePage.objects.annotate(
            rows=bylines.column(ArticleReporter.objects.filter(page=OuterRef("pk")))
        ).filter(pk__in=[article.pk, bare.pk])
    }
    read = bylines.read(found[article.pk])
    assert [person.name for person in read] == ["Citra", 'Ana "Ani", Pati', "Budi"]
    for person in read:  # whole instances, equal field by field to the stored rows
        stored = Person.objects.get(pk=person.pk)
        assert all(
            getattr(person, f.attname) == getattr(stored, f.attname)
            for f in Person._meta.concrete_fields
        )
        assert not person._state.adding
    assert bylines.read(found[bare.pk]) == []


def test_tags_carried_in_a_column_keep_the_order_they_were_given():
    article = ArticlePageFactory(tags=["Zebra", "Apel", "Mangga"])
    tags = RowsColumn(Tag, through="tag", order=("id",))
    row = ArticlePage.objects.annotate(
        rows=tags.column(ArticlePageTag.objects.filter(content_object=OuterRef("pk")))
    ).get(pk=article.pk)
    assert [tag.name for tag in tags.read(row.rows)] == ["Zebra", "Apel", "Mangga"]


def test_booleans_carried_in_a_column_read_back_as_booleans():
    """SQLite writes a boolean into JSON as 0 or 1; the field's value is True or False."""
    Site.objects.create(hostname="kedua.example", port=80, root_page=Page.objects.first())
    sites = RowsColumn(Site, order=("id",))
    page = Page.objects.annotate(rows=sites.column(Site.objects.all())).first()
    read = sites.read(page.rows)
    assert [site.is_default_site for site in read] == [
        site.is_default_site for site in Site.objects.order_by("id")
    ]
    assert {type(site.is_default_site) for site in read} == {bool}
    assert {site.is_default_site for site in read} == {True, False}


def test_a_row_of_the_wrong_length_is_an_error():
    with pytest.raises(ValueError, match="a row of 2 values for 3 fields"):
        RowsColumn(Tag, order=()).read('[1, "Apel"]')


def test_rows_of_models_json_would_not_carry_as_is_are_refused():
    with pytest.raises(TypeError, match="published_at"):
        RowsColumn(ArticlePage, order=("id",))


def test_rows_of_a_values_queryset_carry_dates_and_flags_as_stored():
    """`rows_column` over any queryset: the publication times come back as the same
    moments (PostgreSQL writes an offset in JSON, SQLite stores UTC without one), the
    flags as true or false."""
    at = timezone.now().replace(microsecond=123456) - timedelta(days=400)
    ids = [ArticlePageFactory(published_at=at).pk, ArticlePageFactory().pk]
    ArticlePage.objects.filter(pk=ids[1]).update(published_at=None)
    text = (
        Page.objects.filter(pk=ids[0])
        .annotate(
            rows=rows_column(
                ArticlePage.objects.filter(pk__in=ids).annotate(
                    dated=ExpressionWrapper(Q(published_at__isnull=False), BooleanField())
                ),
                "pk",
                "published_at",
                "dated",
            )
        )
        .get()
        .rows
    )
    rows = {pk: (read_datetime(moment), bool(dated)) for pk, moment, dated in read_rows(text)}
    assert rows == {ids[0]: (at, True), ids[1]: (None, False)}


def test_a_carried_date_reads_back_in_either_database_form():
    moment = timezone.datetime(2026, 11, 27, 3, 4, 5, 6, tzinfo=UTC)
    assert read_datetime("2026-11-27T03:04:05.000006+00:00") == moment
    assert read_datetime("2026-11-27 10:04:05.000006+07:00") == moment
    assert read_datetime("2026-11-27 03:04:05.000006") == moment  # SQLite: UTC, no offset
    assert read_datetime(None) is None
    with pytest.raises(ValueError, match="not a date and time"):
        read_datetime("kemarin")
