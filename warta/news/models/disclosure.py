"""What a story tells readers about how it was made and who paid for it.

Three duties of an Indonesian newsroom, each a few fields on the story (`StoryLabels`,
a base of ArticlePage) and a notice or label readers see:

- a story still needing verification (Pedoman Pemberitaan Media Siber 2(c)) ends with
  the standard notice, in brackets and italics; once the verified follow-up is chosen and
  live, the notice links to it (2(d));
- the use of artificial intelligence (Peraturan Dewan Pers 1/Peraturan-DP/I/2025): what
  for and with which tool, labelled on the story (images carry their own, warta.images);
- sponsored content (PPMS 6): labelled wherever the story is listed or shown, with the
  sponsor's name, its outbound links marked `sponsored`, and kept out of Google News.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from markupsafe import Markup
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

if TYPE_CHECKING:
    from ..cards import StoryLink


class AIUse(models.TextChoices):
    """What artificial intelligence was used for in a story. The words are common ones, so
    their translations carry a context of their own."""

    WRITING = "writing", pgettext_lazy("AI use", "writing")
    TRANSLATION = "translation", pgettext_lazy("AI use", "translation")
    IMAGE_GENERATION = "image-generation", pgettext_lazy("AI use", "image generation")
    EDITING = "editing", pgettext_lazy("AI use", "editing")


class ChoiceListField(models.JSONField):
    """A list of choices stored as JSON, edited as checkboxes: SQLite has no arrays."""

    def __init__(self, *args, choice_list=(), **kwargs):
        self.choice_list = list(choice_list)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choice_list"] = self.choice_list
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            label=self.verbose_name,
            help_text=self.help_text,
            required=not self.blank,
            choices=self.choice_list,
            widget=forms.CheckboxSelectMultiple,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        known = {choice for choice, _label in self.choice_list}
        if not isinstance(value, list) or any(choice not in known for choice in value):
            raise ValidationError(_("Choose only from the listed uses."), code="invalid_choice")


class StoryLabels(models.Model):
    """The verification notice, AI disclosure and sponsorship of a story."""

    needs_verification = models.BooleanField(
        _("needs verification"),
        default=False,
        help_text=_(
            "The story is published before everything in it is verified: readers see the "
            "notice at its end until the verified follow-up is chosen."
        ),
    )
    verified_follow_up = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("verified follow-up"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The story with the result of the verification; the notice links to it."),
    )
    ai_used = models.BooleanField(_("made with the help of AI"), default=False)
    ai_uses = ChoiceListField(
        _("AI used for"), choice_list=AIUse.choices, help_text=_("Tick every use.")
    )
    ai_tool = models.CharField(
        _("AI tool"), max_length=120, blank=True, help_text=_("For example ChatGPT or Gemini.")
    )
    is_sponsored = models.BooleanField(
        _("sponsored content"),
        default=False,
        help_text=_("An advertorial: labelled as sponsored wherever it is listed or shown."),
    )
    sponsor_name = models.CharField(_("sponsor"), max_length=120, blank=True)

    label_panels = [
        MultiFieldPanel(
            [FieldPanel("needs_verification"), FieldPanel("verified_follow_up")],
            heading=_("Verification"),
        ),
        MultiFieldPanel(
            [FieldPanel("ai_used"), FieldPanel("ai_uses"), FieldPanel("ai_tool")],
            heading=_("Use of artificial intelligence"),
        ),
        MultiFieldPanel(
            [FieldPanel("is_sponsored"), FieldPanel("sponsor_name")],
            heading=_("Sponsored content"),
        ),
    ]

    class Meta:
        abstract = True

    def clean_labels(self) -> None:
        """Each label says something: a sponsor named, the AI's use ticked, a follow-up
        only for a story needing verification, and not the story itself."""
        errors = {}
        if self.is_sponsored and not self.sponsor_name.strip():
            errors["sponsor_name"] = _("Name the sponsor of sponsored content.")
        if not self.is_sponsored and self.sponsor_name.strip():
            errors["is_sponsored"] = _("Tick sponsored content, or clear the sponsor.")
        if self.ai_used and not self.ai_uses:
            errors["ai_uses"] = _("Tick what artificial intelligence was used for.")
        if not self.ai_used and (self.ai_uses or self.ai_tool.strip()):
            errors["ai_used"] = _("Tick this, or clear what AI was used for and the tool.")
        if self.verified_follow_up_id and not self.needs_verification:
            errors["verified_follow_up"] = _("Only a story needing verification has a follow-up.")
        elif self.verified_follow_up_id and self.verified_follow_up_id == self.pk:
            errors["verified_follow_up"] = _("The follow-up must be another story.")
        if errors:
            raise ValidationError(errors)

    @property
    def ai_uses_text(self) -> str:
        """The ticked uses in the reader's language, in the form's order: "writing, editing"."""
        labels = dict(AIUse.choices)
        return ", ".join(str(label) for value, label in labels.items() if value in self.ai_uses)

    @property
    def ai_label(self) -> str:
        """The sentence readers see on a story made with the help of AI; "" without."""
        if not self.ai_used:
            return ""
        if self.ai_tool:
            return gettext(
                "This story was made with the help of artificial intelligence (%(uses)s; "
                "tool: %(tool)s). The newsroom checked it and is responsible for its content."
            ) % {"uses": self.ai_uses_text, "tool": self.ai_tool}
        return gettext(
            "This story was made with the help of artificial intelligence (%(uses)s). "
            "The newsroom checked it and is responsible for its content."
        ) % {"uses": self.ai_uses_text}

    @property
    def sponsor_label(self) -> str:
        """The sponsor line of a sponsored story (Sponsored by Koperasi Tani Makmur); ""
        otherwise."""
        if not self.is_sponsored:
            return ""
        return gettext("Sponsored by %(sponsor)s") % {"sponsor": self.sponsor_name}


SPONSORED_LABEL = _("Sponsored content")


def verification_notice(follow_up: StoryLink | None) -> Markup:
    """The notice at the end of a story needing verification, in brackets and italics
    (PPMS 2(c)); given the live verified follow-up, a link to it (2(d))."""
    notice = Markup('<p class="notice notice--verification"><em>({})</em></p>')
    if follow_up is None:
        return notice.format(
            gettext(
                "This story still needs further verification, which we are seeking as soon "
                "as possible."
            )
        )
    link = Markup('<a href="{}">{}</a>').format(follow_up.url, follow_up.title)
    text = gettext("This story needed further verification. Its result is in the update: %(link)s.")
    return notice.format(Markup.escape(text) % {"link": link})


# The opening tag of a link that leaves the site: an absolute or protocol-relative address.
OUTBOUND_LINK = re.compile(r'<a\s(?=[^>]*\bhref="(?:https?:)?//)([^>]*)>', re.IGNORECASE)
REL_ATTRIBUTE = re.compile(r'\brel="([^"]*)"', re.IGNORECASE)


def mark_sponsored_links(html: str) -> str:
    """Every outbound link of the HTML with `sponsored` in its rel (PPMS 6: paid content
    is told apart, and search engines are told its links are paid for)."""

    def mark(match: re.Match) -> str:
        attributes = match.group(1)
        if rel := REL_ATTRIBUTE.search(attributes):
            values = rel.group(1).split()
            if "sponsored" in values:
                return match.group(0)
            value = " ".join([*values, "sponsored"])
            attributes = f'{attributes[: rel.start()]}rel="{value}"{attributes[rel.end() :]}'
            return f"<a {attributes}>"
        return f'<a {attributes} rel="sponsored">'

    return OUTBOUND_LINK.sub(mark, html)
