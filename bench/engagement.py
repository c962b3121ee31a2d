"""Load run of the view beacon: accepted views per second, p99, and zero lost.

Starts `warta serve` on 127.0.0.1 with a database of its own (a temporary
SQLite file, or a PostgreSQL database it creates and drops), points wrk at one
article's beacon with a new reader id per request, and stops the server with SIGTERM.
Each database gets two runs of the same length. The first measures speed, with the
server as `warta serve` runs by default (no access log) and, just before and just
after, nginx serving the article's page as a static file with the same wrk settings:
the figure is the views wrk saw accepted, also as a ratio to the mean of the two. The
second counts: the server writes an access log, and the stored total must equal the
views it accepted (the 202 answers in its log; wrk's own tally misses the requests still
in flight when it stops). Writing that log costs the server about a seventh of its
speed, which is why the speed run goes without it; the counting run's speed is shown
too. Loopback only, bounded in time, ends only the processes it started.

    .venv/bin/python bench/engagement.py                      # SQLite and PostgreSQL
    .venv/bin/python bench/engagement.py --database sqlite --duration 10
    .venv/bin/python bench/engagement.py --redis redis://127.0.0.1:6379/3
    .venv/bin/python bench/engagement.py --write              # also update docs/benchmarks.md

Needs wrk and nginx (apt-get install wrk nginx). Results go to stdout and bench/results/; `--write`
replaces the "View beacon" section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from common import free_port, machine_facts, write_section
from pages import static_baseline

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
LUA = ROOT / "bench" / "engagement_views.lua"
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"

CREATE_ARTICLE = """
from wagtail.models import Site
from warta.news.models import ArticlePage, SectionPage
home = Site.objects.get(is_default_site=True).root_page.specific
section = home.add_child(instance=SectionPage(title="Bench", slug="bench"))
article = section.add_child(instance=ArticlePage(
    title="Berita ramai dibaca", slug="berita-ramai", body=[("paragraph", "<p>Isi.</p>")]))
