"""A reader's reply to a story (hak jawab) and where it stands in the newsroom.

The reply is kept as the sender wrote it, as plain text: it is escaped wherever it is shown.
When the newsroom publishes it, it becomes a story of its own (`reply_page`, see
`stories.py`), linked from the story it answers and linking back to it.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .attachments import AttachmentStorage, stored_name

REFERENCE_PREFIX = "HJ"


class ReplyStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("reply status", "New")
    IN_PROGRESS = "in_progress", pgettext_lazy("reply status", "In progress")
    PUBLISHED = "published", pgettext_lazy("reply status", "Published")
    REJECTED = "rejected", pgettext_lazy("reply status", "Rejected")


PENDING = (ReplyStatus.NEW, ReplyStatus.IN_PROGRESS)


class ReplySubmissionQuerySet(models.QuerySet):
    def pending(self) -> ReplySubmissionQuerySet:
        """Replies the newsroom has not decided on yet, the longest waiting first."""
        return self.filter(status__in=PENDING).order_by("submitted_at")

    def published(self) -> ReplySubmissionQuerySet:
        """Replies whose own story is live."""
        return self.filter(status=ReplyStatus.PUBLISHED, reply_page__live=True)


class ReplySubmission(models.Model):
    """A hak jawab as a reader sent it through the form, and what the newsroom did with it."""

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    story = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("story"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="reply_submissions",
    )
    # The story's title when the reply came: the queue still says what it answered if the
    # story is deleted.
    story_title = models.CharField(_("story title"), max_length=255)
    name = models.CharField(_("name"), max_length=120)
    contact = models.CharField(_("contact"), max_length=200)
    text = models.TextField(_("reply"))
    attachment = models.FileField(
        _("attachment"), upload_to=stored_name, storage=AttachmentStorage(), blank=True
    )
    attachment_type = models.CharField(_("attachment type"), max_length=40, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ReplyStatus.choices,
        default=ReplyStatus.NEW,
        db_index=True,
    )
    rejection_reason = models.TextField(
        _("reason for rejection"),
        blank=True,
        help_text=_("Required when the reply is rejected; say why, for the sender."),
    )
    # The reply's own story, made from it as a draft; published, it is what readers see.
    reply_page = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("reply story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)

    objects = ReplySubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("right of reply")
        verbose_name_plural = _("rights of reply")
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return f"{self.reference} – {self.name}"

    def clean(self):
        super().clean()
        if self.status == ReplyStatus.REJECTED and not self.rejection_reason.strip():
            raise ValidationError({"rejection_reason": _("Say why the reply is rejected.")})
        if self.status == ReplyStatus.PUBLISHED and not (
            self.reply_page_id and self.reply_page.live
        ):
            raise ValidationError(
                {"status": _("A reply is published by publishing its reply story.")}
            )

    @property
    def age(self) -> timedelta:
        return timezone.now() - self.submitted_at

    @property
    def contact_email(self) -> str:
        """The contact, when it is an e-mail address (else it is a telephone number)."""
        return self.contact if "@" in self.contact else ""

    @transaction.atomic
    def save_new(self) -> None:
        """Store a new reply and give it its reference, HJ-<year>-<number>."""
        self.reference = f"new-{secrets.token_hex(8)}"  # unique until the number is known
        self.save()
        self.reference = f"{REFERENCE_PREFIX}-{self.submitted_at.year}-{self.pk:06d}"
        ReplySubmission.objects.filter(pk=self.pk).update(reference=self.reference)
