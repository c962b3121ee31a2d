"""Engagement on reader pages: the view count, the reactions, the view beacon, Terpopuler.

What these print is the same for every reader, so the pages stay cacheable: the
page's script reports the view and brings the numbers up to date.
"""

import time

from django import template
from django.urls import reverse

from warta.core import generation

from ..models import ArticleStats, Reaction
from ..popular import popular_lists
from ..shares import reaction_shares

register = template.Library()

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


@register.inclusion_tag("engagement/view_count.html", takes_context=True)
def article_view_count(context, article) -> dict:
    """The printed "(805 views)", with both plural forms for the script to update it."""
    limit_page_cache(context.get("request"), COUNTS_MAX_AGE)
    return {"views": stats_for(article).views}


@register.inclusion_tag("engagement/reactions.html", takes_context=True)
def article_reactions(context, article) -> dict:
    """The six reactions: a plain form that the page's script turns into toggle buttons."""
    counts = stats_for(article).reaction_counts()
    shares = reaction_shares(counts)
    request = context.get("request")
    return {
        "article": article,
        "next": request.path if request else article.url,
        "reactions": [
            {"key": kind.value, "label": kind.label, "count": counts[kind], "share": shares[kind]}
            for kind in Reaction.Kind
        ],
    }


@register.inclusion_tag("engagement/beacon.html", takes_context=True)
def view_beacon(context, article) -> dict:
    """The script that reports the view, and the pixel for readers without JavaScript.

    Left out of previews, so an editor's look at a draft or a revision is not a view.
    """
    request = context.get("request")
    previewing = bool(getattr(request, "is_preview", False))
    return {
        "article": article,
        "active": article.live and not previewing,
        "api": reverse("engagement:counts", args=[article.pk]),
    }


@register.inclusion_tag("engagement/popular.html", takes_context=True)
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
