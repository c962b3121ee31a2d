"""RSS 2.0 and Atom feeds of the whole site, each section, each tag and each reporter.

Feeds are language-neutral, at the root (`/feeds/…`), and written in the site
language, which is the language the stories themselves are written in.

- GUIDs are ``urn:uuid:`` + the page's ``translation_key``: permanent, unlike the
  URL, which changes when an editor moves or renames a story.
- Dates carry the newsroom's offset (``+0700`` in RSS, ``+07:00`` in Atom).
- The lead image is the item's ``<enclosure>`` (with its byte length) and its
  ``<media:content>``: the 1200×630 JPEG used for link previews.
- Items carry the lead by default; ``?full=1`` adds the whole story
  (``content:encoded`` / Atom ``content``), and ``WARTA_FEED_FULL_CONTENT`` makes
  that the default (``?full=0`` then asks for leads only).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Site

from warta.images.specs import SHARE_IMAGE_SPEC
from warta.news.jinja2tags import article_body
from warta.news.models import ArticlePage, ArticleReporter, Person, SectionPage
from warta.news.models.disclosure import SPONSORED_LABEL

from .images import file_size, share_rendition

FEED_ITEMS = 30
FEED_MAX_AGE = 300  # seconds a cache or reader may keep a feed

MEDIA_NS = "http://search.yahoo.com/mrss/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
RELATIVE_URL = re.compile(r'(\s(?:href|src))="/(?!/)')


@dataclass
class FeedMedia:
    url: str
    width: int
    height: int
    length: int
    mime_type: str = "image/jpeg"
    description: str = ""
    credit: str = ""


@dataclass
class FeedSubject:
    """What a feed is about: its title, page, articles and how much of each it carries."""

    title: str
    description: str
    link: str
    articles: QuerySet
    request: HttpRequest
    full_content: bool
    sections_by_path: dict[str, str] = field(default_factory=dict)


@dataclass
class FeedEntry:
    article: ArticlePage
    subject: FeedSubject
    media: FeedMedia | None = None


def add_media(handler, media: FeedMedia | None) -> None:
    if media is None:
        return
    handler.startElement(
        "media:content",
        {
            "url": media.url,
            "type": media.mime_type,
            "medium": "image",
            "width": str(media.width),
            "height": str(media.height),
            "fileSize": str(media.length),
        },
    )
    if media.description:
        handler.addQuickElement("media:description", media.description, {"type": "plain"})
    if media.credit:
        handler.addQuickElement("media:credit", media.credit)
    handler.endElement("media:content")


class WartaRssFeed(Rss201rev2Feed):
    """RSS 2.0 with Media RSS, content:encoded and one dc:creator per reporter."""

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:media": MEDIA_NS,
            "xmlns:content": CONTENT_NS,
            "xmlns:dc": DC_NS,
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, _url in item["authors"]:
            handler.addQuickElement("dc:creator", name)
        if item["content_html"]:
            handler.addQuickElement("content:encoded", item["content_html"])
        add_media(handler, item["media"])


class WartaAtomFeed(Atom1Feed):
    """Atom 1.0 with Media RSS, full content and one author element per reporter."""

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, url in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", url)
            handler.endElement("author")
        if item["content_html"]:
            handler.addQuickElement("content", item["content_html"], {"type": "html"})
        add_media(handler, item["media"])


FEED_TYPES = {"rss": WartaRssFeed, "atom": WartaAtomFeed}


def articles_for_feed(articles: QuerySet) -> QuerySet:
    """The newest public stories with their bylines, tags and share images, in 5 queries."""
    renditions = (
        get_image_model().get_rendition_model().objects.filter(filter_spec=SHARE_IMAGE_SPEC)
    )
    return (
        articles.live()
        .public()
        .newest_first()
        .select_related("main_image")
        .prefetch_related(
            Prefetch(
                "reporter_links",
                queryset=ArticleReporter.objects.select_related("person"),
            ),
            "tags",
            Prefetch("main_image__renditions", queryset=renditions),
        )[:FEED_ITEMS]
    )


def section_titles(articles: list[ArticlePage]) -> dict[str, str]:
    """Titles of every section above the listed articles, by tree path, in one query."""
    steplen = ArticlePage.steplen
    paths = {
        article.path[: steplen * depth] for article in articles for depth in range(3, article.depth)
    }
    return dict(SectionPage.objects.filter(path__in=paths).values_list("path", "title"))


class ArticleFeed(Feed):
    """The shared shape of every Warta feed; subclasses say which articles it holds."""

    def __init__(self, kind: str, full_content: bool):
        self.feed_type = FEED_TYPES[kind]
        self.full_content = full_content
        self.language = settings.LANGUAGE_CODE

    def __call__(self, request, *args, **kwargs):
        # Feeds live outside the language prefixes: one feed, in the site language.
        with translation.override(settings.LANGUAGE_CODE):
            response = super().__call__(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=FEED_MAX_AGE)
        return response

    def subject(self, request, **kwargs) -> FeedSubject:
        raise NotImplementedError

    def get_object(self, request, *args, **kwargs) -> FeedSubject:
        return self.subject(request, **kwargs)

    def title(self, subject: FeedSubject) -> str:
        return subject.title

    def link(self, subject: FeedSubject) -> str:
        return subject.link

    def description(self, subject: FeedSubject) -> str:
        return subject.description

    def subtitle(self, subject: FeedSubject) -> str:
        return subject.description

    def author_name(self, subject: FeedSubject) -> str:
        # Atom needs an author for entries without a byline: the outlet.
        return settings.WARTA_SITE_NAME

    def feed_copyright(self, subject: FeedSubject) -> str:
        return f"© {timezone.localtime().year} {settings.WARTA_SITE_NAME}"

    def items(self, subject: FeedSubject) -> list[FeedEntry]:
        articles = list(articles_for_feed(subject.articles))
        subject.sections_by_path = section_titles(articles)
        return [
            FeedEntry(article, subject, lead_image_media(article, subject.request))
            for article in articles
        ]

    def item_title(self, entry: FeedEntry) -> str:
        return entry.article.title

    def item_link(self, entry: FeedEntry) -> str:
        return entry.article.get_url(entry.subject.request)

    def item_description(self, entry: FeedEntry) -> str:
        # The lead is plain text; RSS and Atom summaries are HTML, hence escaped once.
        # The labels a reader sees on the story come first (PPMS 6, Perdewan 1/2025).
        article = entry.article
        labels = [
            f"{SPONSORED_LABEL}: {article.sponsor_label}." if article.is_sponsored else "",
            article.ai_label,
        ]
        lead = article.summary or article.search_description
        return escape(" ".join(part for part in (*labels, lead) if part))

    def item_guid(self, entry: FeedEntry) -> str:
        return f"urn:uuid:{entry.article.translation_key}"

    def item_guid_is_permalink(self, entry: FeedEntry) -> bool:
        return False

    def item_pubdate(self, entry: FeedEntry):
        return timezone.localtime(entry.article.published_at)

    def item_updateddate(self, entry: FeedEntry):
        return timezone.localtime(modified_at(entry.article))

    def item_categories(self, entry: FeedEntry) -> list[str]:
        article, titles = entry.article, entry.subject.sections_by_path
        steplen = ArticlePage.steplen
        sections = [
            titles[article.path[: steplen * depth]]
            for depth in range(3, article.depth)
            if article.path[: steplen * depth] in titles
        ]
        labels = [
            *([str(SPONSORED_LABEL)] if article.is_sponsored else []),
            *([_("Made with the help of AI")] if article.ai_used else []),
        ]
        return [*labels, *sections, *(tag.name for tag in article.tags.all())]

    def item_enclosures(self, entry: FeedEntry) -> list[Enclosure]:
        media = entry.media
        return [Enclosure(media.url, str(media.length), media.mime_type)] if media else []

    def item_extra_kwargs(self, entry: FeedEntry) -> dict:
        request = entry.subject.request
        return {
            "authors": [
                (person.name, request.build_absolute_uri(person.get_absolute_url()))
                for person in entry.article.reporters
            ],
            "content_html": full_content(entry.article, request)
            if entry.subject.full_content
            else "",
            "media": entry.media,
        }


def lead_image_media(article: ArticlePage, request: HttpRequest) -> FeedMedia | None:
    """The story's link-preview image as an enclosure: absolute URL, size and byte length."""
    image = article.main_image
    if image is None:
        return None
    rendition = share_rendition(image)
    length = file_size(rendition)
    if not length:
        return None
    return FeedMedia(
        url=request.build_absolute_uri(rendition.url),
        width=rendition.width,
        height=rendition.height,
        length=length,
        description=" ".join(
            part for part in (article.main_image_caption or image.caption, image.ai_label) if part
        ),
        credit=image.credit,
    )


