"""Reply test fixtures: attachments and the rate-limit store in the test's own folder."""

import pytest

from warta.core import caches
from warta.news.factories import ArticlePageFactory, SectionPageFactory

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


@pytest.fixture(autouse=True)
def reply_settings(settings, tmp_path):
    settings.WARTA_REPLIES = {
        **settings.WARTA_REPLIES,
        "ATTACHMENT_ROOT": tmp_path / "replies",
        "MAX_ATTACHMENT_BYTES": 1024,
    }
    settings.WARTA_ENGAGEMENT = {
        **settings.WARTA_ENGAGEMENT,
        "FLUSH_IN_BACKGROUND": False,
        "STATE_PATH": tmp_path / "engagement-state.sqlite3",
        "REDIS_URL": "",
    }
    caches.reset()
    yield settings.WARTA_REPLIES
    caches.reset()


@pytest.fixture
def section():
    return SectionPageFactory(title="Pati", slug="pati")


@pytest.fixture
def story(section):
    return ArticlePageFactory(parent=section, title="Jalan Desa Rusak", slug="jalan-desa-rusak")


def reply_data(article, /, **fields) -> dict:
    """What a reader posts: a complete, valid reply to `article`, with `fields` changed."""
    return {
        "name": "Budi Santoso",
        "contact": "budi@contoh.id",
        "story": f"http://testserver{article.url}",
        "text": "Berita itu keliru: jalan desa sudah diperbaiki pada bulan Mei.",
        "website": "",
        **fields,
    }
