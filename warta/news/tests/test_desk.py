"""The breaking desk: who may use it, and what each of its actions does to a live story."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.models import GroupPagePermission, PageLogEntry

from warta.core.tests.test_pagecache import call, site_app  # noqa: F401 - a fixture
from warta.news.desk import change_breaking
from warta.news.factories import ArticlePageFactory, SectionPageFactory, home_page
from warta.news.models import ArticlePage

pytestmark = pytest.mark.django_db

DESK = "/admin/breaking-desk/"


def staff(django_user_model, username: str, *permissions: str, publish: bool = True):
    """A staff account with `permissions` (app.codename), and page rights on the site."""
    group = Group.objects.create(name=f"grup-{username}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for name in permissions:
        app, codename = name.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app, codename=codename)
        )
    page_rights = ["add_page", "change_page"] + (["publish_page"] if publish else [])
    for codename in page_rights:
        GroupPagePermission.objects.create(
            group=group, page=home_page(), permission=Permission.objects.get(codename=codename)
        )
    user = django_user_model.objects.create_user(username, password="rahasia-123")
    user.groups.add(group)
    return user


@pytest.fixture
def redaktur(django_user_model):
    return staff(django_user_model, "redaktur", "news.run_breaking_desk")


@pytest.fixture
def desk_client(redaktur) -> Client:
    client = Client()
    client.force_login(redaktur)
    return client


@pytest.fixture
def section():
    return SectionPageFactory(title="Peristiwa")


def breaking(section, title="Banjir bandang", until=timedelta(hours=1)):
    story = ArticlePageFactory(parent=section, title=title, is_breaking=True)
    story.breaking_until = timezone.now() + until if until is not None else None
    story.save_revision().publish()
    return story


def live(story) -> ArticlePage:
    return ArticlePage.objects.get(pk=story.pk)


def act(client, story, **data):
    return client.post(f"{DESK}{story.pk}/", data, follow=True)


def test_the_desk_lists_live_breaking_stories_with_their_end(desk_client, section):
    """Live breaking stories are listed with their section; ended and plain ones are not."""
    breaking(section, "Banjir bandang")
    breaking(section, "Gempa kecil", until=timedelta(minutes=-5))
    ArticlePageFactory(parent=section, title="Pasar murah")
    response = desk_client.get(DESK)
    stories = [story.title for story in response.context["stories"]]
    assert response.status_code == 200
    assert stories == ["Banjir bandang"]
    assert "Peristiwa" in response.content.decode()


def test_the_desk_is_forbidden_without_its_permission(django_user_model, section):
    """A reporter without news.run_breaking_desk gets 403 and changes nothing."""
    story = breaking(section)
    reporter = staff(django_user_model, "reporter")
    client = Client()
    client.force_login(reporter)
    assert client.get(DESK).status_code == 403
    assert client.post(f"{DESK}{story.pk}/", {"action": "end"}).status_code == 403
    assert live(story).breaking_until > timezone.now()


def test_the_menu_shows_the_desk_only_to_those_who_may_run_it(desk_client, django_user_model):
    """The admin menu links the desk for a redaktur, not for a reporter."""
    reporter = Client()
    reporter.force_login(staff(django_user_model, "reporter"))
    assert DESK in desk_client.get("/admin/").content.decode()
    assert DESK not in reporter.get("/admin/").content.decode()


def test_ending_now_publishes_a_revision_by_the_redaktur(desk_client, redaktur, section):
    """ "End now" takes the story off the ticker, in a revision and a log entry by the user."""
    story = breaking(section)
    act(desk_client, story, action="end")
    story = live(story)
    assert not ArticlePage.objects.breaking().filter(pk=story.pk).exists()
    assert story.live_revision.user == redaktur
    entry = PageLogEntry.objects.filter(page=story, action="news.breaking_ended").get()
    assert entry.user == redaktur


def test_extending_adds_hours_to_the_current_end(desk_client, section):
    """ "+6 jam" moves the end six hours past the end it had."""
    story = breaking(section, until=timedelta(hours=1))
    before = live(story).breaking_until
    act(desk_client, story, action="extend", hours="6")
    assert live(story).breaking_until == before + timedelta(hours=6)


def test_extending_to_a_chosen_time(desk_client, section):
    """A chosen time becomes the story's end."""
    story = breaking(section)
    chosen = timezone.localtime() + timedelta(days=1)
    act(desk_client, story, action="extend", until=chosen.strftime("%Y-%m-%dT%H:%M"))
    assert live(story).breaking_until == chosen.replace(second=0, microsecond=0)


