"""The news itself: the home page, sections (rubrics), articles and the people who write them.

The page tree mirrors how a regional newsroom files its stories:
Home › Daerah › Pati › article. An article's place in the tree is its primary
section, so its URL and breadcrumb follow from where the editor filed it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any, NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.paginator import Page as PaginatorPage
from django.db import models
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce, TruncDay, TruncMonth, TruncYear
from django.http import Http404, HttpRequest
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import (
    Orderable,
    Page,
    PageManager,
    PageQuerySet,
    PageViewRestriction,
    Site,
)
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from warta.core import generation
from warta.core.addresses import reverse
from warta.core.pagecache import tag_page_ids_shown, tag_pages_shown, tag_request
from warta.core.queries import (
    Placeholder,
    PreparedQuery,
    RowsColumn,
    keys_of_any,
    placeholders,
    prepared,
    read_datetime,
    read_rows,
    rows_column,
)
from warta.images.models import NewsRendition, prefetch_renditions
from warta.search.text import FoldedSearchField

from .blocks import BODY_IMAGE_SPEC, ArticleBodyBlock
from .restrictions import private_paths

# Renditions the reader templates use, so lists can prefetch them in one query.
LEAD_IMAGE_SPEC = "fill-1200x675-c80"
CARD_IMAGE_SPEC = "fill-480x270-c75"
PERSON_PHOTO_SPEC = "fill-160x160"
# A card shows the small rendition, or the lead one when it is the large card on top.
CARD_IMAGE_SPECS = (CARD_IMAGE_SPEC, LEAD_IMAGE_SPEC)
# Link previews (WhatsApp drops JPEGs over 300 KB) and structured data's 1:1 and 4:3
# images (16:9 is LEAD_IMAGE_SPEC); warta.discovery uses them.
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg|jpegquality-80"
SQUARE_IMAGE_SPEC = "fill-1200x1200-c80|format-jpeg|jpegquality-80"
FOUR_THREE_IMAGE_SPEC = "fill-1200x900-c80|format-jpeg|jpegquality-80"
# Everything an article page shows: its lead, body photos, share and structured-data
# images, and the cards beside it.
READING_IMAGE_SPECS = (
    LEAD_IMAGE_SPEC,
    BODY_IMAGE_SPEC,
    SHARE_IMAGE_SPEC,
    SQUARE_IMAGE_SPEC,
    FOUR_THREE_IMAGE_SPEC,
    CARD_IMAGE_SPEC,
)

ARTICLES_PER_PAGE = 20

# First path segments that belong to reader views outside the page tree.
RESERVED_SLUGS = frozenset(
    {
        "admin",
        "api",
        "arsip",
        "cari",
        "en",
        "id",
        "media",
        "penulis",
        "static",
        "tag",
        "documents",
        "feeds",
        "sitemap.xml",
        "robots.txt",
    }
)


def paginate(
    request, items, per_page: int = ARTICLES_PER_PAGE, count: int | None = None
) -> PaginatorPage:
    """One page of `items` by `?page=`; a page number that does not exist is a 404.
    `count`, when known, spares the paginator counting `items`."""
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count  # a cached_property: set, it is never computed
    try:
        return paginator.page(request.GET.get("page") or 1)
    except (PageNotAnInteger, EmptyPage):
        raise Http404(_("No such page of results.")) from None


class OneQueryViewRestrictions:
    """Page view restrictions of a page and its ancestors, checked on every page a reader is
    served: none when the page was fetched knowing that none apply (warta.news.routing),
    else in one query (Wagtail takes two)."""

    def get_view_restrictions(self):
        if getattr(self, "may_be_restricted", True) is False:
            # Known to be empty: Django would still compile the query to find that out.
            return no_view_restrictions()
        if self.alias_of_id:
            return super().get_view_restrictions()
        steplen = self.steplen
        paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        # An alias among the ancestors has its source's restrictions, not its own.
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__aliases__path__in=paths)
        ).distinct()


class BuiltByDjango:
    """A page read from the database is built by Django's model constructor alone:
    modelcluster's constructor only sorts out child objects passed as keywords and
    Wagtail's only fills in a page that has no id yet, neither of which a stored row
    has, and both ran for every page a reader is served."""

    @classmethod
    def from_db(cls, db, field_names, values, *, fetch_mode=None):
        if len(values) != len(cls._meta.concrete_fields):  # some fields deferred
            return super().from_db(db, field_names, values, fetch_mode=fetch_mode)
        page = cls.__new__(cls)
        models.Model.__init__(page, *values)
        page._state.adding = False
        page._state.db = db
        if fetch_mode is not None:
            page._state.fetch_mode = fetch_mode
        return page


@cache
def no_view_restrictions() -> QuerySet:
    """No restrictions, as a queryset already read: one per process, which Wagtail's check
    only iterates (building a queryset costs more than the rest of the check)."""
    nothing = PageViewRestriction.objects.none()
    nothing._result_cache = []
    return nothing


KEPT_ADDRESSES = generation.store()
# Per story: the stories beside it (ArticlePage.keep_related), as (what they follow from, found).
KEPT_RELATED = generation.store()


class AddressKept:
    """A page's address worked out once per path, language and site: a story page prints
    its own and its sections' addresses some eight times, and Wagtail reverses its URL
    pattern and reads the sites' root paths from the cache for it. When the request knows
    its content generation (a reader page), the worker keeps the address until content
    changes (every change to a Site is one, warta.news.signals); otherwise the page keeps
    it for the request. A moved page has a new path, so it is worked out again."""

    def get_url_parts(self, request=None):
        return self.address_kept(
            request, "url-parts", lambda: super(AddressKept, self).get_url_parts(request)
        )

    def get_url(self, request=None, current_site=None):
        if current_site is not None:
            return super().get_url(request, current_site)
        return self.address_kept(request, "url", lambda: super(AddressKept, self).get_url(request))

    def address_kept(self, request, kind: str, work_out: Callable[[], Any]):
        site = Site.find_for_request(request) if isinstance(request, HttpRequest) else None
        key = (kind, self.url_path, translation.get_language(), site.pk if site else None)
        if hasattr(request, "_content_generation"):
            return generation.kept(request, key, work_out, within=KEPT_ADDRESSES)
        known = self.__dict__.setdefault("_addresses", {})
        if key not in known:
            known[key] = work_out()
        return known[key]


class SectionsAbove:
    """The live sections above a page, outermost first (Daerah, Pati): its breadcrumb."""

    @cached_property
    def sections(self) -> list[SectionPage]:
        return self.read_sections_above()

    def read_sections_above(self) -> list[SectionPage]:
        # The tree's root (depth 1) and a site's home page (depth 2) are never sections.
        first = self.steplen * 3
        above = [self.path[:end] for end in range(first, len(self.path), self.steplen)]
        if not above:
            return []
        values = {f"path{number}": path for number, path in enumerate(above)}
        return prepared(("sections", len(above)), self.sections_query, len(above)).run(**values)

    def keep_sections_above(self, request) -> None:
        """Take `sections` from what this worker keeps until content changes (every change
        to a section is one, warta.core.generation), unless they were read already."""
        if "sections" not in self.__dict__:
            key = ("sections-above", self.path[: -self.steplen])
            self.sections = generation.kept(request, key, self.read_sections_above)

    @staticmethod
    def sections_query(count: int) -> PreparedQuery:
        places = placeholders(**{f"path{n}": Page._meta.get_field("path") for n in range(count)})
        paths = [place.sample for place in places.values()]
        sections = SectionPage.objects.live().filter(path__in=paths).order_by("depth")
        return PreparedQuery(sections, places)


RELATED_LIMIT = 4  # related stories beside an article


@cache
def route_shape(tag_count: int, dated: bool) -> tuple[tuple[str, models.Field], ...]:
    """The placeholders a story's route query takes for its tags and publication time."""
    tag = ArticlePageTag._meta.get_field("tag")
    shape = tuple((f"tag{number}", tag) for number in range(tag_count))
    return (*shape, ("at", ArticlePage._meta.get_field("published_at"))) if dated else shape


