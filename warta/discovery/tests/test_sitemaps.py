"""Sitemaps and robots.txt, validated against the official schemas with lxml."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from warta.discovery import sitemaps
from warta.news import story_lists
from warta.news.factories import (
    ArticlePageFactory,
    NewsImageFactory,
    PersonFactory,
    SectionPageFactory,
)
from warta.news.models import StoryList

from .helpers import NS, assert_valid, body, parse_xml

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime(2024, 3, 28, 13, 0, 0))


@pytest.fixture
def frozen_clock(monkeypatch):
    """timezone.now() is 28 March 2024, 13:00 WIB for the code under test."""
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    return NOW


def get_xml(client, path: str):
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"].startswith("application/xml")
    return parse_xml(body(response))


def locs(document) -> list[str]:
    return document.xpath("//s:url/s:loc/text()", namespaces=NS)


def index_locs(client) -> list[str]:
    return get_xml(client, "/sitemap.xml").xpath("//s:sitemap/s:loc/text()", namespaces=NS)


def test_every_sitemap_of_the_demo_validates(client, demo, urlset_schema, sitemap_index_schema):
    """The index and every sitemap it lists are valid against the sitemaps.org and Google XSDs."""
    index = get_xml(client, "/sitemap.xml")
    assert_valid(sitemap_index_schema, index)
    listed = index.xpath("//s:sitemap/s:loc/text()", namespaces=NS)
    assert {loc.rsplit("/", 1)[1].rsplit("-", 1)[0] for loc in listed} == {
        "sitemap-pages",
        "sitemap-articles",
        "sitemap-tags",
        "sitemap-people",
        "sitemap-news",
    }
    for loc in listed:
        document = get_xml(client, loc.removeprefix("http://testserver"))
        assert_valid(urlset_schema, document)
        assert locs(document), loc


def test_news_sitemap_of_a_fresh_demo_is_never_empty(client, demo):
    """The demo publishes relative to load time, so Google News always has stories."""
    assert len(locs(get_xml(client, "/sitemap-news-1.xml"))) >= 10


def test_index_has_lastmod_with_the_newsroom_offset(client):
    """Each sitemap in the index says when its newest URL changed, in +07:00."""
    ArticlePageFactory(published_at=timezone.make_aware(datetime(2024, 3, 1, 8, 30)))
    index = get_xml(client, "/sitemap.xml")
    lastmods = index.xpath("//s:sitemap/s:lastmod/text()", namespaces=NS)
    assert lastmods and all(value.endswith("+07:00") for value in lastmods)


def test_article_sitemap_has_lastmod_and_the_lead_image(client, urlset_schema):
    """Each story: its URL, lastmod (latest of publication and update) and image:loc."""
    published = timezone.make_aware(datetime(2024, 3, 1, 8, 30))
    article = ArticlePageFactory(
        published_at=published,
        updated_at=published + timedelta(hours=2),
        main_image=NewsImageFactory(),
    )
    document = get_xml(client, "/sitemap-articles-1.xml")
    assert_valid(urlset_schema, document)
    (url,) = document.xpath("//s:url", namespaces=NS)
    assert url.findtext("s:loc", namespaces=NS) == f"http://testserver{article.url}"
    assert url.findtext("s:lastmod", namespaces=NS) >= "2024-03-01T10:30:00+07:00"
    image = url.findtext("image:image/image:loc", namespaces=NS)
    assert image.startswith("http://testserver/media/original_images/")


def test_stories_are_paged_by_blocks_of_ids(client, monkeypatch):
    """With blocks of 2 ids, each story is on its block's page, and stays there."""
    monkeypatch.setattr(StoryList, "BLOCK_SIZE", 2)
    section = SectionPageFactory()
    articles = ArticlePageFactory.create_batch(5, parent=section)
    blocks: dict[int, list[str]] = {}
    for article in articles:
        blocks.setdefault(story_lists.block_of(article.pk), []).append(
            f"http://testserver{article.url}"
        )
    assert len(blocks) >= 3

    def listed() -> list[str]:
        return [loc.rsplit("/", 1)[1] for loc in index_locs(client) if "sitemap-articles-" in loc]

    assert listed() == [f"sitemap-articles-{number}.xml" for number in sorted(blocks)]
    for number, urls in blocks.items():
        assert sorted(locs(get_xml(client, f"/sitemap-articles-{number}.xml"))) == sorted(urls)
    # A story taken down empties no other page and moves no other story.
    first = min(blocks)
    for article in articles:
        if story_lists.block_of(article.pk) == first:
            article.unpublish()
    assert listed() == [f"sitemap-articles-{number}.xml" for number in sorted(blocks)[1:]]
    for number in sorted(blocks)[1:]:
        assert sorted(locs(get_xml(client, f"/sitemap-articles-{number}.xml"))) == sorted(
            blocks[number]
        )
    assert client.get(f"/sitemap-articles-{max(blocks) + 1}.xml").status_code == 404
    assert client.get("/sitemap-articles-0.xml").status_code == 404


