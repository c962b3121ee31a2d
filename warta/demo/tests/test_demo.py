"""The demo content: enough fresh, varied news to show every feature, loaded idempotently."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from warta.demo import content
from warta.engagement.models import ArticleStats
from warta.images.models import NewsImage
from warta.news.models import ArticlePage, Person, SectionPage

pytestmark = pytest.mark.django_db


def test_demo_has_thirty_articles_in_five_sections(demo):
    """At least 30 live articles across at least 5 top-level sections."""
    assert ArticlePage.objects.live().count() >= 30
    top_level = SectionPage.objects.live().filter(depth=3)
    assert top_level.count() >= 5
    for section in top_level:
        assert ArticlePage.objects.live().descendant_of(section).exists(), section.title


def test_demo_loads_idempotently(demo):
    """Loading again refreshes the content instead of adding a second copy."""
    counts = (
        ArticlePage.objects.count(),
        SectionPage.objects.count(),
        Person.objects.count(),
        NewsImage.objects.count(),
    )
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts == (
        ArticlePage.objects.count(),
        SectionPage.objects.count(),
        Person.objects.count(),
        NewsImage.objects.count(),
    )


def test_demo_publication_times_are_recent_and_spread(demo):
    """Stories are spread over the days before the load, several in the last 48 hours."""
    now = timezone.now()
    times = list(ArticlePage.objects.values_list("published_at", flat=True))
    assert all(moment <= now for moment in times)
    assert sum(moment > now - timedelta(hours=48) for moment in times) >= 10
    assert min(times) < now - timedelta(days=3)


def test_demo_has_one_breaking_story_and_initialled_reporters(demo):
    """Exactly one story is in the ticker; every reporter has initials."""
    assert ArticlePage.objects.breaking().count() == 1
    assert not Person.objects.filter(initials="").exists()
    assert ArticlePage.objects.filter(tagged_items__isnull=False).distinct().count() >= 30


def test_demo_has_locally_generated_images(demo):
    """Every article has a main image made on this machine."""
    assert not ArticlePage.objects.filter(main_image__isnull=True).exists()
    assert NewsImage.objects.filter(credit__startswith="Warta/").exists()


def test_reference_shaped_article(demo, client):
    """The first demo article has the reference's dateline, quotes, initials and view count."""
    article = ArticlePage.objects.get(slug=content.ARTICLES[0]["slug"])
    assert article.dateline == "Pati"
    assert [s.title for s in article.sections] == ["Daerah", "Pati"]
    assert ArticleStats.objects.get(article=article).views == 805
    html = client.get(article.url).content.decode()
    assert '<span class="dateline">PATI –</span>' in html
    assert "(805 kali dibaca)" in html
    assert '<span class="sign-off">(Ag/Ed)</span>' in html
    assert ",” ujarnya." in html and "“" in html  # quotes inline, as on the reference
