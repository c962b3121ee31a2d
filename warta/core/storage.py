"""Static files and uploads, each file's URL worked out once; static files with hashed
names and pre-compressed copies. Uploads in a bucket: `object_storage`."""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage
from whitenoise.storage import CompressedManifestStaticFilesStorage

from .caches import Memo


class UrlsKept:
    """A storage that remembers each file's URL: a page prints many, each a lookup, a
    join and a quote of the same name."""

    # The name its memo is registered under (file-urls-...): the class's, unless it says.
    kept_urls_name = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.urls = Memo(
            f"file-urls-{self.kept_urls_name or type(self).__name__}",
            bound=50_000,
            key="a file's name in the storage",
            invalidated_by="new settings for the storage's URL (tests)",
        )

    def kept_url(self, name: str) -> str:
        url = self.urls.get(name)
        if url is None:
            url = self.urls[name] = super().url(name)
        return url


class StaticFilesStorage(UrlsKept, CompressedManifestStaticFilesStorage):
    """Whitenoise's manifest storage, remembering each file's URL: the manifest is read
    once when a process starts and does not change while it runs."""

    def url(self, name, force=False):
        if force or settings.DEBUG:
            return super().url(name, force)
        return self.kept_url(name)


class MediaStorage(UrlsKept, FileSystemStorage):
    """Django's file system storage, remembering each upload's URL until MEDIA_URL
    changes (warta.core.signals)."""

    def url(self, name):
        return self.kept_url(name)


def local_folder(storage: Storage) -> Path | None:
    """The folder on this machine's disk that holds a storage's files; None for one kept
    elsewhere (an S3-compatible bucket), which is reached through the storage's API only."""
    return Path(storage.location) if isinstance(storage, FileSystemStorage) else None
