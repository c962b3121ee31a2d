"""An image says whether artificial intelligence made it, from the image library's form."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from warta.images.models import ImageAIUse, NewsImage
from warta.news.factories import NewsImageFactory
from warta.news.tests.labels import image_ai_label

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("pemred", "p@warta.test", "x"))
    return client


def edit(client, image: NewsImage, **fields):
    data = {
        "title": image.title,
        "collection": image.collection_id,
        "tags": "",
        "description": "Ilustrasi rob",
        "caption": "Ilustrasi rob di pesisir",
        "credit": "",
        "ai_use": "",
        "ai_tool": "",
        **fields,
    }
    return client.post(reverse("wagtailimages:edit", args=[image.pk]), data)


def test_image_form_stores_how_ai_made_the_image(editor):
    """Choosing "generated" and a tool in the image's form stores both."""
    image = NewsImageFactory()
    response = edit(editor, image, ai_use="generated", ai_tool="Midjourney")
    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.ai_use, image.ai_tool) == (ImageAIUse.GENERATED, "Midjourney")
    assert image.ai_label == image_ai_label("Generated with artificial intelligence", "Midjourney")


def test_image_form_refuses_a_tool_without_an_ai_use(editor):
    """A tool named for an image not made with AI: an error beside the use, nothing stored."""
    image = NewsImageFactory()
    response = edit(editor, image, ai_tool="Midjourney")
    assert response.status_code == 200
    with translation.override(response.wsgi_request.LANGUAGE_CODE):  # the admin's language
        message = gettext("Choose how artificial intelligence made the image, or clear the tool.")
    assert response.context["form"].errors["ai_use"] == [message]
    image.refresh_from_db()
    assert image.ai_tool == ""
