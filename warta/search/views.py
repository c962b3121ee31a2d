"""The search page, /cari/: a plain GET form and its paginated, highlighted results."""

from __future__ import annotations

from dataclasses import dataclass

from django.template.response import TemplateResponse
from django.utils.safestring import SafeString

from warta.core import pagecache
from warta.news.models import ArticlePage, SectionPage

from .forms import SearchForm
from .query import ArticleSearch
from .text import highlight, snippet

# Results change with every publication, and any query is a new URL: keep them briefly.
SEARCH_CACHE_SECONDS = 300


@dataclass
class SearchHit:
    article: ArticlePage
    title: SafeString
    snippet: SafeString
    section: SectionPage | None


def search(request) -> TemplateResponse:
    form = SearchForm(request.GET)
    context = {
        "form": form,
        "query": "",
        "results": None,
        "hits": [],
    }
    if not form.is_valid():
        # A query too long, an unknown section or a malformed date: say so, in the form.
        return TemplateResponse(request, "search/search_page.html", context, status=400)

    article_search = ArticleSearch.from_form(form.cleaned_data)
    context["query"] = form.cleaned_data["q"]
    if article_search.terms:
        outcome = article_search.run(request)
        results = outcome.page
        wanted = frozenset(article_search.terms)
        sections = {section.path: section for section in form.fields["section"].queryset}
        steplen = ArticlePage.steplen
        context.update(results=results, count=outcome.count, by_relevance=outcome.by_relevance)
        context["hits"] = [
            SearchHit(
                article=article,
                title=highlight(article.title, wanted),
                snippet=snippet(article.text_paragraphs(), wanted),
                section=sections.get(article.path[:-steplen]),
            )
            for article in results
        ]
    pagecache.tag_request(request, pagecache.DEFAULT_TAG)
    request.cache_ttl_limit = SEARCH_CACHE_SECONDS
    return TemplateResponse(request, "search/search_page.html", context)
