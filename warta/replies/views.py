"""The public hak jawab form at /hak-jawab/ and its thank-you page; the staff's download of
an attachment and the making of a reply story (admin URLs, see wagtail_hooks.py)."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin.auth import require_admin_access

from warta.core.converters import parse_number
from warta.news.models import ArticlePage

from . import attachments, stories
from .forms import ReplyForm
from .limits import admit_reply
from .models import ReplySubmission
from .permissions import reply_permission_policy

log = logging.getLogger(__name__)
THANKS_SALT = "warta.replies.thanks"
THANKS_MAX_AGE = 24 * 3600


def prefilled_story(request: HttpRequest) -> ArticlePage | None:
    story_id = parse_number(request.GET.get("story", ""))
    if story_id is None:  # not an id: "²" passes str.isdigit(), 20 digits overflow SQLite
        return None
    return ArticlePage.objects.live().public().filter(pk=story_id).first()


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@csrf_exempt  # checked below, once the upload's size limit is in place
def reply_form(request: HttpRequest) -> HttpResponse:
    # Before anything reads the body (CSRF's check reads the form): a file past the limit
    # is not read on.
    request.upload_handlers.insert(0, attachments.SizeLimitedUploadHandler(request))
    return checked_reply_form(request)


@csrf_protect
def checked_reply_form(request: HttpRequest) -> HttpResponse:
    """GET: the form (the story filled in from ?story=<id>); POST: store the reply, or show
    the form again with the reason beside each field and nothing stored."""
    story = prefilled_story(request)
    if request.method == "POST":
        form = ReplyForm(request.POST, request.FILES, request=request)
        if getattr(request, "attachment_too_large", False):
            form.add_error("attachment", form.fields["attachment"].error_messages["too_large"])
        if form.is_valid():
            if admit_reply(request):
                submission = store_reply(form.cleaned_data)
                token = signing.dumps(submission.reference, salt=THANKS_SALT)
                return redirect("replies:thanks", token=token)
            form.add_error(
                None,
                _(
                    "Too many replies have come from your address in a short time. "
                    "Please try again later."
                ),
            )
    else:
        form = ReplyForm(
            initial={"story": story.get_full_url(request) if story else ""}, request=request
        )
    status = 400 if form.errors else 200
    return TemplateResponse(
        request, "replies/reply_form.html", {"form": form, "story": story}, status=status
    )


def store_reply(data: dict) -> ReplySubmission:
    upload = data.get("attachment")
    submission = ReplySubmission(
        story=data["story"],
        story_title=data["story"].title[:255],
        name=data["name"],
        contact=data["contact"],
        text=data["text"],
        attachment=upload,
        attachment_type=upload.warta_kind.content_type if upload else "",
    )
    submission.save_new()
    if submission.contact_email:
        send_receipt(submission)
    return submission


def send_receipt(submission: ReplySubmission) -> None:
    """Mail the sender their reference; a mail server that fails loses no reply."""
    context = {"submission": submission}
    try:
        send_mail(
            _("Your right of reply %(reference)s") % {"reference": submission.reference},
            render_to_string("replies/receipt.txt", context),
            None,
            [submission.contact_email],
        )
    except OSError:
        log.exception("The receipt of %s could not be mailed", submission.reference)


@never_cache
def thanks(request: HttpRequest, token: str) -> HttpResponse:
    """The reference number, shown to whoever the form sent here (the token is signed)."""
    try:
        reference = signing.loads(token, salt=THANKS_SALT, max_age=THANKS_MAX_AGE)
    except signing.BadSignature:
        raise Http404 from None
    return TemplateResponse(request, "replies/thanks.html", {"reference": reference})


@require_admin_access
def attachment(request: HttpRequest, pk: int) -> FileResponse:
    """The attachment, to staff who may see replies, as a download only: never shown in
    the browser, whatever it holds."""
    if not reply_permission_policy.user_has_permission(request.user, "view"):
        raise PermissionDenied
    submission = get_object_or_404(ReplySubmission, pk=pk)
    if not submission.attachment:
        raise Http404
    extension = submission.attachment.name.rsplit(".", 1)[-1]
    response = FileResponse(
        submission.attachment.open("rb"),
        as_attachment=True,
        filename=f"{submission.reference}.{extension}",
        content_type=submission.attachment_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@require_admin_access
@require_POST
def make_reply_story(request: HttpRequest, pk: int) -> HttpResponse:
    """Write the reply as a draft story in the answered story's section and open it."""
    if not reply_permission_policy.user_has_permission(request.user, "change"):
        raise PermissionDenied
    submission = get_object_or_404(ReplySubmission.objects.select_related("story"), pk=pk)
    if not stories.can_make_reply_story(submission, request.user):
        messages.error(
            request,
            _(
                "You may not write this reply story: the story is gone, has its reply story "
                "already, or is in a section you do not edit."
            ),
        )
        return redirect("replies_admin:edit", submission.pk)
    page = stories.make_reply_story(submission, request.user)
    messages.success(request, _("The reply is now a draft story. Edit it and publish it as usual."))
    return redirect("wagtailadmin_pages:edit", page.pk)
