"""The forms of the admin: a correction, and a retraction with its ground."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import Retraction

# A clock a little ahead of the server's should not refuse "now".
CLOCK_SKEW = timedelta(minutes=5)


class CorrectionForm(WagtailAdminModelForm):
    """A correction of a live story the user may edit, dated between the story's
    publication and now."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].error_messages["required"] = _("Write what the correction says.")

    def clean(self):
        cleaned_data = super().clean()
        article = cleaned_data.get("article")
        if article is None:
            return cleaned_data
        article = article.specific
        cleaned_data["article"] = article
        if not article.live:
            self.add_error("article", _("Only a published story can be corrected."))
        elif self.for_user and not article.permissions_for_user(self.for_user).can_edit():
            self.add_error("article", _("You may not correct stories in this section."))
        moment = cleaned_data.get("corrected_at")
        if moment and moment > timezone.now() + CLOCK_SKEW:
            self.add_error("corrected_at", _("A correction cannot be dated in the future."))
        elif moment and article.published_at and moment < article.published_at:
            self.add_error(
                "corrected_at", _("A correction cannot be older than the story it corrects.")
            )
        return cleaned_data


class RetractionForm(forms.Form):
    """The ground of a retraction (PPMS point 5(a)) and the editors' explanation, which
    readers see in the story's place."""

    ground = forms.ChoiceField(
        label=_("Ground"),
        choices=Retraction.Ground.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the ground of the retraction.")},
    )
    explanation = forms.CharField(
        label=_("The editors' explanation"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Published in place of the story, with the ground and the time."),
        error_messages={"required": _("Explain to readers why the story is retracted.")},
    )
