"""The breaking desk ("Meja berita terkini"): the live breaking stories on one admin screen,
each ended, extended or flagged by a redaktur in one click.

Every action changes the live story the Wagtail way: a new revision, built from what is
live, published by the acting user, with an entry of its own in the story's history. A
draft waiting on the story gets the same change, so it stays the latest revision and its
writing is kept. Publishing purges every page showing the ticker (warta.news.signals).

Who may: users with `news.run_breaking_desk` (the Redaktur and the Pemimpin Redaksi),
and for each story only if they may publish it and no lock or review holds it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django import forms
from django.db import transaction
from django.db.models import F
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from .models import ArticlePage, SectionPage

PERMISSION = "news.run_breaking_desk"

# What the history of a story says the desk did (registered in wagtail_hooks.py).
LOG_ACTIONS = {
    "flag": ("news.breaking_flagged", _("Flag as breaking"), _("Flagged as breaking news")),
    "end": ("news.breaking_ended", _("End breaking"), _("Ended breaking news")),
    "extend": ("news.breaking_extended", _("Extend breaking"), _("Extended breaking news")),
}

EXTEND_HOURS = (1, 6)
FLAG_HOURS = (1, 3, 6, 12, 24)
CANDIDATES = 20


class DeskRefused(Exception):
    """An action the desk may not take on a story, with the reason for the redaktur."""


def breaking_now(now: datetime) -> list[ArticlePage]:
    """The live breaking stories, newest first, with their views and their section."""
    stories = list(
        ArticlePage.objects.breaking(now)
        .newest_first()
        .annotate(views=F("stats__views"))
        .only("title", "path", "url_path", "published_at", "breaking_until", "locked")
    )
    attach_sections(stories)
    return stories


def candidates(query: str, now: datetime) -> list[ArticlePage]:
    """Live stories not breaking now that a redaktur may flag: those whose title holds
    `query`, or the newest ones."""
    stories = ArticlePage.objects.live().exclude(pk__in=ArticlePage.objects.breaking(now))
    if query:
        stories = stories.filter(title__icontains=query)
    stories = list(
        stories.newest_first().only("title", "path", "url_path", "published_at")[:CANDIDATES]
    )
    attach_sections(stories)
    return stories


def attach_sections(stories: list[ArticlePage]) -> None:
    """Each story's section (its parent), read for all of them in one query."""
    parents = {story.path[: -ArticlePage.steplen] for story in stories}
    sections = {s.path: s for s in SectionPage.objects.filter(path__in=parents).only("title")}
    for story in stories:
        story.section = sections.get(story.path[: -ArticlePage.steplen])


def change_breaking(
    article: ArticlePage, user, *, until: datetime | None, action: str, flag: bool = True
) -> None:
    """Publish the live `article` again, breaking until `until` (None: until unflagged),
    as `user`; raises DeskRefused if the user may not publish it now."""
    if not article.live:
        raise DeskRefused(_("This story is not live."))
    if not article.permissions_for_user(user).can_publish():
        raise DeskRefused(_("You may not publish this story."))
    if (lock := article.get_lock()) and lock.for_user(user):
        raise DeskRefused(lock.get_message(user))
    if article.workflow_in_progress:
        # Publishing would cancel the review of the draft waiting on the story.
        raise DeskRefused(
            _("A draft of this story is in review: change its breaking time in the editor.")
        )
    draft = article.get_latest_revision_as_object() if article.has_unpublished_changes else None
    with transaction.atomic():
        article.is_breaking, article.breaking_until = flag, until
        revision = article.save_revision(user=user, log_action=False)
        revision.publish(user=user)
        log(
            instance=article,
            action=LOG_ACTIONS[action][0],
            user=user,
            data={"until": until.isoformat() if until else None},
        )
        if draft is not None:  # the draft stays the latest revision, with the same change
            draft.is_breaking, draft.breaking_until = flag, until
            draft.save_revision(user=user, log_action=False, clean=False)


