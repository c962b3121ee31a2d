"""What the article page carries for engagement: the same for every reader, so cacheable."""

import re

import pytest
from django.test import RequestFactory

from warta.engagement.models import ArticleStats
from warta.news.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def test_the_article_page_loads_the_beacon_script_and_a_noscript_pixel(client, article):
    """A deferred script with the article's API address, and a pixel inside <noscript>."""
    html = client.get(article.url).content.decode()
    api = f"/api/engagement/v1/articles/{article.pk}"
    assert re.search(rf'<script src="[^"]*engagement\.js" defer data-api="{api}"></script>', html)
    assert f'<noscript><img class="view-pixel" src="{api}/pixel.gif"' in html


def test_the_article_page_sets_no_cookie_and_carries_no_token(client, article):
    """The page is the same for every reader: no cookie, no CSRF token, no reader id."""
    response = client.get(article.url)
    html = response.content.decode()
    assert not response.cookies
    assert "csrfmiddlewaretoken" not in html
    assert "warta_reader" not in html


def test_the_reactions_are_a_plain_form_that_works_without_javascript(client, article):
    """Six submit buttons in a POST form to the reaction endpoint, back to this page."""
    html = client.get(article.url).content.decode()
    form = html.split('<form class="reactions__form"')[1].split("</form>")[0]
    assert f'method="post" action="/api/engagement/v1/articles/{article.pk}/reaction"' in form
    assert f'<input type="hidden" name="next" value="{article.url}">' in form
    values = re.findall(
        r'<button class="reaction__button" type="submit" name="reaction" value="(\w+)"', form
    )
    assert values == ["like", "love", "haha", "wow", "sad", "angry"]


def test_the_view_count_carries_both_plural_forms_for_the_script(client, article):
    """The script rewrites the count in the reader's language from the page's own texts."""
    ArticleStats.objects.create(article=article, views=1)
    html = client.get(article.url).content.decode()
    assert 'data-text-one="({n} kali dibaca)"' in html
    assert ">(1 kali dibaca)</span>" in html
    html = client.get(f"/en{article.url}").content.decode()
    assert 'data-text-one="({n} view)" data-text-other="({n} views)">(1 view)</span>' in html


def test_a_preview_has_no_beacon(rf: RequestFactory, admin_user):
    """An editor previewing a draft or a revision does not report a view."""
    article = ArticlePageFactory()
    article.title = "Draf yang belum terbit"
    request = rf.get("/")
    request.user = admin_user
    response = article.make_preview_request(request)
    html = (
        response.render().content.decode()
        if hasattr(response, "render")
        else response.content.decode()
    )
    assert "Draf yang belum terbit" in html
    assert "engagement.js" not in html
    assert "pixel.gif" not in html


def test_a_cached_article_page_is_kept_a_minute_at_most(client, article):
    """The printed count may be a minute old: the page asks the page cache for no more."""
    response = client.get(article.url)
    assert response.wsgi_request.cache_ttl_limit == 60