class Listed(NamedTuple):
    """A story as a list reads it: what orders it, and the id its card is kept by
    (warta.news.cards)."""

    pk: int
    path: str
    published_at: datetime | None
    shares_tag: bool = False


def prefetch_card_images(articles: Iterable[ArticlePage]) -> None:
    """The renditions the cards of `articles` show, in one query."""
    prefetch_renditions([article.main_image for article in articles], CARD_IMAGE_SPECS)


@register_snippet
class Person(index.Indexed, models.Model):
    """A reporter, editor or contributor, credited on articles by name or by initials.

    A snippet rather than a user account: bylines name freelancers and agency
    staff who never log in, and a staff member's byline outlives their account.
    """

    class Role(models.TextChoices):
        REPORTER = "reporter", _("Reporter")
        EDITOR = "editor", _("Editor")
        PHOTOGRAPHER = "photographer", _("Photographer")
        CONTRIBUTOR = "contributor", _("Contributor")

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=140, unique=True, allow_unicode=True)
    initials = models.CharField(
        _("initials"), max_length=10, help_text=_("As printed at the end of a story, e.g. Ag.")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.REPORTER)
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("short bio"), max_length=600, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("initials"), FieldPanel("role")]),
        FieldPanel("photo"),
        FieldPanel("bio"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("news:reporter", slug=self.slug)


@register_setting(icon="site")
class NewsroomSettings(generation.KeptSiteSetting, BaseSiteSetting):
    """House conventions an editor-in-chief can change without a developer; saving them
    purges every page (signals.py)."""

    show_editor_initials = models.BooleanField(
        _("show the editor's initials"),
        default=False,
        help_text=_("Print the sign-off as (reporter/editor), e.g. (Ag/Ed)."),
    )
    default_credit_line = models.CharField(
        _("default credit line"),
        max_length=120,
        blank=True,
        help_text=_("Shown as the source of articles without their own, e.g. the outlet's name."),
    )

    class Meta:
        verbose_name = _("newsroom settings")


class ReaderPageQuerySet(PageQuerySet):
    def private_q(self, request=None) -> Q:
        """Pages in a restricted branch, from the paths the worker keeps (restrictions.py):
        Wagtail's reads every restriction with its page on each call."""
        return private_paths(request).restricted_q()

    def public(self, request=None) -> ReaderPageQuerySet:
        """Wagtail's `public()`; given the request, at its content generation, so the
        restrictions kept by the worker need no query at all."""
        return self.exclude(self.private_q(request))


class ArticlePageQuerySet(ReaderPageQuerySet):
    def published_since(self, moment: datetime) -> ArticlePageQuerySet:
        return self.filter(published_at__gte=moment)

    def breaking(self, now: datetime | None = None) -> ArticlePageQuerySet:
        """Live articles flagged as breaking whose breaking period has not ended."""
        now = now or timezone.now()
        # The flagged few found by their own index first: asked for the newest of them,
        # SQLite would rather walk the whole archive in publication order (50 ms at
        # 30,000 stories, 0.7 ms this way).
        flagged = self.model._base_manager.filter(is_breaking=True).values("pk")
        return (
            self.live()
            .filter(pk__in=flagged)
            .filter(Q(breaking_until__isnull=True) | Q(breaking_until__gt=now))
        )

    def newest_first(self) -> ArticlePageQuerySet:
        return self.order_by("-published_at", "-pk")

    def cards(self) -> ArticlePageQuerySet:
        """Live stories, newest first, with what their cards show but the renditions."""
        return self.live().newest_first().select_related("main_image")

    def listed_ids(self) -> QuerySet:
        """The ids of the live stories, newest first: what a list reads before it shows
        their cards, which each worker keeps (warta.news.cards)."""
        return self.live().newest_first().values_list("pk", flat=True)

    def tagged(self, tag_slug: str) -> ArticlePageQuerySet:
        return self.filter(tagged_items__tag__slug=tag_slug)

    def published_between(self, start: datetime, end: datetime) -> ArticlePageQuerySet:
        """Published at or after `start` and before `end`."""
        return self.filter(published_at__gte=start, published_at__lt=end)

    def published_in(self, period: ArchivePeriod) -> ArticlePageQuerySet:
        """Published within a day, month or year of the site's calendar."""
        return self.published_between(period.start, period.end)

    def archive_periods(self, kind: str) -> list[tuple[ArchivePeriod, int]]:
        """Each year, month or day (`kind`) with stories, oldest first, with its count.

        Counted in one query, by the site's calendar (Django truncates in its time zone).
        """
        truncate = {"year": TruncYear, "month": TruncMonth, "day": TruncDay}[kind]
        rows = (
            self.order_by()
            .annotate(moment=truncate("published_at"))
            .values("moment")
            .annotate(count=models.Count("pk"))
            .order_by("moment")
        )
        periods = []
        for row in rows:
            moment = timezone.localtime(row["moment"])
            periods.append(
                (
                    ArchivePeriod(
                        moment.year,
                        moment.month if kind != "year" else None,
                        moment.day if kind == "day" else None,
                    ),
                    row["count"],
                )
            )
        return periods

    def by_person(self, person: Person) -> ArticlePageQuerySet:
        return self.filter(Q(reporter_links__person=person) | Q(editor=person)).distinct()


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)


