"""Reader views outside the page tree: articles by tag and by reporter."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from taggit.models import Tag

from .models import ArticlePage, Person, paginate


def tag_articles(request, slug: str) -> TemplateResponse:
    tag = get_object_or_404(Tag, slug=slug)
    articles = ArticlePage.objects.for_listing().tagged(tag.slug)
    return TemplateResponse(
        request, "news/tag_page.html", {"tag": tag, "articles": paginate(request, articles)}
    )


def reporter_articles(request, slug: str) -> TemplateResponse:
    person = get_object_or_404(Person.objects.select_related("photo"), slug=slug)
    articles = ArticlePage.objects.for_listing().by_person(person)
    return TemplateResponse(
        request,
        "news/reporter_page.html",
        {"person": person, "articles": paginate(request, articles)},
    )
