"""Sitemaps: an index, paged URL sets with lastmod and images, and the Google News sitemap.

Every URL set is written while it is read from the database: rows come through
``QuerySet.iterator(chunk_size=…)`` as plain tuples and leave as XML text in a
``StreamingHttpResponse``, so a 50,000-URL page never holds 50,000 objects.
Stories are cut into pages by blocks of ids, so a story stays on its page for good;
the index and the tag and people sitemaps read counted lists (warta.news.story_lists)
instead of counting or dating the archive.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from xml.sax.saxutils import escape

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import iri_to_uri
from django.utils.functional import cached_property
from taggit.models import Tag
from wagtail.models import Page, Site

from warta.news import story_lists
from warta.news.models import ArticlePage, Person, SectionPage, StoryList
from warta.standing.models import StandingPage

SITEMAP_PAGE_SIZE = 50_000  # the sitemaps.org limit of URLs per file
NEWS_PAGE_SIZE = 1_000  # Google News: at most 1,000 URLs per news sitemap
NEWS_WINDOW = timedelta(hours=48)  # Google News: only stories of the last two days
CHUNK_SIZE = 2_000  # rows fetched from the database at a time
WRITE_BUFFER = 64 * 1024  # characters collected before a chunk is sent

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1"


def w3c_datetime(moment: datetime | None) -> str:
    """2024-03-28T13:02:12+07:00: the newsroom's offset, whole seconds."""
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else ""


def latest(*moments: datetime | None) -> datetime | None:
    present = [moment for moment in moments if moment]
    return max(present) if present else None


@dataclass
class SitemapURL:
    loc: str  # absolute
    lastmod: datetime | None = None
    image_names: list[str] = field(default_factory=list)  # storage names of original images
    news_title: str = ""
    news_published: datetime | None = None


class SiteLinks:
    """Turns page tree paths and storage names into absolute URLs for one request's site."""

    def __init__(self, request: HttpRequest):
        self.request = request
        self.base = request.build_absolute_uri("/").rstrip("/")
        self.root = Site.find_for_request(request).root_page
        self.root_url_path = self.root.url_path  # e.g. "/home/"

    def page(self, url_path: str) -> str:
        return self.absolute("/" + url_path[len(self.root_url_path) :])

    def absolute(self, path: str) -> str:
        return iri_to_uri(path if path.startswith(("http://", "https://")) else self.base + path)

    def image(self, name: str) -> str:
        return self.absolute(default_storage.url(name))

    @cached_property
    def newest_story(self) -> datetime | None:
        """When the site's newest live story was published: read backwards along the
        publication-time index, where an aggregate would read every story."""
        return (
            ArticlePage.objects.live()
            .descendant_of(self.root)
            .filter(published_at__isnull=False)
            .order_by("-published_at")
            .values_list("published_at", flat=True)
            .first()
        )


class UrlSet:
    """One kind of sitemap, cut into numbered pages of at most `page_size` URLs."""

    name = ""
    page_size = SITEMAP_PAGE_SIZE
    with_news = False

    def __init__(self, links: SiteLinks):
        self.links = links
        self.root = links.root

    def stories(self) -> QuerySet:
        """The live, public stories of this site: what every sitemap lists or dates by."""
        return ArticlePage.objects.live().public(self.links.request).descendant_of(self.root)

    def pages(self) -> list[tuple[int, datetime | None]]:
        """(number, lastmod) of each page that lists URLs, for the index."""
        raise NotImplementedError

    def has_page(self, number: int) -> bool:
        return any(listed == number for listed, _lastmod in self.pages())

    def urls(self, number: int) -> Iterator[SitemapURL]:
        raise NotImplementedError


class CountedUrlSet(UrlSet):
    """A short list, counted when asked and cut by offset; dated by the newest story,
    since the lists its pages show change when one appears."""

    order: tuple[str, ...] = ("pk",)

    def queryset(self) -> QuerySet:
        raise NotImplementedError

    def page_queryset(self, number: int) -> QuerySet:
        offset = (number - 1) * self.page_size
        return self.queryset().order_by(*self.order)[offset : offset + self.page_size]

    def pages(self) -> list[tuple[int, datetime | None]]:
        count = math.ceil(self.queryset().count() / self.page_size)
        return [(number, self.links.newest_story) for number in range(1, count + 1)]


