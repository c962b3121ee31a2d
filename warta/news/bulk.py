"""Many articles at once: the bulk inserts that large archives are made with.

Saving pages one by one through Wagtail costs tens of queries each (tree locks,
revisions, signals, the search index): hours for 100,000 stories. Whoever makes an
archive in bulk (the demo's generated archive, the WordPress import) computes the
treebeard paths in Python, inserts the page and article rows in bulk, then adds the
batch to the search index in one call, and rebuilds the story lists when done
(`story_lists.rebuild()`), since these inserts bypass the signals that keep them.
"""

from __future__ import annotations

from django.db import connection
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Page
from wagtail.search.backends import get_search_backends

from warta.search.text import values_computed_once

from .models import ArticlePage, ArticlePageTag, ArticleReporter


def child_path(parent_path: str, number: int) -> str:
    """The tree path of a page's child number `number` (1 is the first): treebeard's
    materialised path, a step of `Page.steplen` digits of `Page.alphabet` per level."""
    digits = ""
    while number:
        number, digit = divmod(number, len(Page.alphabet))
        digits = Page.alphabet[digit] + digits
    return parent_path + digits.rjust(Page.steplen, Page.alphabet[0])


def child_number(path: str) -> int:
    """The number of the child whose tree path is `path` (the inverse of `child_path`)."""
    number = 0
    for digit in path[-Page.steplen :]:
        number = number * len(Page.alphabet) + Page.alphabet.index(digit)
    return number


def last_child_number(parent_path: str, parent_depth: int) -> int:
    """The number of the last child in the tree of the page at `parent_path`, 0 when it
    has none."""
    last = (
        Page.objects.filter(path__startswith=parent_path, depth=parent_depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return child_number(last) if last else 0


def insert_article_rows(articles: list[ArticlePage]) -> None:
    """Insert the article table's own rows of `articles`, their page rows being there
    (multi-table inheritance: `bulk_create()` refuses such models)."""
    fields = ArticlePage._meta.local_concrete_fields
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    rows = [
        [field.get_db_prep_save(field.pre_save(article, True), connection) for field in fields]
        for article in articles
    ]
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {quote(ArticlePage._meta.db_table)} ({columns}) VALUES ({marks})",  # noqa: S608 - a model's table and columns
            rows,
        )


def add_bylines_and_tags(articles: list[tuple[int, list[int], list[str]]]) -> None:
    """The bylines and tags of articles just inserted: for each, its page id, the ids of
    its people in byline order and its tags' names."""
    ArticleReporter.objects.bulk_create(
        ArticleReporter(page_id=page_id, person_id=person_id, sort_order=order)
        for page_id, people, _names in articles
        for order, person_id in enumerate(people)
    )
    tags = tags_named({name for _page_id, _people, names in articles for name in names})
    ArticlePageTag.objects.bulk_create(
        ArticlePageTag(content_object_id=page_id, tag=tags[name])
        for page_id, _people, names in articles
        for name in names
    )


def index_articles(page_ids: list[int]) -> None:
    """Add the new articles to every search backend in one bulk call each."""
    articles = list(ArticlePage.get_indexed_objects().filter(pk__in=page_ids))
    with values_computed_once():
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(ArticlePage, articles)


def tags_named(names: set[str]) -> dict[str, Tag]:
    """The tags with these names, created where missing (in one statement, but for a name
    whose slug another tag has already)."""
    tags = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    missing = names - set(tags)
    if missing:
        Tag.objects.bulk_create(
            [Tag(name=name, slug=slugify(name, allow_unicode=True) or name) for name in missing],
            ignore_conflicts=True,
        )
        tags |= {tag.name: tag for tag in Tag.objects.filter(name__in=missing)}
        for name in names - set(tags):
            base, number = slugify(name, allow_unicode=True) or "tag", 2
            while Tag.objects.filter(slug=f"{base}-{number}").exists():
                number += 1
            tags[name] = Tag.objects.create(name=name, slug=f"{base}-{number}")
    return tags
