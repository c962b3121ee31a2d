"""WordPress import benchmark: a 50,000-post export into a fresh site, SQLite and PostgreSQL.

Generates the export with bench/wordpress_export.py (a made-up regional portal with about
2,000 photos, written as JPEG files under a media folder), then for each database migrates
a fresh site (SQLite in a temporary folder; PostgreSQL in the database `bench_wordpress` on
127.0.0.1:5432, user postgres, dropped first if it exists) and runs
`warta import-wordpress EXPORT --media-dir DIR` as a child process, twice. It reports the
wall time, posts per second (every post item of the export, whatever its status, over the
wall time) and the child's peak resident memory (its own `ru_maxrss` from wait4, with
/proc read every fifth of a second for the curve). The second run must change nothing:
its report must count nothing imported or updated, and the site's pages, revisions,
bodies, photos, view counts and old addresses must read the same before and after it.

Targets (the issue's): the 50,000 posts in under 300 s on the 2-core machine, and a 1 GB
export in bounded memory, peak RSS under 300 MB. `--big` adds that run: an export of about
1 GB (the same posts with bodies of `--big-body-bytes`), imported once on SQLite. It takes
several times as long as the rest, so `make bench` leaves it out (`make bench-wordpress-big`).

    .venv/bin/python bench/wordpress_import.py [--posts 50000] [--database sqlite,postgres]
        [--big] [--keep] [--write]
    .venv/bin/python bench/wordpress_import.py --profile [--posts 2000]

`--profile` imports on SQLite under cProfile, indexes, imports again, and prints where the
time goes in each.
`--write` replaces the "WordPress import" section of docs/benchmarks.md. Everything stays on
127.0.0.1; the temporary folder and the PostgreSQL database are removed at the end unless
`--keep`.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import machine_description as machine
from common import warta_environment, write_section

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
SERVER = os.environ.get("WARTA_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = "bench_wordpress"
TARGET_SECONDS = 300
TARGET_RSS_MB = 300
TARGET_RSS_MIB = TARGET_RSS_MB * 1e6 / 2**20
SEED = 1
IMPORT_TIMEOUT = 3 * 3600
# `warta worker` on the import's queue (settings.WARTA_TASKS_BACKEND), exiting when it is empty.
INDEX_WORKER = [str(VENV_BIN / "warta"), "db_worker", "--backend", "queued", "--queue-name", "*",
                "--batch", "--no-startup-delay", "--no-reload"]  # fmt: skip

# What the site holds after an import, with digests of every page, body, photo and
# imported item: the second run must leave all of it as the first left it.
SITE_FACTS = """
import hashlib, json
from pathlib import Path
from django.conf import settings
from django.db import connection
from wagtail.images import get_image_model
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page, Revision
from wagtail.search.models import IndexEntry
from warta.engagement.models import ArticleStats
from warta.news.models import ArticlePage
from warta.wordpress.models import ImportedItem, OldAddress

def digest(rows):
    h = hashlib.sha256()
    for row in rows:
        h.update(repr(row).encode())
    return h.hexdigest()[:16]

def raw_bodies():
    # As stored: a StreamValue's repr is not the same from one process to the next.
    with connection.cursor() as cursor:
        cursor.execute("SELECT page_ptr_id, body FROM news_articlepage ORDER BY 1")
        while rows := cursor.fetchmany(2000):
            yield from rows

