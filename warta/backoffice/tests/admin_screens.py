"""What a newsroom sees on an admin screen: its visible strings, and its content to set aside.

Shared by the language test (a string the same in Indonesian and English is untranslated)
and the links test (every asset is Warta's own, every "view live" link answers).
"""

from __future__ import annotations

import json
import re
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment, Declaration, Doctype
from django.apps import apps
from django.db import models
from django.test import Client, override_settings
from wagtail.users.models import UserProfile

# Elements whose text nobody reads, and those showing literal text: code, keys to press.
HIDDEN = {"script", "style", "noscript", "head", "svg", "code", "kbd"}
# Attributes a reader meets on a visible control.
READ_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")
# Inputs whose value is their label.
BUTTON_INPUTS = {"submit", "button", "reset"}
# The apps whose rows are content: what editors typed, not what the admin says.
CONTENT_APPS = {
    "news",
    "images",
    "discovery",
    "newsroom",
    "wagtailcore",
    "wagtaildocs",
    "wagtailimages",
    "auth",
    "taggit",
    "wagtailredirects",
    "standing",
    "press",
    "replies",
    "integrity",
}
LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
# Not words of a language: a keyboard shortcut ("Ctrl + Shift + v"), an image's size
# ("1600x900"), a time zone's name ("Asia/Jakarta"), a model's label ("news.articlepage"),
# Python's None printed by a template.
SHORTCUT = re.compile(r"^((Ctrl|Alt|Shift|Cmd|⌘|Esc|Enter|Tab|\S)( \+ |$))+$")
SIZE = re.compile(r"^\(?\d+\s*[x×]\s*\d+\)?$")
MODEL_LABEL = re.compile(r"^[a-z_]+\.[a-z_]+$")
NOT_WORDS = zoneinfo.available_timezones() | {"None"}


def squash(text: str) -> str:
    return " ".join(text.split())


def sidebar_labels(soup: BeautifulSoup) -> Iterator[str]:
    """The sidebar's menu labels, which Wagtail's JavaScript renders from JSON props."""
    props = soup.find("script", id="wagtail-sidebar-props")
    if props is None:
        return

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key in ("label", "title") and isinstance(item, str):
                    yield item
                else:
                    yield from walk(item)
        elif isinstance(value, list):
            for item in value:
                yield from walk(item)

    yield from walk(json.loads(props.string or "null"))


def visible_strings(html: str) -> set[str]:
    """Text nodes outside script and style, the labels of controls, and sidebar labels.

    Content of <template> elements counts: Wagtail shows it on demand (dialogs, menus).
    """
    soup = BeautifulSoup(html, "html.parser")
    for template in soup.find_all("template"):
        template.replace_with(BeautifulSoup(template.decode_contents(), "html.parser"))
    found = set(sidebar_labels(soup))
    for node in soup.find_all(string=True):
        if isinstance(node, Comment | Declaration | Doctype) or any(
            p.name in HIDDEN for p in node.parents
        ):
            continue
        if text := squash(node):
            found.add(text)
    for element in soup.find_all(True):
        if any(p.name in HIDDEN for p in element.parents) or element.name in HIDDEN:
            continue
        if element.name == "input" and element.get("type") == "hidden":
            continue
        for name in READ_ATTRIBUTES:
            if text := squash(element.get(name) or ""):
                found.add(text)
        is_button = element.name == "input" and element.get("type") in BUTTON_INPUTS
        if is_button and (text := squash(element.get("value") or "")):
            found.add(text)
    return {text for text in found if is_words(text)}


def is_words(text: str) -> bool:
    """Whether a text is words of a language, not a shortcut, a size or an identifier."""
    return bool(
        LETTERS.search(text)
        and not SHORTCUT.match(text)
        and not SIZE.match(text)
        and not MODEL_LABEL.match(text)
        and text not in NOT_WORDS
    )


def content_strings() -> set[str]:
    """Every text an editor typed: page titles, names, captions, usernames, settings."""
    strings = set()
    for model in apps.get_models():
        if model._meta.app_label not in CONTENT_APPS or model._meta.proxy:
            continue
        fields = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField | models.FileField)
            and not field.choices
        ]
        if not fields:
            continue
        for row in model._default_manager.values_list(*fields):
            for value in filter(None, row):
                # A file's name is shown without its folder.
                strings.update({squash(str(value)), str(value).rsplit("/", 1)[-1]})
    return {text for text in strings if LETTERS.search(text)}


def without_content(text: str, content: list[str]) -> str:
    """The text with content strings taken out (longest first, short ones only whole); a
    title shortened with "…" counts as its content."""
    if text in content:
        return ""
    if text.endswith("…") and any(piece.startswith(text[:-1].rstrip()) for piece in content):
        return ""
    for piece in content:
        if len(piece) >= 3 and piece in text:
            text = text.replace(piece, " ")
    return text


