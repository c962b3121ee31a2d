"""What every reader page says about itself: canonical, description, link previews, JSON-LD."""

import io
import json
import os
from datetime import datetime, timedelta

import pytest
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image
from wagtail.models import Site

from warta.discovery.images import SHARE_IMAGE_MAX_BYTES, file_size, share_rendition
from warta.discovery.models import PublisherSettings
from warta.images.specs import SHARE_IMAGE_SPEC
from warta.news.factories import (
    ArticlePageFactory,
    NewsImageFactory,
    PersonFactory,
    SectionPageFactory,
)
from warta.news.pagination import ARTICLES_PER_PAGE

from .helpers import head_tags, json_ld, json_ld_of_type

pytestmark = pytest.mark.django_db


def photo(width: int = 1600, height: int = 900, noise: bool = False) -> ImageFile:
    """A JPEG upload; with noise it is as hard to compress as a photo can be."""
    if noise:
        image = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    else:
        image = Image.new("RGB", (width, height), "teal")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95)
    return ImageFile(buffer, name="foto.jpg")


@pytest.fixture
def story():
    daerah = SectionPageFactory(title="Daerah", slug="daerah")
    pati = SectionPageFactory(title="Pati", slug="pati", parent=daerah)
    published = timezone.make_aware(datetime(2024, 3, 28, 13, 2, 12))
    return ArticlePageFactory(
        parent=pati,
        slug="jembatan-juwana",
        title="Jembatan Juwana Dibuka Lagi",
        summary="Warga lega: jembatan kembali dibuka setelah diperbaiki.",
        dateline="Pati",
        published_at=published,
        updated_at=published + timedelta(hours=2),
        main_image=NewsImageFactory(file=photo(), description="Jembatan Juwana"),
        reporters=[
            PersonFactory(name="Agus Gunawan", slug="agus-gunawan"),
            PersonFactory(name="Sri Wahyuni", slug="sri-wahyuni"),
        ],
        tags=["Infrastruktur", "Pemkab Pati"],
    )


def meta(client, path: str):
    response = client.get(path)
    return response, head_tags(response.content.decode())


def canonical(tags) -> list[str]:
    return [link["href"] for link in tags.links if link.get("rel") == "canonical"]


def test_every_reader_page_has_canonical_description_opengraph_and_x_card(client, story):
    """Home, section, article, tag and reporter pages carry the full set of preview tags."""
    pages = ["/", "/daerah/", story.url, "/tag/infrastruktur/", "/penulis/agus-gunawan/"]
    for path in pages:
        response, tags = meta(client, path)
        assert response.status_code == 200
        assert canonical(tags) == [f"http://testserver{path}"], path
        assert tags.meta["description"][0], path
        for key in ("og:title", "og:description", "og:url", "og:site_name", "og:image"):
            assert tags.meta[key][0], (path, key)
        assert tags.meta["og:image"][0].startswith("http://testserver/")
        assert int(tags.meta["og:image:width"][0]) >= 600
        assert int(tags.meta["og:image:height"][0]) >= 315
        assert tags.meta["og:locale"] == ["id_ID"]
        assert tags.meta["og:site_name"] == ["Warta"]
        assert tags.meta["twitter:card"] == ["summary_large_image"]
        assert tags.meta["twitter:image"] == tags.meta["og:image"]


def test_article_preview_is_an_article_with_its_share_image(client, story):
    """og:type article, the 1200×630 JPEG, times with offset, section, tags and authors."""
    _response, tags = meta(client, story.url)
    assert tags.meta["og:type"] == ["article"]
    assert tags.meta["og:title"] == ["Jembatan Juwana Dibuka Lagi"]
    assert tags.meta["description"] == ["Warga lega: jembatan kembali dibuka setelah diperbaiki."]
    rendition = share_rendition(story.main_image)
    assert tags.meta["og:image"] == [f"http://testserver{rendition.url}"]
    assert (tags.meta["og:image:width"], tags.meta["og:image:height"]) == (["1200"], ["630"])
    assert tags.meta["og:image:type"] == ["image/jpeg"]
    assert tags.meta["article:published_time"] == ["2024-03-28T13:02:12+07:00"]
    assert tags.meta["article:modified_time"] == ["2024-03-28T15:02:12+07:00"]
    assert tags.meta["article:section"] == ["Pati"]
    assert tags.meta["article:tag"] == ["Infrastruktur", "Pemkab Pati"]
    assert tags.meta["article:author"] == [
        "http://testserver/penulis/agus-gunawan/",
        "http://testserver/penulis/sri-wahyuni/",
    ]


