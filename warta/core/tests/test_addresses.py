"""Addresses kept per process: still right in each language and script prefix."""

from django.test import RequestFactory
from django.urls import clear_script_prefix, set_script_prefix
from django.urls import reverse as django_reverse
from django.utils import translation

from warta.core.addresses import reverse, static, url_in_language


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


def test_a_path_in_the_other_language_is_worked_out_once_per_request():
    request = RequestFactory().get("/tag/banjir/")
    assert url_in_language(request, "/tag/banjir/", "en") == "/en/tag/banjir/"
    with translation.override("en"):  # as on an English page
        assert url_in_language(request, "/en/tag/banjir/", "id") == "/tag/banjir/"
    request._warta_urls_in_language[("/tag/banjir/", "en")] = "/kept/"
    assert url_in_language(request, "/tag/banjir/", "en") == "/kept/"


def test_static_addresses_are_the_storage_ones():
    assert static("css/warta.css").startswith("/static/css/warta")