@dataclass(frozen=True)
class Screen:
    name: str
    path: str  # formatted with the newsroom's objects
    signed_in: bool = True


SCREENS = [
    Screen("login", "/admin/login/", signed_in=False),
    Screen("password reset", "/admin/password_reset/", signed_in=False),
    Screen("password reset sent", "/admin/password_reset/done/", signed_in=False),
    Screen("dashboard", "/admin/"),
    Screen("page explorer: root", "/admin/pages/"),
    Screen("page explorer: home", "/admin/pages/{home}/"),
    Screen("page explorer: section", "/admin/pages/{section}/"),
    Screen("page editor: article", "/admin/pages/{article}/edit/"),
    Screen("page editor: new article", "/admin/pages/add/news/articlepage/{section}/"),
    Screen("page editor: section", "/admin/pages/{section}/edit/"),
    Screen("page editor: home", "/admin/pages/{home}/edit/"),
    Screen("privacy dialog", "/admin/pages/{article}/privacy/"),
    Screen("page history", "/admin/pages/{article}/history/"),
    Screen("revision compare", "/admin/pages/{article}/revisions/compare/earliest...latest/"),
    Screen("revision restore", "/admin/pages/{article}/revisions/{revision}/revert/"),
    Screen("workflow history", "/admin/pages/{article}/workflow_history/"),
    Screen("page search", "/admin/pages/search/?q=banjir"),
    Screen("images", "/admin/images/"),
    Screen("image edit", "/admin/images/{image}/"),
    Screen("image add", "/admin/images/multiple/add/"),
    Screen("documents", "/admin/documents/"),
    Screen("document edit", "/admin/documents/edit/{document}/"),
    Screen("document add", "/admin/documents/multiple/add/"),
    Screen("snippets", "/admin/snippets/"),
    Screen("people", "/admin/snippets/news/person/"),
    Screen("person edit", "/admin/snippets/news/person/edit/{person}/"),
    Screen("users", "/admin/users/"),
    Screen("user edit", "/admin/users/edit/{user}/"),
    Screen("groups", "/admin/groups/"),
    Screen("group edit", "/admin/groups/edit/{group}/"),
    Screen("breaking desk", "/admin/breaking-desk/"),
    Screen("story list", "/admin/articles/"),
    Screen("my stories", "/admin/my_stories/"),
    Screen("settings: front page", "/admin/settings/news/frontpagelayout/"),
    Screen("settings: publisher", "/admin/settings/discovery/publishersettings/"),
    Screen("settings: newsroom", "/admin/settings/news/newsroomsettings/"),
    Screen("settings: press company", "/admin/settings/standing/presssettings/"),
    Screen("settings: integrity guard", "/admin/settings/integrity/integritysettings/"),
    Screen("corrections", "/admin/corrections/"),
    Screen("correction add", "/admin/corrections/new/"),
    Screen("retraction", "/admin/press/retract/{article}/"),
    Screen("right of reply queue", "/admin/hak-jawab/"),
    Screen("workflows", "/admin/workflows/list/"),
    Screen("workflow edit", "/admin/workflows/edit/{workflow}/"),
    Screen("tasks", "/admin/workflows/tasks/index/"),
    Screen("task edit", "/admin/workflows/tasks/edit/{task}/"),
    Screen("report: locked pages", "/admin/reports/locked/"),
    Screen("report: aging pages", "/admin/reports/aging-pages/"),
    Screen("report: site history", "/admin/reports/site-history/"),
    Screen("report: page types", "/admin/reports/page-types-usage/"),
    Screen("report: workflows", "/admin/reports/workflow/"),
    Screen("report: workflow tasks", "/admin/reports/workflow_tasks/"),
    Screen("account", "/admin/account/"),
    Screen("collections", "/admin/collections/"),
    Screen("newsroom guide", "/admin/panduan/"),
    Screen("two-step login", "/admin/akun/dua-langkah/"),
    Screen("two-step login of the staff", "/admin/akun/dua-langkah/staf/"),
    Screen("settings: staff sign-in", "/admin/settings/accounts/loginsettings/"),
]


def render(screen: Screen, objects: dict[str, int], user, language: str) -> str:
    """The screen's HTML as the superuser, or as a visitor, in the given admin language.

    A visitor's admin is in the site language (LANGUAGE_CODE), so that is what changes for
    the screens before signing in; a staff member's is the one chosen in the profile.
    """
    client = Client()
    if screen.signed_in:
        UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
        client.force_login(user)
    with override_settings(LANGUAGE_CODE=language):
        response = client.get(screen.path.format(**objects), follow=True)
    assert response.status_code == 200, f"{screen.name}: {response.status_code}"
    if response.headers["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()