class StoryUrls:
    """Stories as sitemap URLs, read as plain rows."""

    links: SiteLinks

    def story_urls(self, queryset: QuerySet) -> Iterator[SitemapURL]:
        rows = queryset.values_list(
            "url_path",
            "last_published_at",
            "updated_at",
            "published_at",
            "title",
            "main_image__file",
        ).iterator(chunk_size=CHUNK_SIZE)
        for url_path, last_published, updated, published, title, image in rows:
            yield SitemapURL(
                loc=self.links.page(url_path),
                lastmod=latest(last_published, updated, published),
                image_names=[image] if image else [],
                news_title=title,
                news_published=published,
            )


class ArticleUrlSet(StoryUrls, UrlSet):
    """Every story, a page per block of story ids (StoryList.BLOCK_SIZE): a story keeps
    its page for good, and the index reads each page's count and lastmod from one row."""

    name = "articles"
    page_size = StoryList.BLOCK_SIZE

    def pages(self) -> list[tuple[int, datetime | None]]:
        blocks = StoryList.objects.filter(site_root=self.root, kind=StoryList.Kind.BLOCK)
        story_lists.settle(blocks)
        listed = blocks.filter(story_count__gt=0).order_by("key")
        return list(listed.values_list("key", "changed_at"))

    def page_queryset(self, number: int) -> QuerySet:
        first, last = StoryList.block_ids(number)
        return self.stories().filter(pk__gte=first, pk__lte=last).order_by("pk")

    def urls(self, number: int) -> Iterator[SitemapURL]:
        return self.story_urls(self.page_queryset(number))


class NewsUrlSet(StoryUrls, CountedUrlSet):
    """Google News: stories published in the last 48 hours, newest first, 1,000 a file."""

    name = "news"
    page_size = NEWS_PAGE_SIZE
    with_news = True
    order = ("-published_at", "-pk")

    def queryset(self) -> QuerySet:
        """Not sponsored content: Google News takes news only (PPMS 6 keeps adverts apart)."""
        now = timezone.now()
        recent = self.stories().filter(published_at__gt=now - NEWS_WINDOW, published_at__lte=now)
        return recent.filter(is_sponsored=False)

    def urls(self, number: int) -> Iterator[SitemapURL]:
        return self.story_urls(self.page_queryset(number))


class SectionUrlSet(CountedUrlSet):
    """The front page, every section and the standing pages (Tentang Kami, Redaksi …);
    lastmod is their newest story, or their own last publication."""

    name = "pages"

    def queryset(self) -> QuerySet:
        sections = SectionPage.objects.live().public(self.links.request).descendant_of(self.root)
        standing = StandingPage.objects.live().public(self.links.request).descendant_of(self.root)
        # A list of ids, not `pk = root OR pk IN (subquery)`: PostgreSQL scans every page
        # for that OR (13x slower at 100,000 articles).
        ids = [*sections.values_list("pk", flat=True), *standing.values_list("pk", flat=True)]
        return Page.objects.filter(pk__in=[self.root.pk, *ids])

    def urls(self, number: int) -> Iterator[SitemapURL]:
        newest = (
            ArticlePage.objects.live()
            .filter(path__startswith=OuterRef("path"))
            .order_by("-published_at")
            .values("published_at")[:1]
        )
        rows = (
            self.page_queryset(number)
            .annotate(newest_story=Subquery(newest))
            .values_list("url_path", "last_published_at", "newest_story")
            .iterator(chunk_size=CHUNK_SIZE)
        )
        for url_path, last_published, newest_story in rows:
            yield SitemapURL(
                loc=self.links.page(url_path), lastmod=latest(last_published, newest_story)
            )


class ListedUrlSet(UrlSet):
    """Pages of the tags or people with live stories on this site, read from their
    counted lists (story_lists.py); each dated by when its list last changed."""

    kind = ""
    model: type[models.Model]
    url_name = ""

    @cached_property
    def settled(self) -> QuerySet:
        lists = StoryList.objects.filter(site_root=self.root, kind=self.kind)
        story_lists.settle(lists)
        return lists

    def listed(self) -> QuerySet:
        named = self.model.objects.filter(pk=OuterRef("key"))
        return self.settled.filter(story_count__gt=0).filter(Exists(named)).order_by("key")

    def pages(self) -> list[tuple[int, datetime | None]]:
        moments = list(self.listed().values_list("changed_at", flat=True))
        return [
            (number, max(moments[start : start + self.page_size]))
            for number, start in enumerate(range(0, len(moments), self.page_size), start=1)
        ]

    def urls(self, number: int) -> Iterator[SitemapURL]:
        offset = (number - 1) * self.page_size
        slug = Subquery(self.model.objects.filter(pk=OuterRef("key")).values("slug"))
        rows = self.listed().annotate(slug=slug).values_list("slug", "changed_at")
        for slug, changed_at in rows[offset : offset + self.page_size]:
            path = reverse(self.url_name, kwargs={"slug": slug})
            yield SitemapURL(loc=self.links.absolute(path), lastmod=changed_at)


