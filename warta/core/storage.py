"""Static files and uploads, each file's URL worked out once; static files with hashed
names and pre-compressed copies."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Whitenoise's manifest storage, remembering each file's URL.

    The manifest is read once when a process starts and does not change while it runs,
    so a name's hashed URL is looked up, hashed and quoted once instead of on every
    `{% static %}` of every page.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def url(self, name, force=False):
        if force or settings.DEBUG:
            return super().url(name, force)
        try:
            return self._urls[name]
        except KeyError:
            url = self._urls[name] = super().url(name)
            return url


class MediaStorage(FileSystemStorage):
    """Django's file system storage, remembering each upload's URL: a story page prints
    its photo's renditions some five times, each a join and a quote of the same name.
    A name's URL changes only with MEDIA_URL."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def url(self, name):
        try:
            return self._urls[name]
        except KeyError:
            url = super().url(name)
            if len(self._urls) >= MAX_MEDIA_URLS_KEPT:
                self._urls.clear()
            self._urls[name] = url
            return url

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "MEDIA_URL":
            self._urls.clear()


MAX_MEDIA_URLS_KEPT = 50_000
