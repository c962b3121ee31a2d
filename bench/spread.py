"""Readers spread over an archive: stories rendered fresh, one read again and again or
thousands read in any order.

Warta keeps per worker what a story page shows besides the story (its neighbours, their
cards, its sections' addresses, the type of page at its address), so one story read again
and again is the kindest case. This measures the other one: the demo topped up with
`generate_archive` to `--stories` articles, served by `warta serve` with the page cache
off (every page rendered), and wrk asking for a story drawn at random on each request
(bench/spread_paths.lua). First the spread is measured once on workers that have seen
almost nothing; then a warm-up asks for every story twice per worker, as workers that
have served for a while have; then each round measures the one story, then the spread.
The report gives both, and the spread's ratio to the one story (target: at least 2/3),
as medians over the rounds. Loopback only, bounded in time; it stops by PID only the
processes it started.

    .venv/bin/python bench/spread.py [--database sqlite|postgres] [--stories 2000]
        [--rounds 3] [--duration 8] [--write]

`--write` replaces the matching section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import http.client
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from common import free_port, load_demo_site, warta_environment, write_section
from common import machine_description as machine
from pages import run, start, stop, wait_until_up, wrk

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
LUA = ROOT / "bench" / "spread_paths.lua"
POSTGRES_BENCH_DB = "warta_bench_spread"
TARGET = 2 / 3
STORY_PATHS = """
from warta.news.models import ArticlePage
for url in ArticlePage.objects.live().order_by("pk").values_list("url_path", flat=True):
    print("/" + url.split("/", 2)[2])
