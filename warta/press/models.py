"""Corrections and retractions: how the newsroom owns its mistakes.

The Dewan Pers cyber-media guideline (Pedoman Pemberitaan Media Siber, PPMS) asks an
outlet to correct a story where readers read it, with the time of the correction
(point 4), and allows a published story to be withdrawn only on a few grounds, with the
reason published (point 5).

Both live beside the story, not in its fields: a page's fields are versioned with its
revisions, so a correction stored there would need the story published again (with any
draft waiting on it) and would vanish if an older revision were restored.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Correction(models.Model):
    """A correction (ralat) attached to a published story, shown at the story's end."""

    article = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="corrections",
    )
    corrected_at = models.DateTimeField(
        _("time of correction"),
        default=timezone.now,
        db_index=True,
        help_text=_("Readers see this time beside the correction and as the story's update."),
    )
    text = models.TextField(
        _("correction"),
        max_length=3000,
        help_text=_("What was wrong and what is right, in a sentence or two."),
    )
    apology = models.TextField(
        _("apology"),
        max_length=1000,
        blank=True,
        help_text=_("Optional: the newsroom's apology to readers and to those concerned."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["-corrected_at", "-pk"]

    def __str__(self) -> str:
        return str(_("Correction to “%(title)s”") % {"title": self.article.title})

    @property
    def anchor(self) -> str:
        """The fragment that points at this correction on the story's page."""
        return f"ralat-{self.pk}"


class Retraction(models.Model):
    """A story withdrawn by the editor-in-chief: its address stays and shows why.

    The story itself is unpublished, so every list, feed, sitemap and search that shows
    live stories drops it with no rule of its own; this row keeps its address answering.
    """

    class Ground(models.TextChoices):
        # PPMS point 5(a): the only grounds on which a published story may be withdrawn.
        SARA = "sara", _("Related to SARA (ethnicity, religion, race and relations between groups)")
        DECENCY = "decency", _("Related to decency")
        CHILD = "child", _("Related to the future of a child")
        TRAUMA = "trauma", _("Related to the traumatic experience of a victim")
        PRESS_COUNCIL = "press-council", _("Another special consideration set by the Press Council")

    article = models.OneToOneField(
        "news.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="retraction",
    )
    ground = models.CharField(_("ground"), max_length=20, choices=Ground.choices)
    explanation = models.TextField(
        _("the editors' explanation"),
        max_length=3000,
        help_text=_("Published in place of the story, with the ground and the time."),
    )
    retracted_at = models.DateTimeField(_("time of retraction"), default=timezone.now)
    retracted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("retracted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("retraction")
        verbose_name_plural = _("retractions")
        # Granted to the Pemimpin Redaksi only (warta/newsroom/roles.py).
        permissions = [("retract_article", _("Can retract a published story"))]

    def __str__(self) -> str:
        return str(_("Retraction of “%(title)s”") % {"title": self.article.title})
