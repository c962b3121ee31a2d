"""`warta generate_archive`: many plausible articles, a sound page tree, a complete search index."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from warta.core.tests.snapshots import TableSnapshot
from warta.news.models import ArticlePage, SectionPage
from warta.search.text import WORD

pytestmark = pytest.mark.django_db

COUNT = 200


def generate(count=COUNT, seed=7) -> str:
    out = io.StringIO()
    call_command("generate_archive", articles=count, seed=seed, years=3, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="session")
def archive_snapshot(django_db_setup, django_db_blocker) -> TableSnapshot:
    """What `generate()` leaves in the database: generated once per run, then rolled back."""
    return TableSnapshot.after(django_db_blocker, generate)


@pytest.fixture
def archive(archive_snapshot):
    archive_snapshot.restore()
    return ArticlePage.objects.live()


def test_creates_the_requested_live_articles(archive):
    """--articles 200 gives 200 live, dated, credited articles with a body."""
    assert archive.count() == COUNT
    assert not archive.filter(published_at__isnull=True).exists()
    assert not archive.filter(reporter_links__isnull=True).exists()
    assert all(len(article.body.raw_data) >= 4 for article in archive[:20])


def test_articles_spread_over_the_years_and_sections(archive):
    """Publication times cover the requested years; every news section gets stories."""
    now = timezone.now()
    times = list(archive.values_list("published_at", flat=True))
    assert max(times) <= now
    assert min(times) < now - timedelta(days=365 * 2)
    parents = {path[: -Page.steplen] for path in archive.values_list("path", flat=True)}
    assert len(parents) >= 8


def test_page_tree_stays_sound(archive):
    """Bulk-computed paths leave treebeard with no problem and correct child counts."""
    assert Page.find_problems() == ([], [], [], [], [])
    for section in SectionPage.objects.all():
        assert section.numchild == Page.objects.child_of(section).count(), section.title


def test_generated_articles_render_and_list(client, archive):
    """An article's page, its section and its day archive all show it."""
    article = archive.order_by("pk").first()
    assert client.get(article.url).status_code == 200
    local = timezone.localtime(article.published_at)
    day = client.get(f"/arsip/{local:%Y/%m/%d}/")
    assert article.title in day.content.decode()


def test_generated_articles_are_in_the_search_index(client, archive):
    """The index is complete afterwards: a story is found by the rarest word of its body."""
    texts = {a.pk: " ".join(a.text_paragraphs()[1:]).lower() for a in archive}
    frequency: dict[str, int] = {}
    for text in texts.values():
        for word in set(WORD.findall(text)):
            frequency[word] = frequency.get(word, 0) + 1
    for article in archive.order_by("pk")[:5]:
        rare = min(set(WORD.findall(texts[article.pk])), key=lambda w: (frequency[w], w))
        response = client.get("/cari/", {"q": rare})
        found = [hit.article.pk for hit in response.context["hits"]]
        assert article.pk in found, rare


def test_running_again_with_the_same_seed_adds_nothing(archive):
    """Idempotent per seed: a rerun creates no duplicate."""
    assert "0 articles created, 200 already there" in generate()
    assert ArticlePage.objects.count() == COUNT


def test_a_larger_count_tops_up_and_another_seed_adds_a_set(archive):
    """--articles 250 adds the missing 50; another --seed adds its own articles."""
    assert "50 articles created" in generate(count=250)
    generate(count=10, seed=8)
    assert ArticlePage.objects.count() == 260
    assert Page.find_problems() == ([], [], [], [], [])
