"""The template environment of the reader pages (templates in warta/jinja2/).

Every page-cache miss renders a reader page, so its templates are Jinja2: compiled to
Python once per process, they render several times faster than Django's template
language (docs/performance.md). The Wagtail admin keeps Django's templates.

What Django's tags gave the templates is here as globals and filters; each app adds its
own parts with an extension (`warta.<app>.jinja2tags`). Strings to translate are written
`_("...")` (with `|format(name=...)` for placeholders), which `make messages` extracts;
plural forms are chosen in Python with `ngettext`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

from django.contrib.humanize.templatetags.humanize import intcomma as humanize_intcomma
from django.template.defaultfilters import linebreaksbr
from django.utils import dateformat, formats, translation
from django.utils.timezone import template_localtime
from jinja2 import Environment, Template, Undefined, pass_context, pass_environment
from markupsafe import Markup

from .addresses import reverse, static
from .caches import lru
from .compat.jinja2 import with_shortcuts


def date(value, format_name: str = "DATE_FORMAT") -> str:
    """Django's `date` filter: in the site's time zone and the active language."""
    if value in (None, ""):
        return ""
    if not isinstance(value, datetime):
        return formats.date_format(value, format_name)
    local = template_localtime(value)
    # Keyed by the local time and its zone: equal moments in two zones print differently.
    return local_moment(
        local.replace(tzinfo=None), local.tzinfo, format_name, translation.get_language()
    )


@lru(
    "printed-dates",
    maxsize=1024,
    key="a local date and time, its zone, a format name and a language",
    invalidated_by="nothing: the same moment always prints the same",
)
def local_moment(local: datetime, zone: tzinfo | None, format_name: str, language: str) -> str:
    """A local date and time written in a language's format: the same every time, and a
    story prints its times on every render."""
    with translation.override(language):
        return dateformat.format(local.replace(tzinfo=zone), formats.get_format(format_name))


def intcomma(value) -> str:
    """Django's `intcomma` in the active language: 12.345 in Indonesian, 12,345 in English.
    Whole numbers, the counts pages print, skip its general number formatting."""
    if type(value) is int:
        separator = separator_of_thousands(translation.get_language())
        if separator is not None:
            return f"{value:,}".replace(",", separator)
    return humanize_intcomma(value)


@lru(
    "thousand-separators",
    maxsize=16,
    key="a language",
    invalidated_by="a change of the number-format settings (tests)",
)
def separator_of_thousands(language: str) -> str | None:
    """The thousand separator of a language that groups digits by three (None for any
    other grouping): a story page prints seven counts."""
    if formats.get_format("NUMBER_GROUPING", lang=language) == 3:
        return formats.get_format("THOUSAND_SEPARATOR", lang=language)
    return None


def iso_datetime(value) -> str:
    """A `datetime` attribute: local time with its offset, e.g. 2026-11-27T10:15:00+0700."""
    if value in (None, ""):
        return ""
    return template_localtime(value).strftime("%Y-%m-%dT%H:%M:%S%z")


def querystring(request, **changes) -> str:
    """The current query string with `changes` applied (None removes a key), as "?...":
    Django's `{% querystring %}`."""
    query = request.GET.copy()
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return f"?{query.urlencode()}"


def inclusion(template_name: str, values: Callable[..., dict], takes_context: bool = False):
    """A template global that renders `template_name` with the dict `values(...)` returns,
    as Django's inclusion tags do; with `takes_context`, `values` gets the caller's context."""
    if takes_context:

        @pass_context
        def render_with_context(context, *args, **kwargs) -> Markup:
            template = context.environment.included(template_name)
            # The template escapes what it prints.
            return Markup(template.render(values(context, *args, **kwargs)))  # noqa: S704

        return render_with_context

    @pass_environment
    def render(environment, *args, **kwargs) -> Markup:
        template = environment.included(template_name)
        return Markup(template.render(values(*args, **kwargs)))  # noqa: S704 - escaped by it

    return render


class ReaderEnvironment(Environment):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.included_templates: dict[str, Template] = {}

    def included(self, name: str) -> Template:
        """The template an inclusion renders, loaded once, unless templates are reloaded
        when they change (DEBUG): Jinja2's own cache is asked with a new weak reference to
        the loader as key, and kept in order of use, for each of a page's inclusions."""
        if self.auto_reload:
            return self.get_template(name)
        template = self.included_templates.get(name)
        if template is None:
            template = self.included_templates[name] = self.get_template(name)
        return template

    def getattr(self, obj, attribute: str):
        """`value.key` reads a dict's key first, as Django's template language does: Jinja2
        would try an attribute first and raise and catch an AttributeError for each key."""
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


def environment(**options) -> Environment:
    # Optional values (a label, a caption) are left out of templates as in Django's
    # language, with or without DEBUG.
    options["undefined"] = Undefined
    options["autoescape"] = True
    env = with_shortcuts(ReaderEnvironment)(**options)  # noqa: S701 - autoescape: just above
    env.install_gettext_callables(translation.gettext, translation.ngettext, newstyle=False)
    env.globals.update(
        # Called directly: the installed alias passes through the template context twice
        # per string, and a story page prints some thirty.
        _=translation.gettext,
        get_language=translation.get_language,
        querystring=querystring,
        static=static,
        url=reverse,
    )
    env.filters.update(
        date=date,
        intcomma=intcomma,
        iso_datetime=iso_datetime,
        linebreaksbr=linebreaksbr,
    )
    return env
