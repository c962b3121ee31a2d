"""What readers are told about a story: verification pending, AI used, sponsored."""

from html.parser import HTMLParser

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from warta.core.tests.test_pagecache import call, site_app  # noqa: F401 - a fixture
from warta.engagement.models import DailyArticleStats
from warta.engagement.popular import popular_lists
from warta.images.models import ImageAIUse
from warta.news.factories import ArticlePageFactory, NewsImageFactory, SectionPageFactory
from warta.news.models import ArticlePage
from warta.news.models.disclosure import AIUse, mark_sponsored_links
from warta.news.tests.labels import (
    ai_label,
    image_ai_label,
    sponsored,
    sponsored_by,
    unverified_notice,
    verified_notice,
)
from warta.news.tests.test_writing import (  # noqa: F401 - fixtures
    article_form,
    daerah,
    field_errors,
    post_article,
    redaktur,
)

pytestmark = pytest.mark.django_db


class Elements(HTMLParser):
    """The text inside each element with a given class, and the links' attributes."""

    def __init__(self):
        super().__init__()
        self.open: list[tuple[str, str]] = []
        self.texts: dict[str, list[str]] = {}
        self.links: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a":
            self.links.append(attributes)
        if tag in {"img", "br", "meta", "link", "input"}:
            return
        self.open.append((tag, attributes.get("class") or ""))
        for name in (attributes.get("class") or "").split():
            self.texts.setdefault(name, []).append("")

    def handle_endtag(self, tag):
        if self.open and self.open[-1][0] == tag:
            self.open.pop()

    def handle_data(self, data):
        for _tag, classes in self.open:
            for name in classes.split():
                self.texts[name][-1] += data


