"""Fixtures of the core's tests kept in modules of their own."""

from .buckets import media_bucket, s3_server  # noqa: F401 - fixtures
