"""Engagement on reader pages: the view count, the reactions, the view beacon, Terpopuler.

What these print is the same for every reader, so the pages stay cacheable: the
page's script reports the view and brings the numbers up to date.
"""

import time
from typing import NamedTuple

from django.utils import translation
from django.utils.translation import ngettext
from jinja2.ext import Extension

from warta.core import generation
from warta.core.addresses import reverse, static
from warta.core.caches import lru
from warta.core.jinja2 import inclusion, intcomma

from .models import ArticleStats, Reaction
from .popular import popular_lists
from .shares import reaction_shares

# How old the numbers printed in a cached page may get: the script refreshes them anyway.
COUNTS_MAX_AGE = 60
POPULAR_MAX_AGE = 300
POPULAR_KEPT_SECONDS = 60  # in each worker, between page-cache misses


def limit_page_cache(request, seconds: int) -> None:
    """Ask the page cache (warta.core) to keep this page no longer than `seconds`."""
    if request is not None:
        current = getattr(request, "cache_ttl_limit", None)
        request.cache_ttl_limit = seconds if current is None else min(current, seconds)


def stats_for(article) -> ArticleStats:
    try:
        return article.stats
    except ArticleStats.DoesNotExist:
        return ArticleStats(article=article)


def views_text(count: int, shown: str) -> str:
    return ngettext("%(shown)s view", "%(shown)s views", count) % {"shown": shown}


def article_view_count(context, article) -> dict:
    """The printed "(805 views)", with both plural forms for the script to update it."""
    limit_page_cache(context.get("request"), COUNTS_MAX_AGE)
    views = stats_for(article).views
    return {
        "text": views_text(views, intcomma(views)),
        "text_one": views_text(1, "{n}"),
        "text_other": views_text(2, "{n}"),
    }


def article_reactions(context, article) -> dict:
    """The six reactions: a plain form that the page's script turns into toggle buttons."""
    counts = stats_for(article).reaction_counts()
    shares = reaction_shares(counts)
    request = context.get("request")
    return {
        "article": article,
        "next": request.path if request else article.url,
        "reactions": [
            ShownReaction(
                kind.value,
                label,
                static(f"engagement/reactions/{kind.value}.svg"),
                counts[kind],
                shares[kind],
            )
            for kind, label in reaction_labels(translation.get_language())
        ],
    }


class ShownReaction(NamedTuple):
    key: str
    label: str
    icon: str
    count: int
    share: int


@lru("reaction-labels", maxsize=8, key="a language")
def reaction_labels(language: str) -> list[tuple[Reaction.Kind, str]]:
    """Each reaction with its label in `language`: the same on every page."""
    with translation.override(language):
        return [(kind, str(kind.label)) for kind in Reaction.Kind]


def view_beacon(context, article) -> dict:
    """The script that reports the view, and the pixel for readers without JavaScript.

    Left out of previews, so an editor's look at a draft or a revision is not a view.
    """
    request = context.get("request")
    previewing = bool(getattr(request, "is_preview", False))
    return {
        "article": article,
        "active": article.live and not previewing,
        "api": reverse("engagement:counts", article.pk),
    }


def popular_articles(context, section=None) -> dict:
    """Terpopuler on the home page, or within one section on its page.

    Each worker keeps the lists for a minute, and drops them at once when published
    content changes (warta.core.generation), so a story taken down leaves them.
    """
    request = context.get("request")
    limit_page_cache(request, POPULAR_MAX_AGE)
    lists = generation.kept(
        request,
        ("popular", section.pk if section else None),
        lambda: popular_lists(section=section),
        lambda _lists: time.time() + POPULAR_KEPT_SECONDS,
    )
    return {"request": request, "lists": lists}


class EngagementExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        environment.globals.update(
            article_view_count=inclusion(
                "engagement/view_count.html", article_view_count, takes_context=True
            ),
            article_reactions=inclusion(
                "engagement/reactions.html", article_reactions, takes_context=True
            ),
            view_beacon=inclusion("engagement/beacon.html", view_beacon, takes_context=True),
            popular_articles=inclusion(
                "engagement/popular.html", popular_articles, takes_context=True
            ),
        )
