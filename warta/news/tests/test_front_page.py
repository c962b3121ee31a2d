"""The front page's layout: chosen headline and featured stories, their fallbacks, the cache."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.contrib.settings.views import get_setting_edit_handler
from wagtail.models import Site

from warta.core.tests.test_pagecache import call, site_app  # noqa: F401 - a fixture
from warta.news.factories import ArticlePageFactory, SectionPageFactory
from warta.news.models import FrontPageLayout, FrontPageSlot
from warta.news.models.frontpage import FrontPageLayoutForm

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories():
    """Eight live stories, the newest first."""
    section = SectionPageFactory(title="Daerah")
    now = timezone.now()
    return [
        ArticlePageFactory(
            parent=section, title=f"Kabar {n}", published_at=now - timedelta(hours=n)
        )
        for n in range(8)
    ]


def arrange(headline=None, until=None, slots=()):
    """The default site's layout: a headline and featured (story, until) pairs."""
    layout = FrontPageLayout.for_site(Site.objects.get(is_default_site=True))
    layout.headline, layout.headline_until = headline, until
    layout.slots = [FrontPageSlot(article=story, until=end) for story, end in slots]
    layout.save()
    return layout


def front_page(client) -> dict:
    context = client.get("/").context
    return {
        "headline": context["headline_card"],
        "featured": context["featured_cards"],
        "latest": context["latest_cards"],
    }


def titles(cards) -> list[str]:
    return [card.split('class="card__title"><a href="', 1)[1].split(">")[1][:-3] for card in cards]


def test_chosen_headline_and_featured_stories_show_in_their_order(client, stories):
    """The headline chosen leads; the featured stories follow in the order arranged."""
    arrange(stories[5], slots=[(stories[3], None), (stories[6], None)])
    page = front_page(client)
    assert titles([page["headline"]]) == ["Kabar 5"]
    assert titles(page["featured"])[:2] == ["Kabar 3", "Kabar 6"]


def test_empty_places_take_the_newest_stories_not_shown(client, stories):
    """Without choices, the newest story leads and the next four are featured."""
    page = front_page(client)
    assert titles([page["headline"]]) == ["Kabar 0"]
    assert titles(page["featured"]) == ["Kabar 1", "Kabar 2", "Kabar 3", "Kabar 4"]


def test_an_empty_slot_between_chosen_ones_takes_the_newest_story_left(client, stories):
    """A slot left empty shows the newest story not chosen for another place."""
    arrange(stories[0], slots=[(stories[1], None), (None, None), (stories[2], None)])
    assert titles(front_page(client)["featured"]) == ["Kabar 1", "Kabar 3", "Kabar 2", "Kabar 4"]


def test_a_slot_past_its_until_time_shows_the_newest_story(client, stories):
    """A story whose "until" has passed leaves its place to the newest story."""
    past = timezone.now() - timedelta(minutes=1)
    arrange(stories[6], until=past, slots=[(stories[7], past)])
    page = front_page(client)
    assert titles([page["headline"]]) == ["Kabar 0"]
    assert titles(page["featured"])[0] == "Kabar 1"


def test_an_unpublished_chosen_story_leaves_its_place(client, stories):
    """A chosen story no longer live gives its place to the newest story."""
    arrange(stories[6], slots=[(stories[7], None)])
    stories[6].unpublish()
    stories[7].unpublish()
    page = front_page(client)
    assert titles([page["headline"]]) == ["Kabar 0"]
    assert "Kabar 7" not in titles(page["featured"])


def test_no_story_shows_twice_in_the_places_and_the_latest_list(client, stories):
    """The stories in the headline and featured places are left out of the latest list."""
    arrange(stories[0], slots=[(stories[0], None), (stories[7], None)])
    page = front_page(client)
    shown = titles([page["headline"], *page["featured"], *page["latest"]])
    assert len(shown) == len(set(shown)) == 8


def test_more_than_four_slots_are_all_shown(client, stories):
    """A redaktur may add places beyond the four: each shows its story."""
    arrange(slots=[(story, None) for story in reversed(stories[2:8])])
    assert titles(front_page(client)["featured"]) == [f"Kabar {n}" for n in range(7, 1, -1)]


def test_the_same_story_twice_in_the_layout_is_refused_beside_the_field(stories, admin_user):
    """The layout form names the slot that repeats a story already placed."""
    layout = FrontPageLayout.for_site(Site.objects.get(is_default_site=True))
    data = {
        "headline": stories[0].pk,
        "headline_until": "",
        "slots-TOTAL_FORMS": "2",
        "slots-INITIAL_FORMS": "0",
        "slots-MIN_NUM_FORMS": "0",
        "slots-MAX_NUM_FORMS": "8",
        "slots-0-article": stories[1].pk,
        "slots-0-until": "",
        "slots-0-ORDER": "1",
        "slots-1-article": stories[0].pk,
        "slots-1-until": "",
        "slots-1-ORDER": "2",
    }
    form_class = get_setting_edit_handler(FrontPageLayout).get_form_class()
    form = form_class(data, instance=layout, for_user=admin_user)
    assert issubclass(form_class, FrontPageLayoutForm)
    assert not form.is_valid()
    assert form.formsets["slots"].forms[1].errors["article"] == [
        gettext("This story already has a place on the front page.")
    ]
    assert form.formsets["slots"].forms[0].errors == {}


def test_saving_the_layout_purges_the_cached_front_page(
    site_app,  # noqa: F811
    stories,
    django_capture_on_commit_callbacks,
):
    """A redaktur's new headline reaches readers at once, not after the cache's hour."""
    assert call(site_app, "/").cache == "MISS"
    assert call(site_app, "/").cache == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        arrange(stories[4])
    again = call(site_app, "/")
    assert again.cache == "MISS"
    assert again.text.index("Kabar 4") < again.text.index("Kabar 0")


def test_the_front_page_leaves_the_cache_when_a_chosen_story_lapses(client, stories):
    """The home page is kept in the cache no longer than the first chosen story's until."""
    arrange(stories[3], until=timezone.now() + timedelta(seconds=90))
    ttl = int(client.get("/")["X-Warta-Cache-Ttl"])
    assert 1 <= ttl <= 90


def test_a_redaktur_arranges_the_front_page_without_rights_on_its_pages(
    client, django_user_model, stories
):
    """news.change_frontpagelayout alone opens and saves the layout screen."""
    group = Group.objects.create(name="Penata halaman depan")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_frontpagelayout"),
    )
    user = django_user_model.objects.create_user("redaktur", password="rahasia-123")
    user.groups.add(group)
    client.force_login(user)
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["news", "frontpagelayout", site.pk])
    assert "/admin/settings/news/frontpagelayout/" in client.get("/admin/").content.decode()
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "headline": stories[2].pk,
            "headline_until": "",
            "slots-TOTAL_FORMS": "0",
            "slots-INITIAL_FORMS": "0",
            "slots-MIN_NUM_FORMS": "0",
            "slots-MAX_NUM_FORMS": "8",
        },
    )
    assert response.status_code == 302
    assert FrontPageLayout.objects.get(site=site).headline_id == stories[2].pk


def test_the_layout_screen_is_refused_to_a_reporter(client, django_user_model):
    """Without news.change_frontpagelayout the layout cannot be opened."""
    group = Group.objects.create(name="Reporter uji")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = django_user_model.objects.create_user("reporter", password="rahasia-123")
    user.groups.add(group)
    client.force_login(user)
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["news", "frontpagelayout", site.pk])
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert not FrontPageLayout.objects.filter(site=site).exists()