def elements(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    return parser


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def section():
    return SectionPageFactory(title="Pati", slug="pati")


# Needs verification (Pedoman Pemberitaan Media Siber 2(c) and 2(d))


def test_unverified_story_ends_with_the_notice_in_brackets_and_italics(client, section):
    """A story marked as needing verification ends with the standard notice, (in italics)."""
    story = ArticlePageFactory(parent=section, needs_verification=True)
    html = page(client, story.url)
    notice = html[html.index('class="notice notice--verification"') :]
    assert notice.startswith(f'class="notice notice--verification"><em>({unverified_notice()})')
    assert notice.index(")</em></p>") < notice.index("</article>")
    body_end = html.index('class="article__body"')
    assert body_end < html.index("notice--verification")


def test_verified_story_has_no_notice(client, section):
    """A story not marked shows no verification notice."""
    story = ArticlePageFactory(parent=section)
    assert "notice--verification" not in page(client, story.url)


def test_notice_links_to_the_live_verified_follow_up(client, section):
    """With its verified follow-up chosen and live, the notice links to it (2(d))."""
    follow_up = ArticlePageFactory(parent=section, title="Hasil Verifikasi: Tanggul Aman")
    story = ArticlePageFactory(
        parent=section, needs_verification=True, verified_follow_up=follow_up
    )
    html = page(client, story.url)
    notice = elements(html).texts["notice--verification"][0]
    assert notice == f"({verified_notice('Hasil Verifikasi: Tanggul Aman')})"
    assert {"href": follow_up.url} in elements(html).links


def test_unpublished_follow_up_leaves_the_plain_notice(client, section):
    """A follow-up taken down is no longer linked: the notice falls back to 2(c)'s."""
    follow_up = ArticlePageFactory(parent=section, title="Hasil Verifikasi")
    story = ArticlePageFactory(
        parent=section, needs_verification=True, verified_follow_up=follow_up
    )
    assert (
        f"({verified_notice('Hasil Verifikasi')})"
        in elements(page(client, story.url)).texts["notice--verification"]
    )
    follow_up.unpublish()
    html = page(client, story.url)
    assert unverified_notice() in html
    assert follow_up.url not in html


def test_cached_story_is_purged_when_its_follow_up_goes(
    site_app,  # noqa: F811
    section,
    django_capture_on_commit_callbacks,
):
    """The page cache drops the story when its follow-up is unpublished."""
    follow_up = ArticlePageFactory(parent=section, title="Hasil Verifikasi")
    story = ArticlePageFactory(
        parent=section, needs_verification=True, verified_follow_up=follow_up
    )
    assert follow_up.url in call(site_app, story.url).text
    assert call(site_app, story.url).cache == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        follow_up.unpublish()
    again = call(site_app, story.url)
    assert again.cache == "MISS"
    assert unverified_notice() in again.text


def test_follow_up_needs_a_story_needing_verification():
    """A follow-up on a story not marked is refused, naming the field."""
    story = ArticlePageFactory.build(verified_follow_up_id=1)
    with pytest.raises(ValidationError) as refused:
        story.clean_labels()
    assert "verified_follow_up" in refused.value.message_dict


def test_follow_up_cannot_be_the_story_itself(section):
    """A story is not its own verified follow-up."""
    story = ArticlePageFactory(parent=section, needs_verification=True)
    story.verified_follow_up = story
    with pytest.raises(ValidationError) as refused:
        story.clean_labels()
    assert "verified_follow_up" in refused.value.message_dict


# Artificial intelligence (Peraturan Dewan Pers 1/Peraturan-DP/I/2025)


def test_story_made_with_ai_says_what_for_and_with_which_tool(client, section):
    """The label names every use ticked and the tool, in the story's header."""
    story = ArticlePageFactory(
        parent=section,
        ai_used=True,
        ai_uses=[AIUse.TRANSLATION, AIUse.WRITING],
        ai_tool="ChatGPT",
    )
    html = page(client, story.url)
    label = elements(html).texts["label--ai"]
    assert label == [ai_label(["writing", "translation"], "ChatGPT")]
    assert html.index("label--ai") < html.index('class="article__body"')


def test_story_without_ai_has_no_label(client, section):
    """No AI ticked: no label."""
    story = ArticlePageFactory(parent=section)
    assert "label--ai" not in page(client, story.url)


def test_ai_label_needs_a_use():
    """AI ticked without saying what for is refused, naming the field."""
    story = ArticlePageFactory.build(ai_used=True, ai_uses=[])
    with pytest.raises(ValidationError) as refused:
        story.clean_labels()
    assert "ai_uses" in refused.value.message_dict


def test_unknown_ai_use_is_refused(section):
    """Only the listed uses are stored."""
    story = ArticlePageFactory(parent=section)
    story.ai_used, story.ai_uses = True, ["fortune-telling"]
    with pytest.raises(ValidationError) as refused:
        story.full_clean()
    assert "ai_uses" in refused.value.message_dict


def test_ai_made_lead_image_is_labelled_under_it(client, section):
    """The main image made with AI says so in its caption, with the tool."""
    image = NewsImageFactory(ai_use=ImageAIUse.GENERATED, ai_tool="Midjourney")
    story = ArticlePageFactory(parent=section, main_image=image)
    html = page(client, story.url)
    figure = html[html.index('class="article__image"') : html.index("</figure>")]
    label = image_ai_label("Generated with artificial intelligence", "Midjourney")
    assert f'<span class="ai-label">{label}</span>' in figure


def test_ai_edited_body_image_is_labelled_under_it(client, section):
    """An image in the body edited with AI says so under it."""
    image = NewsImageFactory(ai_use=ImageAIUse.EDITED)
    body = [("image", {"image": image, "caption": "Banjir di Juwana", "credit": ""})]
    story = ArticlePageFactory(parent=section, body=body)
    labels = elements(page(client, story.url)).texts["ai-label"]
    assert labels == [image_ai_label("Edited with artificial intelligence")]


def test_photo_made_without_ai_has_no_label(client, section):
    """An ordinary photo carries no AI label."""
    story = ArticlePageFactory(parent=section, main_image=NewsImageFactory())
    assert "ai-label" not in page(client, story.url)


def test_image_tool_without_a_use_is_refused():
    """An AI tool named for an image made without AI is refused, naming the field."""
    image = NewsImageFactory.build(ai_tool="Midjourney")
    with pytest.raises(ValidationError) as refused:
        image.clean()
    assert "ai_use" in refused.value.message_dict


# Sponsored content (Pedoman Pemberitaan Media Siber 6)


@pytest.fixture
def advertorial(section):
    return ArticlePageFactory(
        parent=section,
        title="Gerai Pupuk Organik Dibuka di Tayu",
        is_sponsored=True,
        sponsor_name="Koperasi Tani Makmur",
        body=[
            (
                "paragraph",
                '<p>Kunjungi <a href="https://tanimakmur.example/gerai">gerai kami</a> atau '
                '<a href="/pati/">halaman ini</a>.</p>',
            )
        ],
    )


def sponsor_label() -> str:
    return f"{sponsored()} · {sponsored_by('Koperasi Tani Makmur')}"


def test_sponsored_story_is_labelled_with_its_sponsor(client, advertorial):
    """The story shows "Sponsored content" and who sponsored it above its headline."""
    html = page(client, advertorial.url)
    assert elements(html).texts["label--sponsored"] == [sponsor_label()]
    assert html.index("label--sponsored") < html.index('class="article__title"')


@pytest.mark.parametrize("where", ["home", "section", "tag", "search", "related"])
def test_sponsored_story_is_labelled_wherever_it_is_listed(client, section, advertorial, where):
    """Its card carries the label on the front page, section, tag, search and related."""
    advertorial.tags.add("pertanian")
    advertorial.save_revision().publish()
    neighbour = ArticlePageFactory(parent=section, tags=["pertanian"])
    url = {
        "home": "/",
        "section": section.url,
        "tag": "/tag/pertanian/",
        "search": "/cari/?q=pupuk",
        "related": neighbour.url,
    }[where]
    assert elements(page(client, url)).texts["label--sponsored"] == [sponsor_label()]


def test_ordinary_story_card_has_no_sponsor_label(client, section):
    """A story not sponsored is listed without the label."""
    ArticlePageFactory(parent=section)
    assert "label--sponsored" not in page(client, section.url)


def test_sponsored_story_links_out_as_sponsored(client, advertorial):
    """Its outbound links carry rel="sponsored"; links within the site do not."""
    links = elements(page(client, advertorial.url)).links
    outbound = [link for link in links if link.get("href") == "https://tanimakmur.example/gerai"]
    assert outbound == [{"href": "https://tanimakmur.example/gerai", "rel": "sponsored"}]
    assert '<a href="/pati/">halaman ini</a>' in page(client, advertorial.url)


def test_existing_rel_keeps_its_values_and_gains_sponsored():
    """A link that already says nofollow keeps it, adding sponsored once."""
    html = '<a rel="nofollow" href="//contoh.example/">x</a> <a href="/lokal/">y</a>'
    marked = mark_sponsored_links(html)
    assert (
        marked
        == '<a rel="nofollow sponsored" href="//contoh.example/">x</a> <a href="/lokal/">y</a>'
    )
    assert mark_sponsored_links(marked) == marked


def test_ordinary_story_links_are_left_as_written(client, section):
    """A story not sponsored adds no rel to its links."""
    story = ArticlePageFactory(
        parent=section, body=[("paragraph", '<p><a href="https://bps.example/">BPS</a></p>')]
    )
    assert {"href": "https://bps.example/"} in elements(page(client, story.url)).links


def test_sponsored_story_needs_its_sponsor_named():
    """Sponsored without a sponsor is refused, naming the field."""
    story = ArticlePageFactory.build(is_sponsored=True, sponsor_name=" ")
    with pytest.raises(ValidationError) as refused:
        story.clean_labels()
    assert "sponsor_name" in refused.value.message_dict


def test_sponsored_story_is_left_out_of_most_read(section, advertorial):
    """Terpopuler ranks news only: a sponsor's paid traffic cannot put its story there."""
    news = ArticlePageFactory(parent=section)
    today = timezone.localdate()
    DailyArticleStats.objects.create(article=advertorial, day=today, views=900)
    DailyArticleStats.objects.create(article=news, day=today, views=10)
    ranked = {entry.key: entry.articles for entry in popular_lists()}
    assert ranked["read-day"] == [news]


# The article form in the admin


def in_language_of(response, message: str) -> str:
    """The message as the admin printed it: in the language of the request."""
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        return gettext(message)


def test_form_refuses_sponsored_content_without_a_sponsor(redaktur, daerah):  # noqa: F811
    """Ticked sponsored, no sponsor: an error beside the sponsor, the title kept, nothing saved."""
    response = post_article(redaktur, daerah, is_sponsored="on", sponsor_name="")
    assert response.status_code == 200
    assert field_errors(response, "sponsor_name") == [
        in_language_of(response, "Name the sponsor of sponsored content.")
    ]
    assert "Banjir di Juwana" in response.content.decode()
    assert not ArticlePage.objects.exists()


def test_form_stores_every_ai_use_ticked_and_the_tool(redaktur, daerah):  # noqa: F811
    """The checkboxes' uses and the tool are saved with the story."""
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", daerah.pk))
    data = article_form(slug="banjir", ai_used="on", ai_tool="Gemini")
    response = redaktur.post(url, {**data, "ai_uses": ["writing", "editing"]})
    assert response.status_code == 302
    story = ArticlePage.objects.get()
    assert (story.ai_used, story.ai_uses, story.ai_tool) == (True, ["writing", "editing"], "Gemini")


def test_form_refuses_ai_without_a_use(redaktur, daerah):  # noqa: F811
    """AI ticked without what for: an error beside the uses, nothing saved."""
    response = post_article(redaktur, daerah, ai_used="on", ai_tool="Gemini")
    assert field_errors(response, "ai_uses") == [
        in_language_of(response, "Tick what artificial intelligence was used for.")
    ]
    assert not ArticlePage.objects.exists()


def test_form_chooses_the_verified_follow_up(redaktur, daerah):  # noqa: F811
    """A story needing verification takes another story as its follow-up."""
    follow_up = ArticlePageFactory(parent=daerah, title="Hasil verifikasi")
    response = post_article(
        redaktur, daerah, slug="tanggul", needs_verification="on", verified_follow_up=follow_up.pk
    )
    assert response.status_code == 302
    story = ArticlePage.objects.exclude(pk=follow_up.pk).get()
    assert story.verified_follow_up_id == follow_up.pk


def test_markup_in_labels_is_shown_as_text(client, section):
    """A sponsor, tool or follow-up title with markup is escaped, never run."""
    follow_up = ArticlePageFactory(parent=section, title="<b>Hasil</b>")
    story = ArticlePageFactory(
        parent=section,
        is_sponsored=True,
        sponsor_name="<script>alert(1)</script>",
        ai_used=True,
        ai_uses=[AIUse.EDITING],
        ai_tool="<img src=x onerror=alert(2)>",
        needs_verification=True,
        verified_follow_up=follow_up,
    )
    for html in (page(client, story.url), page(client, section.url)):
        assert "<script>alert(1)" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    html = page(client, story.url)
    assert "<img src=x" not in html
    assert "<b>Hasil</b>" not in html
    assert "&lt;b&gt;Hasil&lt;/b&gt;" in html
