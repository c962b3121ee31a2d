"""Wagtail admin templates that print English text without gettext, copied with it translated.

Each copy is Wagtail's template with the listed replacements, nothing else, written by
``make admin-messages`` from the installed Wagtail (so an upgrade is one command away) and
checked by a test. Each is also a fix worth offering upstream.
"""

from __future__ import annotations

from pathlib import Path

import wagtail.admin

WAGTAIL_TEMPLATES = Path(wagtail.admin.__file__).resolve().parent / "templates"
OUR_TEMPLATES = Path(__file__).resolve().parent / "templates"
SEARCH_BUTTON = '<input type="submit" value="Search" class="button" />'
TRANSLATED_SEARCH_BUTTON = '<input type="submit" value="{% translate "Search" %}" class="button" />'

# Template name: (text in Wagtail's template, text in ours), in order.
REPLACEMENTS: dict[str, list[tuple[str, str]]] = {
    # The search forms' button, read out by screen readers.
    "wagtailadmin/home.html": [(SEARCH_BUTTON, TRANSLATED_SEARCH_BUTTON)],
    "wagtailadmin/shared/header.html": [(SEARCH_BUTTON, TRANSLATED_SEARCH_BUTTON)],
    # The name of the header's action buttons.
    "wagtailadmin/shared/headers/_actions.html": [
        ("{# Actions divider #}", "{% load i18n %}{# Actions divider #}"),
        ('<nav aria-label="Actions"', '<nav aria-label="{% translate "Actions" %}"'),
    ],
    # The dashboard's link to Wagtail's English editor guide: Warta's own guide instead.
    "wagtailadmin/home/account_summary.html": [
        (
            """            {% wagtail_feature_release_editor_guide_link as editor_guide_link %}
            {% wagtail_version as current_version %}
            <li>
                <a class="w-underline w-underline-offset-[3px] w-flex w-items-center w-gap-1"
                   href="{{ editor_guide_link }}"
                   target="_blank"
                   rel="noreferrer">
                    {% blocktrans trimmed %}
                        Wagtail {{ current_version }} editor guide
                    {% endblocktrans %}
                    {% icon name="link-external" classname="initial" %}
                </a>
            </li>""",
            """            <li>
                <a class="w-underline w-underline-offset-[3px]"
                   href="{% url 'backoffice_guide' %}">{% translate "Newsroom guide" %}</a>
            </li>""",
        ),
    ],
    # Without JavaScript: Warta's name, and no link to another site.
    "wagtailadmin/skeleton.html": [
        (
            "JavaScript is required to use Wagtail, but it is currently disabled.",
            "Warta's admin needs JavaScript, which is turned off in this browser.",
        ),
        (
            'Here are the <a href="https://www.enable-javascript.com/" target="_blank" '
            'rel="noreferrer">instructions how to enable JavaScript in your web browser</a>.',
            "Turn it on in the browser's settings, then reload this page.",
        ),
    ],
    # A yes/no column's icon is titled "True" or "False".
    "wagtailadmin/tables/boolean_cell.html": [
        ("title=value|stringformat:'s'", "title=value|yesno|capfirst"),
    ],
}


def translated_copy(name: str) -> str:
    """Wagtail's template with the replacements made; each must match exactly once."""
    text = (WAGTAIL_TEMPLATES / name).read_text(encoding="utf-8")
    for upstream, ours in REPLACEMENTS[name]:
        if text.count(upstream) < 1:
            raise ValueError(f"{name}: Wagtail's template no longer has {upstream!r}")
        text = text.replace(upstream, ours)
    return text


def write_copies() -> list[str]:
    """Write every translated copy into the backoffice's templates; their names."""
    for name in REPLACEMENTS:
        path = OUR_TEMPLATES / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(translated_copy(name), encoding="utf-8")
    return list(REPLACEMENTS)