"""


def prepare(workdir: Path, database: str) -> str:
    if database != "postgres":
        return f"sqlite:///{workdir}/var/warta.sqlite3"
    base = os.environ.get("WARTA_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
    for statement in ("DROP DATABASE IF EXISTS", "CREATE DATABASE"):
        subprocess.run(
            ["psql", f"{base}/postgres", "-qc", f"{statement} {POSTGRES_BENCH_DB}"], check=True
        )
    return f"{base}/{POSTGRES_BENCH_DB}"


def drop(database_url: str) -> None:
    if database_url.startswith("postgres"):
        server = database_url.rsplit("/", 1)[0]
        subprocess.run(
            ["psql", f"{server}/postgres", "-qc", f"DROP DATABASE IF EXISTS {POSTGRES_BENCH_DB}"],
            check=False,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--stories", type=int, default=2000, help="articles in the archive")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=8, help="seconds per wrk run")
    parser.add_argument("--workers", type=int, default=0, help="workers (0: one per core)")
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    options = parser.parse_args()
    if not shutil.which("wrk"):
        print("bench: wrk is not installed (apt-get install wrk)", file=sys.stderr)
        return 1
    workdir = Path(tempfile.mkdtemp(prefix="warta-spread-"))
    database_url = prepare(workdir, options.database)
    try:
        results = measure(options, workdir, database_url)
    finally:
        drop(database_url)
        shutil.rmtree(workdir, ignore_errors=True)
    report = render(options, results)
    print(report)
    if options.write:
        write_section(f"Readers spread over an archive ({options.database})", report)
    return 0


def measure(options, workdir: Path, database_url: str) -> dict:
    env = warta_environment(workdir, database_url, page_cache=False)
    print(f"bench: demo and {options.stories:,} stories in {workdir}", flush=True)
    load_demo_site(env)
    warta = str(VENV_BIN / "warta")
    run([warta, "generate_archive", "--articles", str(options.stories), "-v0"], env)
    paths = run([warta, "shell", "-c", STORY_PATHS], env).split()
    paths_file = workdir / "paths.txt"
    paths_file.write_text("\n".join(paths) + "\n")
    one = paths[len(paths) // 2]
    port = free_port()
    workers = ["--workers", str(options.workers)] if options.workers else []
    server = start(
        [warta, "serve", "--bind", f"127.0.0.1:{port}", *workers], env, workdir / "warta.log"
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base + one, log=workdir / "warta.log")
        # First, workers that have seen almost none of the archive (a fresh start, or the
        # archive's long tail): reported beside the rounds, not in the ratio.
        cold = spread_wrk(base, paths_file, options.duration)
        print(f"  cold workers: spread {cold['rps']:.0f} req/s", flush=True)
        warm_up(base, paths, workers=options.workers or os.cpu_count() or 1)
        rounds = []
        for number in range(1, options.rounds + 1):
            repeated = wrk(base + one, options.duration)
            spread = spread_wrk(base, paths_file, options.duration)
            rounds.append((repeated, spread))
            print(
                f"  round {number}: one story {repeated['rps']:.0f} req/s, "
                f"spread {spread['rps']:.0f} req/s ({spread['rps'] / repeated['rps']:.3f})",
                flush=True,
            )
    finally:
        stop(server)
    return {"rounds": rounds, "cold": cold, "stories": len(paths), "one": one}


def warm_up(base: str, paths: list[str], workers: int) -> None:
    """Every story asked for twice per worker, by eight clients keeping their connections:
    each worker of an app server that has served for a while has seen most of the
    archive."""
    started = time.monotonic()
    host, port = base.removeprefix("http://").split(":")
    connections = threading.local()
    asked = paths * workers * 2

    def fetch(path: str) -> None:
        for attempt in range(3):
            if not hasattr(connections, "http"):
                connections.http = http.client.HTTPConnection(host, int(port), timeout=60)
            try:
                connections.http.request("GET", path)
                response = connections.http.getresponse()
                response.read()
                if response.status != 200:
                    raise RuntimeError(f"{path}: {response.status}")
                return
            except (OSError, http.client.HTTPException):
                connections.http.close()
                del connections.http
                if attempt == 2:
                    raise
                time.sleep(0.5)

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(fetch, asked))
    print(f"  warm-up: {len(asked):,} requests in {time.monotonic() - started:.0f} s", flush=True)


def spread_wrk(base: str, paths_file: Path, seconds: int) -> dict:
    return wrk(base + "/", seconds, script=(LUA, str(paths_file)))


def render(options, results: dict) -> str:
    rounds, cold = results["rounds"], results["cold"]
    ratios = [spread["rps"] / repeated["rps"] for repeated, spread in rounds]
    one = statistics.median(repeated["rps"] for repeated, _spread in rounds)
    spread = statistics.median(spread["rps"] for _repeated, spread in rounds)
    ratio = statistics.median(ratios)
    middle = sorted(rounds, key=lambda pair: pair[1]["rps"])[len(rounds) // 2]
    verdict = "met" if ratio >= TARGET else "NOT met"
    return "\n".join(
        [
            f"Machine: {machine()}. Database: {options.database}, the demo and "
            f"{results['stories']:,} live stories, page cache off. wrk -t2 -c32 "
            f"-d{options.duration}s, {options.rounds} rounds, each the one story "
            f"(`{results['one']}`) then a story drawn at random on each request, after a "
            "warm-up asking for every story twice per worker. Run: "
            f"`.venv/bin/python bench/spread.py --database {options.database} --write` "
            f"({time.strftime('%Y-%m-%d')}).",
            "",
            "| case | req/s | p50 | p99 | non-2xx |",
            "|---|---:|---:|---:|---:|",
            f"| one story, again and again | {one:.0f} | {middle[0]['p50']} | "
            f"{middle[0]['p99']} | {sum(r['non_2xx'] for r, _s in rounds)} |",
            f"| stories spread over the archive | {spread:.0f} | {middle[1]['p50']} | "
            f"{middle[1]['p99']} | {sum(s['non_2xx'] for _r, s in rounds)} |",
            f"| the same, workers just started (once, before the warm-up) | "
            f"{cold['rps']:.0f} | {cold['p50']} | {cold['p99']} | {cold['non_2xx']} |",
            "",
            f"Spread ÷ one story: {ratio:.3f} (median; rounds "
            + ", ".join(f"{r:.3f}" for r in ratios)
            + f"); target at least {TARGET:.3f}: {verdict}.",
        ]
    )


if __name__ == "__main__":
    sys.exit(main())
