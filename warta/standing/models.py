"""The standing pages, the Redaksi page and the company data UU Pers article 12 asks for."""

from __future__ import annotations

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from warta.core import generation
from warta.core.pagecache import tag_request
from warta.news.models import RESERVED_SLUGS, HomePage, ReaderPageQuerySet
from warta.news.reader_pages import ReaderPage

from . import board
from .blocks import StandingBodyBlock

# The tag of every cached page that shows the press company's data.
PRESS_TAG = "standing:press"


class StandingPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        top_level = self.parent_page.specific_class is HomePage
        if top_level and cleaned_data.get("slug") in RESERVED_SLUGS:
            self.add_error("slug", _("This address is reserved for the site itself."))
        return cleaned_data


class StandingPage(ReaderPage, Page):
    """A page that stands beside the news: Tentang Kami, Pedoman Media Siber, Kontak...

    Under the home page (or another standing page), never a story: no list, feed, news
    sitemap, search result, reaction or view count. Linked from every page's footer while
    `show_in_footer` is ticked, in `footer_order` (then tree order).
    """

    intro = models.TextField(
        _("introduction"),
        max_length=500,
        blank=True,
        help_text=_("One or two sentences under the title."),
    )
    body = StreamField(StandingBodyBlock(), verbose_name=_("body"), blank=True)
    show_in_footer = models.BooleanField(
        _("show in footer"),
        default=True,
        help_text=_("Link this page from the footer of every page."),
    )
    footer_order = models.PositiveSmallIntegerField(
        _("footer order"), default=0, help_text=_("Lower numbers come first in the footer.")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("show_in_footer"), FieldPanel("footer_order")])],
            heading=_("Footer"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    base_form_class = StandingPageForm
    parent_page_types = ["news.HomePage", "standing.StandingPage"]
    subpage_types = ["standing.StandingPage"]

    objects = PageManager.from_queryset(ReaderPageQuerySet)()

    class Meta:
        verbose_name = _("standing page")
        verbose_name_plural = _("standing pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        crumbs, children = generation.kept(
            request,
            ("standing-around", self.path, self.url_path, translation.get_language()),
            lambda: (self.standing_ancestors(request), self.standing_children(request)),
        )
        context.update(crumbs=crumbs, children=children)
        return context

    def standing_ancestors(self, request=None) -> list[board.Link]:
        """The live standing pages above this one, outermost first."""
        if self.depth <= 3:  # right under a site's home page
            return []
        above = StandingPage.objects.live().ancestor_of(self).order_by("depth")
        return [board.Link(page.title, page.get_url(request)) for page in above]

    def standing_children(self, request=None) -> list[board.Link]:
        """The live, public standing pages right under this one, in tree order."""
        below = StandingPage.objects.live().public(request).child_of(self).order_by("path")
        return [board.Link(page.title, page.get_url(request)) for page in below]


class RedaksiPage(StandingPage):
    """The Redaksi page: the editorial board, built from the people and their roles, and
    the publisher's legal name, address and penanggung jawab (PressSettings)."""

    parent_page_types = ["news.HomePage", "standing.StandingPage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Redaksi page")
        verbose_name_plural = _("Redaksi pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            board=board.kept_board(request),
            press=PressSettings.kept_for_request(request),
        )
        tag_request(request, board.BOARD_TAG, PRESS_TAG)
        return context


@register_setting(icon="doc-full")
class PressSettings(generation.KeptSiteSetting, BaseSiteSetting):
    """Who publishes the outlet, as UU Pers No. 40/1999 article 12 asks it to announce:
    the company's name and address and the penanggung jawab, shown on the Redaksi page.
    Kept by each worker like the other settings: saving them purges the Redaksi page."""

    legal_name = models.CharField(
        _("legal name of the company"),
        max_length=200,
        blank=True,
        help_text=_("The press company's registered name, e.g. PT Warta Media Nusantara."),
    )
    address = models.TextField(_("address"), max_length=500, blank=True)
    responsible_name = models.CharField(
        _("penanggung jawab"),
        max_length=120,
        blank=True,
        help_text=_("The person legally responsible for what the outlet publishes."),
    )
    responsible_role = models.CharField(
        _("role of the penanggung jawab"),
        max_length=120,
        blank=True,
        help_text=_("e.g. Pemimpin Redaksi."),
    )
    legal_entity_number = models.CharField(
        _("legal entity number"),
        max_length=200,
        blank=True,
        help_text=_("Optional: the decree that registered the company (SK Kemenkumham AHU-…)."),
    )
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("contact phone"), max_length=40, blank=True)

    panels = [
        FieldPanel("legal_name"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("responsible_name"), FieldPanel("responsible_role")]),
        FieldPanel("legal_entity_number"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
    ]

    # What article 12 asks for; the contact is one of e-mail or phone.
    REQUIRED = ("legal_name", "address", "responsible_name", "responsible_role")

    class Meta:
        verbose_name = _("press company")

    def missing(self) -> list[str]:
        """The labels of the fields still empty that the law asks the outlet to show."""
        missing = [
            str(self._meta.get_field(name).verbose_name)
            for name in self.REQUIRED
            if not getattr(self, name).strip()
        ]
        if not (self.email or self.phone.strip()):
            missing.append(str(_("contact e-mail or phone")))
        return missing
