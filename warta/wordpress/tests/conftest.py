import os
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.models import Site

from warta.core.tests.test_pagecache import site_app  # noqa: F401 - a fixture
from warta.wordpress.importer import Options, run_import

FIXTURES = Path(__file__).parent / "fixtures"
NEWS = FIXTURES / "berita-daerah.xml"
UPLOADS = FIXTURES / "uploads"
REPO = Path(__file__).resolve().parents[3]
SHARED = Path(os.environ.get("WARTA_SHARED_DIR", REPO.parent / "shared"))
THEME_EXPORTS = sorted((SHARED / "testdata" / "wordpress").glob("*.xml"))


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded files of the test go to a folder of its own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def import_export(db, media_root):
    """Run an import into the default site; options as keyword arguments."""

    def run(path: Path = NEWS, **options):
        options.setdefault("media_dir", UPLOADS)
        site = Site.objects.get(is_default_site=True)
        return run_import(path, Options(site=site, **options))

    return run


def said(message: str, **values) -> str:
    """A reason as the report gives it, in the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        text = translation.gettext(message)
    return text % values if values else text