pages = Page.objects.order_by("pk")
media = Path(settings.MEDIA_ROOT)
print(json.dumps({
    "pages": pages.count(),
    "articles": ArticlePage.objects.count(),
    "live articles": ArticlePage.objects.live().count(),
    "revisions": Revision.objects.count(),
    "photos": get_image_model().objects.count(),
    "media files": sum(1 for p in media.rglob("*") if p.is_file()) if media.exists() else 0,
    "imported items": ImportedItem.objects.count(),
    "old addresses": OldAddress.objects.count(),
    "search index entries": IndexEntry.objects.count(),
    "indexing tasks not done": DBTaskResult.objects.filter(
        task_path="warta.wordpress.tasks.index_imported").exclude(status="SUCCESSFUL").count(),
    "views": sum(ArticleStats.objects.values_list("views", flat=True)),
    "pages digest": digest(pages.values_list(
        "pk", "path", "url_path", "title", "live", "latest_revision_id", "last_published_at",
        "first_published_at").iterator(chunk_size=2000)),
    "bodies digest": digest(raw_bodies()),
    "photos digest": digest(get_image_model().objects.order_by("pk").values_list(
        "pk", "file", "file_hash", "title").iterator(chunk_size=2000)),
    "imported digest": digest(ImportedItem.objects.order_by("pk").values_list(
        "pk", "kind", "key", "object_id", "fingerprint", "views").iterator(chunk_size=2000)),
    "addresses digest": digest(OldAddress.objects.order_by("pk").values_list(
        "pk", "path", "page_id", "url").iterator(chunk_size=2000)),
}))
"""


def run(args: list[str], env: dict | None = None, timeout: float = 1800) -> str:
    return subprocess.run(
        args, env=env, cwd=ROOT, check=True, stdout=subprocess.PIPE, text=True, timeout=timeout
    ).stdout


def psql(sql: str) -> str:
    env = {**os.environ, "PGOPTIONS": "-c client_min_messages=warning"}
    return run(["psql", f"{SERVER}/postgres", "-Atqc", sql], env, timeout=120)


def generate(out: Path, media: Path, posts: int, body_bytes: int) -> dict:
    """Write the export and its photos; the seconds it took and the file's size."""
    started = time.monotonic()
    printed = run(
        [sys.executable, str(ROOT / "bench" / "wordpress_export.py"), "--posts", str(posts),
         "--out", str(out), "--media-dir", str(media), "--seed", str(SEED),
         "--body-bytes", str(body_bytes)],
        timeout=3600,
    )  # fmt: skip
    seconds = time.monotonic() - started
    post_items = sum(
        int(line.split(":")[1].replace(",", ""))
        for line in printed.splitlines()
        if line.strip().startswith("post ")
    )
    print(printed.strip())
    return {"seconds": seconds, "bytes": out.stat().st_size, "posts": post_items}