@dataclass(frozen=True)
class ArchivePeriod:
    """A year, month or day of the site's calendar (`WARTA_TIME_ZONE`), for date archives.

    A story published at 00:30 WIB belongs to that WIB day even though it is still the
    previous day in UTC, where the database keeps the time.
    """

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def from_parts(
        cls, year: int, month: int | None = None, day: int | None = None
    ) -> ArchivePeriod | None:
        """The period, or None where no such date exists (month 13, 30 February)."""
        try:
            date(year, month or 1, day or 1)
        except ValueError:
            return None
        return cls(year, month, day)

    def __str__(self) -> str:
        """As a reader names it, in the active language: "September 2019"."""
        if self.day:
            return date_format(self.first_day, "DATE_FORMAT")
        if self.month:
            return date_format(self.first_day, "YEAR_MONTH_FORMAT")
        return str(self.year)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def next_first_day(self) -> date:
        if self.day:
            return self.first_day + timedelta(days=1)
        if self.month:
            return date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return date(self.year + 1, 1, 1)

    @property
    def start(self) -> datetime:
        return _local_midnight(self.first_day)

    @property
    def end(self) -> datetime:
        return _local_midnight(self.next_first_day)

    @property
    def parent(self) -> ArchivePeriod | None:
        if self.day:
            return ArchivePeriod(self.year, self.month)
        if self.month:
            return ArchivePeriod(self.year)
        return None

    def get_absolute_url(self) -> str:
        if self.day:
            return reverse("news:archive_day", self.year, f"{self.month:02}", f"{self.day:02}")
        if self.month:
            return reverse("news:archive_month", self.year, f"{self.month:02}")
        return reverse("news:archive_year", self.year)


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())