def test_english_page_says_en_us_and_links_both_language_versions(client, story):
    """Under /en/ og:locale is en_US; hreflang links name both versions and x-default."""
    path = story.url
    _response, tags = meta(client, f"/en{path}")
    assert tags.meta["og:locale"] == ["en_US"]
    assert tags.meta["og:locale:alternate"] == ["id_ID"]
    assert canonical(tags) == [f"http://testserver/en{path}"]
    versions = {link["hreflang"]: link["href"] for link in tags.links if "hreflang" in link}
    assert versions == {
        "id": f"http://testserver{path}",
        "en": f"http://testserver/en{path}",
        "x-default": f"http://testserver{path}",
    }


def test_paginated_list_is_its_own_canonical_page(client):
    """Page 2 of a section names ?page=2 as canonical; other query parameters are dropped."""
    section = SectionPageFactory(slug="olahraga")
    ArticlePageFactory.create_batch(ARTICLES_PER_PAGE + 1, parent=section)
    _response, tags = meta(client, "/olahraga/?page=2&utm_source=wa")
    assert canonical(tags) == ["http://testserver/olahraga/?page=2"]
    _response, tags = meta(client, "/olahraga/?utm_source=wa")
    assert canonical(tags) == ["http://testserver/olahraga/"]


def test_not_found_page_is_noindex_without_canonical(client):
    """The 404 page has a description and previews, noindex, and no canonical URL."""
    response, tags = meta(client, "/tidak-ada/")
    assert response.status_code == 404
    assert tags.meta["robots"] == ["noindex"]
    assert canonical(tags) == []
    assert tags.meta["description"][0]
    assert tags.meta["og:title"] == ["Halaman tidak ditemukan"]
    assert tags.meta["twitter:card"] == ["summary_large_image"]


def test_share_image_is_a_jpeg_under_300_kb(story):
    """The link-preview rendition of a photo is a 1200×630 JPEG under 300 KB."""
    rendition = share_rendition(story.main_image)
    with rendition.get_willow_image() as willow:
        assert willow.format_name == "jpeg"
    assert (rendition.width, rendition.height) == (1200, 630)
    assert file_size(rendition) < SHARE_IMAGE_MAX_BYTES


def test_share_image_of_a_busy_photo_drops_quality_to_stay_under_300_kb():
    """A photo too detailed for quality 80 gets a lower quality, still under 300 KB."""
    image = NewsImageFactory(file=photo(noise=True))
    first_try = image.get_rendition(SHARE_IMAGE_SPEC)
    assert file_size(first_try) > SHARE_IMAGE_MAX_BYTES  # the case this rule is for
    rendition = share_rendition(image)
    assert rendition.filter_spec != SHARE_IMAGE_SPEC
    assert file_size(rendition) <= SHARE_IMAGE_MAX_BYTES
    assert rendition.width >= 960


