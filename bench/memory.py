"""Worker memory benchmark: resident memory of each `warta serve` worker over 50,000 requests.

Builds a fresh SQLite demo site in a temporary folder (migrate, collectstatic, load_demo),
starts `warta serve --workers 2` on 127.0.0.1 with the page cache off (every request runs
Django: the harder case) and then, with `--page-cache off,on`, a second server with it on.
Sixteen keep-alive connections cycle through a mix of reader URLs (home, sections,
articles, tag and reporter pages, the archive, feeds, sitemaps, searches, a 404, the
engagement read endpoint) in chunks bounded by request count and by time: first a
warm-up, then `--requests` requests, reading every worker's VmRSS from /proc after the
warm-up and after each `--interval` requests. Reports per worker the RSS after warm-up,
at the end, the maximum and the growth (end over after-warm-up; target under 10%).
Loopback only, and only the server it started is stopped, by its PID.

    .venv/bin/python bench/memory.py [--requests 50000] [--interval 5000] [--warmup 2000]
        [--page-cache off|on|off,on] [--write]

A quick dry run: `--requests 2000 --interval 500 --warmup 200`.
`--write` replaces the "Worker memory" section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import collections
import http.client
import itertools
import json
import re
import shutil
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from common import free_port, load_demo_site, warta_environment, write_section
from common import machine_description as machine
from pages import run, start, stop, wait_until_up

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
WORKERS = 2
CLIENTS = 16  # concurrent keep-alive connections: several per server thread (2 workers x 2)
CHUNK_TIMEOUT = 900  # seconds: the bound of one chunk of requests
TARGET_GROWTH = 10.0  # percent

# The reader URLs of the demo: what a crawler and readers ask for over a day.
READER_PATHS = """
import json
from django.urls import reverse
from django.utils import translation
from taggit.models import Tag
from warta.news.models import ArticlePage, Person, SectionPage
translation.activate("id")
live = ArticlePage.objects.live().public()
articles = list(live.order_by("-published_at")[:24])
sections = [section.url for section in SectionPage.objects.live().public().order_by("path")]
tags = Tag.objects.filter(pk__in=live.values("tagged_items__tag")).order_by("slug")[:6]
people = Person.objects.filter(pk__in=live.values("reporter_links__person")).order_by("slug")[:4]
paths = ["/", "/", *sections, *(article.url for article in articles)]
paths += [reverse("news:tag", kwargs={"slug": tag.slug}) for tag in tags]
paths += [reverse("news:reporter", kwargs={"slug": person.slug}) for person in people]
paths += ["/arsip/", "/en/", "/robots.txt", "/tidak-ada-halaman-ini/"]
paths += ["/feeds/rss/", "/feeds/atom/", f"/feeds/tag/{tags[0].slug}/rss/"]
paths += [f"/feeds/penulis/{people[0].slug}/rss/", "/feeds/daerah/pati/rss/"]
paths += ["/sitemap.xml"] + [f"/sitemap-{kind}-1.xml" for kind in
          ("pages", "articles", "tags", "people", "news")]
