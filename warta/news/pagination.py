"""One page of a list of stories, by `?page=`."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.paginator import Page as PaginatorPage
from django.http import Http404
from django.utils.translation import gettext_lazy as _

ARTICLES_PER_PAGE = 20


def paginate(
    request, items, per_page: int = ARTICLES_PER_PAGE, count: int | None = None
) -> PaginatorPage:
    """One page of `items` by `?page=`; a page number that does not exist is a 404.
    `count`, when known, spares the paginator counting `items`."""
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count  # a cached_property: set, it is never computed
    try:
        return paginator.page(request.GET.get("page") or 1)
    except (PageNotAnInteger, EmptyPage):
        raise Http404(_("No such page of results.")) from None