class TagUrlSet(ListedUrlSet):
    name = "tags"
    kind = StoryList.Kind.TAG
    model = Tag
    url_name = "news:tag"


class PersonUrlSet(ListedUrlSet):
    """Reporter and editor pages of people credited on at least one live story."""

    name = "people"
    kind = StoryList.Kind.PERSON
    model = Person
    url_name = "news:reporter"


URL_SETS: dict[str, type[UrlSet]] = {
    url_set.name: url_set
    for url_set in (SectionUrlSet, ArticleUrlSet, TagUrlSet, PersonUrlSet, NewsUrlSet)
}


def url_xml(url: SitemapURL, links: SiteLinks, url_set: UrlSet) -> str:
    """One <url> element; extension elements follow loc and lastmod, as the schema orders."""
    parts = [f"<url><loc>{escape(url.loc)}</loc>"]
    if url.lastmod:
        parts.append(f"<lastmod>{w3c_datetime(url.lastmod)}</lastmod>")
    if url_set.with_news:
        parts.append(
            "<news:news><news:publication>"
            f"<news:name>{escape(settings.WARTA_SITE_NAME)}</news:name>"
            f"<news:language>{settings.LANGUAGE_CODE}</news:language>"
            "</news:publication>"
            f"<news:publication_date>{w3c_datetime(url.news_published)}</news:publication_date>"
            f"<news:title>{escape(url.news_title)}</news:title>"
            "</news:news>"
        )
    for name in url.image_names:
        parts.append(
            f"<image:image><image:loc>{escape(links.image(name))}</image:loc></image:image>"
        )
    parts.append("</url>\n")
    return "".join(parts)


def buffered(pieces: Iterable[str]) -> Iterator[str]:
    """Join small strings into chunks of about WRITE_BUFFER characters."""
    buffer, size = [], 0
    for piece in pieces:
        buffer.append(piece)
        size += len(piece)
        if size >= WRITE_BUFFER:
            yield "".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer)


def urlset_xml(url_set: UrlSet, number: int) -> Iterator[str]:
    namespaces = f'xmlns="{SITEMAP_NS}" xmlns:image="{IMAGE_NS}"'
    if url_set.with_news:
        namespaces += f' xmlns:news="{NEWS_NS}"'

    def pieces() -> Iterator[str]:
        yield f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset {namespaces}>\n'
        for url in url_set.urls(number):
            yield url_xml(url, url_set.links, url_set)
        yield "</urlset>\n"

    return in_site_language(buffered(pieces()))


def index_entries(links: SiteLinks) -> Iterator[tuple[str, datetime | None]]:
    """(absolute sitemap URL, lastmod) for every page of every URL set that has URLs."""
    for name, url_set_class in URL_SETS.items():
        url_set = url_set_class(links)
        for number, lastmod in url_set.pages():
            path = reverse("discovery:sitemap", kwargs={"kind": name, "number": number})
            yield links.absolute(path), lastmod


def in_site_language(chunks: Iterator[str]) -> Iterator[str]:
    """Sitemaps list the site-language URLs (no /en/), whatever the crawler's Accept-Language.

    The response is written after the view returns, so the language is set here, in
    the generator, rather than around the view.
    """
    with translation.override(settings.LANGUAGE_CODE):
        yield from chunks


def index_xml(links: SiteLinks) -> Iterator[str]:
    yield f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="{SITEMAP_NS}">\n'
    for loc, lastmod in index_entries(links):
        lastmod_xml = f"<lastmod>{w3c_datetime(lastmod)}</lastmod>" if lastmod else ""
        yield f"<sitemap><loc>{escape(loc)}</loc>{lastmod_xml}</sitemap>\n"
    yield "</sitemapindex>\n"
