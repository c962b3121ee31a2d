"""Search benchmark: the /cari/ page over a 100,000-article archive on PostgreSQL.

Creates the database `warta_bench_search` on 127.0.0.1:5432 (user postgres; dropped
first if it exists), migrates it, fills it with `generate_archive`, then times a set
of representative Indonesian queries through the search view in-process with
Django's test client (the whole view: form, search, count, snippets, template; the
page cache is not involved), and prints p50/p95 per query and over all requests.
The database is dropped at the end unless `--keep`.

    .venv/bin/python bench/search.py [--articles 100000] [--runs 30] [--keep] [--write]

`--write` replaces the "Search" section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import statistics
import sys
import time
from pathlib import Path

from common import machine_description as machine
from common import write_section

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "warta_bench_search"
SERVER = "postgres://postgres@127.0.0.1:5432"
TARGET_P50_MS = 50

# What readers of a regional portal type: single words, names, phrases, inflected forms.
QUERIES = [
    ("common word", {"q": "banjir"}),
    ("very common word", {"q": "warga"}),
    ("place name", {"q": "Juwana"}),
    ("two words", {"q": "jalan rusak"}),
    ("three words", {"q": "harga cabai rawit"}),
    ("inflected (stemmed)", {"q": "pembangunan jembatan"}),
    ("phrase of a topic", {"q": "korupsi dana desa"}),
    ("person's name", {"q": "Slamet Santoso"}),
    ("rare village", {"q": "Kedungwangi"}),
    ("village and topic", {"q": "Kedungwangi banjir"}),
    ("two names (ranked)", {"q": "Persiku Laskar Samin"}),
    ("no match", {"q": "kapal selam nuklir"}),
    ("section filter", {"q": "banjir", "section": "pati"}),
    ("date range", {"q": "harga", "from": "2022-01-01", "to": "2022-12-31"}),
    ("newest first", {"q": "pilkades", "sort": "newest"}),
    ("page 5", {"q": "banjir", "page": "5"}),
]


def recreate_database(drop_only: bool = False) -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        if not drop_only:
            connection.execute(f'CREATE DATABASE "{DATABASE}"')


def setup_django() -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="warta.settings.test",
        WARTA_TEST_POSTGRES_URL=f"{SERVER}/{DATABASE}",
        WARTA_SECRET_KEY=secrets.token_urlsafe(50),
        WARTA_LOG_LEVEL="WARNING",
        WARTA_ALLOWED_HOSTS="testserver,127.0.0.1",
    )
    os.environ.pop("WARTA_TEST_REDIS_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30, help="timed requests per query")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--reuse", action="store_true", help="reuse a kept database")
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    options = parser.parse_args()

    if not options.reuse:
        recreate_database()
    setup_django()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import translation

    from warta.news.models import SectionPage

    if not options.reuse:
        call_command("migrate", interactive=False, verbosity=0)
    started = time.monotonic()
    call_command("generate_archive", articles=options.articles, seed=1, verbosity=1)
    build_seconds = time.monotonic() - started
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # fresh statistics, as autovacuum would leave them
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database())), version()")
        size, version = cursor.fetchone()
        cursor.execute("SELECT count(*) FROM news_articlepage")
        (articles,) = cursor.fetchone()

    pati = SectionPage.objects.get(slug="pati")
    translation.activate("id")
    client = Client()
    rows, every = [], []
    try:
        for label, params in QUERIES:
            params = {**params, "section": str(pati.pk)} if "section" in params else params
            for _ in range(3):  # warm-up: connection, templates, stemmer cache
                response = client.get("/cari/", params)
                assert response.status_code == 200, (label, response.status_code)
            times = []
            for _ in range(options.runs):
                start = time.perf_counter()
                response = client.get("/cari/", params)
                times.append((time.perf_counter() - start) * 1000)
            summary = re.search(r'class="search-summary"[^>]*>([^<]*)<', response.content.decode())
            found = _found(summary.group(1) if summary else "")
            rows.append((label, params, found, statistics.median(times), percentile(times, 0.95)))
            every.extend(times)
            p50_ms, p95_ms = rows[-1][3:]
            print(f"{label:<26} {found:>7} found  p50 {p50_ms:6.1f} ms  p95 {p95_ms:6.1f} ms")
    finally:
        connection.close()
        if not options.keep:
            recreate_database(drop_only=True)

    p50, p95 = statistics.median(every), percentile(every, 0.95)
    verdict = "met" if p50 < TARGET_P50_MS else "NOT met"
    print(f"all {len(every)} requests: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    print(f"target p50 < {TARGET_P50_MS} ms: {verdict}")

    if options.write:
        table = "\n".join(
            f"| {label} | `{_query(params)}` | {found} | {p50_ms:.1f} | {p95_ms:.1f} |"
            for label, params, found, p50_ms, p95_ms in rows
        )
        write_section(
            "Search",
            f"""The search page `/cari/` over {articles:,} generated articles on
{" ".join(version.split()[:2])}, timed in-process through Django's test client: the
whole view (form, full-text query, count, snippets, template), no page cache. Each
query ran 3 times to warm up, then {options.runs} timed times. Up to 300 matches are
ranked by relevance and counted; more are listed newest first without a total
("> 300"), see [search.md](search.md#order-of-results-and-counting).

Machine: {machine()}.
Database: {size} after `generate_archive --articles {options.articles}`, which took
{build_seconds:.0f} s ({options.articles / build_seconds:,.0f} articles/s, search index included).

**All {len(every):,} requests: p50 {p50:.1f} ms, p95 {p95:.1f} ms** (target: p50 under
{TARGET_P50_MS} ms — {verdict}).

| query | parameters | results | p50 ms | p95 ms |
|---|---|---:|---:|---:|
{table}

Reproduce (drops and recreates the database `{DATABASE}` on 127.0.0.1:5432):

```sh
make bench-search      # or: .venv/bin/python bench/search.py --articles 100000 --write
```""",
        )
    return 0


def _found(summary: str) -> str:
    """The count a results page states: "1.232 artikel ditemukan." -> "1,232".

    "Banyak artikel ..." (more than the relevance limit, not counted) -> "> 300".
    """
    from warta.search.query import RELEVANCE_LIMIT

    if summary.startswith(("Banyak", "Many")):
        return f"> {RELEVANCE_LIMIT}"
    number = re.search(r"[0-9][0-9.]*", summary)
    return f"{int(number.group().replace('.', '')):,}" if number else "0"


def _query(params: dict) -> str:
    return "&".join(f"{key}={value}" for key, value in params.items())


if __name__ == "__main__":
    sys.exit(main())