class DeskActionForm(forms.Form):
    """One action on one story: end now, extend by hours or to a time, or flag."""

    action = forms.ChoiceField(choices=[(name, name) for name in LOG_ACTIONS])
    hours = forms.TypedChoiceField(
        coerce=int,
        required=False,
        empty_value=None,
        choices=[("", "-")] + [(str(h), str(h)) for h in sorted({*EXTEND_HOURS, *FLAG_HOURS})],
    )
    until = forms.DateTimeField(
        required=False,
        input_formats=["%Y-%m-%dT%H:%M"],
        error_messages={"invalid": _("Enter a date and time.")},
    )
    no_end = forms.BooleanField(required=False)

    def __init__(self, *args, article: ArticlePage, now: datetime, **kwargs):
        super().__init__(*args, **kwargs)
        self.article, self.now = article, now

    def clean(self):
        data = super().clean()
        action, until, hours = data.get("action"), data.get("until"), data.get("hours")
        if action == "end" or self.errors:
            return data
        if until is not None and until <= self.now:
            raise forms.ValidationError(_("Choose a time in the future."))
        if until is None and hours is None and not (action == "flag" and data.get("no_end")):
            raise forms.ValidationError(_("Choose how long the story stays breaking."))
        return data

    def new_until(self) -> datetime | None:
        """When the story stops being breaking news after this action."""
        data = self.cleaned_data
        if data["action"] == "end":
            return self.now
        if data["until"] is not None:
            return data["until"]
        if data["hours"] is None:
            return None  # flagged without an end
        # Extended from the current end, flagged (or without an end so far) from now.
        current = self.article.breaking_until
        extending = data["action"] == "extend" and current and current > self.now
        start = current if extending else self.now
        return start + timedelta(hours=data["hours"])


def forbidden(request) -> TemplateResponse:
    return TemplateResponse(request, "news/desk/forbidden.html", status=403)


class DeskView(WagtailAdminTemplateMixin, TemplateView):
    """The live breaking stories with their actions, and stories to flag."""

    template_name = "news/desk/index.html"
    page_title = _("Breaking desk")
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        query = self.request.GET.get("q", "").strip()[:100]
        context.update(
            now=now,
            stories=breaking_now(now),
            candidates=candidates(query, now),
            query=query,
            extend_hours=EXTEND_HOURS,
            flag_hours=FLAG_HOURS,
            action_url_name="news_desk:act",
        )
        return context


class DeskActionView(View):
    """POST: one action on one story, then back to the desk with a message."""

    http_method_names = ["post"]

    def post(self, request, article_id: int):
        if not request.user.has_perm(PERMISSION):
            return forbidden(request)
        article = get_object_or_404(ArticlePage, pk=article_id)
        now = timezone.now().replace(microsecond=0)  # as precise as a revision keeps it
        form = DeskActionForm(request.POST, article=article, now=now)
        back = HttpResponseRedirect(reverse("news_desk:index"))
        if not form.is_valid():
            for error in form.non_field_errors() or [e for es in form.errors.values() for e in es]:
                messages.error(request, error)
            return back
        action = form.cleaned_data["action"]
        is_breaking_now = article.is_breaking and (
            article.breaking_until is None or article.breaking_until > now
        )
        if action == "flag" and is_breaking_now:
            messages.error(request, _("This story is breaking news already."))
            return back
        if action != "flag" and not is_breaking_now:
            messages.error(request, _("This story is no longer breaking news."))
            return back
        until = form.new_until()
        try:
            change_breaking(article, request.user, until=until, action=action)
        except DeskRefused as refusal:
            messages.error(request, str(refusal))
            return back
        messages.success(request, success_message(action, article, until))
        return back


def success_message(action: str, article: ArticlePage, until: datetime | None) -> str:
    title = article.title
    if action == "end":
        return _("“%(title)s” has left the breaking news.") % {"title": title}
    if until is None:
        return _("“%(title)s” is breaking news until it is ended.") % {"title": title}
    shown = date_format(timezone.localtime(until), "SHORT_DATETIME_FORMAT")
    if action == "extend":
        return _("“%(title)s” stays breaking news until %(until)s.") % {
            "title": title,
            "until": shown,
        }
    return _("“%(title)s” is breaking news until %(until)s.") % {"title": title, "until": shown}


class DeskMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


class FrontPageMenuItem(MenuItem):
    """The front page's layout, for those who may arrange it (frontpage.py)."""

    def is_shown(self, request):
        return request.user.has_perm("news.change_frontpagelayout")


urlpatterns = [
    path("", DeskView.as_view(), name="index"),
    path("<int:article_id>/", DeskActionView.as_view(), name="act"),
]