paths += ["/cari/?q=banjir", "/cari/?q=pati", "/cari/?q=harga+cabai", "/cari/?q=tidakadahasil"]
paths += [f"/api/engagement/v1/articles/{article.pk}" for article in articles[:8]]
print(json.dumps(paths))
"""


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (granian's workers), from /proc."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{pid}$", text, re.MULTILINE):
            found.append(int(status.parent.name))
    return sorted(found)


def rss_kib(pid: int) -> int | None:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    return int(re.search(r"^VmRSS:\s+(\d+) kB", text, re.MULTILINE).group(1))


def workers_of(server_pid: int, timeout: float = 60) -> list[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pids = [pid for pid in children(server_pid) if rss_kib(pid)]
        if len(pids) >= WORKERS:
            return pids
        time.sleep(0.5)
    raise RuntimeError(f"the server has {len(pids)} workers, expected {WORKERS}")


def send(port: int, paths: list[str], count: int, start_at: int) -> dict:
    """`count` requests over the mix, from `CLIENTS` keep-alive connections, in time bound.

    wrk is bounded by duration, not count (a Lua thread:stop() still leaves it sleeping
    out its -d), so this is a plain http.client loop; the server, not this client, is
    the slow side when pages are rendered fresh.
    """
    numbers = itertools.count(start_at)
    end = start_at + count
    statuses: collections.Counter = collections.Counter()
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + CHUNK_TIMEOUT

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.monotonic() < deadline:
            number = next(numbers)
            if number >= end:
                break
            try:
                connection.request("GET", paths[number % len(paths)])
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                connection.close()  # reconnect on the next request
                status = "error"
            with lock:
                statuses[str(status)] += 1
                errors[0] += status == "error"
        connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {
        "responses": sum(statuses.values()) - errors[0],
        "seconds": time.monotonic() - started,
        "errors": errors[0],
        "statuses": dict(statuses),
    }


def expected_statuses(base: str, paths: list[str]) -> dict[str, int]:
    statuses = {}
    for path in paths:
        try:
            with urllib.request.urlopen(base + path, timeout=30) as response:  # noqa: S310
                response.read()
                statuses[path] = response.status
        except urllib.error.HTTPError as error:
            statuses[path] = error.code
    return statuses


def soak(options, workdir: Path, env: dict, paths: list[str], label: str) -> dict:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start(
        [
            str(VENV_BIN / "warta"),
            "serve",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
        ],
        env,
        workdir / f"warta-{label}.log",
    )
    try:
        wait_until_up(base + "/robots.txt", timeout=120)
        workers = workers_of(server.pid)
        statuses = expected_statuses(base, paths)
        unexpected = {path: code for path, code in statuses.items() if code != 200}
        print(f"bench: {label}: {len(paths)} paths, not 200: {unexpected}", flush=True)
        warmup = send(port, paths, options.warmup, 0)
        readings = [(0, {pid: rss_kib(pid) for pid in workers})]
        main_rss = [rss_kib(server.pid)]
        print(f"  {label} after warm-up: {_mib(readings[-1][1])}", flush=True)
        sent, chunks, started = 0, [], time.monotonic()
        while sent < options.requests:
            chunk = send(port, paths, min(options.interval, options.requests - sent), sent)
            chunks.append(chunk)
            sent += chunk["responses"]
            readings.append((sent, {pid: rss_kib(pid) for pid in workers}))
            main_rss.append(rss_kib(server.pid))
            print(
                f"  {label} {sent:>6} requests ({chunk['responses'] / chunk['seconds']:.0f}/s): "
                f"{_mib(readings[-1][1])}",
                flush=True,
            )
            if chunk["responses"] == 0:
                raise RuntimeError("a chunk got no responses; see the server log")
        seconds = time.monotonic() - started
        respawned = sorted(set(children(server.pid)) - set(workers))
    finally:
        stop(server)
    codes: dict[str, int] = {}
    for chunk in chunks:
        for code, count in chunk["statuses"].items():
            codes[code] = codes.get(code, 0) + count
    return {
        "label": label,
        "paths": len(paths),
        "not_200": unexpected,
        "warmup": warmup["responses"],
        "requests": sent,
        "seconds": seconds,
        "statuses": codes,
        "errors": sum(chunk["errors"] for chunk in chunks),
        "readings": readings,
        "main_rss": main_rss,
        "respawned": respawned,
        "workers": {pid: summarise([reading[1][pid] for reading in readings]) for pid in workers},
    }


def summarise(series: list[int | None]) -> dict:
    """After warm-up, end, max and growth of one worker; None in the series: it was gone."""
    gone = None in series
    values = [value for value in series if value is not None]
    start_kib, end_kib, max_kib = values[0], values[-1], max(values)
    return {
        "start_kib": start_kib,
        "end_kib": end_kib,
        "max_kib": max_kib,
        "growth_pct": (end_kib - start_kib) / start_kib * 100,
        "max_growth_pct": (max_kib - start_kib) / start_kib * 100,
        "gone": gone,
    }


def _mib(reading: dict[int, int | None]) -> str:
    return ", ".join(
        f"{pid}: {kib / 1024:.1f} MiB" if kib else f"{pid}: gone" for pid, kib in reading.items()
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50_000)
    parser.add_argument("--interval", type=int, default=5_000, help="requests between readings")
    parser.add_argument("--warmup", type=int, default=2_000)
    parser.add_argument("--page-cache", default="off,on", help="off, on, or off,on")
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    options = parser.parse_args()
    modes = options.page_cache.split(",")
    if not modes or set(modes) - {"off", "on"}:
        parser.error("--page-cache takes off, on or off,on")

    workdir = Path(tempfile.mkdtemp(prefix="warta-bench-memory-"))
    database_url = f"sqlite:///{workdir}/var/warta.sqlite3"
    results = []
    try:
        env = warta_environment(workdir, database_url, page_cache=False)
        print(f"bench: preparing the SQLite demo in {workdir}", flush=True)
        warta = [str(VENV_BIN / "warta")]
        load_demo_site(env)
        paths = json.loads(run([*warta, "shell", "-c", READER_PATHS], env).splitlines()[-1])
        for mode in modes:
            env = warta_environment(workdir, database_url, page_cache=mode == "on")
            results.append(soak(options, workdir, env, paths, f"page cache {mode}"))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    print(json.dumps(results, indent=1))
    report = render(options, results)
    print(report)
    if options.write:
        write_section("Worker memory", report)
    return 0 if all(not problems(result) for result in results) else 1


def server_errors(result: dict) -> int:
    """Answers a reader should never get: 5xx, or a connection that failed."""
    return sum(
        count
        for code, count in result["statuses"].items()
        if code.startswith("5") or code == "error"
    )


def problems(result: dict) -> list[str]:
    """Why a run misses the target or does not count: growth, respawned workers, errors."""
    found = [
        f"worker {number} grew {worker['growth_pct']:+.1f}%"
        for number, worker in enumerate(result["workers"].values(), 1)
        if worker["growth_pct"] >= TARGET_GROWTH
    ]
    if result["respawned"] or any(worker["gone"] for worker in result["workers"].values()):
        found.append("a worker was respawned")
    if server_errors(result):
        found.append(
            f"{server_errors(result):,} of {result['requests']:,} requests failed (5xx or "
            f"connection errors), so the figures do not show the normal path"
        )
    return found


def render(options, results: list[dict]) -> str:
    command = ".venv/bin/python bench/memory.py --write"
    if options.requests != 50_000:
        command += f" --requests {options.requests}"
    if options.page_cache != "off,on":
        command += f" --page-cache {options.page_cache}"
    lines = [
        f"Resident memory (VmRSS) of each `warta serve --workers {WORKERS}` worker (granian, "
        f"2 threads each) over {options.requests:,} requests after a warm-up of "
        f"{options.warmup:,}, read from /proc every {options.interval:,} requests. SQLite demo "
        f"site; {CLIENTS} keep-alive connections (Python's http.client) cycling through "
        f"{results[0]['paths']} reader URLs: home, sections, articles, tag and reporter pages, "
        f"the archive, feeds, sitemaps, searches, a 404 and the engagement read endpoint.",
        "",
        f"Machine: {machine()}. Run: `{command}` ({time.strftime('%Y-%m-%d')}).",
        "",
        "| page cache | worker | after warm-up | at the end | max | growth | requests/s |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        for number, worker in enumerate(result["workers"].values(), 1):
            growth = f"{worker['growth_pct']:+.1f}%"
            if worker["growth_pct"] >= TARGET_GROWTH or worker["gone"]:
                growth = f"**{growth}**" + (" (respawned)" if worker["gone"] else "")
            lines.append(
                f"| {result['label'].removeprefix('page cache ')} | {number} "
                f"| {worker['start_kib'] / 1024:.1f} MiB | {worker['end_kib'] / 1024:.1f} MiB "
                f"| {worker['max_kib'] / 1024:.1f} MiB | {growth} "
                f"| {result['requests'] / result['seconds']:.0f} |"
            )
    lines.append("")
    for result in results:
        series = "; ".join(
            f"worker {number}: "
            + " ".join(
                f"{reading[1][pid] / 1024:.0f}" if reading[1][pid] else "–"
                for reading in result["readings"]
            )
            for number, pid in enumerate(result["workers"], 1)
        )
        statuses = sorted(result["statuses"].items())
        codes = ", ".join(f"{code}: {count:,}" for code, count in statuses)
        lines.append(
            f"- {result['label']}: {result['requests']:,} requests in {result['seconds']:.0f} s "
            f"({codes}). RSS in MiB after warm-up "
            f"and every {options.interval:,} requests, {series}."
        )
    lines.append("")
    for result in results:
        found = problems(result)
        lines.append(
            f"Target, under {TARGET_GROWTH:.0f}% growth per worker, {result['label']}: "
            + ("met." if not found else "**not met**: " + "; ".join(found) + ".")
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
