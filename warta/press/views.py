"""Reader views: the list of corrections (/ralat/) and a retracted story's notice."""

from django.http import HttpResponse
from django.shortcuts import render

from warta.core.compat.wagtail import find_site
from warta.core.pagecache import tag_request
from warta.news.pagination import paginate

from .corrections import public_corrections
from .models import Retraction

CORRECTIONS_PER_PAGE = 20


def corrections_index(request) -> HttpResponse:
    """/ralat/: every correction of a story readers can read, newest first."""
    site = find_site(request)
    corrections = paginate(
        request, public_corrections(site.root_page, request), per_page=CORRECTIONS_PER_PAGE
    )
    tag_request(request, "list:corrections", *(f"page:{c.article_id}" for c in corrections))
    return render(request, "press/corrections_page.html", {"corrections": corrections})


def retracted_story(request, retraction: Retraction) -> HttpResponse:
    """The notice at a retracted story's address: its title, the ground, the editors'
    explanation and the time; the story's text is gone."""
    tag_request(request, f"page:{retraction.article_id}")
    article = retraction.article
    return render(
        request,
        "press/retracted_article.html",
        {"article": article, "retraction": retraction, "sections": article.sections},
    )
