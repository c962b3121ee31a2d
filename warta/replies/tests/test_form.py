"""The public hak jawab form: what a reader sends, what is stored, what is refused."""

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils.translation import gettext as _

from warta.replies.models import ReplyStatus, ReplySubmission
from warta.settings.env import Rate

from .conftest import JPEG, PDF, PNG, reply_data

pytestmark = pytest.mark.django_db


def send(client, data, address="10.0.0.1"):
    return client.post("/hak-jawab/", data, REMOTE_ADDR=address)


def test_story_link_opens_the_form_with_the_story_filled_in(client, story):
    """?story=<id> fills in the story's address and names the story."""
    html = client.get(f"/hak-jawab/?story={story.pk}").content.decode()
    assert re.search(rf'name="story" value="https?://[^"/]+{story.url}"', html)
    assert "Jalan Desa Rusak" in html


def test_english_form_is_at_its_own_address(client, story):
    """The English form answers at /en/hak-jawab/ and posts there."""
    response = client.get("/en/hak-jawab/")
    assert response.status_code == 200
    assert 'action="/en/hak-jawab/"' in response.content.decode()


def test_form_pages_are_never_cached(client, story):
    """The form carries a CSRF token and the thank-you page a reference: neither is kept."""
    form = client.get("/hak-jawab/")
    assert "no-store" in form["Cache-Control"] and "private" in form["Cache-Control"]
    thanks = client.get(send(client, reply_data(story))["Location"])
    assert "no-store" in thanks["Cache-Control"]


def test_reply_is_stored_with_a_reference_number(client, story):
    """A complete reply is stored as new, and the thank-you page shows its reference."""
    response = send(client, reply_data(story))
    assert response.status_code == 302
    submission = ReplySubmission.objects.get()
    assert re.fullmatch(r"HJ-\d{4}-\d{6}", submission.reference)
    assert submission.story.pk == story.pk and submission.status == ReplyStatus.NEW
    assert submission.reference in client.get(response["Location"]).content.decode()


def test_sender_with_an_email_address_gets_the_reference_by_mail(client, story):
    """The receipt mail names the reference number."""
    send(client, reply_data(story))
    (message,) = mail.outbox
    assert message.to == ["budi@contoh.id"]
    assert ReplySubmission.objects.get().reference in message.body


def test_sender_with_a_telephone_number_gets_no_mail(client, story):
    """A telephone number is a valid contact; no mail is sent."""
    assert send(client, reply_data(story, contact="+62 812-3456-7890")).status_code == 302
    assert not mail.outbox


def test_thank_you_address_cannot_be_forged(client):
    """Only the form's signed token opens a thank-you page."""
    assert client.get("/hak-jawab/terkirim/HJ-2026-000001/").status_code == 404


@pytest.mark.parametrize("field", ["name", "contact", "story", "text"])
def test_missing_field_is_named_and_nothing_is_stored(client, story, field):
    """Each required field left empty is refused beside it."""
    response = send(client, reply_data(story, **{field: ""}))
    assert response.status_code == 400
    assert response.context["form"].errors[field] == [_("This field is required.")]
    assert not ReplySubmission.objects.exists()


@pytest.mark.parametrize("field", ["name", "contact", "story", "text"])
def test_markup_in_any_field_is_refused(client, story, field):
    """HTML in a field is refused with a message, nothing stored and the markup escaped."""
    response = send(client, reply_data(story, **{field: '<script>alert("x")</script>'}))
    html = response.content.decode()
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert "<script>alert" not in html
    assert not ReplySubmission.objects.exists()


def test_less_than_sign_in_plain_text_is_kept(client, story):
    """A "<" that starts no tag is text, stored as written."""
    send(client, reply_data(story, text="Jumlah korban < 5 orang, bukan 50 orang."))
    assert ReplySubmission.objects.get().text == "Jumlah korban < 5 orang, bukan 50 orang."


def test_unknown_story_address_is_refused(client, story):
    """An address where no published story of ours is gets a message."""
    response = send(client, reply_data(story, story="https://contoh.id/berita/lain/"))
    assert response.context["form"].errors["story"] == [
        _("No published story of ours is at this address.")
    ]
    assert not ReplySubmission.objects.exists()