def test_sitemap_page_size_is_the_protocol_limit():
    """sitemaps.org allows 50,000 URLs a file; Google News 1,000."""
    assert sitemaps.SITEMAP_PAGE_SIZE == 50_000
    assert sitemaps.NEWS_PAGE_SIZE == 1_000
    assert sitemaps.NewsUrlSet.page_size == 1_000
    assert sitemaps.ArticleUrlSet.page_size == StoryList.BLOCK_SIZE == 50_000


def test_sitemaps_are_streamed_in_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    """The article sitemap streams rows; its queries do not grow with the number of stories."""
    ArticlePageFactory.create_batch(3, main_image=NewsImageFactory())
    response = client.get("/sitemap-articles-1.xml")
    assert response.streaming
    body(response)  # what the worker keeps until content changes (private paths) is read
    with django_assert_max_num_queries(4):
        assert len(locs(parse_xml(body(client.get("/sitemap-articles-1.xml"))))) == 3
    ArticlePageFactory.create_batch(12, main_image=NewsImageFactory())
    with django_assert_max_num_queries(4):
        assert len(locs(parse_xml(body(client.get("/sitemap-articles-1.xml"))))) == 15


def test_news_sitemap_holds_only_the_last_48_hours(client, frozen_clock, urlset_schema):
    """Stories older than 48 hours, or dated in the future, are not in the news sitemap."""
    fresh = ArticlePageFactory(title="Baru", published_at=NOW - timedelta(hours=47, minutes=59))
    ArticlePageFactory(title="Lama", published_at=NOW - timedelta(hours=48, minutes=1))
    ArticlePageFactory(title="Nanti", published_at=NOW + timedelta(hours=1))
    document = get_xml(client, "/sitemap-news-1.xml")
    assert_valid(urlset_schema, document)
    assert locs(document) == [f"http://testserver{fresh.url}"]


def test_news_entry_names_the_publication_language_date_and_title(client, frozen_clock):
    """news:publication (site name, language id), publication date in WIB, title."""
    ArticlePageFactory(title="Banjir & Longsor <Kudus>", published_at=NOW - timedelta(hours=3))
    news = get_xml(client, "/sitemap-news-1.xml").xpath("//news:news", namespaces=NS)[0]
    assert news.findtext("news:publication/news:name", namespaces=NS) == "Warta"
    assert news.findtext("news:publication/news:language", namespaces=NS) == "id"
    assert news.findtext("news:publication_date", namespaces=NS) == "2024-03-28T10:00:00+07:00"
    assert news.findtext("news:title", namespaces=NS) == "Banjir & Longsor <Kudus>"


def test_news_sitemap_splits_at_its_page_size_newest_first(client, frozen_clock, monkeypatch):
    """Past the per-file limit the next stories go to sitemap-news-2.xml, listed in the index."""
    monkeypatch.setattr(sitemaps.NewsUrlSet, "page_size", 2)
    titles = [f"Berita {hours}" for hours in range(1, 4)]
    for hours, title in enumerate(titles, start=1):
        ArticlePageFactory(
            title=title, slug=f"berita-{hours}", published_at=NOW - timedelta(hours=hours)
        )
    assert [loc for loc in index_locs(client) if "news" in loc] == [
        "http://testserver/sitemap-news-1.xml",
        "http://testserver/sitemap-news-2.xml",
    ]
    first = get_xml(client, "/sitemap-news-1.xml").xpath("//news:title/text()", namespaces=NS)
    second = get_xml(client, "/sitemap-news-2.xml").xpath("//news:title/text()", namespaces=NS)
    assert (first, second) == (titles[:2], titles[2:])


