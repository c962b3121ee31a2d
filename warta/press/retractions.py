"""Retracting a story (PPMS point 5): the editor-in-chief withdraws it on one of the
grounds the guideline allows; its address keeps answering with the reason.

A retracted story is unpublished, so it leaves every list, feed, sitemap, search and
"related" box through the rule they already share (only live stories); the Retraction
row is what its address then shows (middleware.py), at 200 and `noindex`.
"""

from __future__ import annotations

from django.db import transaction
from wagtail.log_actions import log

from warta.core.compat.wagtail import find_site
from warta.news.models import ArticlePage

from .models import Retraction

RETRACT_ACTION = "warta.retract"
LIFT_ACTION = "warta.retraction_lifted"
PERMISSION = "press.retract_article"


def retract(article: ArticlePage, user, ground: str, explanation: str) -> Retraction:
    """Withdraw a live story: record why, unpublish it, stop any review or schedule that
    would publish it again, and write the audit log's entry, all or nothing."""
    with transaction.atomic():
        retraction = Retraction.objects.create(
            article=article, ground=ground, explanation=explanation, retracted_by=user
        )
        if (state := article.current_workflow_state) is not None:
            state.cancel(user=user)
        # Unpublishing clears scheduled revisions and purges every page that showed it.
        article.unpublish(user=user, log_action=False)
        log(
            instance=article,
            action=RETRACT_ACTION,
            user=user,
            data={
                "ground": ground,
                "ground_label": str(Retraction.Ground(ground).label),
                "explanation": explanation,
            },
        )
    return retraction


def lift_after_publication(article: ArticlePage) -> bool:
    """A retracted story published again (by the editor-in-chief: wagtail_hooks.py) is
    no longer retracted. True if it was."""
    deleted, _rows = Retraction.objects.filter(article_id=article.pk).delete()
    if deleted:
        log(instance=article, action=LIFT_ACTION)
    return bool(deleted)


def is_retracted(page) -> bool:
    return Retraction.objects.filter(article_id=page.pk).exists()


def retraction_at(request, path: str) -> Retraction | None:
    """The retraction of the unpublished story at `path` (as Wagtail's page view is given
    it, "daerah/pati/slug/") of the request's site, if it is one."""
    site = find_site(request)
    if site is None:
        return None
    url_path = f"{site.root_page.url_path}{path}"
    return (
        Retraction.objects.select_related("article")
        .filter(article__url_path=url_path, article__live=False)
        .first()
    )
