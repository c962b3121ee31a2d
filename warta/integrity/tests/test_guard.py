"""The guard in the editor: spam in any field of a story or a person is refused with a
message naming it, nothing is saved, and what was typed stays in the form."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from warta.integrity.forms import IntegrityFormMixin
from warta.news.factories import NewsImageFactory, PersonFactory, SectionPageFactory
from warta.news.models import ArticlePage, Person

pytestmark = pytest.mark.django_db

SPAM = "Slot gacor hari ini, maxwin dijamin, daftar situs slot online"
HIDDEN_LINK = '<span style="display:none"><a href="https://example.com/">daftar</a></span>'


@pytest.fixture
def section():
    return SectionPageFactory(title="Daerah")


def article_form(**fields) -> dict:
    data = {
        "title": "Banjir di Juwana",
        "slug": "banjir-di-juwana",
        "summary": "Ringkasan yang sudah diketik.",
        "dateline": "Pati",
        "main_image_caption": "",
        "body": streamfield([("paragraph", rich_text("<p>Paragraf yang diketik.</p>"))]),
        "reporter_links": inline_formset([]),
        "comments": inline_formset([]),
        "tags": "banjir, pati",
        "action-publish": "action-publish",
    }
    return nested_form_data({**data, **fields})


def post_article(client, section, **fields):
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk))
    return client.post(url, article_form(**fields))


def errors(response, name: str) -> str:
    return " ".join(str(error) for error in response.context["form"].errors.get(name, []))


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", SPAM),
        ("summary", SPAM),
        ("main_image_caption", "Foto: s1ot g4cor"),
        ("body", streamfield([("paragraph", rich_text(f"<p>{SPAM}</p>"))])),
    ],
)
def test_spam_in_any_field_of_a_story_is_refused_there(admin_client, section, field, value):
    """Spam in the title, lead, photo caption or body: an error on that field, nothing saved."""
    response = post_article(admin_client, section, **{field: value})
    assert response.status_code == 200
    assert "integrity guard" in errors(response, field) or "integritas" in errors(response, field)
    assert not ArticlePage.objects.exists()


def test_a_refused_story_keeps_everything_typed(admin_client, section):
    """The form comes back with the lead and tags as typed."""
    response = post_article(admin_client, section, title=SPAM)
    html = response.content.decode()
    assert "Ringkasan yang sudah diketik." in html and "banjir" in html


def test_the_message_names_the_term_found(admin_client, section):
    """The refusal says what was found: the disguised term as written."""
    response = post_article(admin_client, section, main_image_caption="Foto: s1ot g4cor")
    with translation.override(settings.LANGUAGE_CODE):  # the admin's language
        found = translation.gettext("a disguised gambling term (“%(detail)s”)")
    assert found % {"detail": "s1ot g4cor"} in errors(response, "main_image_caption")


def test_a_hidden_link_is_refused_before_its_style_is_stripped(admin_client, section):
    """Markup that hides a link is refused even where the saved text would lose the style."""
    response = post_article(admin_client, section, summary=f"Ringkasan {HIDDEN_LINK}")
    assert "display:none" in errors(response, "summary")
    assert not ArticlePage.objects.exists()


def test_a_link_left_visible_by_the_editor_is_refused_by_its_text(admin_client, section):
    """Pasted hidden spam the rich-text editor kept only as a link is refused by its text."""
    paragraph = rich_text('<p>Warga <a href="https://example.com/">slot gacor</a></p>')
    response = post_article(admin_client, section, body=streamfield([("paragraph", paragraph)]))
    assert "slot gacor" in errors(response, "body")
    assert not ArticlePage.objects.exists()


def test_a_report_on_a_gambling_arrest_is_published(admin_client, section):
    """A story that names the trade in sentences, without links, is saved and published."""
    body = (
        "<p>Polres Pati menangkap bandar judi online yang mempromosikan situs slot gacor "
        "dengan iming-iming maxwin kepada warga.</p>"
    )
    response = post_article(
        admin_client,
        section,
        title="Polisi Bongkar Jaringan Judi Online di Juwana",
        body=streamfield([("paragraph", rich_text(body))]),
    )
    assert response.status_code == 302
    assert ArticlePage.objects.live().count() == 1


def test_a_clean_story_saves_as_before(admin_client, section):
    """The guard lets an ordinary story through."""
    assert post_article(admin_client, section).status_code == 302
    assert ArticlePage.objects.count() == 1


def test_spam_in_a_persons_bio_is_refused(admin_client):
    """A bio with a gambling link is refused on the bio, nothing saved."""
    url = reverse("wagtailsnippets_news_person:add")
    data = {
        "name": "Budi",
        "slug": "budi",
        "initials": "Bd",
        "role": "reporter",
        "bio": "Penulis lepas. Info: https://gacor777.xyz",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "gacor777.xyz" in " ".join(response.context["form"].errors["bio"])
    assert not Person.objects.exists()


def test_every_page_type_and_snippet_of_warta_is_guarded():
    """A page type or snippet added later gets the guard too: every Warta one has it."""
    page_models = [
        model for model in Page.__subclasses__() if model.__module__.startswith("warta.")
    ]
    warta_snippets = [m for m in get_snippet_models() if m.__module__.startswith("warta.")]
    for model in [*page_models, *warta_snippets]:
        assert issubclass(model.base_form_class, IntegrityFormMixin), model


def test_an_image_caption_in_the_body_is_read(admin_client, section):
    """A photo's caption in the body is refused with the body."""
    image = NewsImageFactory()
    body = streamfield([("image", {"image": image.pk, "caption": "s1ot g4cor", "credit": ""})])
    response = post_article(admin_client, section, body=body)
    assert "s1ot g4cor" in errors(response, "body")


def test_a_person_without_spam_saves(admin_client):
    """The guard lets an ordinary person through."""
    PersonFactory(name="Ani")
    url = reverse("wagtailsnippets_news_person:add")
    data = {
        "name": "Budi",
        "slug": "budi",
        "initials": "Bd",
        "role": "reporter",
        "bio": "Wartawan.",
    }
    assert admin_client.post(url, data).status_code == 302
    assert Person.objects.filter(slug="budi").exists()