def test_article_json_ld_is_a_complete_news_article(client, story):
    """extruct finds a NewsArticle with every property Google's article results read."""
    html = client.get(story.url).content.decode()
    article = json_ld_of_type(html, "NewsArticle")
    url = f"http://testserver{story.url}"
    assert article["@context"] == "https://schema.org"
    assert article["headline"] == "Jembatan Juwana Dibuka Lagi"
    assert article["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert article["datePublished"] == "2024-03-28T13:02:12+07:00"
    assert article["dateModified"] == "2024-03-28T15:02:12+07:00"
    assert article["author"] == [
        {
            "@type": "Person",
            "name": "Agus Gunawan",
            "url": "http://testserver/penulis/agus-gunawan/",
        },
        {"@type": "Person", "name": "Sri Wahyuni", "url": "http://testserver/penulis/sri-wahyuni/"},
    ]
    publisher = article["publisher"]
    assert publisher["name"] == "Warta"
    assert publisher["logo"]["url"].startswith("http://testserver/static/")
    assert publisher["logo"]["url"].endswith(".png")
    assert article["articleSection"] == ["Daerah", "Pati"]
    assert article["keywords"] == ["Infrastruktur", "Pemkab Pati"]
    assert article["inLanguage"] == "id"
    assert article["dateline"] == "Pati"
    ratios = {round(image["width"] / image["height"], 2) for image in article["image"]}
    assert ratios == {1.0, 1.33, 1.78}
    for image in article["image"]:
        assert image["url"].startswith("http://testserver/media/")
        assert image["width"] * image["height"] >= 50_000


def test_article_images_exist_at_the_given_size(client, story):
    """Each NewsArticle image URL is a rendition Warta serves, with the size it states."""
    article = json_ld_of_type(client.get(story.url).content.decode(), "NewsArticle")
    rendition_model = story.main_image.get_rendition_model()
    for image in article["image"]:
        name = image["url"].rsplit("/", 1)[1]
        rendition = rendition_model.objects.get(file__endswith=name)
        assert (rendition.width, rendition.height) == (image["width"], image["height"])


def test_article_without_reporters_is_authored_by_the_outlet(client):
    """No byline: the author is the outlet, as an Organization."""
    article = ArticlePageFactory()
    data = json_ld_of_type(client.get(article.url).content.decode(), "NewsArticle")
    assert data["author"] == [
        {"@type": "Organization", "name": "Warta", "url": "http://testserver/"}
    ]


def test_breadcrumb_list_matches_the_visible_breadcrumb(client, story):
    """Beranda › Daerah › Pati › title, each with its absolute URL."""
    crumbs = json_ld_of_type(client.get(story.url).content.decode(), "BreadcrumbList")
    items = crumbs["itemListElement"]
    assert [(i["position"], i["name"]) for i in items] == [
        (1, "Beranda"),
        (2, "Daerah"),
        (3, "Pati"),
        (4, "Jembatan Juwana Dibuka Lagi"),
    ]
    assert [i["item"] for i in items] == [
        "http://testserver/",
        "http://testserver/daerah/",
        "http://testserver/daerah/pati/",
        f"http://testserver{story.url}",
    ]
    section = json_ld_of_type(client.get("/daerah/pati/").content.decode(), "BreadcrumbList")
    assert [i["name"] for i in section["itemListElement"]] == ["Beranda", "Daerah", "Pati"]


def test_home_page_describes_the_website_search_and_the_newsroom(client):
    """WebSite with a SearchAction on /cari/, NewsMediaOrganization with its policy links."""
    settings = PublisherSettings.for_site(Site.objects.get(is_default_site=True))
    settings.publishing_principles = "/redaksi/pedoman/"
    settings.corrections_policy = "https://contoh.id/ralat/"
    settings.same_as = "https://www.facebook.com/warta\nhttps://x.com/warta"
    settings.save()
    html = client.get("/").content.decode()
    website = json_ld_of_type(html, "WebSite")
    assert website["url"] == "http://testserver/"
    assert website["name"] == "Warta"
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == "http://testserver/cari/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"
    organization = json_ld_of_type(html, "NewsMediaOrganization")
    assert organization["publishingPrinciples"] == "http://testserver/redaksi/pedoman/"
    assert organization["correctionsPolicy"] == "https://contoh.id/ralat/"
    assert organization["sameAs"] == ["https://www.facebook.com/warta", "https://x.com/warta"]
    assert organization["logo"]["width"] == organization["logo"]["height"] == 512
    assert "ethicsPolicy" not in organization  # empty links are left out


def test_saved_publisher_settings_show_at_once(client):
    """The cached settings are dropped when an editor saves: the X account appears."""
    assert "twitter:site" not in head_tags(client.get("/").content.decode()).meta
    settings = PublisherSettings.for_site(Site.objects.get(is_default_site=True))
    settings.x_handle = "@wartapati"
    settings.save()
    assert head_tags(client.get("/").content.decode()).meta["twitter:site"] == ["@wartapati"]


def test_markup_in_a_headline_cannot_end_the_json_ld_block(client):
    """</script> in a title is escaped inside JSON-LD and still reads back intact."""
    title = "Awas </script><script>alert(1)</script> & hoaks"
    article = ArticlePageFactory(title=title)
    html = client.get(article.url).content.decode()
    assert "</script><script>alert(1)" not in html
    assert json_ld_of_type(html, "NewsArticle")["headline"] == title


def test_no_executable_inline_script_is_added(client, story):
    """Every inline <script> on reader pages is a JSON-LD data block (CSP stays strict)."""
    import re

    for path in ("/", "/daerah/", story.url, "/tag/infrastruktur/", "/penulis/agus-gunawan/"):
        html = client.get(path).content.decode()
        for attributes in re.findall(r"<script([^>]*)>(?!</script>)", html):
            assert "src=" in attributes or 'type="application/ld+json"' in attributes, path


def test_json_ld_uses_only_schema_org_terms_and_iso_dates(client, story, validators):
    """Expanded offline with PyLD, every type and property exists in schema.org 30.0."""
    from pyld import jsonld

    context = json.loads((validators / "schemaorg" / "schemaorgcontext.jsonld").read_text())
    vocabulary = json.loads((validators / "schemaorg" / "schemaorg-all-https.jsonld").read_text())
    known = {
        node["@id"].split(":", 1)[1]
        for node in vocabulary["@graph"]
        if node["@id"].startswith("schema:")
    }

    def offline_loader(url, options=None):
        if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
            return {"contextUrl": None, "documentUrl": url, "document": context}
        raise jsonld.JsonLdError(f"offline: will not load {url}", "loading document failed")

    jsonld.set_document_loader(offline_loader)
    schema = "http://schema.org/"
    problems: list[str] = []

    def walk(node):
        if isinstance(node, list):
            for item in node:
                walk(item)
            return
        if not isinstance(node, dict):
            return
        kinds = node.get("@type", [])
        for kind in kinds if isinstance(kinds, list) else []:
            if kind.removeprefix(schema) not in known:
                problems.append(f"type {kind}")
        for key, value in node.items():
            if key.startswith("@"):
                continue
            # schema.org's Actions spec annotates a property with "-input" (query-input).
            name = key.removeprefix(schema).removesuffix("-input")
            if not key.startswith(schema) or name not in known:
                problems.append(f"property {key}")
            if key.removeprefix(schema) in {"datePublished", "dateModified"}:
                for item in value:
                    datetime.fromisoformat(item["@value"])
            walk(value)

    items = json_ld(client.get("/").content.decode()) + json_ld(
        client.get(story.url).content.decode()
    )
    assert {item["@type"] for item in items} == {
        "WebSite",
        "NewsMediaOrganization",
        "NewsArticle",
        "BreadcrumbList",
    }
    for item in items:
        expanded = jsonld.expand(item)
        assert expanded, item["@type"]
        walk(expanded)
    assert problems == []


def test_draft_without_publication_time_still_gets_json_ld(rf):
    """The editor's preview of a never-published draft (no publication time) has JSON-LD."""
    from warta.discovery.structured_data import news_article

    article = ArticlePageFactory(live=False, published_at=None)
    article.refresh_from_db()
    assert article.published_at is None
    data = news_article(article, rf.get("/"), "http://testserver/draft/")
    assert data["headline"] == article.title
    assert data["datePublished"].endswith("+07:00")
    assert data["dateModified"].endswith("+07:00")


def test_policy_links_must_be_web_addresses_or_site_paths():
    """An editor may enter https://… or /path; javascript: and bare words are refused."""
    from django.core.exceptions import ValidationError

    site = Site.objects.get(is_default_site=True)
    for good in ("/redaksi/pedoman/", "https://contoh.id/etik/"):
        PublisherSettings(site=site, ethics_policy=good).full_clean()
    for bad in ("javascript:alert(1)", "//evil.example/x", "pedoman"):
        with pytest.raises(ValidationError) as error:
            PublisherSettings(site=site, ethics_policy=bad).full_clean()
        assert "ethics_policy" in error.value.message_dict
    with pytest.raises(ValidationError):
        PublisherSettings(site=site, same_as="https://x.com/warta\nbukan alamat").full_clean()


SHORTENED_TEXTS = [
    "Pemkab Pati dorong BUMDes garap potensi lokal lewat bimtek " * 5,
    "Café près de la gare, où l'été dure longtemps " * 6,  # accents, composed
    "Cafe\u0301 pre\u0300s de la gare " * 12,  # combining marks, composed by NFC
    "q\u0307\u0323 sa\u0308\u0301 مَرْحَبًا " * 20,  # marks NFC leaves combining
    "Banjir rob 🌊 melanda pesisir Demak, warga mengungsi ke balai desa " * 4,
    "  spasi   ganda\n dan\tbaris   baru " * 10,
    "kata" * 40 + "x",  # one character over
]


@pytest.mark.parametrize("text", SHORTENED_TEXTS)
@pytest.mark.parametrize("length", [1, 2, 20, 159, 160])
@pytest.mark.parametrize("language", ["id", "en"])
def test_descriptions_are_cut_as_djangos_truncator_cuts_them(text, length, language):
    import unicodedata

    from django.utils import translation
    from django.utils.text import Truncator

    from warta.discovery.metadata import shortened

    one_line = unicodedata.normalize("NFC", " ".join(text.split()))
    if "\u0307" in text:  # the case that must be counted character by character
        assert any(unicodedata.combining(c) for c in one_line)
    with translation.override(language):
        assert shortened(text, length) == Truncator(one_line).chars(length)


def test_json_ld_escapes_what_could_end_its_script_element():
    from django.utils.html import json_script

    from warta.discovery.structured_data import to_json_ld

    data = {"headline": "Awas </script> & <b>hoaks</b> — ‘kutip’", "n": [1, 2.5, None]}
    text = str(to_json_ld(data))
    assert not {"<", ">", "&"} & set(text)
    assert json.loads(text) == data
    # The same escapes as Django's json_script, which prints ASCII only.
    inside = json_script(data).split(">", 1)[1].rsplit("<", 1)[0]
    assert json.loads(inside) == json.loads(text)
    assert "\\u003C/script\\u003E \\u0026 \\u003Cb\\u003E" in text
