"""Shared test fixtures. Chromium for browser tests comes from Debian's `chromium` package."""

import shutil

import pytest
from django.core.cache import cache
from django.utils import translation

from warta.core import generation
from warta.news import routing


@pytest.fixture(autouse=True)
def _clean_state():
    """Each test starts in the site language with an empty cache and no remembered routes."""
    cache.clear()
    routing.forget_sites()
    generation.forget()
    translation.activate("id")
    yield
    translation.deactivate()


@pytest.fixture
def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium; .ci/run does)")
    return path
