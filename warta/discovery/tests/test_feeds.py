"""RSS and Atom feeds, read back with feedparser as a feed reader would."""

from datetime import datetime

import feedparser
import pytest
from django.utils import timezone

from warta.news.factories import (
    ArticlePageFactory,
    NewsImageFactory,
    PersonFactory,
    SectionPageFactory,
)

from .helpers import body, head_tags

pytestmark = pytest.mark.django_db

FEED_PATHS = ["/feeds/rss/", "/feeds/atom/"]


def body_text(entry) -> str:
    """Everything feedparser read as the entry's content (media:description counts too)."""
    return " ".join(part.value for part in entry.get("content", []))


def read_feed(client, path: str, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content[:300]
    parsed = feedparser.parse(body(response))
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


@pytest.fixture
def pati_story():
    pati = SectionPageFactory(
        title="Pati", slug="pati", parent=SectionPageFactory(title="Daerah", slug="daerah")
    )
    return ArticlePageFactory(
        parent=pati,
        title="Jembatan Juwana Diperbaiki & Dibuka <Lagi>",
        summary="Warga lega: jembatan kembali dibuka.",
        published_at=timezone.make_aware(datetime(2024, 3, 28, 13, 2, 12)),
        main_image=NewsImageFactory(),
        reporters=[PersonFactory(name="Agus Gunawan", slug="agus-gunawan")],
        tags=["Infrastruktur"],
    )


@pytest.mark.parametrize("path", FEED_PATHS)
def test_site_feed_parses_without_bozo_and_lists_the_story(client, pati_story, path):
    """The site feed is well-formed and carries title, link, lead and reporter."""
    feed = read_feed(client, path)
    assert feed.version in {"rss20", "atom10"}
    (entry,) = feed.entries
    assert entry.title == "Jembatan Juwana Diperbaiki & Dibuka <Lagi>"
    assert entry.link == f"http://testserver{pati_story.url}"
    assert entry.summary == "Warga lega: jembatan kembali dibuka."
    assert "Agus Gunawan" in entry.author
    assert {"Daerah", "Pati", "Infrastruktur"} <= {tag.term for tag in entry.tags}


def test_rss_dates_carry_the_newsroom_offset(client, pati_story):
    """pubDate is RFC 822 in WIB: 13:02:12 +0700."""
    response = client.get("/feeds/rss/")
    assert b"<pubDate>Thu, 28 Mar 2024 13:02:12 +0700</pubDate>" in body(response)
    entry = feedparser.parse(body(response)).entries[0]
    assert tuple(entry.published_parsed)[:6] == (2024, 3, 28, 6, 2, 12)  # the same instant in UTC


def test_atom_dates_carry_the_newsroom_offset(client, pati_story):
    """Atom published and updated are RFC 3339 with +07:00."""
    data = body(client.get("/feeds/atom/"))
    assert b"<published>2024-03-28T13:02:12+07:00</published>" in data
    assert b"<updated>2024-03-28T13:02:12+07:00</updated>" in data


@pytest.mark.parametrize("path", FEED_PATHS)
def test_lead_image_is_an_enclosure_with_length_and_type(client, pati_story, path):
    """The share-sized JPEG is the enclosure and media:content, with its byte length."""
    entry = read_feed(client, path).entries[0]
    (enclosure,) = entry.enclosures
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) > 0
    assert enclosure.href.startswith("http://testserver/media/")
    (media,) = entry.media_content
    assert media["url"] == enclosure.href
    assert media["medium"] == "image"
    assert media["filesize"] == enclosure.length


def test_guid_is_permanent_when_the_story_moves(client, pati_story):
    """Moving a story to another section changes its link but not its GUID."""
    before = read_feed(client, "/feeds/rss/").entries[0]
    pati_story.move(SectionPageFactory(title="Kudus"), pos="last-child")
    after = read_feed(client, "/feeds/rss/").entries[0]
    assert before.link != after.link
    assert before.id == after.id == f"urn:uuid:{pati_story.translation_key}"
    assert before.guidislink is False


def test_feed_carries_leads_by_default_and_whole_stories_on_request(client, pati_story):
    """?full=1 adds the whole body (content:encoded / Atom content) with absolute links."""
    assert "Paragraf akhir." not in body_text(read_feed(client, "/feeds/rss/").entries[0])
    for path in FEED_PATHS:
        html = body_text(read_feed(client, path, full="1").entries[0])
        assert "Paragraf pertama." in html and "Paragraf akhir." in html


