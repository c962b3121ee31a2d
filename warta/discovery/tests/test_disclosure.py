"""A story's labels where machines read it: JSON-LD, feeds and the Google News sitemap."""

import json

import feedparser
import pytest

from warta.images.models import ImageAIUse
from warta.news.factories import ArticlePageFactory, NewsImageFactory, SectionPageFactory
from warta.news.models.disclosure import AIUse
from warta.news.tests.labels import ai_label, reader_text, sponsored, sponsored_by

from .helpers import NS, body, json_ld, json_ld_of_type, parse_xml

pytestmark = pytest.mark.django_db


@pytest.fixture
def section():
    return SectionPageFactory(title="Pati", slug="pati")


@pytest.fixture
def ai_story(section):
    return ArticlePageFactory(
        parent=section,
        title="Tiga Skenario Banjir Rob",
        summary="Proyeksi banjir rob pesisir Rembang.",
        ai_used=True,
        ai_uses=[AIUse.TRANSLATION],
        ai_tool="ChatGPT",
        main_image=NewsImageFactory(ai_use=ImageAIUse.GENERATED, ai_tool="Stable Diffusion"),
    )


@pytest.fixture
def advertorial(section):
    return ArticlePageFactory(
        parent=section,
        title="Gerai Pupuk Organik Dibuka di Tayu",
        summary="Koperasi membuka gerai baru.",
        is_sponsored=True,
        sponsor_name="Koperasi Tani Makmur",
    )


def test_ai_story_tells_its_backstory_in_json_ld(client, ai_story):
    """NewsArticle.backstory carries the AI label readers see."""
    article = json_ld_of_type(client.get(ai_story.url).content.decode(), "NewsArticle")
    assert article["backstory"] == ai_label(["translation"], "ChatGPT")


def test_ai_image_has_its_iptc_digital_source_type(client, ai_story):
    """An AI-generated image is TrainedAlgorithmicMedia in every ImageObject."""
    article = json_ld_of_type(client.get(ai_story.url).content.decode(), "NewsArticle")
    assert article["image"]
    assert {image["digitalSourceType"] for image in article["image"]} == {
        "https://schema.org/TrainedAlgorithmicMediaDigitalSource"
    }


def test_ai_edited_image_is_a_composite(client, section):
    """An image edited with AI is CompositeWithTrainedAlgorithmicMedia."""
    story = ArticlePageFactory(
        parent=section, main_image=NewsImageFactory(ai_use=ImageAIUse.EDITED)
    )
    article = json_ld_of_type(client.get(story.url).content.decode(), "NewsArticle")
    assert {image["digitalSourceType"] for image in article["image"]} == {
        "https://schema.org/CompositeWithTrainedAlgorithmicMediaDigitalSource"
    }


def test_story_without_ai_claims_no_source_type_or_backstory(client, section):
    """An ordinary story and photo say nothing about AI."""
    story = ArticlePageFactory(parent=section, main_image=NewsImageFactory())
    article = json_ld_of_type(client.get(story.url).content.decode(), "NewsArticle")
    assert "backstory" not in article
    assert all("digitalSourceType" not in image for image in article["image"])


def test_sponsored_story_is_advertiser_content_with_its_sponsor(client, advertorial):
    """A sponsored story is an AdvertiserContentArticle naming its sponsor, not news."""
    html = client.get(advertorial.url).content.decode()
    article = json_ld_of_type(html, "AdvertiserContentArticle")
    assert article["sponsor"] == {"@type": "Organization", "name": "Koperasi Tani Makmur"}
    assert all(item["@type"] != "NewsArticle" for item in json_ld(html))


def test_labelled_json_ld_uses_only_schema_org_terms(client, ai_story, advertorial, validators):
    """Expanded offline, every type, property and enumeration member exists in schema.org."""
    from pyld import jsonld

    context = json.loads((validators / "schemaorg" / "schemaorgcontext.jsonld").read_text())
    vocabulary = json.loads((validators / "schemaorg" / "schemaorg-all-https.jsonld").read_text())
    known = {node["@id"].removeprefix("schema:") for node in vocabulary["@graph"]}

    def offline_loader(url, options=None):
        if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
            return {"contextUrl": None, "documentUrl": url, "document": context}
        raise jsonld.JsonLdError(f"offline: will not load {url}", "loading document failed")

    jsonld.set_document_loader(offline_loader)
    schema = "http://schema.org/"
    used: set[str] = set()

    def walk(node):
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            kinds = node.get("@type", [])  # a value's datatype is one string: not a type
            used.update(kinds if isinstance(kinds, list) else [])
            used.update(key for key in node if not key.startswith("@"))
            for key, value in node.items():
                if key == "http://schema.org/digitalSourceType":
                    # An enumeration member, written as schema.org's examples do: its URL.
                    used.update(item.get("@id") or item["@value"] for item in value)
                walk(value)

    for story in (ai_story, advertorial):
        for item in json_ld(client.get(story.url).content.decode()):
            walk(jsonld.expand(item))
    ours = {
        "AdvertiserContentArticle",
        "sponsor",
        "backstory",
        "digitalSourceType",
        "TrainedAlgorithmicMediaDigitalSource",
    }
    names = {term.removeprefix(schema).removeprefix("https://schema.org/") for term in used}
    assert ours <= names
    assert names - known == set()


def read_feed(client, path: str = "/feeds/rss/"):
    parsed = feedparser.parse(body(client.get(path)))
    assert not parsed.bozo, parsed.get("bozo_exception")
    return {entry.title: entry for entry in parsed.entries}


@pytest.mark.parametrize("path", ["/feeds/rss/", "/feeds/atom/"])
def test_feed_item_of_a_sponsored_story_says_so_first(client, advertorial, path):
    """Its description opens with the sponsor label; it is filed under the label too."""
    entry = read_feed(client, path)["Gerai Pupuk Organik Dibuka di Tayu"]
    label = f"{sponsored()}: {sponsored_by('Koperasi Tani Makmur')}."
    assert entry.summary == f"{label} Koperasi membuka gerai baru."
    assert sponsored() in [tag.term for tag in entry.tags]


@pytest.mark.parametrize("path", ["/feeds/rss/", "/feeds/atom/"])
def test_feed_item_of_an_ai_story_carries_the_ai_label(client, ai_story, path):
    """The AI label precedes the lead in the item, which is filed under "Made with AI"."""
    entry = read_feed(client, path)["Tiga Skenario Banjir Rob"]
    label = ai_label(["translation"], "ChatGPT")
    assert entry.summary == f"{label} Proyeksi banjir rob pesisir Rembang."
    assert reader_text("Made with the help of AI") in [tag.term for tag in entry.tags]


def test_ordinary_feed_item_is_its_lead_alone(client, section):
    """A story without labels keeps its plain lead and categories."""
    ArticlePageFactory(parent=section, title="Pasar Murah", summary="Harga beras turun.")
    entry = read_feed(client)["Pasar Murah"]
    assert entry.summary == "Harga beras turun."
    assert [tag.term for tag in entry.tags] == ["Pati"]


def test_sponsored_story_stays_out_of_the_google_news_sitemap(client, section, advertorial):
    """Google News lists news only; the advertorial stays in the general sitemap."""
    news = ArticlePageFactory(parent=section, title="Banjir di Juwana")

    def locs(path: str) -> list[str]:
        document = parse_xml(body(client.get(path)))
        return document.xpath("//s:url/s:loc/text()", namespaces=NS)

    assert locs("/sitemap-news-1.xml") == [f"http://testserver{news.url}"]
    assert f"http://testserver{advertorial.url}" in locs("/sitemap-articles-1.xml")
