from django import template

from ..models import ArticleStats, Reaction
from ..shares import reaction_shares

register = template.Library()


def stats_for(article) -> ArticleStats:
    try:
        return article.stats
    except ArticleStats.DoesNotExist:
        return ArticleStats(article=article)


@register.simple_tag
def article_views(article) -> int:
    return stats_for(article).views


@register.inclusion_tag("engagement/reactions.html")
def article_reactions(article) -> dict:
    counts = stats_for(article).reaction_counts()
    shares = reaction_shares(counts)
    return {
        "article": article,
        "reactions": [
            {"key": r.value, "label": r.label, "count": counts[r.value], "share": shares[r.value]}
            for r in Reaction
        ],
    }
