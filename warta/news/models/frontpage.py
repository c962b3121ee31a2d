"""The front page's layout: the headline and the featured stories a redaktur chooses.

A site setting rather than fields of HomePage: in Wagtail, page-edit rights on the home
page cascade to every section and story below it, while arranging the front page should
be a right of its own (`news.change_frontpagelayout`). A setting is kept per site, is
edited on a screen of its own, and is a ClusterableModel so its featured slots are an
ordered inline list.

Each place on the front page (the headline, then the featured slots in order) shows the
story chosen for it while that story is live and its "until" time has not passed; an
empty or lapsed place takes the newest story not shown elsewhere (HomePage.stories_shown).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Site

from warta.core import generation

# The front page always has at least this many featured places; a redaktur may add more.
FEATURED_PLACES = 4
MAX_FEATURED_PLACES = 8


@dataclass(frozen=True)
class Choice:
    """A story chosen for a place, as the front page reads it: kept by each worker until
    content changes (a publication, or the layout saved, makes a new generation)."""

    article_id: int
    live: bool
    until: datetime | None

    def shows_at(self, now: datetime) -> bool:
        return self.live and (self.until is None or self.until > now)


@dataclass(frozen=True)
class Arrangement:
    """What a redaktur chose for each place: the headline's, then each featured slot's
    (None: left to the newest story)."""

    headline: Choice | None = None
    featured: tuple[Choice | None, ...] = ()

    @property
    def places(self) -> tuple[Choice | None, ...]:
        padding = (None,) * max(0, FEATURED_PLACES - len(self.featured))
        return (self.headline, *self.featured, *padding)

    def chosen_at(self, now: datetime) -> list[int | None]:
        """Per place, the chosen story it shows at `now`, or None where the newest story
        goes: nothing chosen, its time passed, no longer live, or chosen for a place above."""
        shown: list[int | None] = []
        for choice in self.places:
            showing = choice is not None and choice.shows_at(now)
            shown.append(choice.article_id if showing and choice.article_id not in shown else None)
        return shown

    def next_change(self, now: datetime) -> datetime | None:
        """When the first chosen story now shown reaches its "until" time."""
        ends = [c.until for c in self.places if c and c.until and c.shows_at(now)]
        return min(ends, default=None)


class FrontPageLayoutForm(WagtailAdminModelForm):
    def clean(self):
        cleaned_data = super().clean()
        seen = {cleaned_data["headline"].pk} if cleaned_data.get("headline") else set()
        for form in self.formsets["slots"].forms:
            if not form.is_valid():  # cleans the slot's form, if not done yet
                continue
            article = form.cleaned_data.get("article")
            if article is None or form.cleaned_data.get("DELETE"):
                continue
            if article.pk in seen:
                form.add_error("article", _("This story already has a place on the front page."))
            seen.add(article.pk)
        return cleaned_data


@register_setting(icon="home")
class FrontPageLayout(BaseSiteSetting, ClusterableModel):
    """The front page's headline and featured stories, arranged by a redaktur."""

    headline = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("headline"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The story at the top of the front page. Empty: the newest story."),
    )
    headline_until = models.DateTimeField(
        _("headline until"),
        null=True,
        blank=True,
        help_text=_("From this time the newest story leads again. Empty: until changed."),
    )

    base_form_class = FrontPageLayoutForm
    panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("headline"), FieldPanel("headline_until")])],
            heading=_("Headline"),
        ),
        InlinePanel(
            "slots",
            heading=_("Featured stories"),
            label=_("Featured story"),
            min_num=0,
            max_num=MAX_FEATURED_PLACES,
            help_text=_(
                "In the order shown. The front page has at least four places; "
                "an empty or lapsed one shows the newest story not already on the page."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("front page layout")

    @classmethod
    def arrangement(cls, request, site: Site | None) -> Arrangement:
        """The site's arrangement, kept by the worker until content changes: read in one
        query, which tells also whether each chosen story is live."""
        if site is None:
            return Arrangement()
        return generation.kept(request, ("front-page", site.pk), lambda: cls.read(site.pk))

    @classmethod
    def read(cls, site_id: int) -> Arrangement:
        rows = list(
            cls.objects.filter(site_id=site_id)
            .order_by("slots__sort_order", "slots__pk")
            .values_list(
                "headline_id",
                "headline__live",
                "headline_until",
                "slots__pk",
                "slots__article_id",
                "slots__article__live",
                "slots__until",
            )
        )
        if not rows:
            return Arrangement()
        headline_id, headline_live, headline_until = rows[0][:3]
        headline = Choice(headline_id, headline_live, headline_until) if headline_id else None
        featured = tuple(
            Choice(article_id, live, until) if article_id else None
            for _h, _l, _u, slot, article_id, live, until in rows
            if slot is not None
        )
        return Arrangement(headline, featured)


class FrontPageSlot(Orderable):
    """A featured place on the front page, holding the story chosen for it."""

    layout = ParentalKey(FrontPageLayout, on_delete=models.CASCADE, related_name="slots")
    article = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty: the newest story not already on the page."),
    )
    until = models.DateTimeField(
        _("until"),
        null=True,
        blank=True,
        help_text=_("From this time the place shows the newest story. Empty: until changed."),
    )

    panels = [FieldRowPanel([FieldPanel("article"), FieldPanel("until")])]

    class Meta(Orderable.Meta):
        verbose_name = _("featured story")
        verbose_name_plural = _("featured stories")