def fresh_site(database: str, home: Path) -> dict:
    """Migrate an empty site on `database`; its environment for `warta`."""
    home.mkdir(parents=True, exist_ok=True)
    if database == "postgres":
        psql(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        psql(f'CREATE DATABASE "{DATABASE}"')
        url = f"{SERVER}/{DATABASE}"
    else:
        url = f"sqlite:///{home / 'db.sqlite3'}"
    env = warta_environment(home, url, page_cache=True)
    run([str(VENV_BIN / "warta"), "migrate", "--no-input", "-v0"], env)
    return env


def site_facts(env: dict) -> dict:
    printed = run([str(VENV_BIN / "warta"), "shell", "-c", SITE_FACTS], env, timeout=900)
    return json.loads(printed.strip().splitlines()[-1])


def timed_child(command: list[str], env: dict, work: Path, label: str) -> dict:
    """Run `command` as a child process: its wall time, CPU time, peak RSS and RSS curve."""
    log = work / f"{label}.log"
    samples: list[tuple[float, int]] = []
    backends: dict[int, float] = {}
    load = os.getloadavg()[0]
    with open(log, "w") as output:
        started = time.monotonic()
        child = subprocess.Popen(command, env=env, cwd=ROOT, stdout=output, stderr=output)
        finished = threading.Event()
        poller = threading.Thread(
            target=poll_rss, args=(child.pid, started, samples, backends, finished)
        )
        poller.start()
        try:
            _pid, status, usage = wait_with_timeout(child.pid, IMPORT_TIMEOUT)
        finally:
            finished.set()
            poller.join()
        seconds = time.monotonic() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        print(log.read_text()[-4000:], file=sys.stderr)
        raise RuntimeError(f"{label}: exited with {child.returncode} (log: {log})")
    return {
        "seconds": seconds,
        "peak_mib": usage.ru_maxrss / 1024,  # kilobytes on Linux
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "server_cpu_seconds": sum(backends.values()),
        "load": load,
        "samples": samples,
    }


def timed_import(env: dict, export: Path, media: Path, work: Path, label: str) -> dict:
    """The import as a child process, with its report."""
    report = work / f"{label}.json"
    command = [str(VENV_BIN / "warta"), "import-wordpress", str(export),
               "--media-dir", str(media), "--report", str(report)]  # fmt: skip
    result = timed_child(command, env, work, label)
    result["report"] = json.loads(report.read_text())
    return result


def timed_indexing(env: dict, work: Path, label: str) -> dict:
    """The search indexing the import queued, run to the end by one task worker, as the
    worker beside `warta serve` would run it."""
    return timed_child(INDEX_WORKER, env, work, label)


def wait_with_timeout(pid: int, timeout: float):
    deadline = time.monotonic() + timeout
    while True:
        waited = os.wait4(pid, os.WNOHANG)
        if waited[0] == pid:
            return waited
        if time.monotonic() > deadline:
            os.kill(pid, 9)
            os.wait4(pid, 0)
            raise TimeoutError(f"the import took more than {timeout:.0f} s")
        time.sleep(0.1)


def poll_rss(
    pid: int, started: float, samples: list, backends: dict, finished: threading.Event
) -> None:
    """Record the child's RSS every fifth of a second, and every second the CPU time of
    the PostgreSQL backends serving the benchmark's database."""
    status = Path(f"/proc/{pid}/status")
    ticks = 0
    while not finished.is_set():
        try:
            for line in status.read_text().splitlines():
                if line.startswith("VmRSS:"):
                    samples.append((time.monotonic() - started, int(line.split()[1])))
        except (FileNotFoundError, ProcessLookupError):
            return
        if ticks % 5 == 0:
            for backend, seconds in backend_cpu().items():
                backends[backend] = max(seconds, backends.get(backend, 0.0))
        ticks += 1
        finished.wait(0.2)


def backend_cpu() -> dict[int, float]:
    """CPU seconds of each PostgreSQL backend connected to DATABASE (its process title
    reads "postgres: 15/main: postgres bench_wordpress 127.0.0.1(…) …", the cluster's name
    as Debian sets it)."""
    found = {}
    user_and_database = f" postgres {DATABASE} ".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            title = (entry / "cmdline").read_bytes()
            if not title.startswith(b"postgres: ") or user_and_database not in title:
                continue
            fields = (entry / "stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        found[int(entry.name)] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return found


def rss_curve(samples: list[tuple[float, int]]) -> str:
    """RSS in MiB at each fifth of the run, for seeing whether it grows with the export."""
    if not samples:
        return "n/a"
    end = samples[-1][0]
    points = []
    for fifth in range(1, 6):
        moment = end * fifth / 5
        points.append(max(rss for at, rss in samples if at <= moment) / 1024)
    return " → ".join(f"{mib:.0f}" for mib in points)


def changed(report: dict) -> int:
    return sum(
        outcomes.get("imported", 0) + outcomes.get("updated", 0)
        for outcomes in report["objects"].values()
    )


def measure(database: str, export: Path, media: Path, work: Path) -> dict:
    home = work / database
    env = fresh_site(database, home)
    try:
        first = timed_import(env, export, media, work, f"{database}-1")
        indexing = timed_indexing(env, work, f"{database}-1-index")
        before = site_facts(env)
        second = timed_import(env, export, media, work, f"{database}-2")
        timed_indexing(env, work, f"{database}-2-index")
        after = site_facts(env)
        version = psql("SHOW server_version").split()[0] if database == "postgres" else ""
    finally:
        if database == "postgres":
            psql(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
    differences = sorted(key for key in before if before[key] != after.get(key))
    return {"first": first, "indexing": indexing, "second": second, "facts": before,
            "differences": differences, "version": version}  # fmt: skip


def profile(options, work: Path) -> None:
    """Import a small export under cProfile (on the first of --database), run the search
    indexing it queued, then import it again, the same way; print where the time goes."""
    import pstats

    export, media = work / "export.xml", work / "media"
    generate(export, media, options.posts, options.body_bytes)
    database = options.database.split(",")[0]
    env = fresh_site(database, work / database)
    uploads = str(media / "wp-content" / "uploads")
    command = [str(VENV_BIN / "warta"), "import-wordpress", str(export), "--media-dir", uploads]
    steps = {"import": command, "search indexing": INDEX_WORKER, "second import": command}
    for step, argv in steps.items():
        stats = work / f"{step}.prof"
        started = time.monotonic()
        subprocess.run(
            [sys.executable, "-m", "cProfile", "-o", str(stats), *argv],
            env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, timeout=IMPORT_TIMEOUT,
        )  # fmt: skip
        print(f"{step}, {options.posts} posts: {time.monotonic() - started:.1f} s under cProfile")
        for order in ("tottime", "cumulative"):
            pstats.Stats(str(stats)).strip_dirs().sort_stats(order).print_stats(30)


def outcome_line(report: dict, kind: str) -> str:
    outcomes = report["objects"].get(kind, {})
    return ", ".join(f"{count:,} {name}" for name, count in outcomes.items() if count)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=50_000)
    parser.add_argument("--body-bytes", type=int, default=3000)
    parser.add_argument("--database", default="sqlite,postgres", help="sqlite,postgres")
    parser.add_argument("--big", action="store_true", help="also the ~1 GB export on SQLite")
    parser.add_argument("--big-body-bytes", type=int, default=18_000)
    parser.add_argument("--profile", action="store_true", help="cProfile one import")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    options = parser.parse_args()
    if options.profile and options.posts == 50_000:
        options.posts = 2000
    work = Path(tempfile.mkdtemp(prefix="warta-bench-wordpress-"))
    print(f"working in {work}")
    try:
        if options.profile:
            profile(options, work)
            return 0
        return benchmark(options, work)
    finally:
        if options.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def benchmark(options, work: Path) -> int:
    export, media = work / "export.xml", work / "media"
    made = generate(export, media, options.posts, options.body_bytes)
    print(f"export: {made['bytes'] / 1e6:,.0f} MB, {made['posts']:,} posts, "
          f"{made['seconds']:.0f} s to generate")  # fmt: skip
    uploads = media / "wp-content" / "uploads"
    results = {}
    for database in options.database.split(","):
        result = measure(database, export, uploads, work)
        results[database] = result
        first, second = result["first"], result["second"]
        print(
            f"{database}: {first['seconds']:.1f} s ({made['posts'] / first['seconds']:.0f} "
            f"posts/s), peak {first['peak_mib']:.0f} MiB (RSS {rss_curve(first['samples'])}); "
            f"indexing {result['indexing']['seconds']:.1f} s; again: {second['seconds']:.1f} s, "
            f"peak {second['peak_mib']:.0f} MiB, "
            f"{changed(second['report'])} changed, site differs in: "
            f"{', '.join(result['differences']) or 'nothing'}"
        )
        print(f"  site after the first import: {json.dumps(result['facts'])}")
        print(f"  posts: {outcome_line(first['report'], 'post')}; "
              f"again: {outcome_line(second['report'], 'post')}")  # fmt: skip
    big = None
    if options.big:
        export.unlink()
        shutil.rmtree(media)
        big_export, big_media = work / "big.xml", work / "big-media"
        big_made = generate(big_export, big_media, options.posts, options.big_body_bytes)
        env = fresh_site("sqlite", work / "big-sqlite")
        run_big = timed_import(
            env, big_export, big_media / "wp-content" / "uploads", work, "big-sqlite"
        )
        big = {"made": big_made, "run": run_big}
        print(
            f"big export: {big_made['bytes'] / 1e9:.2f} GB generated in "
            f"{big_made['seconds']:.0f} s; imported on SQLite in {run_big['seconds']:.0f} s, "
            f"peak {run_big['peak_mib']:.0f} MiB (RSS {rss_curve(run_big['samples'])})"
        )
    rows, verdicts = table(results, made, big)
    print("\n".join(rows))
    print("\n".join(verdicts))
    if options.write:
        write(options, results, made, big, rows, verdicts)
    failed = any(r["differences"] or changed(r["second"]["report"]) for r in results.values())
    return 1 if failed else 0


NAMES = {"sqlite": "SQLite", "postgres": "PostgreSQL"}


def cpu(result: dict) -> str:
    server = result["server_cpu_seconds"]
    return f"{result['cpu_seconds']:.0f} s" + (f" + {server:.0f} s" if server else "")


def table(results: dict, made: dict, big: dict | None) -> tuple[list[str], list[str]]:
    rows = [
        "| database | import | posts/s | peak RSS | RSS over the import (MiB, each fifth) "
        "| CPU (Warta + PostgreSQL) "
        "| load before | search indexing (worker) | worker's peak RSS | import and indexing |",
        "|---|---:|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    for database, result in results.items():
        first, indexing = result["first"], result["indexing"]
        name = NAMES[database] + (f" {result['version']}" if result["version"] else "")
        rows.append(
            f"| {name} | {first['seconds']:.0f} s | {made['posts'] / first['seconds']:.0f} "
            f"| {first['peak_mib']:.0f} MiB | {rss_curve(first['samples'])} "
            f"| {cpu(first)} | {first['load']:.1f} "
            f"| {indexing['seconds']:.0f} s | {indexing['peak_mib']:.0f} MiB "
            f"| {first['seconds'] + indexing['seconds']:.0f} s |"
        )
    if big:
        run_big = big["run"]
        rows.append(
            f"| SQLite, {big['made']['bytes'] / 1e9:.2f} GB export | {run_big['seconds']:.0f} s "
            f"| {big['made']['posts'] / run_big['seconds']:.0f} | {run_big['peak_mib']:.0f} MiB "
            f"| {rss_curve(run_big['samples'])} | {run_big['cpu_seconds']:.0f} s "
            f"| {run_big['load']:.1f} | (not run) | | |"
        )
    rows += [
        "",
        "| database | second import | its peak RSS | index tasks queued | changed by it |",
        "|---|---:|---:|---:|---|",
    ]
    for database, result in results.items():
        second = result["second"]
        changes = changed(second["report"])
        differs = ", ".join(result["differences"])
        rows.append(
            f"| {NAMES[database]} | {second['seconds']:.0f} s | {second['peak_mib']:.0f} MiB "
            f"| {second['report'].get('index_tasks', 0)} "
            f"| {'nothing' if not changes and not differs else f'{changes} objects; {differs}'} |"
        )
    verdicts = []
    for database, result in results.items():
        seconds, peak = result["first"]["seconds"], result["first"]["peak_mib"]
        searchable = seconds + result["indexing"]["seconds"]
        met = seconds < TARGET_SECONDS and peak < TARGET_RSS_MIB
        verdicts.append(
            f"{NAMES[database]}: {seconds:.0f} s against {TARGET_SECONDS} s, peak "
            f"{peak:.0f} MiB against {TARGET_RSS_MB} MB: {'met' if met else 'NOT met'}; "
            f"with the search indexing, {searchable:.0f} s: "
            f"{'met' if searchable < TARGET_SECONDS else 'NOT met'}."
        )
    if big:
        peak = big["run"]["peak_mib"]
        verdicts.append(
            f"1 GB export: peak {peak:.0f} MiB against {TARGET_RSS_MB} MB: "
            f"{'met' if peak < TARGET_RSS_MIB else 'NOT met'}."
        )
    return rows, verdicts


def memory_note(results: dict, big: dict | None) -> str:
    """How the import's RSS moved from the first fifth of the run to its end."""
    runs = {f"{NAMES[database]}": result["first"] for database, result in results.items()}
    if big:
        runs["the 1 GB export"] = big["run"]
    moves = []
    for name, result in runs.items():
        points = [rss for _at, rss in result["samples"]]
        if points:
            fifth = points[: max(1, len(points) // 5)]
            moves.append(f"{name} {max(fifth) / 1024:.0f} → {max(points) / 1024:.0f} MiB")
    return (
        "Memory over the import, from its first fifth to its end (/proc): "
        + ", ".join(moves)
        + ". The streaming reader and the report's notes are bounded; a batch of 500 stories "
        "is held at once, so longer bodies raise the level. What may still grow with the "
        "number of posts: the run's maps of WordPress IDs to pages and each section's set of "
        "slugs (Python's own allocated blocks grew by about 4% over 6,000 posts). SQLite's "
        "cache of converted query texts keeps none over 16 KB, so bulk inserts no longer "
        "fill it."
    )


def write(options, results, made, big, rows, verdicts) -> None:
    first = next(iter(results.values()))
    facts = first["facts"]
    report = first["first"]["report"]
    command = ".venv/bin/python bench/wordpress_import.py" + (" --big" * bool(big)) + " --write"
    revision = run(["git", "rev-parse", "--short", "HEAD"]).strip()
    if run(["git", "status", "--porcelain", "--", "warta/wordpress", "warta/news"]).strip():
        revision += " with uncommitted changes to the importer"
    imported = {kind: report["objects"].get(kind, {}).get("imported", 0)
                for kind in ("attachment", "tag", "category", "author")}  # fmt: skip
    if big:
        made_big, run_big = big["made"], big["run"]
        minutes = (made_big["seconds"] + run_big["seconds"]) / 60
        big_note = (
            f"The 1 GB run (`--big`, SQLite, imported once, not indexed): the same "
            f"{made_big['posts']:,} posts with bodies of {options.big_body_bytes:,} bytes on "
            f"average, {made_big['bytes'] / 1e9:.2f} GB, generated in "
            f"{made_big['seconds']:.0f} s and imported in {run_big['seconds']:.0f} s. Being "
            f"about {minutes:.0f} minutes more, with a 1 GB file and its database in the "
            "temporary folder, it is left out of `make bench`: `make bench-wordpress-big` runs "
            "the above and it."
        )
    else:
        big_note = (
            "The 1 GB run is left out of `make bench`, being long: `make bench-wordpress-big` "
            "(`--big`) adds it."
        )
    paragraphs = [
        "`warta import-wordpress` of a generated export into a freshly migrated site, run as "
        "a child process: wall time, posts per second (every post item of the export, drafts "
        "and trash included, over the wall time), the child's CPU time (and, on PostgreSQL, "
        "the server's for the same connection), its peak resident memory (`ru_maxrss`) and "
        "its RSS read from /proc over the run. The import leaves the search index to the task "
        "worker (warta/wordpress/tasks.py): the bench then runs one worker until the queue is "
        "empty, as the worker beside `warta serve` would, and times it; until it is done, the "
        "stories are on the site but not found by the search page. Then the same import "
        "again, which must change nothing: its report counts nothing imported or updated, it "
        "queues no indexing, and the site's pages, revisions, bodies, photos, view counts, "
        "search index and old addresses read the same before and after it.",
        f"The export (`bench/wordpress_export.py --posts {options.posts} --seed {SEED}`): a "
        f"made-up regional portal, {made['bytes'] / 1e6:,.0f} MB, {made['posts']:,} posts "
        "(classic and Gutenberg; drafts, pending, scheduled, private and trash among them), "
        f"{imported['attachment']:,} photos as JPEG files, {imported['tag']:,} tags, "
        f"{imported['category']} categories, {imported['author']} authors; generated in "
        f"{made['seconds']:.0f} s. Posts: {outcome_line(report, 'post')}; "
        f"{report['comments_not_imported']:,} comments not imported; "
        f"{report.get('index_tasks', 0)} indexing tasks queued. After the import the site "
        f"holds {facts['articles']:,} articles ({facts['live articles']:,} live: scheduled "
        "stories whose time has passed go live too), "
        f"{facts['photos']:,} photos and {facts['old addresses']:,} old addresses.",
        f"Machine: {machine()}. Run: `{command}` ({datetime.date.today().isoformat()}, at "
        f"{revision}).",
        "\n".join(rows),
        f"Targets: the 50,000 posts in under {TARGET_SECONDS} s; peak RSS under "
        f"{TARGET_RSS_MB} MB ({TARGET_RSS_MIB:.0f} MiB). " + " ".join(verdicts),
        memory_note(results, big),
        big_note,
    ]
    write_section("WordPress import", "\n\n".join(paragraphs))


if __name__ == "__main__":
    sys.exit(main())