def test_invalid_contact_is_refused(client, story):
    """A contact that is neither an e-mail address nor a telephone number is refused."""
    response = send(client, reply_data(story, contact="hubungi saya"))
    assert "contact" in response.context["form"].errors
    assert not ReplySubmission.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [("surat.pdf", PDF, "application/pdf"), ("foto.png", PNG, "image/png"),
     ("foto.JPEG", JPEG, "image/jpeg")],
)  # fmt: skip
def test_pdf_and_image_attachments_are_stored_privately(
    client, story, settings, name, content, kind
):
    """A PDF, PNG or JPEG is stored outside the public media, with the type its bytes show."""
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    assert send(client, reply_data(story, attachment=upload)).status_code == 302
    submission = ReplySubmission.objects.get()
    assert submission.attachment_type == kind
    stored = settings.WARTA_REPLIES["ATTACHMENT_ROOT"] / submission.attachment.name
    assert stored.read_bytes() == content
    assert not str(stored).startswith(str(settings.MEDIA_ROOT))


def test_oversized_attachment_is_refused(client, story):
    """A file over the size limit is refused beside the field; what was typed stays."""
    upload = SimpleUploadedFile("surat.pdf", PDF + b"x" * 2048)
    response = send(client, reply_data(story, attachment=upload))
    (error,) = response.context["form"].errors["attachment"]
    assert error.startswith(_("The file is larger than %(size)s.").split("%")[0])
    assert 'value="Budi Santoso"' in response.content.decode()
    assert not ReplySubmission.objects.exists()


def test_wrong_type_attachment_is_refused(client, story):
    """A file that is not a PDF, JPEG or PNG is refused."""
    upload = SimpleUploadedFile("halaman.html", b"<html><script>alert(1)</script></html>")
    response = send(client, reply_data(story, attachment=upload))
    assert response.context["form"].errors["attachment"] == [_("Attach a PDF, JPEG or PNG file.")]
    assert not ReplySubmission.objects.exists()


def test_attachment_whose_content_does_not_match_its_name_is_refused(client, story):
    """An HTML page named .pdf is refused: the first bytes decide, not the name."""
    upload = SimpleUploadedFile("surat.pdf", b"<html><script>alert(1)</script></html>")
    response = send(client, reply_data(story, attachment=upload))
    assert response.context["form"].errors["attachment"] == [
        _("The file's content does not match its name: it is not a %(kind)s file.")
        % {"kind": "PDF"}
    ]
    assert not ReplySubmission.objects.exists()


def test_filled_honeypot_is_refused(client, story):
    """A robot that fills the hidden field gets a message and stores nothing."""
    response = send(client, reply_data(story, website="http://spam.example/"))
    assert response.status_code == 400
    assert not ReplySubmission.objects.exists()


def test_too_many_replies_from_one_address_are_refused(client, story, settings):
    """Past the rate, a reply from the same address is refused with a message."""
    settings.WARTA_REPLIES = {**settings.WARTA_REPLIES, "RATE": Rate(limit=2, seconds=3600)}
    for _attempt in range(2):
        assert send(client, reply_data(story)).status_code == 302
    response = send(client, reply_data(story))
    assert response.status_code == 400
    assert response.context["form"].non_field_errors()
    assert ReplySubmission.objects.count() == 2
    assert send(client, reply_data(story), address="10.0.0.2").status_code == 302


def test_form_needs_a_csrf_token(story):
    """A cross-site post without the form's token is refused."""
    response = Client(enforce_csrf_checks=True).post("/hak-jawab/", reply_data(story))
    assert response.status_code == 403
    assert not ReplySubmission.objects.exists()


def test_oversized_attachment_is_not_kept_while_the_form_is_read(client, story):
    """A file past the limit is dropped while the upload is read, not stored in full first."""
    upload = SimpleUploadedFile("surat.pdf", PDF + b"x" * 4096)
    response = send(client, reply_data(story, attachment=upload))
    assert "attachment" not in response.context["form"].files
    assert "attachment" in response.context["form"].errors


def test_a_reply_the_rate_limit_cannot_count_is_refused_503_and_not_stored(
    client, story, monkeypatch
):
    """With the counters' store unwritable, the form answers 503 "try again", not 500."""
    from warta.engagement import counters
    from warta.replies import views

    def unwritable(*args, **kwargs):
        raise counters.Unavailable("engagement-state.sqlite3: database or disk is full")

    monkeypatch.setattr(views, "admit_reply", unwritable)
    response = send(client, reply_data(story))
    assert response.status_code == 503
    assert response["Retry-After"]
    assert ReplySubmission.objects.count() == 0
