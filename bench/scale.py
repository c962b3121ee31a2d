"""Archive-size benchmark: reader pages and sitemaps at 1,000 and at 100,000 articles.

Creates the PostgreSQL database `warta_bench_scale` on 127.0.0.1:5432 (user postgres;
dropped first if it exists), migrates it, collects the static files, loads the demo
content and tops it up with `generate_archive` to `--articles-small` articles. Then it
starts `warta serve` on 127.0.0.1 with the page cache off (every page rendered fresh:
that is where the size of the archive could hurt), measures each URL with wrk, stops
the server, grows the archive to `--articles-large` articles, starts it again and
measures the same URLs. Rounds interleave the URLs and the median round counts. After
each wrk run the queries it left running are cancelled and the script waits until the
server and PostgreSQL are idle, then times requests one at a time for the CPU they cost
(server and PostgreSQL backends), a figure other load on the machine moves far less.
SQL queries per URL are counted in-process at each size. It prints, per URL, req/s at
both sizes, the slowdown (req/s small / req/s large; target at most 1.3), p50 and CPU
per request at both. The server is stopped by its PID, the database dropped unless
`--keep`.

    .venv/bin/python bench/scale.py [--articles-small 1000] [--articles-large 100000]
        [--duration 8] [--rounds 3] [--keep] [--write]

A quick dry run: `--articles-small 200 --articles-large 2000 --duration 3 --rounds 1`.
`--write` replaces the "Scale" section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from common import free_port, warta_environment, write_section
from common import machine_description as machine
from pages import start, stop, wait_until_up

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
SERVER = os.environ.get("WARTA_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATABASE = "warta_bench_scale"
WRK_THREADS, WRK_CONNECTIONS = 2, 32
WRK_TIMEOUT = 60  # seconds: a 50,000-URL sitemap page takes longer than wrk's default 2 s
TARGET_SLOWDOWN = 1.3
GENERATE_TIMEOUT = 3 * 3600
# Besides one demo article: the pages and sitemaps whose queries cover the whole archive.
URLS = {
    "/": "home",
    "/daerah/pati/": "section",
    "/sitemap.xml": "sitemap index",
    "/sitemap-pages-1.xml": "sections sitemap",
    "/sitemap-articles-1.xml": "articles sitemap, page 1",
    "/sitemap-tags-1.xml": "tags sitemap",
    "/sitemap-people-1.xml": "people sitemap",
    "/sitemap-news-1.xml": "Google News sitemap",
    "/feeds/rss/": "RSS feed",
}

# A demo story in Pati, and how many stories the demo has: its URL stays as the archive grows.
DEMO_ARTICLE = """
from warta.news.models import ArticlePage
article = ArticlePage.objects.live().filter(url_path__contains="/daerah/pati/").order_by("pk")[0]
print(ArticlePage.objects.count(), article.url)
"""
DATABASE_FACTS = """
from django.db import connection
from warta.news.models import ArticlePage
with connection.cursor() as cursor:
    cursor.execute("VACUUM ANALYZE")  # fresh statistics, as autovacuum would leave them
    cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database())), version()")
    size, version = cursor.fetchone()
print(ArticlePage.objects.live().count(), size, " ".join(version.split()[:2]), sep="|")
"""
# In-process, page cache off: queries per request (streamed sitemaps consumed inside
# the capture), their total time and the slowest one, for finding what grew.
COUNT_QUERIES = """
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client()
for path in json.loads(PATHS):
    def body(response):
        if response.streaming:
            return b"".join(response.streaming_content)
        return response.content
    body(client.get(path, HTTP_HOST="127.0.0.1"))
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, HTTP_HOST="127.0.0.1")
        content = body(response)
    slowest = max(captured.captured_queries, key=lambda q: float(q["time"]), default=None)
    print(json.dumps({
        "path": path,
        "status": response.status_code,
        "queries": len(captured),
        "sql_ms": round(sum(float(q["time"]) for q in captured.captured_queries) * 1000, 1),
        "slowest_ms": round(float(slowest["time"]) * 1000, 1) if slowest else 0,
        "slowest_sql": slowest["sql"] if slowest else "",
        "locs": content.count(b"<loc>"),
        "bytes": len(content),
    }))
