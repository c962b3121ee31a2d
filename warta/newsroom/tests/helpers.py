"""Staff of a small newsroom for the tests: users in the role groups the migrations make."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from warta.news.factories import PersonFactory
from warta.newsroom import roles


def staff(username: str, role: str, *desks, person: bool = True, **extra):
    """A user in a role group (and the desk groups of the given sections), with a byline."""
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@warta.test", password="x", **extra
    )
    user.groups.add(Group.objects.get(name=role))
    for section in desks:
        user.groups.add(section.desk.group)
    if person:
        PersonFactory(name=username.title(), user=user)
    return user


def article_form(title: str, **fields) -> dict:
    """What the article editor posts for a short story, plus the given fields."""
    data = {
        "title": title,
        "slug": fields.pop("slug", title.lower().replace(" ", "-")),
        "summary": "Ringkasan.",
        "dateline": "Pati",
        "body": streamfield([("paragraph", rich_text("<p>Isi berita.</p>"))]),
        "reporter_links": inline_formset([]),
        "tags": "",
        "comments": inline_formset([]),
        **fields,
    }
    return nested_form_data(data)


ROLES = roles.ROLES
