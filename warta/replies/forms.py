"""The public hak jawab form: who replies, how to reach them, to which story, what they say."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import HttpRequest
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from warta.news.models import ArticlePage

from . import attachments

MAX_TEXT_LENGTH = 10_000
# A tag, a comment or a declaration: "<b", "</", "<!". A lone "<" in "nilai < 5" is text.
MARKUP = re.compile(r"<\s*[a-zA-Z/!?]")
TOO_LARGE = _("The file is larger than %(size)s.")
PHONE = re.compile(r"^\+?[0-9 ()\-.]{8,20}$")


def plain_text(value: str) -> str:
    if MARKUP.search(value):
        raise ValidationError(
            _("Write plain text, without HTML tags (nothing starting with “<”)."), code="markup"
        )
    return value


def contact_address(value: str) -> str:
    """An e-mail address or a telephone number with 8 to 15 digits."""
    value = value.strip()
    if "@" in value:
        try:
            validate_email(value)
        except ValidationError:
            raise ValidationError(_("This e-mail address is not valid."), code="email") from None
        return value
    digits = sum(character.isdigit() for character in value)
    if not PHONE.match(value) or not 8 <= digits <= 15:
        raise ValidationError(
            _("Enter an e-mail address or a telephone number (8 to 15 digits)."), code="contact"
        )
    return value


def story_at(request: HttpRequest, address: str) -> ArticlePage | None:
    """The live story at an address of this site: a full URL or a path, in either language."""
    path = urlsplit(address.strip()).path
    segments = [segment for segment in path.split("/") if segment]
    if segments[:1] == ["en"]:
        segments = segments[1:]
    site = Site.find_for_request(request)
    if site is None or not segments:
        return None
    url_path = f"{site.root_page.url_path}{'/'.join(segments)}/"
    return ArticlePage.objects.live().public().filter(url_path=url_path).first()


class ReplyForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120, validators=[plain_text])
    contact = forms.CharField(
        label=_("E-mail or telephone"),
        max_length=200,
        validators=[plain_text, contact_address],
        help_text=_("For the newsroom to reach you about your reply; never published."),
    )
    story = forms.CharField(
        label=_("Address of the story"),
        max_length=500,
        validators=[plain_text],
        help_text=_("Copy the story's address from your browser, e.g. https://…/daerah/pati/…/"),
    )
    text = forms.CharField(
        label=_("Your reply"),
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 12}),
        validators=[plain_text],
        help_text=_("Say which facts in the story you dispute and what you hold to be right."),
    )
    attachment = forms.FileField(
        label=_("Attachment (optional)"),
        required=False,
        help_text=_("A PDF, JPEG or PNG file of at most %(size)s."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(attachments.ACCEPTED_NAMES)}),
    )
    # A honeypot: hidden from people (and from screen readers); a robot filling every field
    # fills it too.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, request: HttpRequest, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.fields["attachment"].help_text = self.fields["attachment"].help_text % {
            "size": filesizeformat(attachments.max_bytes())
        }
        self.fields["attachment"].error_messages["too_large"] = ValidationError(
            TOO_LARGE, code="size", params={"size": filesizeformat(attachments.max_bytes())}
        )

    def clean_story(self) -> ArticlePage:
        story = story_at(self.request, self.cleaned_data["story"])
        if story is None:
            raise ValidationError(_("No published story of ours is at this address."), code="story")
        return story

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        if upload.size > attachments.max_bytes():
            raise self.fields["attachment"].error_messages["too_large"]
        by_name = attachments.kind_by_name(upload.name)
        if by_name is None:
            raise ValidationError(_("Attach a PDF, JPEG or PNG file."), code="type")
        by_content = attachments.kind_by_content(upload)
        if by_content is None or by_content != by_name:
            raise ValidationError(
                _("The file's content does not match its name: it is not a %(kind)s file."),
                code="content",
                params={"kind": by_name.extension.upper()},
            )
        upload.warta_kind = by_content
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise ValidationError(
                _("The form could not be sent. Please try again."), code="honeypot"
            )
        return cleaned
