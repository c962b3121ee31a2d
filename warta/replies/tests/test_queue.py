"""The hak jawab queue in the admin: who sees it, statuses, the attachment, the reply story."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple

from warta.newsroom import roles
from warta.newsroom.tests.helpers import staff
from warta.replies.models import ReplyStatus, ReplySubmission

from .conftest import PDF

pytestmark = pytest.mark.django_db


def submission_for(story, **fields) -> ReplySubmission:
    submission = ReplySubmission(
        story=story,
        story_title=story.title,
        name=fields.pop("name", "Budi <b>Santoso</b>"),
        contact="budi@contoh.id",
        text=fields.pop("text", "Jalan itu sudah diperbaiki.\n\nFotonya terlampir."),
        **fields,
    )
    submission.save_new()
    return submission


@pytest.fixture
def desk_editor(section):
    return staff("eko", roles.DESK_EDITOR, section)


@pytest.mark.parametrize("role", [roles.DESK_EDITOR, roles.EDITOR_IN_CHIEF])
def test_desk_editors_and_the_chief_see_the_queue(client, story, role):
    """Redaktur and Pemimpin Redaksi open the queue and see each reply with its status."""
    submission = submission_for(story)
    client.force_login(staff("editor", role))
    html = client.get(reverse("replies_admin:index")).content.decode()
    assert submission.reference in html
    assert str(ReplyStatus.NEW.label) in html


def test_reporters_do_not_see_the_queue(client, story):
    """A reporter is refused the queue and its replies."""
    submission = submission_for(story)
    client.force_login(staff("agus", roles.REPORTER))
    assert client.get(reverse("replies_admin:index")).status_code in (302, 403)
    assert client.get(reverse("replies_admin:edit", args=[submission.pk])).status_code in (302, 403)


def test_queue_filters_by_status(client, story, desk_editor):
    """?status=rejected lists only rejected replies."""
    waiting = submission_for(story)
    rejected = submission_for(story, status=ReplyStatus.REJECTED, rejection_reason="Bukan pihak.")
    client.force_login(desk_editor)
    html = client.get(reverse("replies_admin:index"), {"status": "rejected"}).content.decode()
    assert rejected.reference in html and waiting.reference not in html


def test_queue_shows_each_replys_age(client, story, desk_editor):
    """A reply received three days ago says so in the queue."""
    received = timezone.now() - timedelta(days=3, minutes=5)
    submission_for(story, submitted_at=received)
    client.force_login(desk_editor)
    html = client.get(reverse("replies_admin:index")).content.decode()
    assert escape(timesince_simple(received)) in html


def test_rejecting_needs_a_reason(client, story, desk_editor):
    """Ditolak without a reason is refused beside the field; with one it is saved."""
    submission = submission_for(story)
    client.force_login(desk_editor)
    url = reverse("replies_admin:edit", args=[submission.pk])
    response = client.post(url, {"status": "rejected", "rejection_reason": ""})
    assert _("Say why the reply is rejected.") in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == ReplyStatus.NEW
    client.post(url, {"status": "rejected", "rejection_reason": "Bukan pihak yang diberitakan."})
    submission.refresh_from_db()
    assert submission.status == ReplyStatus.REJECTED


def test_reply_text_is_escaped_in_the_admin(client, story, desk_editor):
    """Markup in a stored reply is shown as text on its admin page."""
    submission = submission_for(story, text='<img src=x onerror="alert(1)">')
    client.force_login(desk_editor)
    html = client.get(reverse("replies_admin:edit", args=[submission.pk])).content.decode()
    assert '<img src=x onerror="alert(1)">' not in html
    assert "&lt;img src=x" in html


def test_attachment_is_served_to_staff_as_a_download(client, story, desk_editor):
    """The attachment comes as a download with its detected type, never to be shown."""
    submission = submission_for(story, attachment_type="application/pdf")
    submission.attachment.save("surat.pdf", ContentFile(PDF))
    client.force_login(desk_editor)
    response = client.get(reverse("replies_admin:attachment", args=[submission.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


def test_attachment_is_refused_to_reporters_and_readers(client, story):
    """Neither a reporter nor an anonymous reader gets the attachment."""
    submission = submission_for(story, attachment_type="application/pdf")
    submission.attachment.save("surat.pdf", ContentFile(PDF))
    url = reverse("replies_admin:attachment", args=[submission.pk])
    assert client.get(url).status_code == 302  # to the admin's login
    client.force_login(staff("agus", roles.REPORTER))
    response = client.get(url)
    assert response.status_code in (302, 403)  # Wagtail sends the refused to the dashboard
    assert not response.has_header("Content-Disposition")


def test_dashboard_lists_waiting_replies_with_their_age(client, story, desk_editor):
    """The dashboard shows each waiting reply's reference; a decided one is left off."""
    waiting = submission_for(story)
    rejected = submission_for(story, status=ReplyStatus.REJECTED, rejection_reason="Spam.")
    client.force_login(desk_editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert waiting.reference in html and rejected.reference not in html


def test_reporters_dashboard_has_no_reply_panel(client, story):
    """A reporter's dashboard does not show the replies waiting."""
    waiting = submission_for(story)
    client.force_login(staff("agus", roles.REPORTER))
    assert waiting.reference not in client.get(reverse("wagtailadmin_home")).content.decode()
