"""Reader views: the page tree, and articles by tag, reporter and date."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.views import serve as wagtail_serve

from warta.core.compat.wagtail import find_site
from warta.core.pagecache import DEFAULT_TAG, tag_request

from .archive import ArchivePeriod
from .cards import LISTED_UNDER_HEADING, paginated_cards
from .models import ArticlePage, Person


def serve_page(request, path: str):
    """Wagtail's page view, with the request's site as each worker remembers it (the
    site-memo shortcut); the home page finds the page itself (routing.py)."""
    find_site(request)
    return wagtail_serve(request, path)


def archive_index(request) -> TemplateResponse:
    """/arsip/: the years with stories."""
    years = ArticlePage.objects.live().archive_periods("year")
    if not years:
        raise Http404(_("No articles have been published yet."))
    tag_request(request, DEFAULT_TAG)
    return TemplateResponse(
        request,
        "news/archive_page.html",
        {"period": None, "subperiods": years, "articles": None, "crumbs": []},
    )


def archive(request, year: str, month: str | None = None, day: str | None = None):
    """/arsip/2019/, /arsip/2019/09/ and /arsip/2019/09/27/: stories by the site's calendar."""
    period = ArchivePeriod.from_parts(int(year), month and int(month), day and int(day))
    if period is None:
        raise Http404(_("There is no such date."))
    stories = ArticlePage.objects.published_in(period).listed_ids()
    articles, cards = paginated_cards(request, stories, style=LISTED_UNDER_HEADING)
    if not articles.paginator.count:
        raise Http404(_("No articles were published in this period."))
    subperiods = []
    if not period.day:
        subperiods = (
            ArticlePage.objects.live()
            .published_in(period)
            .archive_periods("day" if period.month else "month")
        )
    crumbs = [{"url": reverse("news:archive"), "title": _("Archive")}]
    ancestor = period.parent
    while ancestor:
        crumbs.insert(1, {"url": ancestor.get_absolute_url(), "title": ancestor})
        ancestor = ancestor.parent
    # Any publication may add a story to an archive page.
    tag_request(request, DEFAULT_TAG)
    return TemplateResponse(
        request,
        "news/archive_page.html",
        {
            "period": period,
            "subperiods": subperiods,
            "articles": articles,
            "cards": cards,
            "crumbs": crumbs,
        },
    )


def tag_articles(request, slug: str) -> TemplateResponse:
    tag = get_object_or_404(Tag, slug=slug)
    stories = ArticlePage.objects.tagged(tag.slug).listed_ids()
    articles, cards = paginated_cards(request, stories)
    tag_request(request, f"list:tag:{tag.slug}")
    return TemplateResponse(
        request, "news/tag_page.html", {"tag": tag, "articles": articles, "cards": cards}
    )


def reporter_articles(request, slug: str) -> TemplateResponse:
    person = get_object_or_404(Person.objects.select_related("photo"), slug=slug)
    stories = ArticlePage.objects.by_person(person).listed_ids()
    articles, cards = paginated_cards(request, stories, style=LISTED_UNDER_HEADING)
    tag_request(request, f"list:person:{person.pk}", f"person:{person.pk}")
    return TemplateResponse(
        request,
        "news/reporter_page.html",
        {"person": person, "articles": articles, "cards": cards},
    )
