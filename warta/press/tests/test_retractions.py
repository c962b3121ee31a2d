"""Retraction (PPMS point 5): only the editor-in-chief, on a ground the guideline allows;
the address stays with the reason; the story leaves every list, feed, sitemap and search."""

import pytest
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import PageLogEntry

from warta.news.factories import SectionPageFactory
from warta.newsroom import roles
from warta.newsroom.tests.helpers import article_form, staff

from ..models import Retraction
from ..retractions import RETRACT_ACTION, retract
from .helpers import published_story

pytestmark = pytest.mark.django_db

EXPLANATION = "Berita ini memuat identitas anak yang menjadi korban."


@pytest.fixture
def chief():
    return staff("ratna", roles.EDITOR_IN_CHIEF)


@pytest.fixture
def section():
    return SectionPageFactory(title="Hukum", slug="hukum")


@pytest.fixture
def story(section):
    return published_story("Razia judi daring di Juwana", section, tags=["judi"])


@pytest.fixture
def neighbour(section):
    """A live story of the same section and tag: the retracted one stood beside it."""
    return published_story("Sidang perkara di PN Pati", section, tags=["judi"])


def retract_url(article) -> str:
    return reverse("press_admin:retract", args=[article.pk])


def test_retracted_story_keeps_its_address_with_the_reason(client, chief, story):
    """The address answers 200, noindex, with ground, explanation and time, not the text."""
    url = story.url
    retract(story, chief, Retraction.Ground.CHILD, EXPLANATION)
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert '<meta name="robots" content="noindex">' in page
    assert EXPLANATION in page
    assert str(Retraction.Ground.CHILD.label) in page
    assert 'class="retraction__time"' in page
    assert "Isi asli berita yang keliru." not in page


def test_retracted_story_keeps_its_english_address(client, chief, story):
    """/en/... of a retracted story shows the notice too."""
    url = f"/en{story.url}"
    retract(story, chief, Retraction.Ground.SARA, EXPLANATION)
    response = client.get(url)
    assert response.status_code == 200 and EXPLANATION in response.content.decode()


def test_an_unpublished_story_that_was_not_retracted_is_still_not_found(client, story):
    """Only a retraction keeps an address: unpublishing alone answers 404."""
    url = story.url
    story.unpublish()
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "address",
    [
        "/",
        "/hukum/",
        "/tag/judi/",
        "/cari/?q=razia",
        "/feeds/rss/",
        "/feeds/hukum/rss/",
        "/sitemap-articles-1.xml",
        "/sitemap-news-1.xml",
    ],
)
def test_retracted_story_leaves_lists_search_feeds_and_sitemaps(client, chief, story, address):
    """Home, section, tag, search, feeds and sitemaps drop the retracted story."""
    url = story.url
    before = b"".join(client.get(address)).decode()
    assert "Razia judi daring" in before or url in before
    retract(story, chief, Retraction.Ground.CHILD, EXPLANATION)
    response = client.get(address)
    assert response.status_code == 200
    text = b"".join(response).decode() if response.streaming else response.content.decode()
    assert "Razia judi daring" not in text and url not in text


def test_retracted_story_leaves_the_related_stories(client, chief, story, neighbour):
    """The story beside it no longer links to it."""
    assert story.url in client.get(neighbour.url).content.decode()
    retract(story, chief, Retraction.Ground.CHILD, EXPLANATION)
    assert story.url not in client.get(neighbour.url).content.decode()


def test_editor_in_chief_retracts_from_the_admin_with_a_ground(client, chief, story):
    """The form retracts the story, records the ground and the words, and goes back."""
    client.force_login(chief)
    response = client.post(retract_url(story), {"ground": "trauma", "explanation": EXPLANATION})
    assert response.status_code == 302
    retraction = Retraction.objects.get(article=story)
    assert (retraction.ground, retraction.explanation, retraction.retracted_by) == (
        "trauma",
        EXPLANATION,
        chief,
    )
    story.refresh_from_db()
    assert not story.live


def test_retraction_is_in_the_audit_log(client, chief, story):
    """Wagtail's log records who retracted the story, on which ground."""
    client.force_login(chief)
    client.post(retract_url(story), {"ground": "decency", "explanation": EXPLANATION})
    entry = PageLogEntry.objects.get(page=story, action=RETRACT_ACTION)
    assert entry.user == chief and entry.data["ground"] == "decency"
    history = client.get(reverse("wagtailadmin_pages:history", args=[story.pk]))
    assert history.status_code == 200


def test_a_desk_editor_cannot_retract(client, section, story):
    """The Redaktur of the story's own desk gets 403, and the story stays."""
    client.force_login(staff("eko", roles.DESK_EDITOR, section))
    assert client.get(retract_url(story)).status_code == 403
    response = client.post(retract_url(story), {"ground": "child", "explanation": EXPLANATION})
    assert response.status_code == 403
    story.refresh_from_db()
    assert story.live and not Retraction.objects.exists()


def test_retraction_without_a_ground_is_refused_with_a_message(client, chief, story):
    """No ground: nothing retracted, and the form says what is missing."""
    client.force_login(chief)
    response = client.post(retract_url(story), {"explanation": EXPLANATION})
    assert response.status_code == 200
    assert escape(_("Choose the ground of the retraction.")) in response.content.decode()
    story.refresh_from_db()
    assert story.live and not Retraction.objects.exists()


def test_retraction_without_an_explanation_is_refused(client, chief, story):
    """A ground alone is not enough: readers must be told why."""
    client.force_login(chief)
    response = client.post(retract_url(story), {"ground": "child", "explanation": "  "})
    assert escape(_("Explain to readers why the story is retracted.")) in response.content.decode()
    assert not Retraction.objects.exists()


def test_a_ground_outside_the_guideline_is_refused(client, chief, story):
    """Only PPMS 5(a)'s grounds are accepted."""
    client.force_login(chief)
    client.post(retract_url(story), {"ground": "pressure", "explanation": EXPLANATION})
    assert not Retraction.objects.exists()


def test_only_the_editor_in_chief_sees_the_retract_button(client, chief, section, story):
    """The story's editor offers "Retract" to the editor-in-chief, not to the desk."""
    edit = reverse("wagtailadmin_pages:edit", args=[story.pk])
    client.force_login(chief)
    assert retract_url(story) in client.get(edit).content.decode()
    client.force_login(staff("eko", roles.DESK_EDITOR, section))
    assert retract_url(story) not in client.get(edit).content.decode()


def test_a_desk_editor_cannot_publish_a_retracted_story_again(client, chief, section, story):
    """Publishing from the editor is refused to the desk: the story stays retracted."""
    retract(story, chief, Retraction.Ground.CHILD, EXPLANATION)
    client.force_login(staff("eko", roles.DESK_EDITOR, section))
    edit = reverse("wagtailadmin_pages:edit", args=[story.pk])
    client.post(edit, article_form(story.title, slug=story.slug, **{"action-publish": "1"}))
    story.refresh_from_db()
    assert not story.live and Retraction.objects.filter(article=story).exists()


def test_publishing_a_retracted_story_again_lifts_the_retraction(client, chief, story):
    """The editor-in-chief publishing it again ends the retraction: the story is back."""
    retract(story, chief, Retraction.Ground.CHILD, EXPLANATION)
    story.refresh_from_db()
    story.save_revision(user=chief).publish(user=chief)
    assert not Retraction.objects.filter(article=story).exists()
    assert "Isi asli berita yang keliru." in client.get(story.url).content.decode()
