"""Static files: hashed names, pre-compressed copies, and each URL worked out once."""

from django.conf import settings
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