def test_news_sitemap_without_recent_stories_answers_but_is_not_listed(client, frozen_clock):
    """No story in 48 hours: the index leaves news out; sitemap-news-1.xml still answers."""
    ArticlePageFactory(published_at=NOW - timedelta(days=5))
    assert not [loc for loc in index_locs(client) if "news" in loc]
    assert locs(get_xml(client, "/sitemap-news-1.xml")) == []


def test_tag_and_people_sitemaps_list_pages_with_live_stories(client):
    """Tags and reporters with a live story are listed; others are not."""
    writer = PersonFactory(slug="agus")
    PersonFactory(slug="tanpa-berita")
    ArticlePageFactory(tags=["Banjir"], reporters=[writer])
    assert locs(get_xml(client, "/sitemap-tags-1.xml")) == ["http://testserver/tag/banjir/"]
    assert locs(get_xml(client, "/sitemap-people-1.xml")) == ["http://testserver/penulis/agus/"]


def test_sitemaps_list_site_language_urls_whatever_the_crawler_asks(client):
    """Accept-Language: en does not put /en/ URLs in the sitemaps."""
    ArticlePageFactory(tags=["Banjir"])
    for path in ("/sitemap-articles-1.xml", "/sitemap-tags-1.xml", "/sitemap-pages-1.xml"):
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
        assert b"/en/" not in body(response), path


def test_robots_txt_points_at_the_index_and_keeps_crawlers_out(client):
    """robots.txt names the sitemap index and disallows admin and search results."""
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in text
    for path in ("/admin/", "/cari/", "/en/cari/"):
        assert f"Disallow: {path}\n" in text
    assert "Disallow: /\n" not in text


def test_tag_and_people_lastmod_is_when_their_list_last_changed(client, monkeypatch):
    """A tag's or a person's lastmod is the last time a story joined or left their list,
    or one on it changed; the index dates the tags and people sitemaps the same way."""
    moments = [NOW - timedelta(days=d) for d in (4, 3, 2, 1)]
    clock = iter(moments)
    now = next(clock)
    monkeypatch.setattr(timezone, "now", lambda: now)
    reporter, editor = PersonFactory(slug="agus"), PersonFactory(slug="rina")
    ArticlePageFactory(tags=["banjir"], reporters=[reporter])
    now = next(clock)
    ArticlePageFactory(tags=["banjir", "pati"], editor=editor)
    now = next(clock)
    taken_down = ArticlePageFactory(tags=["banjir"], reporters=[reporter])
    now = next(clock)
    taken_down.unpublish()

    def lastmods(path: str) -> dict[str, str]:
        urls = get_xml(client, path).xpath("//s:url", namespaces=NS)
        return {
            url.findtext("s:loc", namespaces=NS).rsplit("/", 2)[1]: url.findtext(
                "s:lastmod", namespaces=NS
            )
            for url in urls
        }

    stamp = sitemaps.w3c_datetime
    assert lastmods("/sitemap-tags-1.xml") == {
        "banjir": stamp(moments[3]),
        "pati": stamp(moments[1]),
    }
    assert lastmods("/sitemap-people-1.xml") == {
        "agus": stamp(moments[3]),
        "rina": stamp(moments[1]),
    }
    index = get_xml(client, "/sitemap.xml")
    dated = {
        entry.findtext("s:loc", namespaces=NS).rsplit("/", 1)[1]: entry.findtext(
            "s:lastmod", namespaces=NS
        )
        for entry in index.xpath("//s:sitemap", namespaces=NS)
    }
    assert dated["sitemap-tags-1.xml"] == dated["sitemap-people-1.xml"] == stamp(moments[3])


def test_index_lists_tags_and_people_only_when_a_live_story_has_them(client):
    """Without counting the archive, the index still leaves out a URL set with no URLs."""

    def kinds() -> set[str]:
        return {loc.rsplit("/", 1)[1].rsplit("-", 1)[0] for loc in index_locs(client)}

    ArticlePageFactory()  # no tag, no credit
    draft = ArticlePageFactory(tags=["banjir"], reporters=[PersonFactory()])
    draft.unpublish()
    assert {"sitemap-tags", "sitemap-people"}.isdisjoint(kinds())
    ArticlePageFactory(editor=PersonFactory())
    assert "sitemap-people" in kinds() and "sitemap-tags" not in kinds()
    ArticlePageFactory(tags=["pati"])
    assert {"sitemap-tags", "sitemap-people"} <= kinds()
