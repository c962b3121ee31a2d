"""The people credited on stories, and the newsroom's house conventions."""

from django.conf import settings
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from warta.core import generation
from warta.core.addresses import reverse


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
    # Optional: freelancers and agency staff never log in. For staff, the account says
    # who did the work, so a new story carries its writer and an approval its sign-off.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
        help_text=_("The staff account of this person, if they log in to write or edit."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("initials"), FieldPanel("role")]),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("user", permission="auth.change_user"),
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
