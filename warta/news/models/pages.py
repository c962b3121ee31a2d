"""The page types of a news site: the home page, sections and articles."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, QuerySet
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, Site
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from warta.core import generation
from warta.core.pagecache import tag_page_ids_shown, tag_pages_shown, tag_request
from warta.core.queries import PreparedQuery, RowsColumn, in_any, prepared
from warta.images.models import NewsRendition, prefetch_renditions
from warta.images.specs import READING_IMAGE_SPECS
from warta.search.text import FoldedSearchField

from .. import cards, related, routing
from ..blocks import ArticleBodyBlock, body_images
from ..forms import ArticlePageForm
from ..reader_pages import ReaderPage
from .disclosure import StoryLabels, verification_notice
from .frontpage import FrontPageLayout
from .lists import StoryList
from .people import NewsroomSettings, Person
from .querysets import ArticlePageManager, ReaderPageQuerySet

# First path segments that belong to reader views outside the page tree.
RESERVED_SLUGS = frozenset(
    {
        "admin",
        "api",
        "arsip",
        "cari",
        "en",
        "hak-jawab",
        "id",
        "media",
        "penulis",
        "ralat",
        "static",
        "tag",
        "documents",
        "feeds",
        "sitemap.xml",
        "robots.txt",
    }
)


class InSections:
    """A page filed in sections: the live ones above it are its breadcrumb."""

    @cached_property
    def sections(self) -> list[SectionPage]:
        """The live sections above this page, outermost first (Daerah, Pati)."""
        return SectionPage.above(self)

    def keep_sections(self, request) -> None:
        """Take `sections` from what this worker keeps until content changes (every change
        to a section is one), unless they were read already."""
        if "sections" not in self.__dict__:
            key = ("sections-above", self.path[: -self.steplen])
            self.sections = generation.kept(request, key, lambda: SectionPage.above(self))


class HomePage(ReaderPage, Page):
    """The front page: the headline, the featured stories, the latest stories and a block
    per section. What leads and what is featured is the site's FrontPageLayout, arranged
    by a redaktur without rights on the pages below (frontpage.py)."""

    subpage_types = ["news.SectionPage", "standing.StandingPage", "standing.RedaksiPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """The page at an address below the home page, found by the address in one query
        (routing.py); Wagtail's walk down the tree for an address without a live page."""
        route = routing.route_by_address(self, request, path_components)
        return route or super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        arrangement = FrontPageLayout.arrangement(request, Site.find_for_request(request))
        places, latest, blocks = self.stories_shown(request, arrangement.chosen_at(now))
        headline, featured = places[0], [pk for pk in places[1:] if pk is not None]
        listed = latest + [pk for block in blocks for pk in block["articles"]]
        # Every card of the page in one call: those the worker lacks come from one query.
        parts = cards.kept_parts(
            request,
            ArticlePage,
            [
                *([(headline, cards.HEADLINE_CARD)] if headline else []),
                *((pk, cards.LISTED_UNDER_HEADING) for pk in featured),
                *((pk, cards.CARD) for pk in listed),
            ],
        )

        def cards_of(ids: list[int], style=cards.CARD) -> list:
            return [parts[pk, style] for pk in ids if (pk, style) in parts]

        context.update(
            headline_card=parts.get((headline, cards.HEADLINE_CARD)),
            featured_cards=cards_of(featured, cards.LISTED_UNDER_HEADING),
            latest_cards=cards_of(latest),
            section_blocks=[{**block, "cards": cards_of(block["articles"])} for block in blocks],
        )
        tag_request(request, "list:home")
        tag_page_ids_shown(request, [pk for pk in places if pk is not None] + listed)
        # A chosen story leaves its place at its "until" time: the cached page goes then.
        if (change := arrangement.next_change(now)) is not None:
            seconds = (change - now).total_seconds()
            current = getattr(request, "cache_ttl_limit", None)
            request.cache_ttl_limit = seconds if current is None else min(current, seconds)
        return context

    def stories_shown(
        self,
        request,
        chosen: list[int | None],
        latest_count: int = 10,
        per_section: int = 4,
    ) -> tuple[list[int | None], list[int], list[dict]]:
        """The ids of the story in each front-page place (the headline's, then the
        featured ones'), the latest stories and the newest of each section in the menu.

        `chosen` holds, per place, the live story chosen for it or None; a place without
        one takes the newest story not chosen for another. The stories in the places are
        left out of the lists below them. One query for all: each list is a short one
        read from the publication-time index. The menu's sections are kept by the worker
        until content changes.
        """
        sections = generation.kept(
            request, ("home-sections", self.path), lambda: SectionPage.below(self, in_menu=True)
        )
        spare = len(chosen)  # the newest stories, should they fill the places
        shape = (len(sections), latest_count + spare, per_section + spare, len(chosen))
        query = prepared(("home-stories", *shape), lambda: home_stories_query(*shape))
        paths = {f"section{number}": section.path for number, section in enumerate(sections)}
        # pk 0 is no story: a place without a chosen story leaves none out.
        excluded = {f"exclude{n}": pk or 0 for n, pk in enumerate(chosen)}
        rows = query.run(**excluded, **paths)
        newest = (pk for pk, _path in rows)
        places = [pk if pk is not None else next(newest, None) for pk in chosen]
        shown = set(places)
        others = [(pk, path) for pk, path in rows if pk not in shown]
        latest = [pk for pk, _path in others[:latest_count]]
        blocks = []
        for section in sections:
            ids = [pk for pk, path in others if path.startswith(section.path)][:per_section]
            if ids:
                blocks.append({"section": section, "articles": ids})
        return places, latest, blocks