def modified_at(article: ArticlePage):
    """When the story last changed in substance: its update time, else its publication.

    A draft seen in the editor's preview has neither; it is "now" there.
    """
    return (article.updated_at if article.is_updated else article.published_at) or timezone.now()


def full_content(article: ArticlePage, request: HttpRequest) -> str:
    """The whole story as HTML with absolute links, for feed readers that show it all."""
    html = str(article_body(article))
    base = request.build_absolute_uri("/")
    return RELATIVE_URL.sub(lambda match: f'{match.group(1)}="{base}', html)


class SiteFeed(ArticleFeed):
    def subject(self, request, **kwargs) -> FeedSubject:
        root = Site.find_for_request(request).root_page
        return FeedSubject(
            title=_("%(site)s: latest news") % {"site": settings.WARTA_SITE_NAME},
            description=_("The latest stories from %(site)s.") % {"site": settings.WARTA_SITE_NAME},
            link=root.get_url(request) or "/",
            articles=ArticlePage.objects.descendant_of(root),
            request=request,
            full_content=self.full_content,
        )


class SectionFeed(ArticleFeed):
    def subject(self, request, section_path: str = "", **kwargs) -> FeedSubject:
        root = Site.find_for_request(request).root_page
        url_path = f"{root.url_path}{section_path.strip('/')}/"
        section = (
            SectionPage.objects.live()
            .public()
            .descendant_of(root)
            .filter(url_path=url_path)
            .first()
        )
        if section is None:
            raise Http404(_("No such section."))
        return FeedSubject(
            title=f"{settings.WARTA_SITE_NAME}: {section.title}",
            description=section.introduction
            or _("The latest stories in %(section)s.") % {"section": section.title},
            link=section.get_url(request),
            articles=ArticlePage.objects.descendant_of(section),
            request=request,
            full_content=self.full_content,
        )