def test_a_chosen_time_in_the_past_is_refused_with_a_message(desk_client, section):
    """An end in the past changes nothing and says why."""
    story = breaking(section)
    before = live(story).breaking_until
    past = timezone.localtime() - timedelta(hours=1)
    response = act(desk_client, story, action="extend", until=past.strftime("%Y-%m-%dT%H:%M"))
    assert gettext("Choose a time in the future.") in response.content.decode()
    assert live(story).breaking_until == before


def test_flagging_makes_a_live_story_breaking(desk_client, section):
    """A story found on the desk is flagged breaking for the hours chosen."""
    story = ArticlePageFactory(parent=section, title="Jembatan putus")
    found = desk_client.get(DESK, {"q": "jembatan"}).context["candidates"]
    assert [candidate.pk for candidate in found] == [story.pk]
    act(desk_client, story, action="flag", hours="3", no_end="1")
    story = live(story)
    assert story.is_breaking
    assert (
        timedelta(hours=2, minutes=59) < story.breaking_until - timezone.now() <= timedelta(hours=3)
    )


def test_flagging_without_hours_keeps_the_story_breaking_until_ended(desk_client, section):
    """ "Sampai diakhiri" flags the story with no end time."""
    story = ArticlePageFactory(parent=section)
    act(desk_client, story, action="flag", hours="", no_end="1")
    assert live(story).is_breaking and live(story).breaking_until is None


def test_a_story_locked_by_someone_else_is_left_alone(desk_client, django_user_model, section):
    """A page lock held by another editor refuses the desk's change, with a message."""
    story = breaking(section)
    other = staff(django_user_model, "penyunting", "news.run_breaking_desk")
    ArticlePage.objects.filter(pk=story.pk).update(locked=True, locked_by=other)
    before = live(story).breaking_until
    response = act(desk_client, story, action="end")
    assert live(story).breaking_until == before
    assert response.context["messages"] and "error" in [
        m.tags.split()[-1] for m in response.context["messages"]
    ]


def test_a_redaktur_who_may_not_publish_the_story_is_refused(django_user_model, section):
    """The desk's permission is not a right to publish: page rights still apply."""
    story = breaking(section)
    user = staff(django_user_model, "magang", "news.run_breaking_desk", publish=False)
    client = Client()
    client.force_login(user)
    response = act(client, story, action="end")
    assert gettext("You may not publish this story.") in response.content.decode()
    assert live(story).breaking_until > timezone.now()


def test_a_draft_waiting_on_the_story_is_kept(desk_client, section):
    """A draft's changes stay the latest revision, with the desk's change in it too."""
    story = breaking(section, title="Banjir bandang")
    draft = live(story)
    draft.title = "Banjir bandang meluas"
    draft.save_revision()
    act(desk_client, story, action="end")
    story = live(story)
    latest = story.get_latest_revision_as_object()
    assert story.title == "Banjir bandang"
    assert latest.title == "Banjir bandang meluas"
    assert latest.breaking_until == story.breaking_until


def test_posting_without_the_csrf_token_is_refused(redaktur, section):
    """The desk's actions are POSTs protected against cross-site requests."""
    story = breaking(section)
    client = Client(enforce_csrf_checks=True)
    client.force_login(redaktur)
    assert client.post(f"{DESK}{story.pk}/", {"action": "end"}).status_code == 403
    assert live(story).breaking_until > timezone.now()


def test_an_action_purges_the_cached_pages_showing_the_ticker(
    site_app,  # noqa: F811
    redaktur,
    section,
    django_capture_on_commit_callbacks,
):
    """Ending a story reaches readers at once: cached pages with the ticker go."""
    story = breaking(section, title="Banjir bandang")
    other = ArticlePageFactory(parent=section, title="Pasar murah")
    assert 'class="ticker"' in call(site_app, other.url).text
    assert call(site_app, other.url).cache == "HIT"
    # The desk's action itself: the test client would close the connection site_app keeps.
    with django_capture_on_commit_callbacks(execute=True):
        change_breaking(live(story), redaktur, until=timezone.now(), action="end")
    again = call(site_app, other.url)
    assert again.cache == "MISS"
    assert 'class="ticker"' not in again.text
