"""What each newsroom role may and may not do, as Wagtail's own checks see it."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry
from wagtail.users.models import UserProfile

from warta.news.factories import ArticlePageFactory, SectionPageFactory, home_page
from warta.news.models import ArticlePage
from warta.newsroom import roles
from warta.newsroom.models import SectionDesk

from .helpers import article_form, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def pati():
    return SectionPageFactory(title="Pati", slug="pati")


@pytest.fixture
def politik():
    return SectionPageFactory(title="Politik", slug="politik")


def test_role_groups_exist_with_indonesian_names():
    """The migrations create the four role groups under their Indonesian names."""
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Reporter", "Redaktur", "Pemimpin Redaksi", "Administrator"} <= names


def test_wagtail_default_groups_are_gone():
    """Wagtail's "Moderators" and "Editors", unused, give way to the newsroom's roles."""
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()


def test_group_labels_follow_the_admin_language():
    """The English admin labels "Pemimpin Redaksi" as Editor-in-chief, the Indonesian one
    keeps the name."""
    with translation.override("en"):
        assert roles.role_label("Pemimpin Redaksi") == "Editor-in-chief"
        assert roles.role_label("Redaktur · Pati") == "Desk editor · Pati"
    with translation.override("id"):
        assert roles.role_label("Pemimpin Redaksi") == "Pemimpin Redaksi"


def test_english_group_listing_shows_english_labels(client):
    """The groups admin in English lists the roles by their English labels."""
    admin = staff("admin", roles.ADMINISTRATOR, is_superuser=True)
    UserProfile.objects.update_or_create(user=admin, defaults={"preferred_language": "en"})
    client.force_login(admin)
    html = client.get(reverse("wagtailusers_groups:index")).content.decode()
    assert "Editor-in-chief" in html and "Desk editor" in html


def test_english_user_form_offers_groups_by_label(client):
    """The user editor in English offers the role groups by their English labels."""
    admin = staff("admin", roles.ADMINISTRATOR, is_superuser=True)
    UserProfile.objects.update_or_create(user=admin, defaults={"preferred_language": "en"})
    client.force_login(admin)
    html = client.get(reverse("wagtailusers_users:add")).content.decode()
    assert "Editor-in-chief" in html


def test_new_section_gets_its_desk_group(pati):
    """A new section gets the group "Redaktur · <section>" with page rights on it."""
    desk = SectionDesk.objects.get(section=pati)
    assert desk.group.name == "Redaktur · Pati"
    codenames = set(
        desk.group.page_permissions.filter(page=pati).values_list("permission__codename", flat=True)
    )
    assert codenames == {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}


def test_nested_section_desk_is_named_by_its_place():
    """A section inside another is named with its breadcrumb; a rename follows."""
    daerah = SectionPageFactory(title="Daerah", slug="daerah")
    kudus = SectionPageFactory(title="Kudus", slug="kudus", parent=daerah)
    assert kudus.desk.group.name == "Redaktur · Daerah › Kudus"
    daerah.title = "Wilayah"
    daerah.save()
    kudus.desk.group.refresh_from_db()
    assert kudus.desk.group.name == "Redaktur · Wilayah › Kudus"


def test_deleted_section_takes_its_desk_group(pati):
    """Deleting a section deletes its desk group."""
    group_id = pati.desk.group_id
    pati.delete()
    assert not Group.objects.filter(pk=group_id).exists()


# Reporter


def test_reporter_may_write_in_any_section(pati, politik):
    """A reporter may add an article in every section."""
    reporter = staff("rina", roles.REPORTER)
    assert pati.permissions_for_user(reporter).can_add_subpage()
    assert politik.permissions_for_user(reporter).can_add_subpage()


def test_reporter_edits_own_draft_not_others(pati):
    """A reporter may edit the stories they own and no one else's."""
    reporter = staff("rina", roles.REPORTER)
    own = ArticlePageFactory(parent=pati, owner=reporter, live=False)
    other = ArticlePageFactory(parent=pati, live=False)
    assert own.permissions_for_user(reporter).can_edit()
    assert not other.permissions_for_user(reporter).can_edit()


def test_reporter_may_not_publish(pati):
    """A reporter may not publish, even their own story."""
    reporter = staff("rina", roles.REPORTER)
    own = ArticlePageFactory(parent=pati, owner=reporter, live=False)
    assert not own.permissions_for_user(reporter).can_publish()


def test_forced_publish_by_reporter_is_saved_as_draft(client, pati):
    """A reporter's forged "publish" request creates a draft, never a live story."""
    client.force_login(staff("rina", roles.REPORTER))
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", pati.pk))
    response = client.post(url, {**article_form("Banjir di Juwana"), "action-publish": "1"})
    assert response.status_code == 302
    story = ArticlePage.objects.get(slug="banjir-di-juwana")
    assert not story.live and story.has_unpublished_changes


