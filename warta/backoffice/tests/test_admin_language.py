"""Every screen a newsroom uses daily is Indonesian in the Indonesian admin.

Each screen is rendered in Indonesian and in English; a visible string that is the same in
both (outside content, and a short list of words both languages share) is untranslated.
"""

from __future__ import annotations

from functools import cache

import pytest

from warta.backoffice import catalogues

from .admin_screens import (
    SCREENS,
    Screen,
    content_strings,
    is_words,
    render,
    visible_strings,
    without_content,
)

pytestmark = pytest.mark.django_db

# Words Indonesian writes as English does (the newsroom keeps "Snippet"), and the languages'
# own names. A label may end in a colon ("Status:").
SAME_IN_BOTH = {
    "Admin",
    "Administrator",
    "Alias",
    "Bahasa Indonesia",
    "Email",
    "English",
    "Minimum",
    "Slug",
    "Snippet",
    "Sponsor",
    "Status",
    "Tag",
    "URL",
    "Warta",
}


@cache
def indonesian_translations() -> frozenset[str]:
    """Every Indonesian translation the admin knows (Wagtail's, the backoffice's, Warta's),
    leaving out those that only change an English word's case."""
    entries, _given = catalogues.merge("django")
    entries += catalogues.read_po(catalogues.APP_DIR.parent / "locale/id/LC_MESSAGES/django.po")
    return frozenset(
        e.msgstr[0] for e in entries if e.msgstr and e.msgstr[0].casefold() != e.msgid.casefold()
    )


def untranslated(screen: Screen, objects: dict[str, int], user) -> list[str]:
    """The visible strings of a screen that read the same in Indonesian and English."""
    indonesian = visible_strings(render(screen, objects, user, "id"))
    english = visible_strings(render(screen, objects, user, "en"))
    content = sorted(content_strings(), key=len, reverse=True)
    # A string the English admin shows in Indonesian is not English in the Indonesian one:
    # a few of Wagtail's labels are translated once, when their module is imported.
    return sorted(
        text
        for text in indonesian & english
        if text.rstrip(":").strip() not in SAME_IN_BOTH
        and text not in indonesian_translations()
        and is_words(without_content(text, content))
    )


@pytest.mark.parametrize("screen", SCREENS, ids=[screen.name for screen in SCREENS])
def test_admin_screen_is_wholly_indonesian(newsroom, admin_user, screen):
    """No string a newsroom reads on the screen is left in English in the Indonesian admin."""
    same = untranslated(screen, newsroom, admin_user)
    assert not same, f"{screen.name}: the same in English: {same}"
