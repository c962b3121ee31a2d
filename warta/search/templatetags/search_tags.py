"""The search box in the header of every reader page."""

from django import template

from ..forms import MAX_QUERY_LENGTH

register = template.Library()


@register.inclusion_tag("search/includes/search_box.html")
def search_box() -> dict:
    return {"max_length": MAX_QUERY_LENGTH}
