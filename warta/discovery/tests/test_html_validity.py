"""Reader pages have zero errors in the Nu HTML Checker (vnu.jar, the W3C validator's engine)."""

import json
import os
import shutil
import subprocess  # noqa: S404 - runs the local vnu.jar on files this test wrote
from pathlib import Path

import pytest

from warta.news.factories import add_table_and_gallery

from .conftest import REPO

pytestmark = pytest.mark.django_db

# Installed by `make vnu` (the pinned vnu-jar npm package); WARTA_VNU_JAR may point elsewhere.
VNU_JAR = Path(
    os.environ.get("WARTA_VNU_JAR", REPO / "var/tools/node_modules/vnu-jar/build/dist/vnu.jar")
)


@pytest.fixture(scope="module")
def vnu() -> list[str]:
    java = shutil.which("java")
    if not java:
        pytest.skip("Java is not installed (apt-get install default-jre-headless; .ci/run does)")
    if not VNU_JAR.exists():
        pytest.skip(f"vnu.jar is not at {VNU_JAR} (run `make vnu`; .ci/run does)")
    return [java, "-Xss2m", "-jar", str(VNU_JAR)]


def test_reader_pages_have_no_html_errors(client, demo_headline, vnu, tmp_path):
    """Home, section, article (both languages, with a table and a gallery), tag, reporter,
    search, standing pages and 404: zero errors."""
    article = demo_headline
    add_table_and_gallery(article)
    pages = {
        "home": "/",
        "section": "/daerah/",
        "subsection": "/daerah/pati/",
        "article": article.url,
        "article-en": f"/en{article.url}",
        "tag": "/tag/umkm/",
        "reporter": "/penulis/agus-gunawan/",
        "search": "/cari/?q=banjir",
        "standing": "/pedoman-media-siber/",
        "redaksi": "/redaksi/",
        "not-found": "/tidak-ada/",
    }
    files = []
    for name, path in pages.items():
        response = client.get(path)
        assert response.status_code == (404 if name == "not-found" else 200), path
        file = tmp_path / f"{name}.html"
        file.write_bytes(response.content)
        files.append(str(file))
    article_html = (tmp_path / "article.html").read_text()
    assert "<table>" in article_html and 'class="gallery"' in article_html
    # One Java start for all pages: the checker's start-up dominates its run time.
    result = subprocess.run(  # noqa: S603 - fixed arguments, files written above
        [*vnu, "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = json.loads(result.stderr or result.stdout)
    errors = [
        f"{Path(m.get('url', '')).stem}:{m.get('lastLine')}: {m['message']}"
        for m in report["messages"]
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert errors == []
    assert result.returncode == 0
