"""Uploads in an S3-compatible bucket (django-storages), when WARTA_MEDIA_S3_BUCKET is set.

Its own module so that a site keeping uploads on disk never imports boto3. The settings
(`warta.settings.env.get_media_bucket`) give it plain, unsigned addresses under the
bucket's public address, so working out a URL sends no request and can be remembered.
"""

from storages.backends.s3 import S3Storage

from .storage import UrlsKept


class ObjectMediaStorage(UrlsKept, S3Storage):
    """django-storages' S3 storage, remembering each upload's URL as `MediaStorage` does
    (under its memo's name: one of the two holds the uploads)."""

    kept_urls_name = "MediaStorage"

    def url(self, name, parameters=None, expire=None, http_method=None):
        if parameters or expire or http_method:
            return super().url(name, parameters, expire, http_method)
        return self.kept_url(name)