def test_full_content_setting_makes_whole_stories_the_default(client, pati_story, settings):
    """WARTA_FEED_FULL_CONTENT on: whole stories unless ?full=0."""
    settings.WARTA_FEED_FULL_CONTENT = True
    assert "Paragraf akhir." in body_text(read_feed(client, "/feeds/atom/").entries[0])
    assert "Paragraf akhir." not in body_text(
        read_feed(client, "/feeds/atom/", full="0").entries[0]
    )


def test_bad_full_parameter_is_a_400_with_a_reason(client, pati_story):
    """?full=yes is refused with a message naming the allowed values."""
    response = client.get("/feeds/rss/", {"full": "<yes>"})
    assert response.status_code == 400
    assert "0" in response.content.decode() and "1" in response.content.decode()


def test_section_feed_holds_the_section_and_its_subsections(client, pati_story):
    """/feeds/daerah/rss/ lists Pati's stories; another section's feed does not."""
    ArticlePageFactory(
        title="Kabar Politik", parent=SectionPageFactory(title="Politik", slug="politik")
    )
    daerah = read_feed(client, "/feeds/daerah/rss/")
    assert [e.title for e in daerah.entries] == [pati_story.title]
    assert "Daerah" in daerah.feed.title
    assert [e.title for e in read_feed(client, "/feeds/daerah/pati/atom/").entries] == [
        pati_story.title
    ]
    assert [e.title for e in read_feed(client, "/feeds/politik/rss/").entries] == ["Kabar Politik"]


def test_tag_feed_holds_the_tagged_stories(client, pati_story):
    """/feeds/tag/<slug>/ lists only stories with that tag."""
    ArticlePageFactory(title="Tanpa tag")
    feed = read_feed(client, "/feeds/tag/infrastruktur/atom/")
    assert [e.title for e in feed.entries] == [pati_story.title]


def test_reporter_feed_holds_the_reporters_and_edited_stories(client, pati_story):
    """/feeds/penulis/<slug>/ lists stories the person wrote or edited, newest first."""
    agus = pati_story.reporters[0]
    edited = ArticlePageFactory(title="Disunting Agus", editor=agus)
    ArticlePageFactory(title="Bukan Agus")
    feed = read_feed(client, "/feeds/penulis/agus-gunawan/rss/")
    assert [e.title for e in feed.entries] == [edited.title, pati_story.title]


def test_feeds_of_unknown_things_are_404(client):
    """Unknown section, tag and reporter feeds answer 404."""
    for path in ("/feeds/tidak-ada/rss/", "/feeds/tag/tidak-ada/rss/", "/feeds/penulis/x/atom/"):
        assert client.get(path).status_code == 404, path


def test_unpublished_stories_stay_out_of_feeds(client, pati_story):
    """A story taken offline leaves the feed."""
    pati_story.unpublish()
    assert read_feed(client, "/feeds/rss/").entries == []


def test_feed_is_in_the_site_language_whatever_the_reader_asks(client, pati_story):
    """Feeds are language-neutral: Accept-Language en still gets Indonesian links and text."""
    feed = read_feed(client, "/feeds/rss/", HTTP_ACCEPT_LANGUAGE="en")
    assert feed.feed.language == "id"
    assert "/en/" not in feed.entries[0].link
    assert feed.feed.title == "Warta: berita terbaru"


def test_pages_link_their_feeds(client, pati_story):
    """Home, section, tag and reporter pages announce their RSS and Atom feeds."""
    expected = {
        "/": "/feeds/rss/",
        "/daerah/pati/": "/feeds/daerah/pati/rss/",
        "/tag/infrastruktur/": "/feeds/tag/infrastruktur/rss/",
        "/penulis/agus-gunawan/": "/feeds/penulis/agus-gunawan/rss/",
        pati_story.url: "/feeds/daerah/pati/atom/",
    }
    for page, feed in expected.items():
        links = head_tags(client.get(page).content.decode()).links
        alternates = {
            link["href"]
            for link in links
            if link.get("rel") == "alternate" and "xml" in link.get("type", "")
        }
        assert feed in alternates, page
        assert "/feeds/rss/" in alternates


def test_feed_queries_do_not_grow_with_the_number_of_stories(client, django_assert_max_num_queries):
    """Bylines, tags, sections and images of all items come in a fixed number of queries."""
    section = SectionPageFactory()
    for n in range(6):
        ArticlePageFactory(
            parent=section,
            main_image=NewsImageFactory(),
            reporters=PersonFactory.create_batch(2),
            tags=[f"tag-{n}", "umum"],
        )
    client.get("/feeds/rss/")  # renditions are made once
    with django_assert_max_num_queries(12):
        assert client.get("/feeds/rss/").status_code == 200
