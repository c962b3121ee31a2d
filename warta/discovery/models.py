"""What search engines and news aggregators are told about the outlet itself.

Google News and schema.org's NewsMediaOrganization ask a publisher to link its
editorial policies; the editor-in-chief keeps those links here, per site.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from warta.core import generation


def validate_link(value: str) -> None:
    """A full http(s) address, or a path on this site such as /redaksi/pedoman/."""
    if value.startswith("/") and not value.startswith("//"):
        return
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise ValidationError(
            _("Enter a full address (https://…) or a path on this site starting with /.")
        ) from None


def link_field(verbose_name, help_text) -> models.CharField:
    return models.CharField(
        verbose_name, max_length=300, blank=True, validators=[validate_link], help_text=help_text
    )


# Model field -> schema.org property of NewsMediaOrganization, in the order they are shown.
POLICY_PROPERTIES = {
    "publishing_principles": "publishingPrinciples",
    "ethics_policy": "ethicsPolicy",
    "corrections_policy": "correctionsPolicy",
    "verification_policy": "verificationFactCheckingPolicy",
    "feedback_policy": "actionableFeedbackPolicy",
    "masthead": "masthead",
    "ownership_funding": "ownershipFundingInfo",
}


@register_setting(icon="globe")
class PublisherSettings(generation.KeptSiteSetting, BaseSiteSetting):
    """The outlet as search engines, Google News and social networks describe it."""

    publishing_principles = link_field(
        _("editorial policy"),
        _("The newsroom's editorial guidelines, e.g. its Pedoman Pemberitaan Media Siber page."),
    )
    ethics_policy = link_field(
        _("code of ethics"), _("The journalistic code the newsroom follows.")
    )
    corrections_policy = link_field(
        _("corrections policy"), _("How and where the newsroom corrects its mistakes.")
    )
    verification_policy = link_field(
        _("fact-checking policy"), _("How the newsroom verifies facts before publishing.")
    )
    feedback_policy = link_field(
        _("reader feedback and right of reply"), _("How readers reach the newsroom to respond.")
    )
    masthead = link_field(
        _("masthead"), _("The page listing the editorial staff (susunan redaksi).")
    )
    ownership_funding = link_field(_("ownership and funding"), _("Who owns and funds the outlet."))
    same_as = models.TextField(
        _("profiles elsewhere"),
        blank=True,
        help_text=_(
            "The outlet's pages on other sites (Facebook, X, YouTube …), one address a line."
        ),
    )
    x_handle = models.CharField(
        _("X (Twitter) account"),
        max_length=16,
        blank=True,
        help_text=_("Shown as the site of shared links, e.g. @wartanews."),
    )

    panels = [
        MultiFieldPanel([FieldPanel(name) for name in POLICY_PROPERTIES], heading=_("Policies")),
        FieldPanel("same_as"),
        FieldPanel("x_handle"),
    ]

    class Meta:
        verbose_name = _("publisher settings")

    def clean(self):
        super().clean()
        for line in self.same_as_links:
            try:
                URLValidator(schemes=["http", "https"])(line)
            except ValidationError:
                raise ValidationError({"same_as": _("Not a web address: %s") % line}) from None
        if self.x_handle and not self.x_handle.startswith("@"):
            self.x_handle = f"@{self.x_handle}"

    @property
    def same_as_links(self) -> list[str]:
        return [line.strip() for line in self.same_as.splitlines() if line.strip()]

    def policy_links(self) -> dict[str, str]:
        """schema.org property -> link as entered (absolute or a path on the site)."""
        return {
            prop: getattr(self, field)
            for field, prop in POLICY_PROPERTIES.items()
            if getattr(self, field)
        }
