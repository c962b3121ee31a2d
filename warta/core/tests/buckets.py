"""An S3-compatible server of the test run's own: moto's server mode on 127.0.0.1.

`s3_server` starts one per test process (a free port, started in a few seconds at most) and
stops it by its PID at the end; without moto installed the tests that need it are skipped.
`media_bucket` gives a test a new, empty bucket and the settings `warta.settings.base`
makes from the WARTA_MEDIA_S3_* variables naming it, read as a site would read them.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from warta.core import caches

from .redis_server import free_port

KEY_ID, SECRET = "warta-test-key", "warta-test-secret"
REGION = "us-east-1"


class S3Server:
    """`python -m moto.server` on 127.0.0.1 and a free port."""

    def __init__(self):
        if importlib.util.find_spec("moto") is None or importlib.util.find_spec("boto3") is None:
            pytest.skip(
                "moto[server] is not installed (pip install -c requirements.lock -e .[dev])"
            )
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        """Start it and return once it answers (10 s at most)."""
        environment = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        self.process = subprocess.Popen(  # noqa: S603 - a fixed command on loopback
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=environment,
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                with urllib.request.urlopen(f"{self.endpoint}/moto-api/", timeout=1):  # noqa: S310 - loopback
                    return
            except (urllib.error.URLError, ConnectionError):
                if self.process.poll() is not None:
                    raise AssertionError("moto.server exited") from None
                if time.monotonic() > deadline:
                    self.stop()
                    raise AssertionError("moto.server did not answer in 10 s") from None
                time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self.process = None

    def client(self):
        import boto3

        return boto3.session.Session().client(
            "s3",
            endpoint_url=self.endpoint,
            region_name=REGION,
            aws_access_key_id=KEY_ID,
            aws_secret_access_key=SECRET,
        )


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    server = S3Server()
    server.start()
    yield server
    server.stop()


@dataclass
class MediaBucket:
    """A test's bucket on the server, and the settings that put the uploads in it."""

    server: S3Server
    name: str
    settings: dict

    @property
    def public_url(self) -> str:
        return self.settings["WARTA_MEDIA_BUCKET"].public_url

    def objects(self) -> dict[str, bytes]:
        """Every object in the bucket, by key."""
        client, found = self.server.client(), {}
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=self.name):
            for entry in page.get("Contents", ()):
                body = client.get_object(Bucket=self.name, Key=entry["Key"])["Body"]
                found[entry["Key"]] = body.read()
        return found

    def empty(self) -> None:
        client = self.server.client()
        for key in self.objects():
            client.delete_object(Bucket=self.name, Key=key)


def site_settings(monkeypatch, **variables: str) -> dict:
    """The settings `warta.settings.base` makes with these variables (and no other
    WARTA_MEDIA_S3_* ones), read afresh as a starting site reads them."""
    for name in list(os.environ):
        if name.startswith("WARTA_MEDIA_S3_"):
            monkeypatch.delenv(name)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    # A module of its own beside warta.settings.base, never in sys.modules.
    path = Path(importlib.util.find_spec("warta.settings.base").origin)
    spec = importlib.util.spec_from_file_location("warta.settings.read_again", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return vars(module)


def use_settings(settings, made: dict) -> None:
    """Put the uploads where `made` (from `site_settings`) says, as that site would."""
    settings.STORAGES = {**settings.STORAGES, "default": made["STORAGES"]["default"]}
    settings.SECURE_CSP = made["SECURE_CSP"]
    settings.WARTA_MEDIA_BUCKET = made["WARTA_MEDIA_BUCKET"]
    caches.reset()


def public_photos_policy(bucket: str) -> dict:
    """The bucket policy docs/configuration.md gives: anyone may read the photos and their
    renditions, nobody without keys the documents."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "ReadersSeePhotos",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": [
                    f"arn:aws:s3:::{bucket}/original_images/*",
                    f"arn:aws:s3:::{bucket}/images/*",
                ],
            }
        ],
    }


def bucket_name() -> str:
    return f"warta-{uuid.uuid4().hex[:12]}"


def new_bucket(
    server: S3Server, settings, monkeypatch, name: str = "", **variables: str
) -> MediaBucket:
    """A new, empty bucket on `server` (named `name`, or anew) holding the uploads from now
    on, as a site started with WARTA_MEDIA_S3_BUCKET naming it, its endpoint and
    `variables` would keep them."""
    name = name or bucket_name()
    client = server.client()
    client.create_bucket(Bucket=name)
    client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_photos_policy(name)))
    # boto3 looks for keys no further than the variables: never at a cloud's metadata
    # address, which is not on this machine.
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    made = site_settings(
        monkeypatch,
        WARTA_MEDIA_S3_BUCKET=name,
        WARTA_MEDIA_S3_ENDPOINT_URL=server.endpoint,
        WARTA_MEDIA_S3_REGION=REGION,
        **variables,
    )
    use_settings(settings, made)
    return MediaBucket(server, name, made)


@pytest.fixture
def media_bucket(s3_server, settings, monkeypatch, tmp_path) -> Iterator[MediaBucket]:
    """A new bucket holding this test's uploads, with keys given to Warta as variables
    (and a MEDIA_ROOT of the test's own, which should stay empty)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    yield new_bucket(
        s3_server,
        settings,
        monkeypatch,
        WARTA_MEDIA_S3_ACCESS_KEY_ID=KEY_ID,
        WARTA_MEDIA_S3_SECRET_ACCESS_KEY=SECRET,
    )
    caches.reset()
