"""A redirect an editor makes replaces an old address's 301 kept by the page cache."""

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from warta.core.tests.test_pagecache import call
from warta.news.factories import ArticlePageFactory, SectionPageFactory
from warta.wordpress.addresses import keep

pytestmark = pytest.mark.django_db


def test_an_editors_redirect_replaces_a_kept_301(site_app, django_capture_on_commit_callbacks):
    """Saving a Wagtail redirect at an old address purges its stored 301: the editor's wins."""
    site = Site.objects.get(is_default_site=True)
    section = SectionPageFactory(slug="daerah")
    old = ArticlePageFactory(parent=section, slug="banjir-lama")
    new = ArticlePageFactory(parent=section, slug="banjir-baru")
    keep(site, [("/2019/05/03/banjir/", old.pk, "")])
    first = call(site_app, "/2019/05/03/banjir/")
    assert (first.status_code, first.cache) == (301, "MISS"), first.headers
    assert call(site_app, "/2019/05/03/banjir/").cache == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        Redirect.objects.create(old_path="/2019/05/03/banjir", site=site, redirect_page=new)
    response = call(site_app, "/2019/05/03/banjir/")
    assert response.cache != "HIT"  # Wagtail's own 301, which is not stored
    assert response.headers["location"].endswith("/daerah/banjir-baru/")
