"""The article editor's form (ArticlePage.base_form_class): rules that span several fields."""

from __future__ import annotations

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
    def clean(self):
        self.schedule_future_publication_time()
        return super().clean()

    def schedule_future_publication_time(self) -> None:
        """A publication time ("Waktu terbit") in the future is a schedule: the story goes
        live then, never before, so no live story is dated in the future. The go-live time
        of Wagtail's schedule becomes that time, unless one was set that is earlier."""
        published_at = self.cleaned_data.get("published_at")
        if published_at is None or published_at <= timezone.now():
            return
        if "go_live_at" not in self.fields:
            self.add_error("published_at", _("The publication time cannot be in the future."))
            return
        go_live_at = self.cleaned_data.get("go_live_at")
        if go_live_at is None:
            self.cleaned_data["go_live_at"] = published_at
        elif go_live_at < published_at:
            moment = date_format(timezone.localtime(go_live_at), "DATETIME_FORMAT")
            self.add_error(
                "published_at",
                _(
                    "The story is scheduled to go live at %(moment)s, before this publication "
                    "time. Clear the go-live time in the schedule, or make the two the same."
                )
                % {"moment": moment},
            )