def home_stories_query(
    section_count: int, latest_count: int, per_section: int, excluded: int
) -> PreparedQuery:
    """Id and path, newest first, of the newest `latest_count` stories and the newest
    `per_section` under each of `section_count` sections, all but `excluded` stories."""

    def build(**values) -> QuerySet:
        left_out = [values[f"exclude{n}"] for n in range(excluded)]
        others = ArticlePage.objects.live().exclude(pk__in=left_out).newest_first()
        lists = [others[:latest_count]] + [
            others.filter(path__startswith=values[f"section{n}"])[:per_section]
            for n in range(section_count)
        ]
        stories = ArticlePage.objects.filter(in_any(*lists)).live().newest_first()
        return stories.values_list("pk", "path")

    path = Page._meta.get_field("path")
    return PreparedQuery(
        build,
        **{f"exclude{n}": Page._meta.pk for n in range(excluded)},
        **{f"section{n}": path for n in range(section_count)},
    )


class SectionPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        top_level = self.parent_page.specific_class is HomePage
        if top_level and cleaned_data.get("slug") in RESERVED_SLUGS:
            self.add_error("slug", _("This address is reserved for the site itself."))
        return cleaned_data


class SectionPage(ReaderPage, InSections, Page):
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
        self.keep_sections(request)
        context = super().get_context(request, *args, **kwargs)
        stories = ArticlePage.objects.descendant_of(self).listed_ids()
        articles, card_list = cards.paginated_cards(request, stories, count=self.story_count())
        subsections = generation.kept(
            request, ("subsections", self.path), lambda: SectionPage.below(self)
        )
        context.update(subsections=subsections, articles=articles, cards=card_list)
        tag_request(request, f"list:section:{self.pk}")
        return context

    @classmethod
    def below(cls, page: Page, in_menu: bool = False) -> list[SectionPage]:
        """The live sections right under `page`, in tree order; `in_menu`: only those the
        menu shows (under a site's home page: the main navigation)."""

        def build(path: str, depth: int) -> QuerySet:
            sections = cls.objects.live()
            sections = sections.in_menu() if in_menu else sections
            return sections.filter(path__startswith=path, depth=depth).order_by("path")

        fields = Page._meta
        query = prepared(
            ("sections-below", in_menu),
            lambda: PreparedQuery(
                build, path=fields.get_field("path"), depth=fields.get_field("depth")
            ),
        )
        return query.run(path=page.path, depth=page.depth + 1)

    @classmethod
    def above(cls, page: Page) -> list[SectionPage]:
        """The live sections above `page`, outermost first. The tree's root (depth 1) and
        a site's home page (depth 2) are never sections."""
        above = [page.path[:end] for end in range(page.steplen * 3, len(page.path), page.steplen)]
        if not above:
            return []

        def build(**paths: str) -> QuerySet:
            return cls.objects.live().filter(path__in=paths.values()).order_by("depth")

        path = Page._meta.get_field("path")
        fields = {f"path{number}": path for number in range(len(above))}
        query = prepared(("sections-above", len(above)), lambda: PreparedQuery(build, **fields))
        return query.run(**dict(zip(fields, above, strict=True)))

    def story_count(self) -> int | None:
        """How many live stories the section lists, from its counted list (StoryList):
        counting them here would read a large section whole. None: never counted."""
        row = StoryList.objects.filter(kind=StoryList.Kind.SECTION, key=self.pk).first()
        return row.recounted(ArticlePage.objects).story_count if row else None


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


# What an article shows from other tables, read with the article itself when it is found
# by its address (`ArticlePage.reader_columns`, routing.py): its tags in the order they
# were given, its bylines and its lead photo's renditions.
ARTICLE_TAGS = RowsColumn(Tag, through="tag", order=("id",))
BYLINES = RowsColumn(Person, through="person", order=("sort_order", "id"))
RENDITIONS = RowsColumn(NewsRendition, order=())


