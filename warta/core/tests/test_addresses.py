"""Addresses kept per process: still right in each language and script prefix."""

import pytest
from django.test import RequestFactory, override_settings
from django.urls import clear_script_prefix, set_script_prefix
from django.urls import reverse as django_reverse
from django.utils import translation

from warta.core import addresses
from warta.core.addresses import absolute_url, reverse, static, url_in_language


def test_kept_addresses_follow_the_language_and_the_script_prefix():
    assert reverse("news:tag", slug="banjir") == "/tag/banjir/"
    with translation.override("en"):
        assert reverse("news:tag", slug="banjir") == "/en/tag/banjir/"
    set_script_prefix("/portal/")
    try:
        assert reverse("news:tag", slug="banjir") == "/portal/tag/banjir/"
    finally:
        clear_script_prefix()
    assert reverse("news:tag", slug="banjir") == django_reverse("news:tag", args=["banjir"])
    assert reverse("news:archive_year", 2019) == "/arsip/2019/"


def test_a_path_in_the_other_language_is_worked_out_once_per_request(monkeypatch):
    request = RequestFactory().get("/tag/banjir/")
    assert url_in_language(request, "/tag/banjir/", "en") == "/en/tag/banjir/"
    with translation.override("en"):  # as on an English page
        assert url_in_language(request, "/en/tag/banjir/", "id") == "/tag/banjir/"
    calls = []
    monkeypatch.setattr(addresses, "reverse", lambda *a, **k: calls.append(a) or "/en/x/")
    for _asked in range(3):
        assert url_in_language(request, "/tag/banjir/", "en") == "/en/tag/banjir/"
    assert calls == []  # the first answer, kept for the request


def test_static_addresses_are_the_storage_ones():
    assert static("css/warta.css").startswith("/static/css/warta")


def test_static_addresses_follow_a_new_static_url():
    kept = static("css/warta.css")
    with override_settings(STATIC_URL="/aset/"):
        assert static("css/warta.css").startswith("/aset/css/warta")
    assert static("css/warta.css") == kept


@pytest.mark.parametrize(
    "location",
    [
        "/",
        "/daerah/pati/pemkab-pati-dorong-bumdes/",
        "/feeds/daerah/pati/rss/",
        "/media/images/pemkab.2e16d0ba.fill-1200x630.format-jpeg.jpegquality-80.jpg",
        "/cari/?q=banjir&section=5#hasil",
        "/tag/dana-desa/",
        "/berita/jalan rusak/",  # a space: quoted
        "/berita/kopi-gayo-café/",  # not ASCII: quoted
        "/a/./b/",
        "/a/../b/",
        "//evil.example/",
        "relative/path/",
        "https://cdn.example/images/a.jpg",
        "/%E2%82%AC/",
        "/a'b(c)*d!e/",
        '/a"b<c>/',
    ],
)
@pytest.mark.parametrize("secure", [False, True])
@override_settings(ALLOWED_HOSTS=["warta.example"])
def test_absolute_urls_are_those_django_builds(location, secure):
    request = RequestFactory().get("/daerah/pati/", secure=secure, HTTP_HOST="warta.example:8443")
    assert absolute_url(request, location) == request.build_absolute_uri(location)
