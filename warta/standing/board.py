"""The editorial board (susunan redaksi) as the Redaksi page prints it, built from the people.

A person's place on the board comes from the newsroom role of their staff account, when
they have one (Pemimpin Redaksi, Redaktur with their desks), else from the role on their
byline (editor, reporter, photographer, contributor): freelancers and agency staff never
log in, yet belong on the board. Kept by each worker until content changes; a change to
a person or to someone's groups purges the Redaksi page (signals.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from warta.core import generation
from warta.news.models import Person
from warta.newsroom import roles

# The tag of every cached page that shows the board, purged when it changes.
BOARD_TAG = "standing:board"

CHIEF, DESK, REPORTER, PHOTOGRAPHER, CONTRIBUTOR = range(5)


@dataclass(frozen=True)
class Link:
    """A page or person as a link: kept across requests, so plain."""

    title: str
    url: str


@dataclass(frozen=True)
class Member:
    name: str
    url: str
    desks: tuple[str, ...] = ()  # the sections a desk editor edits ("Daerah › Pati")


@dataclass(frozen=True)
class Position:
    title: str
    members: tuple[Member, ...]


def position_titles() -> dict[int, str]:
    return {
        CHIEF: _("Editor-in-chief"),
        DESK: _("Desk editors"),
        REPORTER: _("Reporters"),
        PHOTOGRAPHER: _("Photographers"),
        CONTRIBUTOR: _("Contributors"),
    }


BY_BYLINE_ROLE = {
    Person.Role.EDITOR: DESK,
    Person.Role.REPORTER: REPORTER,
    Person.Role.PHOTOGRAPHER: PHOTOGRAPHER,
    Person.Role.CONTRIBUTOR: CONTRIBUTOR,
}


def place_of(person: Person, group_names: list[str]) -> tuple[int, tuple[str, ...]]:
    """The position of `person` on the board, and the desks they edit."""
    desks = tuple(
        sorted(
            name.removeprefix(roles.DESK_PREFIX)
            for name in group_names
            if name.startswith(roles.DESK_PREFIX)
        )
    )
    if roles.EDITOR_IN_CHIEF in group_names:
        return CHIEF, ()
    if roles.DESK_EDITOR in group_names or desks:
        return DESK, desks
    return BY_BYLINE_ROLE.get(person.role, REPORTER), ()


def editorial_board() -> list[Position]:
    """The positions with their people, chief first, each position's people by name;
    positions nobody holds are left out. Two queries: the people and their groups."""
    from_accounts = Prefetch("user__groups")
    people = Person.objects.select_related("user").prefetch_related(from_accounts)
    placed: dict[int, list[Member]] = {}
    for person in people.order_by("name"):
        account = person.user if person.user_id and person.user.is_active else None
        group_names = [group.name for group in account.groups.all()] if account else []
        position, desks = place_of(person, group_names)
        member = Member(person.name, person.get_absolute_url(), desks)
        placed.setdefault(position, []).append(member)
    titles = position_titles()
    return [Position(titles[key], tuple(placed[key])) for key in sorted(placed)]


def kept_board(request) -> list[Position]:
    """The board in the request's language, kept by the worker until content changes."""
    site = Site.find_for_request(request)
    key = ("editorial-board", site.pk if site else None, translation.get_language())
    return generation.kept(request, key, editorial_board)
