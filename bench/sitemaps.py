"""Sitemap memory benchmark: stream every sitemap of a large archive and report peak memory.

Builds a throw-away SQLite database under a temporary folder (never the development
or test databases), fills it with `generate_archive --articles N`, then reads the
sitemap index and every sitemap it lists through Django's test client, consuming the
streamed body chunk by chunk. Reports, per sitemap, URLs, bytes, seconds and the peak
of Python allocations (tracemalloc) while it streamed. Talks to no network.

    .venv/bin/python bench/sitemaps.py [--articles 100000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--keep", help="use (and keep) this folder for the database")
    options = parser.parse_args()

    folder = (
        Path(options.keep) if options.keep else Path(tempfile.mkdtemp(prefix="warta-sitemaps-"))
    )
    folder.mkdir(parents=True, exist_ok=True)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="warta.settings.dev",
        WARTA_DEBUG="0",
        WARTA_VAR_DIR=str(folder),
        DATABASE_URL=f"sqlite:///{folder / 'bench.sqlite3'}",
        WARTA_ALLOWED_HOSTS="testserver",
    )
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from warta.news.models import ArticlePage

    try:
        call_command("migrate", verbosity=0)
        have = ArticlePage.objects.count()
        if have < options.articles:
            started = time.monotonic()
            call_command("generate_archive", articles=options.articles, verbosity=0)
            print(f"generated {options.articles} articles in {time.monotonic() - started:.0f} s")
        print(f"live articles: {ArticlePage.objects.live().count()}")

        client = Client()
        index = b"".join(client.get("/sitemap.xml").streaming_content).decode()
        paths = [loc.split("testserver", 1)[1] for loc in index.split("<loc>")[1:]]
        paths = [path.split("</loc>", 1)[0] for path in paths]
        print(f"{'sitemap':<28} {'URLs':>7} {'MB':>6} {'s':>6} {'peak MB':>8}")
        for path in ["/sitemap.xml", *paths]:
            tracemalloc.start()
            started = time.monotonic()
            response = client.get(path)
            size = urls = 0
            for chunk in response.streaming_content:
                size += len(chunk)
                urls += chunk.count(b"<loc>")
            seconds = time.monotonic() - started
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(f"{path:<28} {urls:>7} {size / 1e6:>6.1f} {seconds:>6.1f} {peak / 1e6:>8.1f}")
    finally:
        if not options.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
