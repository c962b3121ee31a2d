"""Story cards, the teaser of a story in every list, kept rendered in each worker.

A list of stories (the front page's blocks, a section, a tag, a reporter, an archive
day, the related stories under an article) names its stories by id, read with their
order from an index; `kept_parts()` gives their cards in that order. Each worker keeps
a card it rendered until published content changes (warta.core.generation); the cards
it has not rendered at this content generation are fetched in one query, with their
renditions in one more. A page rendered fresh therefore builds no story for a card it
already has: on the front page, building the stories of its forty cards was half of
its rendering time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from django.core.paginator import Page as PaginatorPage
from django.db.models import QuerySet
from django.template.loader import get_template
from django.utils import translation
from markupsafe import Markup
from wagtail.models import Page

from warta.core import generation
from warta.core.pagecache import tag_page_ids_shown
from warta.core.queries import PreparedQuery, prepared
from warta.images.models import prefetch_renditions
from warta.images.specs import CARD_IMAGE_SPECS

from .pagination import paginate


@dataclass(frozen=True)
class StoryLink:
    """A story as a link shows it (previous and next story): kept like its cards."""

    pk: int
    title: str
    url: str


class CardStyle(NamedTuple):
    large: bool = False
    show_summary: bool = False
    heading: str = "h3"


CARD = CardStyle()
LISTED_CARD = CardStyle(show_summary=True, heading="h2")
LISTED_UNDER_HEADING = CardStyle(show_summary=True, heading="h3")  # below an <h2>
HEADLINE_CARD = CardStyle(large=True, show_summary=True, heading="h2")
LINK = None  # in place of a style: the story's StoryLink


def kept_parts(
    request, model: type[Page], wanted: Iterable[tuple[int, CardStyle | None]]
) -> dict[tuple[int, CardStyle | None], Markup | StoryLink]:
    """For each (story id, style) in `wanted`, the story's card in that style, or its
    StoryLink for the style LINK; the live stories only, in the order wanted. Those not
    kept at this content generation are made from one query of the stories of `model`
    (with what their cards show: `model.objects.cards()`) and one of renditions."""
    language = translation.get_language()
    keys = [(pk, style, language) for pk, style in wanted]

    def make(missing: list[tuple]) -> dict[tuple, Markup | StoryLink]:
        articles = {a.pk: a for a in stories(model, {pk for pk, _style, _lang in missing})}
        with_cards = {pk for pk, style, _language in missing if style is not LINK}
        prefetch_renditions(
            [a.main_image for pk, a in articles.items() if pk in with_cards], CARD_IMAGE_SPECS
        )
        template = get_template("news/includes/article_card.html")
        made = {}
        for key in missing:
            pk, style, _language = key
            if (article := articles.get(pk)) is None:
                continue  # no longer live
            if style is LINK:
                made[key] = StoryLink(pk, article.title, article.get_url(request))
            else:  # the card's template escapes what it prints
                context = {"article": article, **style._asdict()}
                made[key] = Markup(template.render(context))  # noqa: S704
        return made

    return {key[:2]: part for key, part in generation.kept_each(request, keys, make).items()}


def stories(model: type[Page], ids: set[int]) -> list[Page]:
    """The live stories `ids` as their cards show them, by a query compiled once per
    number of ids, rounded up to a power of two (the list padded with its first id)."""
    ids = list(ids)
    size = 1 << (len(ids) - 1).bit_length()
    ids += ids[:1] * (size - len(ids))

    def build(**ids: int) -> QuerySet:
        return model.objects.cards().filter(pk__in=list(ids.values()))

    fields = {f"story{n}": model._meta.pk for n in range(size)}
    query = prepared(("cards", model, size), lambda: PreparedQuery(build, **fields))
    return query.run(**dict(zip(fields, ids, strict=True)))


def paginated_cards(
    request, ids: QuerySet, count: int | None = None, style: CardStyle = LISTED_CARD
) -> tuple[PaginatorPage, list[Markup]]:
    """One page (`?page=`) of the stories `ids` (a values_list of ids), and their cards."""
    articles = paginate(request, ids, count=count)
    articles.object_list = list(articles.object_list)
    tag_page_ids_shown(request, articles.object_list)
    parts = kept_parts(request, ids.model, ((pk, style) for pk in articles.object_list))
    return articles, list(parts.values())
