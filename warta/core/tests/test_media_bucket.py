"""Uploads in an S3-compatible bucket (WARTA_MEDIA_S3_*), against moto's server on loopback:
photos and renditions stored there, reader pages pointing at its public address and
allowing it in their Content-Security-Policy, and clear errors for settings that clash."""

from __future__ import annotations

import io
import re
import urllib.request

import pytest
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.csp import CSP
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.models import Collection

from warta.images.models import NewsImage
from warta.news.factories import ArticlePageFactory, SectionPageFactory
from warta.settings.env import SettingError, get_media_bucket

from .buckets import KEY_ID, SECRET, bucket_name, new_bucket, site_settings
from .test_settings import run_warta

pytestmark = [pytest.mark.django_db, pytest.mark.server]


def jpeg(color: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 180), color).save(out, "JPEG")
    return out.getvalue()


def fetch(url: str) -> bytes:
    """What a reader's browser gets from `url` (a loopback address)."""
    assert url.startswith(("http://127.0.0.1:", "http://localhost:")), url
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
        return response.read()


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("pemred", "p@warta.test", "x"))
    return client


def upload_photo(editor, title: str, data: bytes) -> NewsImage:
    """A photo added as an editor adds one: the image library's upload form."""
    response = editor.post(
        reverse("wagtailimages:add"),
        {
            "title": title,
            "file": SimpleUploadedFile("rob-pekalongan.jpg", data, "image/jpeg"),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
            "description": "Rob di pesisir Pekalongan",
            "caption": "Rob merendam permukiman di Pekalongan utara",
            "credit": "Warta/Dimas",
            "ai_use": "",
            "ai_tool": "",
        },
    )
    assert response.status_code == 302, response.content[:500]
    return NewsImage.objects.get(title=title)


def test_an_uploaded_photo_and_its_rendition_are_stored_in_the_bucket(media_bucket, editor):
    """The upload form writes the original into the bucket, a rendition goes there too,
    and nothing lands in MEDIA_ROOT."""
    data = jpeg("teal")
    photo = upload_photo(editor, "Rob Pekalongan", data)
    rendition = photo.get_rendition("fill-160x90")
    stored = media_bucket.objects()
    assert stored[photo.file.name] == data
    assert rendition.file.name in stored
    with Image.open(io.BytesIO(stored[rendition.file.name])) as made:
        assert made.size == (160, 90)
    assert not [path for path in django_settings.MEDIA_ROOT.rglob("*") if path.is_file()]


def test_a_second_photo_of_the_same_name_does_not_replace_the_first(media_bucket, editor):
    """Two uploads named alike are two objects: the bucket never overwrites a photo."""
    first = upload_photo(editor, "Rob pagi", jpeg("navy"))
    second = upload_photo(editor, "Rob sore", jpeg("orange"))
    assert first.file.name != second.file.name
    stored = media_bucket.objects()
    assert stored[first.file.name] == jpeg("navy")
    assert stored[second.file.name] == jpeg("orange")


def test_reader_pages_show_photos_from_the_public_address(
    s3_server, settings, monkeypatch, editor, client
):
    """With a public address of its own (a CDN's; here another name of the same server),
    a story's photos and its link preview's image are printed under it, the CSP allows
    it, and each can be fetched."""
    name = bucket_name()
    public = f"http://localhost:{s3_server.port}/{name}"
    bucket = new_bucket(
        s3_server,
        settings,
        monkeypatch,
        name,
        WARTA_MEDIA_S3_ACCESS_KEY_ID=KEY_ID,
        WARTA_MEDIA_S3_SECRET_ACCESS_KEY=SECRET,
        WARTA_MEDIA_S3_PUBLIC_URL=public + "/",
    )
    photo = upload_photo(editor, "Rob Pekalongan", jpeg("teal"))
    story = ArticlePageFactory(
        parent=SectionPageFactory(title="Daerah"),
        title="Rob rendam pesisir Pekalongan",
        main_image=photo,
    )
    response = client.get(story.url)
    assert response.status_code == 200
    html = response.content.decode()
    preview = re.search(r'<meta property="og:image" content="([^"]+)"', html)[1]
    images = re.findall(r"<img\b[^>]*>", html)
    sources = [
        address.split()[0]
        for image in images
        for attribute in re.findall(r'\bsrc(?:set)?="([^"]+)"', image)
        for address in attribute.split(",")
    ]
    assert not [src for src in sources if src.startswith(django_settings.MEDIA_URL)]
    photos = [src for src in sources if "://" in src]
    assert photos, sources
    stored = bucket.objects()
    for src in [*photos, preview]:
        assert src.startswith(f"{public}/images/"), src
        assert fetch(src) == stored[src.removeprefix(f"{public}/")]
    policy = dict(
        directive.strip().split(" ", 1)
        for directive in response["Content-Security-Policy"].split(";")
    )
    assert f"http://localhost:{s3_server.port}" in policy["img-src"].split()


