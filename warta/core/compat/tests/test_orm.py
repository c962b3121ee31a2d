"""prepared-queries, union-of-lists and pages-from-rows: what they assume of Django's ORM."""

import pytest
from django.db import connection
from django.db.models import Model, QuerySet
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from warta.core.compat.orm import CompiledQuery, page_from_row, sql_of
from warta.news.factories import ArticlePageFactory, NewsImageFactory, SectionPageFactory
from warta.news.models import ArticlePage, HomePage, SectionPage

pytestmark = pytest.mark.django_db


def test_querysets_keep_what_their_iterables_read():
    """A compiled query hands Django's iterable classes a stand-in for the queryset that
    has what they read; a release renaming any of these fails here, not on a page."""
    queryset = ArticlePage.objects.select_related("main_image")
    read = ("_iterable_class", "_fetch_mode", "_known_related_objects", "_prefetch_related_lookups")
    for name in read:
        assert hasattr(queryset, name), name
    compiler = queryset.query.get_compiler(queryset.db)
    sql, params = compiler.as_sql()
    assert isinstance(sql, str) and isinstance(params, tuple | list)
    assert callable(compiler.get_converters)


def test_a_compiled_query_gives_what_its_queryset_gives_with_other_values():
    """Instances with their joins, annotations and prefetches, for values other than the
    samples it was compiled with; values_list rows alike."""
    image = NewsImageFactory()
    pati, kudus = SectionPageFactory(), SectionPageFactory()
    in_pati = ArticlePageFactory.create_batch(2, parent=pati, main_image=image)
    ArticlePageFactory(parent=kudus)
    field = Page._meta.get_field("path")

    def stories(under: str) -> QuerySet:
        return (
            ArticlePage.objects.filter(path__startswith=under)
            .select_related("main_image")
            .prefetch_related("reporter_links")
            .order_by("pk")
        )

    compiled = CompiledQuery(stories("WartaSample1Z"), {"under": (field, "WartaSample1Z")})
    found = compiled.run({"under": pati.path})
    assert found == list(stories(pati.path)) == in_pati
    with CaptureQueriesContext(connection) as queries:
        assert found[0].main_image == image
        assert list(found[0].reporter_links.all()) == []
    assert len(queries) == 0
    rows = CompiledQuery(
        stories("WartaSample1Z").values_list("pk", "path"), {"under": (field, "WartaSample1Z")}
    )
    assert rows.run({"under": kudus.path}) == list(stories(kudus.path).values_list("pk", "path"))


def test_the_sql_of_a_queryset_runs_as_the_queryset():
    ArticlePageFactory.create_batch(3)
    sql, params = sql_of(ArticlePage.objects.order_by("-pk").values("pk")[:2])
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        assert [row[0] for row in cursor.fetchall()] == list(
            ArticlePage.objects.order_by("-pk").values_list("pk", flat=True)[:2]
        )


@pytest.mark.parametrize("model", [HomePage, SectionPage, ArticlePage])
def test_a_page_built_from_its_row_equals_the_one_django_builds(model):
    """What Django's `from_db` gives, field by field and in its state: the constructors of
    modelcluster and Wagtail add nothing to a stored page."""
    ArticlePageFactory()  # its section and the home page above it
    stored = model.objects.first()
    fields = model._meta.concrete_fields
    values = tuple(getattr(stored, field.attname) for field in fields)
    names = [field.attname for field in fields]
    built = page_from_row(model, "default", values)
    stock = Model.from_db.__func__(model, "default", names, values)
    assert type(built) is type(stock) is model
    assert [getattr(built, name) for name in names] == [getattr(stock, name) for name in names]
    assert (built._state.adding, built._state.db) == (stock._state.adding, stock._state.db)
    assert vars(stock).keys() <= vars(built).keys() | {"_state"}