"""


def psql(sql: str) -> None:
    subprocess.run(["psql", f"{SERVER}/postgres", "-qc", sql], check=True, timeout=120)


def warta(args: list[str], env: dict, timeout: float = 900) -> str:
    return subprocess.run(
        [str(VENV_BIN / "warta"), *args],
        env=env,
        cwd=ROOT,
        check=True,
        stdout=subprocess.PIPE,  # errors go to the terminal
        text=True,
        timeout=timeout,
    ).stdout


def django_shell(code: str, env: dict) -> str:
    return warta(["shell", "-c", code], env).strip().splitlines()[-1]


def grow_archive(env: dict, total: int, demo_articles: int) -> float:
    """Generate archive articles until the site holds `total`; returns the seconds it took."""
    started = time.monotonic()
    subprocess.run(
        [
            str(VENV_BIN / "warta"),
            "generate_archive",
            "--articles",
            str(total - demo_articles),
            "--seed",
            "1",
        ],
        env=env,
        cwd=ROOT,
        check=True,
        timeout=GENERATE_TIMEOUT,
    )
    return time.monotonic() - started


def to_ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def wrk(url: str, seconds: int) -> dict:
    command = [
        "wrk",
        f"-t{WRK_THREADS}",
        f"-c{WRK_CONNECTIONS}",
        f"-d{seconds}s",
        "--timeout",
        f"{WRK_TIMEOUT}s",
        "--latency",
        url,
    ]
    output = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=seconds + WRK_TIMEOUT + 30
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", output, re.MULTILINE))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "p50_ms": to_ms(latency["50"]) if "50" in latency else None,
        "p99_ms": to_ms(latency["99"]) if "99" in latency else None,
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def descendants(pid: int) -> list[int]:
    """`pid` and every process under it, from the PPid lines in /proc."""
    children: dict[int, list[int]] = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            ppid = int(re.search(r"^PPid:\s+(\d+)", status.read_text(), re.M).group(1))
        except (OSError, AttributeError):
            continue
        children.setdefault(ppid, []).append(int(status.parent.name))
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        queue.extend(children.get(current, []))
    return found


def cpu_seconds(pids: list[int]) -> dict[int, float]:
    """User plus system CPU seconds of each process still there."""
    seconds = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        seconds[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return seconds


def wait_idle(pid: int, timeout: float = 180) -> None:
    """Until the server and its PostgreSQL backends use under 5% of a core.

    wrk leaves up to 32 requests in flight when it stops; the queries still running for
    them are cancelled (they run on this benchmark's own database, for nobody), and the
    rest of the work they leave would slow the next measurement.
    """
    cancel_running_queries()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pids = descendants(pid) + backends()
        before = sum(cpu_seconds(pids).values())
        time.sleep(1)
        if sum(cpu_seconds(pids).values()) - before < 0.05:
            return


def cancel_running_queries() -> None:
    subprocess.run(
        [
            "psql",
            f"{SERVER}/postgres",
            "-qAtc",
            "SELECT count(pg_cancel_backend(pid)) FROM pg_stat_activity "
            f"WHERE datname = '{DATABASE}' AND state = 'active' AND pid <> pg_backend_pid()",
        ],
        capture_output=True,
        check=True,
        timeout=60,
    )


def backends() -> list[int]:
    """PostgreSQL's server processes for the benchmark database (connections persist 60 s)."""
    output = subprocess.run(
        [
            "psql",
            f"{SERVER}/postgres",
            "-Atc",
            f"SELECT pid FROM pg_stat_activity WHERE datname = '{DATABASE}'",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    return [int(line) for line in output.split()]


def cpu_per_request(url: str, server_pid: int, seconds: float = 3) -> tuple[float, float]:
    """(CPU ms, wall ms) per request, one request at a time: the CPU of the server and of its
    PostgreSQL backends, which other load on a shared machine disturbs far less than req/s."""
    before = cpu_seconds(descendants(server_pid) + backends())
    count, started = 0, time.monotonic()
    while count < 3 or time.monotonic() - started < seconds:
        urllib.request.urlopen(url, timeout=WRK_TIMEOUT).read()  # noqa: S310 - loopback
        count += 1
    wall = time.monotonic() - started
    after = cpu_seconds(descendants(server_pid) + backends())
    used = sum(value - before.get(pid, 0) for pid, value in after.items())
    return used / count * 1000, wall / count * 1000


def measure(options, env: dict, paths: list[str], label: str) -> dict:
    """wrk over every path, `rounds` times interleaved, against a server started for it."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    workdir = Path(env["WARTA_HOME"])
    command = [str(VENV_BIN / "warta"), "serve", "--bind", f"127.0.0.1:{port}"]
    if options.workers:
        command += ["--workers", str(options.workers)]
    server = start(command, env, workdir / f"warta-{label}.log")
    runs: dict[str, list[dict]] = {path: [] for path in paths}
    try:
        wait_until_up(base + "/robots.txt", timeout=120)
        for path in paths:  # warm-up: templates, connections, PostgreSQL's buffers
            for _ in range(2):
                urllib.request.urlopen(base + path, timeout=WRK_TIMEOUT).read()  # noqa: S310
        for round_number in range(options.rounds):
            for path in paths:
                wait_idle(server.pid)
                result = wrk(base + path, options.duration)
                wait_idle(server.pid)
                result["cpu_ms"], result["solo_ms"] = cpu_per_request(base + path, server.pid)
                runs[path].append(result)
                print(
                    f"  {label} round {round_number + 1}: {path:<60} {result['rps']:>8.1f} req/s "
                    f"p50 {result['p50_ms']:.0f} ms, alone {result['solo_ms']:.0f} ms "
                    f"with {result['cpu_ms']:.0f} ms CPU",
                    flush=True,
                )
    finally:
        stop(server)
    counted = {}
    code = f"PATHS = {json.dumps(json.dumps(paths))}\n{COUNT_QUERIES}"
    output = warta(["shell", "-c", code], env, timeout=1800)
    for line in output.splitlines():
        if line.startswith("{"):
            row = json.loads(line)
            counted[row["path"]] = row
    return {path: summarise(runs[path], counted.get(path, {})) for path in paths}


def summarise(runs: list[dict], counted: dict) -> dict:
    """The round with the median req/s (the lower middle one for an even count)."""
    ordered = sorted(runs, key=lambda run: run["rps"])
    median = ordered[(len(ordered) - 1) // 2]
    return {
        **median,
        "rps_rounds": [run["rps"] for run in runs],
        "rps_median": statistics.median(run["rps"] for run in runs),
        "cpu_ms": statistics.median(run["cpu_ms"] for run in runs),
        "solo_ms": statistics.median(run["solo_ms"] for run in runs),
        **{key: counted.get(key) for key in ("queries", "sql_ms", "slowest_ms", "locs", "bytes")},
        "slowest_sql": counted.get("slowest_sql", ""),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles-small", type=int, default=1_000)
    parser.add_argument("--articles-large", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=8, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="wrk runs per URL and size")
    parser.add_argument("--workers", type=int, default=0, help="workers (0: one per core)")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    options = parser.parse_args()
    if options.articles_large <= options.articles_small:
        parser.error("--articles-large must be more than --articles-small")

    workdir = Path(tempfile.mkdtemp(prefix="warta-bench-scale-"))
    env = warta_environment(workdir, f"{SERVER}/{DATABASE}", page_cache=False)
    psql(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
    psql(f'CREATE DATABASE "{DATABASE}"')
    sizes: dict[str, dict] = {}
    try:
        print(f"bench: preparing {DATABASE} in {workdir}", flush=True)
        warta(["migrate", "--no-input", "-v0"], env)
        warta(["collectstatic", "--no-input", "-v0"], env)
        warta(["load_demo"], env)
        demo_articles, article = django_shell(DEMO_ARTICLE, env).split()
        demo_articles = int(demo_articles)
        if options.articles_small < demo_articles:
            parser.error(f"--articles-small must be at least the demo's {demo_articles}")
        names = {article: "article (demo)", **URLS}
        paths = list(names)
        for label, total in (("small", options.articles_small), ("large", options.articles_large)):
            print(f"bench: growing the archive to {total:,} articles", flush=True)
            seconds = grow_archive(env, total, demo_articles)
            live, size, version = django_shell(DATABASE_FACTS, env).split("|")
            sizes[label] = {
                "articles": int(live),
                "database_size": size,
                "generate_seconds": seconds,
                "results": measure(options, env, paths, label),
            }
            print(f"bench: {int(live):,} live articles, database {size}", flush=True)
    finally:
        if not options.keep:
            psql(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        subprocess.run(["rm", "-rf", str(workdir)], check=False)

    print(json.dumps(sizes, indent=1, default=str))
    report = render(options, sizes, version, names)
    print(report)
    if options.write:
        write_section("Scale", report)
    return 0


def slowdown(small: dict, large: dict, key: str = "rps") -> float:
    """How many times slower at the large size: by req/s, or by CPU per request."""
    if key == "rps":
        return small["rps"] / large["rps"] if large["rps"] else float("inf")
    return large[key] / small[key] if small[key] else float("inf")


def grows(small: dict, large: dict) -> bool:
    """A sitemap page that lists many more URLs at the large size (up to 50,000 a page)."""
    return bool(small.get("locs")) and (large.get("locs") or 0) >= 2 * small["locs"]


def per_url(ratio: float, small: dict, large: dict) -> float:
    return ratio * small["locs"] / large["locs"]


def render(options, sizes: dict, version: str, names: dict[str, str]) -> str:
    small, large = sizes["small"], sizes["large"]
    n_small, n_large = f"{small['articles']:,}", f"{large['articles']:,}"
    command = "`.venv/bin/python bench/scale.py"
    if options.articles_small != 1000:
        command += f" --articles-small {options.articles_small}"
    if options.articles_large != 100_000:
        command += f" --articles-large {options.articles_large}"
    command += " --write`"
    rounds = f"{options.rounds} round{'s' if options.rounds > 1 else ''}"
    lines = [
        f"Reader pages and sitemaps rendered fresh (`WARTA_PAGE_CACHE=0`) by `warta serve` "
        f"on {version}, at {n_small} and at {n_large} live articles (the demo plus "
        f"`generate_archive`, then `VACUUM ANALYZE`; database {small['database_size']}, then "
        f"{large['database_size']}; growing it took {large['generate_seconds']:.0f} s). "
        f"wrk -t{WRK_THREADS} -c{WRK_CONNECTIONS} -d{options.duration}s --timeout "
        f"{WRK_TIMEOUT}s on the same machine, {rounds} interleaving the URLs, the median "
        f"kept; the queries wrk leaves running when it stops are cancelled and the script "
        f"waits until the server and PostgreSQL are idle. *CPU/request* is the CPU time of "
        f"the server and its PostgreSQL backends per request, measured with one request at a "
        f"time after each wrk run: other load on this shared machine moves it far less than "
        f"req/s.",
        "",
        f"Machine: {machine()}. Run: {command} ({time.strftime('%Y-%m-%d')}).",
        "",
        f"| URL | URLs listed | req/s {n_small} | req/s {n_large} | slowdown (req/s) "
        f"| p50 {n_small} | p50 {n_large} | CPU/request | slowdown (CPU) | SQL queries |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    over = []
    for path, a in small["results"].items():
        b = large["results"][path]
        by_rps, by_cpu = slowdown(a, b), slowdown(a, b, "cpu_ms")
        shown_rps, shown_cpu = f"{by_rps:.2f}", f"{by_cpu:.2f}"
        if grows(a, b):
            by_rps, by_cpu = per_url(by_rps, a, b), per_url(by_cpu, a, b)
            shown_rps += f" ({by_rps:.2f} per URL)"
            shown_cpu += f" ({by_cpu:.2f} per URL)"
        if by_rps > TARGET_SLOWDOWN:
            over.append(f"`{path}` ({by_rps:.2f}, by CPU {by_cpu:.2f})")
            shown_rps = f"**{shown_rps}**"
        if by_cpu > TARGET_SLOWDOWN:
            shown_cpu = f"**{shown_cpu}**"
        listed = f"{a['locs']:,} → {b['locs']:,}" if a.get("locs") or b.get("locs") else ""
        lines.append(
            f"| {names[path]} `{path}` | {listed} | {a['rps']:.1f} | {b['rps']:.1f} | {shown_rps} "
            f"| {a['p50_ms']:.0f} ms | {b['p50_ms']:.0f} ms "
            f"| {a['cpu_ms']:.0f} → {b['cpu_ms']:.0f} ms | {shown_cpu} "
            f"| {a['queries']} → {b['queries']} |"
        )
    lines += [
        "",
        f"*Slowdown* is req/s at {n_small} articles over req/s at {n_large} (and CPU per "
        f"request at {n_large} over {n_small}); the target is at most {TARGET_SLOWDOWN}. A "
        f"sitemap page that lists many more URLs as the archive grows is judged per listed "
        f"URL. "
        + ("Over the target by req/s: " + ", ".join(over) + "." if over else "All met it."),
    ]
    failed = [
        f"`{path}` at {size['articles']:,} ({result['non_2xx']} non-2xx"
        + (f"; socket errors: {result['socket_errors']}" if result["socket_errors"] else "")
        + ")"
        for size in (small, large)
        for path, result in size["results"].items()
        if result["non_2xx"] or result["socket_errors"]
    ]
    if failed:
        lines.append("Errors in the kept wrk runs: " + ", ".join(failed) + ".")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