def test_without_a_public_address_photos_are_the_bucket_s_own(media_bucket, editor):
    """No WARTA_MEDIA_S3_PUBLIC_URL: the address is the bucket's at its endpoint (path
    style at an IP address), allowed by the CSP, and readers can fetch it."""
    photo = upload_photo(editor, "Rob Pekalongan", jpeg("teal"))
    url = photo.file.url
    assert url == f"{media_bucket.server.endpoint}/{media_bucket.name}/{photo.file.name}"
    assert fetch(url) == jpeg("teal")
    assert media_bucket.server.endpoint in django_settings.SECURE_CSP["img-src"]


def test_keys_may_come_from_the_aws_variables(s3_server, settings, monkeypatch):
    """Without WARTA_MEDIA_S3_ACCESS_KEY_ID, boto3 takes AWS_ACCESS_KEY_ID and
    AWS_SECRET_ACCESS_KEY, as the AWS tools do."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", KEY_ID)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET)
    bucket = new_bucket(s3_server, settings, monkeypatch)
    assert "access_key" not in bucket.settings["STORAGES"]["default"]["OPTIONS"]
    photo = NewsImage(title="Sedekah laut")
    photo.file.save("sedekah-laut.jpg", ContentFile(jpeg("navy")), save=False)
    photo.width, photo.height = 320, 180  # saving the file clears them
    photo.save()
    assert bucket.objects() == {photo.file.name: jpeg("navy")}


def test_documents_are_served_by_warta_not_from_the_bucket(media_bucket, client):
    """A document's address stays Warta's, which reads it from the bucket and sends it
    (so a collection's privacy is checked), rather than a redirect to the bucket."""
    document = get_document_model()(title="Rilis pers banjir Juwana")
    document.file.save("rilis-banjir.pdf", ContentFile(b"%PDF-1.4 rilis"), save=True)
    assert media_bucket.objects() == {document.file.name: b"%PDF-1.4 rilis"}
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 rilis"


def test_an_address_under_media_leads_to_the_bucket(media_bucket, client):
    """/media/… printed while the uploads were on disk answers 301 to the bucket."""
    response = client.get("/media/original_images/rob-pekalongan.jpg")
    assert response.status_code == 301
    assert response["Location"] == f"{media_bucket.public_url}/original_images/rob-pekalongan.jpg"


def test_without_a_bucket_uploads_stay_on_disk(monkeypatch):
    """Unset, the media storage is the local folder and the CSP allows no other site."""
    made = site_settings(monkeypatch)
    assert made["WARTA_MEDIA_BUCKET"] is None
    assert made["STORAGES"]["default"] == {"BACKEND": "warta.core.storage.MediaStorage"}
    assert made["SECURE_CSP"]["img-src"] == [CSP.SELF, "data:"]


@pytest.mark.parametrize(
    ("variables", "named", "says"),
    [
        (
            {"WARTA_MEDIA_S3_ENDPOINT_URL": "https://s3.example.id"},
            "WARTA_MEDIA_S3_ENDPOINT_URL",
            "set without WARTA_MEDIA_S3_BUCKET",
        ),
        (
            {"WARTA_MEDIA_S3_BUCKET": "warta-media", "WARTA_MEDIA_S3_ACCESS_KEY_ID": "kunci"},
            "WARTA_MEDIA_S3_SECRET_ACCESS_KEY",
            "set both",
        ),
        ({"WARTA_MEDIA_S3_BUCKET": "s3://warta-media"}, "WARTA_MEDIA_S3_BUCKET", "bucket name"),
        (
            {
                "WARTA_MEDIA_S3_BUCKET": "warta-media",
                "WARTA_MEDIA_S3_ENDPOINT_URL": "s3.example.id",
            },
            "WARTA_MEDIA_S3_ENDPOINT_URL",
            "http(s) address",
        ),
        (
            {
                "WARTA_MEDIA_S3_BUCKET": "warta-media",
                "WARTA_MEDIA_S3_ENDPOINT_URL": "https://s3.example.id/warta-media",
            },
            "WARTA_MEDIA_S3_ENDPOINT_URL",
            "scheme, host and port only",
        ),
        (
            {
                "WARTA_MEDIA_S3_BUCKET": "warta-media",
                "WARTA_MEDIA_S3_PUBLIC_URL": "media.example.id",
            },
            "WARTA_MEDIA_S3_PUBLIC_URL",
            "http(s) address",
        ),
        (
            {"WARTA_MEDIA_S3_BUCKET": "warta-media", "WARTA_MEDIA_S3_ADDRESSING_STYLE": "dns"},
            "WARTA_MEDIA_S3_ADDRESSING_STYLE",
            "auto, path, virtual",
        ),
    ],
)
def test_settings_that_clash_are_refused_naming_the_variable(monkeypatch, variables, named, says):
    """Each inconsistent or malformed setting is one error naming the variable at fault."""
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SettingError, match=f"^{named}: .*{re.escape(says)}"):
        get_media_bucket()


def test_a_site_with_an_endpoint_but_no_bucket_does_not_start():
    """`warta check` stops with one line naming the variable, no traceback."""
    result = run_warta(
        "check",
        DJANGO_SETTINGS_MODULE="warta.settings.dev",
        WARTA_MEDIA_S3_ENDPOINT_URL="https://s3.example.id",
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "WARTA_MEDIA_S3_ENDPOINT_URL: set without WARTA_MEDIA_S3_BUCKET" in lines[0]
    assert "Traceback" not in result.stderr