class ArticlePage(ReaderPage, InSections, StoryLabels, Page):
    """A news story. Its parent section is its primary rubric. Its labels (verification,
    AI, sponsorship) are StoryLabels' fields (disclosure.py)."""

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
    base_form_class = ArticlePageForm

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
                InlinePanel("reporter_links", min_num=0, label=_("Reporters")),
                FieldPanel("editor"),
                FieldPanel("credit_line"),
            ],
            heading=_("Byline"),
        ),
        FieldPanel("tags"),
        *StoryLabels.label_panels,
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
    # Read with the article when it is found by its address (routing.py), with the
    # columns of `reader_columns`.
    reader_select_related = ("main_image", "editor", "stats")

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        # Granted to the Redaktur and the Pemimpin Redaksi (the breaking desk, desk.py).
        permissions = [("run_breaking_desk", _("Can run the breaking desk"))]
        indexes = [models.Index(fields=["is_breaking", "breaking_until"])]

    def clean(self):
        super().clean()
        if self.breaking_until and not self.is_breaking:
            raise ValidationError(
                {"breaking_until": _("Only a breaking story can have a breaking end time.")}
            )
        self.clean_labels()

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
    def reader_columns(cls) -> dict[str, models.Expression]:
        """The tags, bylines and lead renditions, read with the article itself: on
        PostgreSQL a query of their own each would cost a round trip to the server."""
        return {
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
        """The people on the byline, in the order the newsroom credits them."""
        if (rows := getattr(self, "byline_rows", None)) is not None:  # read with the page
            return BYLINES.read(rows, self._state.db)
        # A draft or preview holds its bylines in memory; a list may have prefetched them.
        return [link.person for link in self.reporter_links.all()]

    @cached_property
    def tag_list(self) -> list[Tag]:
        """The story's tags, in the order they were given."""
        if (rows := getattr(self, "tag_rows", None)) is not None:  # read with the page
            return ARTICLE_TAGS.read(rows, self._state.db)
        if self.pk is None or self.tagged_items.is_deferring:
            return list(self.tags.all())  # a preview or revision: its tags are in memory
        tags = Tag.objects.filter(news_articlepagetag_items__content_object=self)
        return list(tags.order_by("news_articlepagetag_items__id"))

    @property
    def people(self) -> list[Person]:
        """Everyone credited: reporters, then the editor."""
        return [*self.reporters, *([self.editor] if self.editor_id else [])]

    def sign_off(self, show_editor: bool) -> str:
        """The initials printed at the end of the story: "Ag", or "Ag/Ed" with the editor's."""
        initials = [person.initials for person in self.reporters if person.initials]
        if show_editor and self.editor and self.editor.initials:
            initials.append(self.editor.initials)
        return "/".join(initials)

    def credit(self, default: str) -> str:
        """Who the story is credited to: its credit line, else its reporters, else the outlet."""
        return self.credit_line or ", ".join(p.name for p in self.reporters) or default

    def related_articles(self, limit: int = related.RELATED_LIMIT) -> list[related.Listed]:
        """Recent stories sharing a tag or the section, those sharing a tag first."""
        return related.stories_beside(self, limit=limit)[0]

    def neighbours_in_section(self) -> tuple[related.Listed | None, related.Listed | None]:
        """The live stories published just before and just after this one in its section."""
        _related, previous, following = related.stories_beside(self)
        return previous, following

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
        return body_images(self.body)

    def prefetch_for_reading(self) -> None:
        """The renditions the article shows, in one query at most: none when the lead
        photo's came with the page (`reader_columns`) and the body shows no photo."""
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
        self.keep_sections(request)
        context = super().get_context(request, *args, **kwargs)
        beside, previous, following = related.stories_beside(self, request)
        self.prefetch_for_reading()
        newsroom = NewsroomSettings.kept_for_request(request)
        neighbours = [story.pk for story in (previous, following) if story]
        follow_up = self.verified_follow_up_id if self.needs_verification else None
        # The cards and links beside the story: those the worker lacks come from one query.
        parts = cards.kept_parts(
            request,
            ArticlePage,
            [
                *((story.pk, cards.CARD) for story in beside),
                *((pk, cards.LINK) for pk in neighbours),
                *([(follow_up, cards.LINK)] if follow_up else []),
            ],
        )
        context.update(
            newsroom=newsroom,
            sign_off=self.sign_off(newsroom.show_editor_initials),
            credit=self.credit(newsroom.default_credit_line or settings.WARTA_SITE_NAME),
            related_cards=[
                parts[key] for story in beside if (key := (story.pk, cards.CARD)) in parts
            ],
            previous_article=parts.get((getattr(previous, "pk", None), cards.LINK)),
            next_article=parts.get((getattr(following, "pk", None), cards.LINK)),
            # The live follow-up only: unpublished, it leaves the notice as it was.
            verification_notice=verification_notice(parts.get((follow_up, cards.LINK)))
            if self.needs_verification
            else "",
        )
        tag_pages_shown(request, [self, *beside, previous, following])
        if follow_up:
            tag_page_ids_shown(request, [follow_up])
        tag_request(request, *(f"person:{person.pk}" for person in self.people))
        return context