class TagFeed(ArticleFeed):
    def subject(self, request, slug: str = "", **kwargs) -> FeedSubject:
        tag = get_object_or_404(Tag, slug=slug)
        return FeedSubject(
            title=f"{settings.WARTA_SITE_NAME}: #{tag.name}",
            description=_("The latest stories tagged %(tag)s.") % {"tag": tag.name},
            link=reverse("news:tag", kwargs={"slug": tag.slug}),
            articles=ArticlePage.objects.tagged(tag.slug),
            request=request,
            full_content=self.full_content,
        )


class ReporterFeed(ArticleFeed):
    def subject(self, request, slug: str = "", **kwargs) -> FeedSubject:
        person = get_object_or_404(Person, slug=slug)
        return FeedSubject(
            title=f"{settings.WARTA_SITE_NAME}: {person.name}",
            description=_("The latest stories by %(name)s.") % {"name": person.name},
            link=person.get_absolute_url(),
            # A subquery rather than by_person()'s DISTINCT, which cannot be ordered by date.
            articles=ArticlePage.objects.filter(
                pk__in=ArticlePage.objects.filter(
                    Q(reporter_links__person=person) | Q(editor=person)
                ).values("pk")
            ),
            request=request,
            full_content=self.full_content,
        )


def wants_full_content(request: HttpRequest) -> bool | None:
    """`?full=1` or `?full=0`; None when the value is neither."""
    value = request.GET.get("full")
    if value is None:
        return settings.WARTA_FEED_FULL_CONTENT
    return {"1": True, "0": False}.get(value)


def feed_view(feed_class: type[ArticleFeed]):
    def view(request: HttpRequest, kind: str, **kwargs) -> HttpResponse:
        full = wants_full_content(request)
        if full is None:
            with translation.override(settings.LANGUAGE_CODE):
                reason = _("The parameter full must be 0 (leads only) or 1 (whole stories).")
            return HttpResponseBadRequest(reason, content_type="text/plain; charset=utf-8")
        return feed_class(kind, full)(request, **kwargs)

    view.__name__ = f"{feed_class.__name__.lower()}_view"
    return view


site_feed = feed_view(SiteFeed)
section_feed = feed_view(SectionFeed)
tag_feed = feed_view(TagFeed)
reporter_feed = feed_view(ReporterFeed)
