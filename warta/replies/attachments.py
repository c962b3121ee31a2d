"""A reply's attachment: a PDF, JPEG or PNG, recognised by its first bytes, never by its name,
kept outside the public media and handed to staff as a download only."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.utils.deconstruct import deconstructible


@dataclass(frozen=True)
class Kind:
    content_type: str
    extension: str
    names: tuple[str, ...]  # the file name endings that may carry it
    magic: bytes


KINDS = (
    Kind("application/pdf", "pdf", (".pdf",), b"%PDF-"),
    Kind("image/jpeg", "jpg", (".jpg", ".jpeg"), b"\xff\xd8\xff"),
    Kind("image/png", "png", (".png",), b"\x89PNG\r\n\x1a\n"),
)
ACCEPTED_NAMES = tuple(name for kind in KINDS for name in kind.names)


def kind_by_name(name: str) -> Kind | None:
    lowered = name.lower()
    return next((kind for kind in KINDS if lowered.endswith(kind.names)), None)


def kind_by_content(upload: UploadedFile) -> Kind | None:
    """The kind the file's first bytes say it is, whatever its name or declared type."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    return next((kind for kind in KINDS if head.startswith(kind.magic)), None)


def max_bytes() -> int:
    return settings.WARTA_REPLIES["MAX_ATTACHMENT_BYTES"]


def stored_name(instance, filename: str) -> str:
    """A random name with the extension of the kind found: the sender's name is not kept
    on disk, so it can neither collide nor climb out of the folder."""
    kind = kind_by_name(filename)
    extension = kind.extension if kind else "bin"
    return f"{secrets.token_hex(16)}.{extension}"


@deconstructible
class AttachmentStorage(FileSystemStorage):
    """Files in WARTA_REPLIES["ATTACHMENT_ROOT"], outside MEDIA_ROOT and without a URL:
    only the staff view reads them (read at use, so tests may point it elsewhere)."""

    def __init__(self):
        super().__init__()

    @property
    def base_location(self):
        return settings.WARTA_REPLIES["ATTACHMENT_ROOT"]

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Reply attachments have no public address.")


class SizeLimitedUploadHandler(FileUploadHandler):
    """Stops reading a file past the limit: the rest of the upload is skipped, not written
    to a temporary file, and the form's other fields are still read. The view then says
    the file is too large (`request.attachment_too_large`)."""

    def __init__(self, request=None):
        super().__init__(request)
        self.received = 0

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > max_bytes():
            self.request.attachment_too_large = True
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler makes the file
