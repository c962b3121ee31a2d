"""What a health probe costs: /healthz and /readyz answered by warta.core.health, in process.

Makes a production Warta's database (SQLite in a temporary folder, or the PostgreSQL
database --postgres names, created and dropped here), migrates it, writes this machine's
task-worker heartbeat, then times 1,000 calls of the health layer for each of: /healthz,
/readyz with every check run (no kept answer), and /readyz within its kept second.
With --redis it starts a redis-server of its own on a free loopback port (stopped by
its PID at the end) so that the Redis PING and a Redis page store are counted too.

    .venv/bin/python bench/readiness.py [--postgres postgres://postgres@127.0.0.1:5432/x]
                                        [--redis] [--calls 1000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from wsgiref.util import setup_testing_defaults

from common import ROOT, free_port, warta_environment
from common import machine_description as machine


def start_redis() -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [shutil.which("redis-server"), "--port", str(port), "--bind", "127.0.0.1",
         "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    time.sleep(0.5)
    return process, f"redis://127.0.0.1:{port}/0"


def postgres_database(url: str, create: bool) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create:
            admin.execute(f'CREATE DATABASE "{name}"')


def timed(app, path: str, calls: int) -> list[float]:
    """Microseconds of each of `calls` requests for `path`, after 50 not counted."""
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path}
    setup_testing_defaults(environ)

    def start_response(status, headers, exc_info=None):
        assert status.startswith("200"), status

    for _ in range(50):
        app(dict(environ), start_response)
    times = []
    for _ in range(calls):
        started = time.perf_counter()
        app(dict(environ), start_response)
        times.append((time.perf_counter() - started) * 1e6)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="a PostgreSQL URL whose database this may drop")
    parser.add_argument("--redis", action="store_true", help="start a redis-server of its own")
    parser.add_argument("--calls", type=int, default=1000)
    options = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="warta-bench-readiness-"))
    url = options.postgres or f"sqlite:///{home / 'warta.sqlite3'}"
    redis = None
    try:
        if options.postgres:
            postgres_database(options.postgres, create=True)
        env = warta_environment(home, url, page_cache=True)
        if options.redis:
            redis, env["REDIS_URL"] = start_redis()
        subprocess.run(
            [str(Path(sys.executable).parent / "warta"), "migrate", "--no-input", "-v0"],
            env=env, check=True, cwd=ROOT, timeout=900,
        )  # fmt: skip
        os.environ.update(env)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.db import connections

        from warta.core.health import HealthApp, Heartbeat, Readiness
        from warta.engagement.counters import get_backend

        Heartbeat().beat()
        get_backend().salt(date.today())  # the counters' state file, made as a view makes it

        def inside(environ, start_response):
            raise AssertionError("a probe reached the layers inside")

        every = Readiness(keep_for=0)
        kept = Readiness()
        results = {
            "/healthz": timed(HealthApp(inside, checks=every), "/healthz", options.calls),
            "/readyz, every check run": timed(
                HealthApp(inside, checks=every), "/readyz", options.calls
            ),  # fmt: skip
            "/readyz, the kept answer": timed(
                HealthApp(inside, checks=kept), "/readyz", options.calls
            ),  # fmt: skip
        }
        print(every.check().checks)
        every.close()
        kept.close()
        connections.close_all()
    finally:
        if redis is not None:
            os.kill(redis.pid, signal.SIGTERM)
            redis.wait(timeout=10)
        if options.postgres:
            postgres_database(options.postgres, create=False)
        shutil.rmtree(home, ignore_errors=True)

    database = "PostgreSQL" if options.postgres else "SQLite"
    print(f"\n{machine()}; {database}{', Redis' if options.redis else ''}; "
          f"{options.calls:,} calls each\n")  # fmt: skip
    print("| probe | median µs | 99th percentile µs |")
    print("|---|---:|---:|")
    for name, times in results.items():
        p99 = statistics.quantiles(times, n=100)[98]
        print(f"| {name} | {statistics.median(times):,.0f} | {p99:,.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
