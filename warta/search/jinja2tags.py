"""The search box in the header of every reader page, and the count of results."""

from django.utils.translation import ngettext
from jinja2.ext import Extension

from warta.core.jinja2 import inclusion

from .forms import MAX_QUERY_LENGTH


def search_box() -> dict:
    return {"max_length": MAX_QUERY_LENGTH}


def articles_found(count: int) -> str:
    return ngettext("%(counter)s article found.", "%(counter)s articles found.", count) % {
        "counter": count
    }


class SearchExtension(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        environment.globals.update(
            search_box=inclusion("search/includes/search_box.html", search_box),
            articles_found=articles_found,
        )
