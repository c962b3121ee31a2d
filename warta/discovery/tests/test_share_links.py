"""Share buttons under a story: plain links with the share text in the page's language."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from warta.news.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def share_links(html: str) -> dict[str, str]:
    section = html.split('<section class="share"')[1].split("</section>")[0]
    return {
        key: href.replace("&amp;", "&")
        for key, href in re.findall(r'share__link--(\w+)" href="([^"]+)"', section)
    }


@pytest.fixture
def article():
    return ArticlePageFactory(title="Sungai Wulan Meluap")


def test_story_has_whatsapp_facebook_x_telegram_and_copy_link(client, article):
    """Four networks and copy-link, each pointing at the story's absolute URL."""
    url = f"http://testserver{article.url}"
    links = share_links(client.get(article.url).content.decode())
    assert set(links) == {"whatsapp", "facebook", "x", "telegram", "copy"}
    whatsapp = urlsplit(links["whatsapp"])
    assert (whatsapp.scheme, whatsapp.netloc) == ("https", "wa.me")
    assert parse_qs(whatsapp.query)["text"][0].endswith(url)
    facebook = urlsplit(links["facebook"])
    assert facebook.netloc == "www.facebook.com" and parse_qs(facebook.query)["u"] == [url]
    x = urlsplit(links["x"])
    assert x.netloc == "x.com" and x.path == "/intent/tweet"
    assert parse_qs(x.query)["url"] == [url]
    telegram = urlsplit(links["telegram"])
    assert telegram.netloc == "t.me" and parse_qs(telegram.query)["url"] == [url]
    assert links["copy"] == url  # without JavaScript, a plain link to the story


def test_share_text_is_in_the_page_language(client, article):
    """Indonesian at /, English under /en/."""
    path = article.url
    indonesian = share_links(client.get(path).content.decode())
    english = share_links(client.get(f"/en{path}").content.decode())
    text_id = parse_qs(urlsplit(indonesian["telegram"]).query)["text"][0]
    text_en = parse_qs(urlsplit(english["telegram"]).query)["text"][0]
    assert text_id == "Sungai Wulan Meluap – baca selengkapnya di Warta"
    assert text_en == "Sungai Wulan Meluap – read it on Warta"
    html = client.get(path).content.decode()
    assert 'aria-label="Bagikan ke WhatsApp"' in html
    assert ">Salin tautan</a>" in html


def test_share_buttons_load_nothing_from_other_sites(client, article):
    """No third-party script, image or stylesheet: the networks are only link targets."""
    html = client.get(article.url).content.decode()
    for attribute in re.findall(r'<(?:script|img|link|iframe)[^>]*(?:src|href)="([^"]+)"', html):
        assert not attribute.startswith(("http://", "https://", "//")) or attribute.startswith(
            "http://testserver/"
        ), attribute
    assert "/static/discovery/js/share.js" in html


def test_markup_in_a_title_is_escaped_in_share_links(client):
    """A title with quotes and tags stays inside the URL-encoded parameter."""
    article = ArticlePageFactory(title='Kata "Bupati" <b>tegas</b>')
    html = client.get(article.url).content.decode()
    assert "<b>tegas</b>" not in html.split('<section class="share"')[1]
    text = parse_qs(urlsplit(share_links(html)["telegram"]).query)["text"][0]
    assert text.startswith('Kata "Bupati" <b>tegas</b>')