def test_forced_publish_of_existing_story_by_reporter_stays_draft(client, pati):
    """A reporter's forged "publish" on their own story saves a draft and leaves it offline."""
    reporter = staff("rina", roles.REPORTER)
    story = ArticlePageFactory(parent=pati, owner=reporter, live=False, slug="draf")
    client.force_login(reporter)
    url = reverse("wagtailadmin_pages:edit", args=(story.pk,))
    client.post(url, {**article_form("Draf diubah", slug="draf"), "action-publish": "1"})
    story.refresh_from_db()
    assert not story.live
    assert story.get_latest_revision().as_object().title == "Draf diubah"


def refused(response) -> bool:
    """Wagtail answers a refused admin request with a way back to the dashboard."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_reporter_may_not_open_a_section(client):
    """A reporter asking for the new-section form is refused."""
    client.force_login(staff("rina", roles.REPORTER))
    url = reverse("wagtailadmin_pages:add", args=("news", "sectionpage", home_page().pk))
    assert refused(client.get(url))


def test_reporter_uploads_images_and_adds_people():
    """A reporter may upload and choose images and add people for bylines."""
    reporter = staff("rina", roles.REPORTER)
    image_policy = policy_registry.get_by_type(get_image_model())
    assert image_policy.user_has_permission(reporter, "add")
    assert image_policy.user_has_permission(reporter, "choose")
    assert reporter.has_perm("news.add_person") and reporter.has_perm("news.change_person")
    assert reporter.has_perm("wagtailadmin.access_admin")


def test_reporter_runs_no_desk():
    """A reporter may not run the breaking desk, the front page or the settings."""
    reporter = staff("rina", roles.REPORTER)
    assert not reporter.has_perm("news.run_breaking_desk")
    assert not reporter.has_perm("news.change_frontpagelayout")
    assert not reporter.has_perm("news.change_newsroomsettings")


# Redaktur


def test_desk_editor_publishes_in_own_section_only(pati, politik):
    """A desk editor may edit, publish and lock the stories of their sections only."""
    redaktur = staff("dedi", roles.DESK_EDITOR, pati)
    mine = ArticlePageFactory(parent=pati).permissions_for_user(redaktur)
    theirs = ArticlePageFactory(parent=politik).permissions_for_user(redaktur)
    assert mine.can_edit() and mine.can_publish() and mine.can_unpublish() and mine.can_lock()
    assert not theirs.can_edit() and not theirs.can_publish() and not theirs.can_lock()


def test_desk_editor_runs_breaking_desk_and_front_page():
    """A desk editor may run the breaking desk and arrange the front page."""
    redaktur = staff("dedi", roles.DESK_EDITOR)
    assert redaktur.has_perm("news.run_breaking_desk")
    assert redaktur.has_perm("news.change_frontpagelayout")


def test_desk_editor_may_not_open_sections_or_change_settings(client):
    """A desk editor may open no section and change no site settings."""
    redaktur = staff("dedi", roles.DESK_EDITOR)
    assert not redaktur.has_perm("news.change_newsroomsettings")
    assert not home_page().permissions_for_user(redaktur).can_edit()
    client.force_login(redaktur)
    url = reverse("wagtailadmin_pages:add", args=("news", "sectionpage", home_page().pk))
    assert refused(client.get(url))


# Pemimpin Redaksi


def test_editor_in_chief_publishes_everywhere(pati, politik):
    """The editor-in-chief may publish in every section."""
    chief = staff("pinto", roles.EDITOR_IN_CHIEF)
    for section in (pati, politik):
        assert ArticlePageFactory(parent=section).permissions_for_user(chief).can_publish()


def test_editor_in_chief_opens_sections_and_keeps_settings(client):
    """The editor-in-chief may open sections, edit people and the site settings."""
    chief = staff("pinto", roles.EDITOR_IN_CHIEF)
    assert chief.has_perm("news.change_newsroomsettings")
    assert chief.has_perm("discovery.change_publishersettings")
    assert chief.has_perm("news.delete_person")
    assert home_page().permissions_for_user(chief).can_edit()
    client.force_login(chief)
    url = reverse("wagtailadmin_pages:add", args=("news", "sectionpage", home_page().pk))
    assert client.get(url).status_code == 200


def test_editor_in_chief_manages_no_accounts():
    """The editor-in-chief may not manage users, groups or sites."""
    chief = staff("pinto", roles.EDITOR_IN_CHIEF)
    assert not chief.has_perm("auth.change_user")
    assert not chief.has_perm("auth.change_group")
    assert not chief.has_perm("wagtailcore.change_site")


# Administrator


def test_administrator_manages_accounts_workflows_and_sites():
    """The administrator may manage users, groups, workflows, redirects and sites."""
    admin = staff("ari", roles.ADMINISTRATOR)
    for perm in (
        "auth.change_user",
        "auth.add_group",
        "wagtailcore.change_workflow",
        "wagtailcore.add_task",
        "wagtailredirects.add_redirect",
        "wagtailcore.change_site",
    ):
        assert admin.has_perm(perm), perm
