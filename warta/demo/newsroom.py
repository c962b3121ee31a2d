"""A small demo newsroom: a reporter, the desk editor of Pati and the editor-in-chief,
each linked to a demo byline, each given a fresh random password on every run."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from warta.news.models import Person, SectionPage
from warta.newsroom import roles

# (username, role, the demo person on their byline, the section whose desk they join)
STAFF = (
    ("agus", roles.REPORTER, "agus-gunawan", None),
    ("eko", roles.DESK_EDITOR, "eko-darmawan", "pati"),
    ("ratna", roles.EDITOR_IN_CHIEF, "ratna-kusumawati", None),
)


def demo_staff() -> list[tuple[str, str, str]]:
    """Create or refresh the demo newsroom's accounts; (username, role, password) each."""
    accounts = []
    for username, role, person_slug, section_slug in STAFF:
        password = secrets.token_urlsafe(12)
        user, _created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.com"}
        )
        user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get(name=role))
        if section_slug:
            section = SectionPage.objects.filter(slug=section_slug).first()
            if section is not None:
                user.groups.add(section.desk.group)
        Person.objects.filter(slug=person_slug).update(user=user)
        accounts.append((username, role, password))
    return accounts
