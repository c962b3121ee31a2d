"""The demo shows each label a story can carry: verification pending, AI, sponsored."""

import pytest

from warta.demo import labels
from warta.news.models import ArticlePage
from warta.news.tests.labels import image_ai_label, sponsored_by, unverified_notice

pytestmark = pytest.mark.django_db


def story(slug: str) -> ArticlePage:
    return ArticlePage.objects.live().get(slug=slug)


def test_demo_has_a_story_awaiting_verification(client, demo):
    """One live story ends with the verification notice, linking to no follow-up yet."""
    assert list(ArticlePage.objects.live().filter(needs_verification=True)) == [
        story(labels.AWAITING_VERIFICATION["slug"])
    ]
    html = client.get(story(labels.AWAITING_VERIFICATION["slug"]).url).content.decode()
    assert f"<em>({unverified_notice()})</em>" in html


def test_demo_has_an_ai_labelled_image(client, demo):
    """The AI story's illustration is labelled as generated, with its tool."""
    html = client.get(story(labels.MADE_WITH_AI["slug"]).url).content.decode()
    label = image_ai_label("Generated with artificial intelligence", "Stable Diffusion")
    assert f'<span class="ai-label">{label}</span>' in html
    assert 'class="label label--ai"' in html


def test_demo_has_a_labelled_advertorial(client, demo):
    """The advertorial names its sponsor and marks its outbound link as sponsored."""
    html = client.get(story(labels.ADVERTORIAL["slug"]).url).content.decode()
    assert sponsored_by("Koperasi Tani Makmur") in html
    assert '<a href="https://tanimakmur.example/gerai" rel="sponsored">' in html