print(article.pk, article.url)
"""
STORED_VIEWS = """
from django.db.models import Sum
from warta.engagement.models import ArticleStats, DailyArticleStats
total = ArticleStats.objects.aggregate(n=Sum("views"))["n"] or 0
daily = DailyArticleStats.objects.aggregate(n=Sum("views"))["n"] or 0
print(total, daily)
"""


def machine() -> dict:
    return {**machine_facts(), "load_before": os.getloadavg()[0]}


def run_django(env: dict, code: str) -> str:
    result = subprocess.run(
        [PYTHON, "-m", "warta", "shell", "-c", code],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1]


class PostgresDatabase:
    """A database of the run's own, created and dropped around it."""

    def __init__(self, admin_url: str):
        import psycopg

        self.psycopg = psycopg
        self.admin_url = admin_url
        self.name = f"warta_bench_{os.getpid()}_{secrets.token_hex(3)}"

    def __enter__(self) -> str:
        with self.psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{self.name}"')
        return self.admin_url.rsplit("/", 1)[0] + "/" + self.name

    def __exit__(self, *exc):
        with self.psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def wait_ready(url: str, server: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("the server stopped while starting; see its log")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - loopback only
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise RuntimeError("the server did not answer in time")


def bench(database: str, args, postgres_url: str | None = None, *, counting: bool) -> dict:
    """One run: for speed (nginx measured before and after), or `counting` (access log on)."""
    work = Path(tempfile.mkdtemp(prefix="warta-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": args.settings,
        "WARTA_SECRET_KEY": secrets.token_urlsafe(60),
        "WARTA_VAR_DIR": str(work / "var"),
        "WARTA_SECURE_COOKIES": "0",
        # One address sends every request: lift its limits, keep the per-reader one.
        "WARTA_ENGAGEMENT_IP_RATE": "1000000000/10m",
        "WARTA_ENGAGEMENT_ADDRESS_ARTICLE_RATE": "1000000000/h",
        "DATABASE_URL": postgres_url or f"sqlite:///{work / 'warta.sqlite3'}",
    }
    if args.redis:
        env["REDIS_URL"] = args.redis
        env["WARTA_ENGAGEMENT_REDIS_PREFIX"] = f"warta-bench:{secrets.token_hex(4)}:"
    else:
        env.pop("REDIS_URL", None)
    for command in (["migrate"], ["collectstatic", "--noinput"]):  # the page is the yardstick
        subprocess.run(
            [PYTHON, "-m", "warta", *command, "-v0"], env=env, cwd=ROOT, check=True, timeout=300
        )
    article, article_url = run_django(env, CREATE_ARTICLE).split()
    article = int(article)
    port = free_port()
    log_path = work / "server.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "warta",
                "serve",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(args.workers),
                *(["--access-log"] if counting else []),  # its 202s are the accepted views
            ],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_ready(f"{base}/api/engagement/v1/articles/{article}", server)
        with urllib.request.urlopen(base + article_url, timeout=30) as page:  # noqa: S310
            html = page.read()
        # The yardstick: nginx serving this article's page as a static file, before and after.
        statics = [] if counting else [baseline(html, args)]
        wrk = subprocess.run(
            [
                "wrk",
                f"-t{args.threads}",
                f"-c{args.connections}",
                f"-d{args.duration}s",
                "--timeout",
                "10s",
                "--latency",
                "-s",
                str(LUA),
                base,
                "--",
                f"/api/engagement/v1/articles/{article}/views",
            ],
            capture_output=True,
            text=True,
            timeout=args.duration + 60,
            check=True,
        )
        if not counting:
            statics.append(baseline(html, args))
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    client = json.loads(re.search(r"^ENGAGEMENT (.*)$", wrk.stdout, re.M).group(1))
    stored, daily = map(int, run_django(env, STORED_VIEWS).split())
    result = {
        "accepted_per_s": round(client["accepted"] / client["seconds"]),
        "duration_s": client["seconds"],
        "p50_ms": client["p50_ms"],
        "p99_ms": client["p99_ms"],
        "requests": client["requests"],
        "client_accepted": client["accepted"],
        "not_accepted": client["not_accepted"],
        "socket_errors": client["socket_errors"],
        "stored": stored,
        "stored_daily": daily,
    }
    if counting:
        log_text = log_path.read_text()
        result["server_accepted"] = len(
            re.findall(r'"POST /api/engagement/v1/articles/\d+/views [^"]*" 202 ', log_text)
        )
        result["lost"] = result["server_accepted"] - stored
    else:
        static = sum(statics) / len(statics)
        result["static_per_s"] = round(static)
        result["statics"] = [round(value) for value in statics]
        result["ratio_to_static"] = client["accepted"] / client["seconds"] / static
    shutil.rmtree(work, ignore_errors=True)
    return result


def baseline(html: bytes, args) -> float:
    return static_baseline(html, args.duration, args.threads, args.connections)


SPEED_FIGURES = ("accepted_per_s", "static_per_s", "statics", "ratio_to_static", "p50_ms", "p99_ms")


def combined(database: str, args, speed: dict, count: dict) -> dict:
    """One database's figures: speed from the speed run, losses from the counting run."""
    return {
        "database": database + (" + Redis" if args.redis else ""),
        "workers": args.workers,
        "connections": args.connections,
        **{key: speed[key] for key in SPEED_FIGURES},
        "speed_run": speed,
        "counting_run": count,
        "counting_accepted_per_s": count["accepted_per_s"],
        "server_accepted": count["server_accepted"],
        "stored": count["stored"],
        "lost": count["lost"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="sqlite,postgres", help="sqlite, postgres or both")
    parser.add_argument(
        "--postgres-url", default=os.environ.get("WARTA_BENCH_POSTGRES_URL", DEFAULT_POSTGRES)
    )
    parser.add_argument("--redis", default="", help="a redis:// URL: count with Redis")
    parser.add_argument(
        "--duration", type=int, default=20, choices=range(1, 121), metavar="SECONDS"
    )
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    parser.add_argument("--settings", default="warta.settings.production", help="settings module")
    args = parser.parse_args()
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool):
            print(f"bench: {tool} is missing (apt-get install {tool})", file=sys.stderr)
            return 1
    info = machine()
    print(
        f"machine: {info['nproc']} cores, {info['cpu']}, {info['memory_gib']} GiB, "
        f"load {info['load_before']:.2f}"
    )
    results = []
    for database in args.database.split(","):
        if database == "postgres":
            try:
                with PostgresDatabase(args.postgres_url) as url:
                    speed = bench("PostgreSQL", args, url, counting=False)
                with PostgresDatabase(args.postgres_url) as url:
                    count = bench("PostgreSQL", args, url, counting=True)
                results.append(combined("PostgreSQL", args, speed, count))
            except Exception as error:  # no server here: say so, bench the rest
                print(f"bench: PostgreSQL run failed: {error}", file=sys.stderr)
                continue
        else:
            speed = bench("SQLite", args, counting=False)
            results.append(combined("SQLite", args, speed, bench("SQLite", args, counting=True)))
        print(json.dumps(results[-1]))
    report = render(args, info, results)
    print("\n" + report)
    if args.write and results:
        write_section("View beacon", report)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (out / f"engagement-{stamp}.json").write_text(
        json.dumps({"machine": info, "results": results}, indent=2)
    )
    return 0 if results and all(r["lost"] == 0 for r in results) else 1


def render(args, info: dict, results: list[dict]) -> str:
    command = "`.venv/bin/python bench/engagement.py --write`" + (
        f" with `--redis {args.redis}`" if args.redis else ""
    )
    lines = [
        f"Machine: {info['nproc']} cores ({info['cpu']}), {info['memory_gib']} GiB memory, "
        f"Python {info['python']}; load average {info['load_before']:.2f} before the run (the "
        f"machine is shared). `warta serve` with {args.workers} workers, wrk -t{args.threads} "
        f"-c{args.connections} -d{args.duration}s on the same machine, every request a new "
        f"reader of one article. Run: {command} ({time.strftime('%Y-%m-%d')})."
        + (
            f" Settings module: `{args.settings}`."
            if args.settings != "warta.settings.production"
            else ""
        ),
        "",
        "| database | accepted views/s | nginx static req/s (before, after) | × static | p50 "
        "| p99 | counting run: views/s | accepted (server log) | stored | lost |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        before, after = r["statics"]
        lines.append(
            f"| {r['database']} | {r['accepted_per_s']:,} | {r['static_per_s']:,} "
            f"({before:,}, {after:,}) | {r['ratio_to_static']:.3f} | {r['p50_ms']:.1f} ms "
            f"| {r['p99_ms']:.1f} ms | {r['counting_accepted_per_s']:,} "
            f"| {r['server_accepted']:,} | {r['stored']:,} | {r['lost']} |"
        )
    lines += [
        "",
        "Two runs per database. The speed run serves as `warta serve` does by default: "
        "*accepted views/s* are the 202 answers wrk received, and *× static* divides them by "
        "the mean of nginx serving the article's page as a static file with the same wrk "
        "settings just before and just after. The counting run writes an access log: "
        "*accepted* counts the 202 answers in it, *stored* is the article's total after "
        "SIGTERM. Target: at least 0.05× static (the issue's 2,000 views/s on its machine), "
        "none lost.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
