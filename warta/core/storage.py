"""Static files and uploads, each file's URL worked out once; static files with hashed
names and pre-compressed copies."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from whitenoise.storage import CompressedManifestStaticFilesStorage

MAX_URLS_KEPT = 50_000


class UrlsKept:
    """A storage that remembers each file's URL: a page prints many, each a lookup, a
    join and a quote of the same name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def kept_url(self, name: str) -> str:
        try:
            return self._urls[name]
        except KeyError:
            if len(self._urls) >= MAX_URLS_KEPT:
                self._urls.clear()
            url = self._urls[name] = super().url(name)
            return url


class StaticFilesStorage(UrlsKept, CompressedManifestStaticFilesStorage):
    """Whitenoise's manifest storage, remembering each file's URL: the manifest is read
    once when a process starts and does not change while it runs."""

    def url(self, name, force=False):
        if force or settings.DEBUG:
            return super().url(name, force)
        return self.kept_url(name)


class MediaStorage(UrlsKept, FileSystemStorage):
    """Django's file system storage, remembering each upload's URL until MEDIA_URL changes."""

    def url(self, name):
        return self.kept_url(name)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "MEDIA_URL":
            self._urls.clear()