class HomePage(BuiltByDjango, AddressKept, OneQueryViewRestrictions, Page):
    """The front page: the headline slot, the latest stories and a block per section."""

    headline = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("headline article"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The story at the top of the front page. Empty: the latest story."),
    )

    content_panels = [*Page.content_panels, FieldPanel("headline")]
    subpage_types = ["news.SectionPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    # Whether the chosen headline is live: read with the page itself (warta.news.routing).
    reader_select_related = ("headline",)

    def get_context(self, request, *args, **kwargs):
        from .cards import CARD, HEADLINE_CARD, kept_parts

        context = super().get_context(request, *args, **kwargs)
        chosen = self.headline_id if self.headline_id and self.headline.live else None
        headline, latest, blocks = self.stories_shown(request, chosen)
        listed = latest + [pk for block in blocks for pk in block["articles"]]
        shown = [headline, *listed] if headline else listed
        # Every card of the page in one call: those the worker lacks come from one query.
        lead = [(headline, HEADLINE_CARD)] if headline else []
        parts = kept_parts(request, [*lead, *((pk, CARD) for pk in listed)])

        def cards(ids: list[int]) -> list:
            return [parts[pk, CARD] for pk in ids if (pk, CARD) in parts]

        context.update(
            headline_card=parts.get((headline, HEADLINE_CARD)),
            latest_cards=cards(latest),
            section_blocks=[{**block, "cards": cards(block["articles"])} for block in blocks],
        )
        tag_request(request, "list:home")
        tag_page_ids_shown(request, shown)
        return context

    def stories_shown(
        self, request, headline: int | None, latest_count: int = 10, per_section: int = 4
    ) -> tuple[int | None, list[int], list[dict]]:
        """The ids of the headline (the newest story unless one is chosen), the latest
        stories and the newest of each section in the menu, the headline left out of both.

        One query for all, built once per process for each number of sections: each list
        is a short one read from the publication-time index, and the first of each list
        of the union is that list's own. The menu's sections are kept by the worker until
        content changes (warta.core.generation).
        """
        sections = generation.kept(
            request, ("home-sections", self.path), lambda: SectionPage.below(self, in_menu=True)
        )
        spare = 1  # the newest story, should it become the headline
        query = prepared(
            ("home-stories", len(sections), latest_count + spare, per_section + spare),
            self.stories_query,
            len(sections),
            latest_count + spare,
            per_section + spare,
        )
        paths = {f"section{number}": section.path for number, section in enumerate(sections)}
        rows = query.run(exclude=headline or 0, **paths)  # pk 0 is no story: none left out
        if headline is None and rows:
            headline = rows[0][0]
        others = [(pk, path) for pk, path in rows if pk != headline]
        latest = [pk for pk, _path in others[:latest_count]]
        blocks = []
        for section in sections:
            ids = [pk for pk, path in others if path.startswith(section.path)][:per_section]
            if ids:
                blocks.append({"section": section, "articles": ids})
        return headline, latest, blocks

    @staticmethod
    def stories_query(section_count: int, latest_count: int, per_section: int) -> PreparedQuery:
        """Id and path, newest first, of the newest `latest_count` stories and the newest
        `per_section` under each of `section_count` sections, all but one story."""
        path = Page._meta.get_field("path")
        places = placeholders(
            exclude=Page._meta.pk, **{f"section{n}": path for n in range(section_count)}
        )
        others = ArticlePage.objects.live().exclude(pk=places["exclude"].sample).newest_first()
        lists = [others[:latest_count]] + [
            others.filter(path__startswith=places[f"section{n}"].sample)[:per_section]
            for n in range(section_count)
        ]
        stories = ArticlePage.objects.filter(pk__in=keys_of_any(*lists)).live().newest_first()
        return PreparedQuery(stories.values_list("pk", "path"), places)


class SectionPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        top_level = self.parent_page.specific_class is HomePage
        if top_level and cleaned_data.get("slug") in RESERVED_SLUGS:
            self.add_error("slug", _("This address is reserved for the site itself."))
        return cleaned_data


class SectionPage(BuiltByDjango, AddressKept, SectionsAbove, OneQueryViewRestrictions, Page):
    """A rubric such as Daerah, Politik or Olahraga; sections nest (Daerah › Pati)."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    base_form_class = SectionPageForm
    subpage_types = ["news.SectionPage", "news.ArticlePage"]
    parent_page_types = ["news.HomePage", "news.SectionPage"]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    objects = PageManager.from_queryset(ReaderPageQuerySet)()

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def get_context(self, request, *args, **kwargs):
        from .cards import paginated_cards

        self.keep_sections_above(request)
        context = super().get_context(request, *args, **kwargs)
        stories = ArticlePage.objects.descendant_of(self).listed_ids()
        articles, cards = paginated_cards(request, stories, count=self.story_count())
        subsections = generation.kept(
            request, ("subsections", self.path), lambda: SectionPage.below(self)
        )
        context.update(subsections=subsections, articles=articles, cards=cards)
        tag_request(request, f"list:section:{self.pk}")
        return context

    @classmethod
    def below(cls, page: Page, in_menu: bool = False) -> list[SectionPage]:
        """The live sections right under `page`, in tree order; `in_menu`: only those the
        menu shows (under a site's home page: the main navigation)."""
        query = prepared(("sections-below", in_menu), cls.sections_below_query, in_menu)
        return query.run(path=page.path, depth=page.depth + 1)

    @staticmethod
    def sections_below_query(in_menu: bool) -> PreparedQuery:
        """The live sections right under the page at `path` (its `depth` + 1), in tree
        order; `in_menu`: only those shown in the menu."""
        path, depth = Page._meta.get_field("path"), Page._meta.get_field("depth")
        places = placeholders(path=path, depth=depth)
        sections = SectionPage.objects.live()
        sections = sections.in_menu() if in_menu else sections
        sections = sections.filter(
            path__startswith=places["path"].sample, depth=places["depth"].sample
        )
        return PreparedQuery(sections.order_by("path"), places)

    def story_count(self) -> int | None:
        """How many live stories the section lists, from its counted list (story_lists.py):
        counting them here would read a large section whole. None: never counted."""
        from .story_lists import counted

        row = StoryList.objects.filter(kind=StoryList.Kind.SECTION, key=self.pk).first()
        return counted(row).story_count if row else None


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticleReporter(Orderable):
    """A byline on an article, in the order the newsroom credits its writers."""

    page = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="reporter_links")
    person = models.ForeignKey(
        Person, verbose_name=_("reporter"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("reporter")
        verbose_name_plural = _("reporters")


# What an article shows from other tables, carried in its own query when it is routed
# from memory (ArticlePage.reader_columns): its tags in the order they were given, its
# bylines, and its lead photo's renditions.
ARTICLE_TAGS = RowsColumn(Tag, through="tag", order=("id",))
BYLINES = RowsColumn(Person, through="person", order=("sort_order", "id"))
RENDITIONS = RowsColumn(NewsRendition, order=())


class ArticlePage(BuiltByDjango, AddressKept, SectionsAbove, OneQueryViewRestrictions, Page):
    """A news story. Its parent section is its primary rubric."""

    dateline = models.CharField(
        _("dateline"),
        max_length=80,
        blank=True,
        help_text=_("Where the story comes from, printed before its first sentence, e.g. Pati."),
    )
    summary = models.TextField(
        _("lead"), max_length=400, blank=True, help_text=_("One or two sentences for lists.")
    )
    main_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    main_image_caption = models.CharField(_("main image caption"), max_length=500, blank=True)
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tags"))
    editor = models.ForeignKey(
        Person,
        verbose_name=_("editor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="edited_articles",
    )
    credit_line = models.CharField(
        _("credit line"),
        max_length=120,
        blank=True,
        help_text=_("The outlet or agency the story is credited to, e.g. Antara."),
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("The publication time readers see. Empty: the time of first publication."),
    )
    updated_at = models.DateTimeField(
        _("last substantive update"),
        null=True,
        blank=True,
        help_text=_("Set when the story changes in substance; readers see 'Updated'."),
    )
    is_breaking = models.BooleanField(_("breaking news"), default=False)
    breaking_until = models.DateTimeField(
        _("breaking until"),
        null=True,
        blank=True,
        help_text=_("The ticker drops the story at this time. Empty: until unflagged."),
    )

    objects = ArticlePageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("dateline"),
        MultiFieldPanel(
            [FieldPanel("main_image"), FieldPanel("main_image_caption")], heading=_("Main image")
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                InlinePanel("reporter_links", min_num=0),
                FieldPanel("editor"),
                FieldPanel("credit_line"),
            ],
            heading=_("Byline"),
        ),
        FieldPanel("tags"),
    ]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("published_at"), FieldPanel("updated_at")]),
                FieldRowPanel([FieldPanel("is_breaking"), FieldPanel("breaking_until")]),
            ],
            heading=_("Time and priority"),
        ),
    ]
    # Text fields carry their folded, stemmed search terms too (see warta/search/text.py),
    # so readers' Indonesian queries match on SQLite and PostgreSQL alike. Page's own
    # title field stays (Wagtail checks for it); the folded one adds the title's terms.
    search_fields = [
        *Page.search_fields,
        FoldedSearchField("title", boost=2),
        FoldedSearchField("summary"),
        FoldedSearchField("body"),
        FoldedSearchField("dateline"),
        index.FilterField("published_at"),
        index.RelatedFields("tags", [FoldedSearchField("name")]),
    ]
    parent_page_types = ["news.SectionPage"]
    subpage_types: list[str] = []
    # Fetched with the article when it is routed from memory (warta.news.routing), with
    # the columns of `reader_columns`.
    reader_select_related = ("main_image", "editor", "stats")

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [models.Index(fields=["is_breaking", "breaking_until"])]

    def clean(self):
        super().clean()
        if self.breaking_until and not self.is_breaking:
            raise ValidationError(
                {"breaking_until": _("Only a breaking story can have a breaking end time.")}
            )

    def save(self, *args, **kwargs):
        # A story written as a draft and published later is dated when it goes live.
        if self.live and self.published_at is None:
            self.published_at = self.first_published_at or timezone.now()
        super().save(*args, **kwargs)

    @property
    def is_updated(self) -> bool:
        """Readers see an update line only for a change made after publication."""
        return bool(self.updated_at and self.published_at and self.updated_at > self.published_at)

    @classmethod
    def reader_columns(cls, places: dict[str, Placeholder]) -> dict[str, Coalesce]:
        """The tags, bylines, lead renditions and the stories beside it, read with the
        article itself (warta.news.routing): on PostgreSQL a query of their own each would
        cost a round trip to the server."""
        return {
            "related_rows": cls.related_column(places),
            "tag_rows": ARTICLE_TAGS.column(
                ArticlePageTag.objects.filter(content_object=OuterRef("pk"))
            ),
            "byline_rows": BYLINES.column(ArticleReporter.objects.filter(page=OuterRef("pk"))),
            "lead_renditions": RENDITIONS.column(
                NewsRendition.objects.filter(
                    image=OuterRef("main_image"), filter_spec__in=READING_IMAGE_SPECS
                )
            ),
        }

    @cached_property
    def reporters(self) -> list[Person]:
        links = self.reporter_links
        prefetched = getattr(self, "_prefetched_objects_cache", {})
        if self.pk is None or links.is_deferring or "reporter_links" in prefetched:
            # A draft or preview holds its bylines in memory; a list prefetched them.
            return [link.person for link in links.all()]
        if (rows := getattr(self, "byline_rows", None)) is not None:  # read with the page
            return BYLINES.read(rows, self._state.db)
        query = prepared("reporters", self.reporters_query)
        return [link.person for link in query.run(article=self.pk)]

    @staticmethod
    def reporters_query() -> PreparedQuery:
        places = placeholders(article=ArticleReporter._meta.get_field("page"))
        links = ArticleReporter.objects.filter(page=places["article"].sample)
        links = links.select_related("person").order_by("sort_order", "id")
        return PreparedQuery(links, places)

    @property
    def people(self) -> list[Person]:
        """Everyone credited: reporters, then the editor."""
        return [*self.reporters, *([self.editor] if self.editor_id else [])]

    @cached_property
    def tag_list(self) -> list[Tag]:
        if self.pk is None or self.tagged_items.is_deferring:
            # A preview or a revision: its tags are in memory, not (yet) in the database.
            return list(self.tags.all())
        if (rows := getattr(self, "tag_rows", None)) is not None:  # read with the page
            return ARTICLE_TAGS.read(rows, self._state.db)
        return prepared("tags", self.tags_query).run(article=self.pk)

    @staticmethod
    def tags_query() -> PreparedQuery:
        places = placeholders(article=ArticlePageTag._meta.get_field("content_object"))
        tags = Tag.objects.filter(
            news_articlepagetag_items__content_object=places["article"].sample
        ).order_by("news_articlepagetag_items__id")
        return PreparedQuery(tags, places)

    def sign_off(self, show_editor: bool) -> str:
        """The initials printed at the end of the story: "Ag", or "Ag/Ed" with the editor's."""
        initials = [person.initials for person in self.reporters if person.initials]
        if show_editor and self.editor and self.editor.initials:
            initials.append(self.editor.initials)
        return "/".join(initials)

    def credit(self, default: str) -> str:
        """Who the story is credited to: its credit line, else its reporters, else the outlet."""
        return self.credit_line or ", ".join(p.name for p in self.reporters) or default

    def shares_a_tag(self) -> Exists:
        return Exists(
            ArticlePageTag.objects.filter(
                content_object=OuterRef("pk"), tag_id__in=[tag.pk for tag in self.tag_list]
            )
        )

    def related_sources(self, limit: int) -> list[ArticlePageQuerySet]:
        """The newest `limit` live stories sharing a tag, and the newest `limit` in the section.

        Related stories share a tag or the section, those sharing a tag first, then the
        newest. The first `limit` of that order are all among these two short lists, so
        neither has to rank the whole archive.
        """
        others = ArticlePage.objects.live().exclude(pk=self.pk).newest_first()
        sources = []
        if self.tag_list:
            sources.append(others.filter(self.shares_a_tag())[:limit])
        if self.sections:
            sources.append(others.filter(path__startswith=self.sections[-1].path)[:limit])
        return sources

    def neighbour_sources(self) -> list[ArticlePageQuerySet]:
        """The live stories published just before and just after this one in its section,
        each a one-row query walking the publication-time index. Equal times are ordered
        by id, so no story is skipped or shown twice."""
        if self.published_at is None:
            return []
        siblings = ArticlePage.objects.live().sibling_of(self, inclusive=False)
        at = self.published_at
        earlier = siblings.filter(Q(published_at__lt=at) | Q(published_at=at, pk__lt=self.pk))
        later = siblings.filter(Q(published_at__gt=at) | Q(published_at=at, pk__gt=self.pk))
        return [
            earlier.order_by("-published_at", "-pk")[:1],
            later.order_by("published_at", "pk")[:1],
        ]

    def listed_queryset(self, sources: list[ArticlePageQuerySet]) -> QuerySet:
        """The stories any of `sources` selects, in one query, as rows of `Listed` (what
        orders them; their cards are kept by each worker, warta.news.cards)."""
        stories = ArticlePage.objects.filter(pk__in=keys_of_any(*sources))
        if self.tag_list:
            stories = stories.annotate(shares_tag=self.shares_a_tag())
            return stories.values_list("pk", "path", "published_at", "shares_tag")
        return stories.values_list("pk", "path", "published_at")

    def listed_from(self, sources: list[ArticlePageQuerySet]) -> list[Listed]:
        return [Listed(*row) for row in self.listed_queryset(sources)] if sources else []

    def most_related(self, found: Iterable[Listed], limit: int) -> list[Listed]:
        """Of `found` (which holds `related_sources()`), the `limit` related stories in order."""
        in_section = self.sections[-1].path if self.sections else None
        candidates = [
            article
            for article in found
            if article.shares_tag or (in_section and article.path.startswith(in_section))
        ]
        candidates.sort(key=lambda a: (a.shares_tag, a.published_at, a.pk), reverse=True)
        return candidates[:limit]

    def related_articles(self, limit: int = RELATED_LIMIT) -> list[Listed]:
        """Recent stories sharing a tag or the section, those sharing a tag first."""
        return self.most_related(self.listed_from(self.related_sources(limit)), limit)

    def split_neighbours(self, found: Iterable[Listed]) -> tuple[Listed | None, Listed | None]:
        """Among `found` (which holds both neighbours), the previous and the next story."""
        if self.published_at is None:
            return None, None
        here = (self.published_at, self.pk)
        siblings = [a for a in found if a.path[: -self.steplen] == self.path[: -self.steplen]]
        earlier = [a for a in siblings if (a.published_at, a.pk) < here]
        later = [a for a in siblings if (a.published_at, a.pk) > here]
        return (
            max(earlier, key=lambda a: (a.published_at, a.pk), default=None),
            min(later, key=lambda a: (a.published_at, a.pk), default=None),
        )

    def neighbours_in_section(self) -> tuple[Listed | None, Listed | None]:
        """The live stories published just before and just after this one in its section."""
        return self.split_neighbours(self.listed_from(self.neighbour_sources()))

    def related_and_neighbours(
        self, limit: int = RELATED_LIMIT
    ) -> tuple[list[Listed], Listed | None, Listed | None]:
        """`related_articles()` and `neighbours_in_section()` in one query, for the article
        page; the query is built once per shape of story (see `related_query`). A story
        routed from memory usually brought them in its own query (`brought_related`)."""
        if limit == RELATED_LIMIT and (found := self.related_found_before()) is not None:
            return (self.most_related(found, limit), *self.split_neighbours(found))
        if self.brought_related() and limit == RELATED_LIMIT:
            found = [
                Listed(pk, path, read_datetime(at), bool(shares_tag and shares_tag[0]))
                for pk, path, at, *shares_tag in read_rows(self.related_rows)
            ]
            self.keep_related(found)
            return (self.most_related(found, limit), *self.split_neighbours(found))
        if self.pk is None:  # a preview of a story never saved: nothing to leave out
            found = self.listed_from(self.related_sources(limit) + self.neighbour_sources())
            return (self.most_related(found, limit), *self.split_neighbours(found))
        tags = [tag.pk for tag in self.tag_list if tag.pk is not None]
        shape = (len(tags), bool(self.sections), self.published_at is not None, limit)
        if not (tags or self.sections or self.published_at):
            return [], None, None
        values = {"page_id": self.pk, **{f"tag{number}": pk for number, pk in enumerate(tags)}}
        if self.sections:
            values["section"] = self.sections[-1].path
        if self.published_at:  # the neighbours: siblings published before and after it
            values |= {"parent": self.path[: -self.steplen], "depth": self.depth}
            values["at"] = self.published_at
        found = [Listed(*row) for row in self.related_query(shape).run(**values)]
        if limit == RELATED_LIMIT:
            self.keep_related(found)
        return (self.most_related(found, limit), *self.split_neighbours(found))

    def keep_related(self, found: list[Listed]) -> None:
        """Keep the stories beside a story served at a known content generation (routed
        from memory), for its next visits at the same generation."""
        number = getattr(self, "content_generation", None)
        if number is None or self.pk is None:
            return
        generation.keep(KEPT_RELATED, self.pk, number, (self.related_basis(), found))

    def related_found_before(self) -> list[Listed] | None:
        """The stories beside the story kept at this content generation for the story as
        it is (its section, tags and publication time), or None."""
        entry = KEPT_RELATED.get(self.pk)
        if entry is None or entry[0] != getattr(self, "content_generation", None):
            return None
        basis, found = entry[2]
        return found if basis == self.related_basis() else None

    def related_basis(self) -> tuple:
        """What the stories beside a story follow from, besides other stories: its tags,
        publication time, section and parent."""
        section = self.sections[-1].path if self.sections else None
        return (self.route_memory(self)[1], section, self.path[: -self.steplen])

    @classmethod
    def kept_reader_columns(cls, page_id: int) -> tuple[str, ...]:
        """The `reader_columns` this worker holds for the story at the content generation
        it read last: the stories beside it, kept from an earlier visit. Should the
        generation have moved on by the time the page is read, they come from a query
        of their own (`related_and_neighbours`)."""
        entry = KEPT_RELATED.get(page_id)
        return ("related_rows",) if entry and entry[0] == generation.last_read() else ()

    def brought_related(self) -> bool:
        """Whether the story's own query brought the stories beside it (`reader_columns`)
        for the story as it is: the query assumed its section is its parent (as it is
        unless the parent is not live) and the tags and publication time it had when this
        worker last served it (`route_memory`)."""
        return (
            "related_rows" in self.__dict__
            and bool(self.sections)
            and self.sections[-1].path == self.path[: -self.steplen]
            and getattr(self, "remembered", None) == self.route_memory(self)
        )

    @staticmethod
    def route_memory(page: ArticlePage) -> tuple[tuple, tuple]:
        """What the route query (warta.news.routing) is built for, remembered as the story
        was served: its tags and publication time, as (names and fields, values). The
        names and fields are one object per shape, so a worker remembering many routes
        keeps little more than the values for each."""
        tags = tuple(tag.pk for tag in page.tag_list if tag.pk is not None)
        if page.published_at is None:
            return route_shape(len(tags), dated=False), tags
        return route_shape(len(tags), dated=True), (*tags, page.published_at)

    @classmethod
    def stand_in(cls, places: dict[str, Placeholder], section: Placeholder | None) -> ArticlePage:
        """A story whose id, tags (`tag0`...), publication time (`at`) and, with a time,
        parent and depth are the samples of `places`, in the section at `section`'s: what
        the query of `related_and_neighbours()` is built for, once per shape of story."""
        tags = [place for name, place in places.items() if name.startswith("tag")]
        dated = "at" in places  # and so `parent` and `depth`, for its neighbours
        stand_in = cls(
            pk=places["page_id"].sample,
            path=places["parent"].sample + "0001" if dated else "",
            depth=places["depth"].sample if dated else None,
            published_at=places["at"].sample if dated else None,
        )
        stand_in.tag_list = [Tag(pk=place.sample) for place in tags]
        stand_in.sections = [SectionPage(path=section.sample)] if section else []
        return stand_in

    @classmethod
    def related_column(cls, places: dict[str, Placeholder]) -> Coalesce:
        """The rows of `related_and_neighbours()`'s query as a column of the route query,
        for the story with the tags and publication time it was remembered with, in the
        section that is its parent (see `brought_related`)."""
        stand_in = cls.stand_in(places, section=places["parent"])
        sources = stand_in.related_sources(RELATED_LIMIT) + stand_in.neighbour_sources()
        fields = Listed._fields if stand_in.tag_list else Listed._fields[:-1]
        return rows_column(stand_in.listed_queryset(sources), *fields)

    @classmethod
    def related_query(cls, shape: tuple[int, bool, bool, int]) -> PreparedQuery:
        """The query of `related_and_neighbours()` for stories with this many tags, with or
        without a section and a publication time: built by the methods above, for a stand-in
        story whose fields are placeholders, once per process."""
        return prepared(("related", shape), cls.build_related_query, shape)

    @classmethod
    def build_related_query(cls, shape: tuple[int, bool, bool, int]) -> PreparedQuery:
        tag_count, in_section, dated, limit = shape
        path, tag = Page._meta.get_field("path"), ArticlePageTag._meta.get_field("tag")
        fields = {"page_id": cls._meta.pk, **{f"tag{number}": tag for number in range(tag_count)}}
        if in_section:
            fields["section"] = path
        if dated:
            fields |= {"parent": path, "depth": Page._meta.get_field("depth")}
            fields["at"] = cls._meta.get_field("published_at")
        places = placeholders(**fields)
        stand_in = cls.stand_in(places, section=places.get("section"))
        sources = stand_in.related_sources(limit) + stand_in.neighbour_sources()
        return PreparedQuery(stand_in.listed_queryset(sources), places)

    def text_paragraphs(self) -> list[str]:
        """The story as plain text, lead first: what search snippets are cut from.

        Read from the body's stored data, so listing many results loads no images.
        """
        paragraphs = [self.summary]
        for block in self.body.raw_data:
            value = block.get("value")
            if block.get("type") == "paragraph" and isinstance(value, str):
                paragraphs.append(get_text_for_indexing(value))
            elif block.get("type") == "quote" and isinstance(value, dict):
                paragraphs.append(str(value.get("text") or ""))
        return [paragraph for paragraph in paragraphs if paragraph]

    def body_images(self) -> list:
        return [block.value["image"] for block in self.body if block.block_type == "image"]

    def prefetch_for_reading(self) -> None:
        """The renditions the article shows, in one query at most: none when the lead
        photo's came with the page (`reader_columns`) and the body shows no photo. The
        cards beside the story are kept by the worker."""
        images = self.body_images()
        lead_renditions = getattr(self, "lead_renditions", None)
        if self.main_image and lead_renditions is not None:
            renditions = RENDITIONS.read(lead_renditions, self._state.db)
            for rendition in renditions:
                NewsRendition.image.field.set_cached_value(rendition, self.main_image)
            self.main_image.prefetched_renditions = renditions
        else:
            images.append(self.main_image)
        prefetch_renditions(images, READING_IMAGE_SPECS)

    def get_context(self, request, *args, **kwargs):
        from .cards import CARD, LINK, kept_parts

        self.keep_sections_above(request)
        context = super().get_context(request, *args, **kwargs)
        related, previous, following = self.related_and_neighbours()
        self.prefetch_for_reading()
        newsroom = NewsroomSettings.kept_for_request(request)
        neighbours = [story.pk for story in (previous, following) if story]
        # The cards and links beside the story: those the worker lacks come from one query.
        parts = kept_parts(
            request, [*((story.pk, CARD) for story in related), *((pk, LINK) for pk in neighbours)]
        )
        context.update(
            newsroom=newsroom,
            sign_off=self.sign_off(newsroom.show_editor_initials),
            credit=self.credit(newsroom.default_credit_line or settings.WARTA_SITE_NAME),
            related_cards=[parts[key] for story in related if (key := (story.pk, CARD)) in parts],
            previous_article=parts.get((getattr(previous, "pk", None), LINK)),
            next_article=parts.get((getattr(following, "pk", None), LINK)),
        )
        tag_pages_shown(request, [self, *related, previous, following])
        tag_request(request, *(f"person:{person.pk}" for person in self.people))
        return context


class StoryList(models.Model):
    """How many live stories one list of a site holds, and when it last changed.

    A list is a section, a tag, a person's credits, or a block of story ids (one
    sitemap file). Every change to a story marks the lists it is on as changed, and
    the first reader after that recounts just those (see `story_lists.py`), so sitemaps
    and page counts read a row per list instead of counting or dating the archive.
    """

    class Kind(models.TextChoices):
        SECTION = "section", _("section")
        TAG = "tag", _("tag")
        PERSON = "person", _("person")
        BLOCK = "block", _("block of story ids")

    site_root = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind)
    key = models.PositiveBigIntegerField(
        help_text=_("The section, tag or person id, or block number.")
    )
    story_count = models.PositiveIntegerField(default=0)
    changed_at = models.DateTimeField()
    # Each change to the list adds one to `changes`; a reader that finds `counted` behind
    # recounts the list and records the `changes` its count reflects (story_lists.settle).
    changes = models.PositiveBigIntegerField(default=1)
    counted = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["site_root", "kind", "key"], name="unique_story_list")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key}: {self.story_count}"
