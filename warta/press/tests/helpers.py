"""Stories, corrections and retractions for the press tests."""

from datetime import timedelta

from django.utils import timezone

from warta.news.factories import ArticlePageFactory, SectionPageFactory

from ..models import Correction


def published_story(title: str = "Jembatan Juwana dibuka", section=None, **fields):
    """A live story published two hours ago, with a revision as the admin makes them."""
    article = ArticlePageFactory(
        title=title,
        parent=section or SectionPageFactory(),
        published_at=timezone.now() - timedelta(hours=2),
        body=[("paragraph", "<p>Isi asli berita yang keliru.</p>")],
        **fields,
    )
    article.save_revision().publish()
    article.refresh_from_db()
    return article


def correction(article, text="Jumlah korban yang benar adalah tiga orang.", **fields):
    fields.setdefault("corrected_at", timezone.now() - timedelta(minutes=30))
    return Correction.objects.create(article=article, text=text, **fields)
