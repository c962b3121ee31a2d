"""Reader-page benchmark: Warta against nginx serving the same HTML as a static file.

Starts, on 127.0.0.1 only, a fresh Warta with the demo content (`warta serve`,
page cache on), a second one with the page cache off (pages rendered fresh),
and nginx with deploy/nginx.conf in front of the first plus a static copy of
the article as the baseline. Then measures each case with wrk at a fixed
concurrency, in rounds: each round measures the static baseline before every case
and after the last, and a case's ratio in a round is to the mean of the two
baselines on either side of it. On a shared machine the speed of everything drifts
by more than a change to Warta gains or loses over the minute or two a round
takes; the report gives each case's median over the rounds (requests per second,
p50 and p99 latency of its median round, and the median of its ratios), with
every round's ratio beside it. Last, for
calibration, the same article from a bare WSGI app and from a one-view Django
project under granian (bench/calibration.py), once. Every process it starts is
stopped by PID at the end.

    .venv/bin/python bench/pages.py [--database sqlite|postgres] [--rounds 3] [--duration 6]
        [--write]

`--write` replaces the matching section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import ExitStack
from pathlib import Path

from common import free_port, load_demo_site, warta_environment, write_section
from common import machine_description as machine

ROOT = Path(__file__).resolve().parent.parent
# deploy/nginx.conf's purge server needs it (Debian's libnginx-mod-http-cache-purge).
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")
VENV_BIN = Path(sys.executable).parent
WRK_THREADS, WRK_CONNECTIONS = 2, 32
POSTGRES_BENCH_DB = "warta_bench_pages"
STATIC = "nginx, static file (baseline)"
BEHIND_NGINX = "article, cached, behind deploy/nginx.conf"


def run(command: list[str], env: dict) -> str:
    return subprocess.run(
        command, env=env, check=True, capture_output=True, text=True, cwd=ROOT, timeout=900
    ).stdout


def start(command: list[str], env: dict, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        command,
        env=env,
        cwd=ROOT,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def wait_until_up(url: str, timeout: float = 60, log: Path | None = None) -> None:
    deadline = time.monotonic() + timeout
    problem: OSError | None = None
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()  # noqa: S310 - loopback
            return
        except OSError as error:
            problem = error
            time.sleep(0.3)
    said = log.read_text()[-3000:] if log is not None and log.exists() else ""
    raise RuntimeError(f"{url} did not come up ({problem}); its log ends:\n{said}")


def cpu_seconds() -> tuple[float, float]:
    """CPU seconds (user + nice + system) used on the whole machine so far, and by this
    process with all its descendants (nginx, Warta and its workers, finished wrk runs)."""
    tick = os.sysconf("SC_CLK_TCK")
    machine = sum(int(field) for field in Path("/proc/stat").read_text().split()[1:4]) / tick
    children, times = {}, {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # the process ended meanwhile
            continue
        fields = text[text.rindex(")") + 2 :].split()
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        times[int(stat.parent.name)] = (int(fields[11]) + int(fields[12])) / tick
    ours, own = [os.getpid()], 0.0
    while ours:
        pid = ours.pop()
        own += times.get(pid, 0.0)
        ours += children.get(pid, [])
    finished = os.times()
    return machine, own + finished.children_user + finished.children_system


def wrk(
    url: str,
    seconds: int,
    headers: dict | None = None,
    threads: int = WRK_THREADS,
    connections: int = WRK_CONNECTIONS,
    script: tuple[Path, str] | None = None,
) -> dict:
    """wrk's figures for `url`; `script`: a Lua script of wrk's and its argument."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if script:
        command[1:1] = ["-s", str(script[0])]
        command += ["--", script[1]]
    for name, value in (headers or {}).items():
        command[1:1] = ["-H", f"{name}: {value}"]
    started, (machine, own) = time.monotonic(), cpu_seconds()
    output = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=seconds + 30
    ).stdout
    elapsed, (machine_after, own_after) = time.monotonic() - started, cpu_seconds()
    # The share of the machine's CPU that other processes took while wrk ran: on a shared
    # machine, what makes one run's p99 10x another's (runnable threads kept waiting).
    others = ((machine_after - machine) - (own_after - own)) / (elapsed * (os.cpu_count() or 1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", output, re.MULTILINE))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": rps,
        "p50": latency.get("50"),
        "p99": latency.get("99"),
        "non_2xx": int(errors.group(1)) if errors else 0,
        "others": max(0.0, others),
    }


def nginx_main_config(workdir: Path, static_port: int, *includes: Path) -> Path:
    """nginx.conf for a run: the static baseline on `static_port` (serving
    `workdir/baseline`), and the server blocks in `includes`."""
    config = workdir / "nginx.conf"
    (workdir / "nginx-tmp").mkdir(exist_ok=True)
    included = "".join(f"    include {path};\n" for path in includes)
    config.write_text(f"""
# The modules installed as the distribution's packages, as its own nginx.conf loads them.
include /etc/nginx/modules-enabled/*.conf;
worker_processes auto;
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    keepalive_requests 100000;
    client_body_temp_path {workdir}/nginx-tmp;
    proxy_temp_path {workdir}/nginx-tmp;
{included}    server {{
        listen 127.0.0.1:{static_port};
        root {workdir}/baseline;
        location / {{ try_files $uri $uri/index.html =404; }}
    }}
}}
""")
    return config


def nginx_config(
    workdir: Path, app_port: int, proxy_port: int, static_port: int, purge_port: int = 0
) -> Path:
    """deploy/nginx.conf on loopback ports: Warta's server on `proxy_port`, the purge
    server on `purge_port` (any free one by default)."""
    if not PURGE_MODULE.exists():
        sys.exit(
            f"deploy/nginx.conf needs nginx's cache purge module ({PURGE_MODULE}): "
            "apt-get install libnginx-mod-http-cache-purge"
        )
    site = (ROOT / "deploy" / "nginx.conf").read_text()
    replacements = {
        "/var/cache/nginx/warta": str(workdir / "nginx-cache"),
        "server 127.0.0.1:8000;": f"server 127.0.0.1:{app_port};",
        # Measured over plain http on loopback: the https server without its certificate,
        # the http one (a redirect to https) on a port of its own.
        "listen 443 ssl http2;": f"listen 127.0.0.1:{proxy_port};",
        "listen [::]:443 ssl http2;": "",
        "ssl_certificate /etc/letsencrypt/live/news.example.id/fullchain.pem;": "",
        "ssl_certificate_key /etc/letsencrypt/live/news.example.id/privkey.pem;": "",
        "listen 80;": f"listen 127.0.0.1:{free_port()};",
        "listen [::]:80;": "",
        "/srv/warta/var/static/": f"{workdir}/var/static/",
        "/srv/warta/var/media/": f"{workdir}/var/media/",
        "/etc/nginx/warta_proxy_params": str(ROOT / "deploy" / "warta_proxy_params"),
        "listen 127.0.0.1:8081;": f"listen 127.0.0.1:{purge_port or free_port()};",
    }
    for old, new in replacements.items():
        site = site.replace(old, new)
    (workdir / "site.conf").write_text(site)
    return nginx_main_config(workdir, static_port, workdir / "site.conf")


def static_baseline(html: bytes, seconds: int, threads: int, connections: int) -> float:
    """Requests per second of nginx serving `html` as a static file, configured as in the
    reader-page benchmark: the yardstick other figures are ratios of."""
    with tempfile.TemporaryDirectory(prefix="warta-static-") as work:
        workdir = Path(work)
        workdir.chmod(0o755)  # nginx workers run as an unprivileged user
        (workdir / "baseline").mkdir()
        (workdir / "baseline" / "index.html").write_bytes(html)
        port = free_port()
        config = nginx_main_config(workdir, port)
        nginx = start(
            [shutil.which("nginx"), "-c", str(config), "-g", "daemon off;"],
            dict(os.environ),
            workdir / "nginx.log",
        )
        try:
            url = f"http://127.0.0.1:{port}/"
            wait_until_up(url)
            return wrk(url, seconds, threads=threads, connections=connections)["rps"]
        finally:
            stop(nginx)


def prepare(home: Path, database: str) -> str:
    if database == "postgres":
        base = os.environ.get("WARTA_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
        subprocess.run(
            ["psql", f"{base}/postgres", "-qc", f"DROP DATABASE IF EXISTS {POSTGRES_BENCH_DB}"],
            check=True,
        )
        subprocess.run(
            ["psql", f"{base}/postgres", "-qc", f"CREATE DATABASE {POSTGRES_BENCH_DB}"], check=True
        )
        return f"{base}/{POSTGRES_BENCH_DB}"
    return f"sqlite:///{home}/var/warta.sqlite3"


def count_queries(env: dict, paths: list[str]) -> dict:
    script = (
        "import django, sys\n"
        "django.setup()\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "client = Client()\n"
        "for path in sys.argv[1:]:\n"
        # Routed by Wagtail, then from memory (which reads what the worker keeps): the
        # third visit is the one counted, as every later one.
        "    client.get(path, HTTP_HOST='127.0.0.1')\n"
        "    client.get(path, HTTP_HOST='127.0.0.1')\n"
        "    with CaptureQueriesContext(connection) as q:\n"
        "        assert client.get(path, HTTP_HOST='127.0.0.1').status_code == 200\n"
        "    print(path, len(q))\n"
    )
    output = run([str(VENV_BIN / "python"), "-c", script, *paths], env)
    return {
        line.rsplit(" ", 1)[0]: int(line.rsplit(" ", 1)[1])
        for line in output.splitlines()
        if line.strip()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of every case")
    parser.add_argument("--duration", type=int, default=6, help="seconds per wrk run")
    parser.add_argument("--workers", type=int, default=0, help="workers (0: one per core)")
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    options = parser.parse_args()
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool):
            print(f"bench: {tool} is not installed (apt-get install {tool})", file=sys.stderr)
            return 1

    workdir = Path(tempfile.mkdtemp(prefix="warta-bench-"))
    workdir.chmod(0o755)  # nginx workers run as an unprivileged user
    database_url = prepare(workdir, options.database)
    try:
        results, queries = measure(options, workdir, database_url)
    finally:
        if options.database == "postgres":
            subprocess.run(
                [
                    "psql",
                    database_url.rsplit("/", 1)[0] + "/postgres",
                    "-qc",
                    f"DROP DATABASE IF EXISTS {POSTGRES_BENCH_DB}",
                ],
                check=False,
            )
        shutil.rmtree(workdir, ignore_errors=True)

    report = render(options, results, queries)
    print(report)
    if options.write:
        write_section(f"Reader pages ({options.database})", report)
    return 0


def measure(options, workdir: Path, database_url: str) -> tuple[dict, dict]:
    cached_env = warta_environment(workdir, database_url, page_cache=True)
    fresh_env = warta_environment(workdir, database_url, page_cache=False)
    warta = [str(VENV_BIN / "warta")]
    print(f"bench: preparing {options.database} demo in {workdir}", flush=True)
    load_demo_site(cached_env)

    app_port, fresh_port, proxy_port, static_port = (free_port() for _ in range(4))
    workers = ["--workers", str(options.workers)] if options.workers else []
    results: dict[str, dict] = {}
    with ExitStack() as stack:
        for port, env, name in ((app_port, cached_env, "cached"), (fresh_port, fresh_env, "fresh")):
            process = start(
                [*warta, "serve", "--bind", f"127.0.0.1:{port}", *workers],
                env,
                workdir / f"warta-{name}.log",
            )
            stack.callback(stop, process)
        app, fresh = f"http://127.0.0.1:{app_port}", f"http://127.0.0.1:{fresh_port}"
        wait_until_up(app + "/", log=workdir / "warta-cached.log")
        wait_until_up(fresh + "/", log=workdir / "warta-fresh.log")
        home_html = urllib.request.urlopen(app + "/").read().decode()  # noqa: S310
        article = re.search(r'href="(/daerah/pati/[^"]+/)"', home_html).group(1)
        section = "/daerah/"

        baseline = workdir / "baseline" / article.strip("/")
        baseline.mkdir(parents=True)
        html = urllib.request.urlopen(app + article).read()  # noqa: S310
        (baseline / "index.html").write_bytes(html)
        config = nginx_config(workdir, app_port, proxy_port, static_port)
        nginx = start(
            [shutil.which("nginx"), "-c", str(config), "-g", "daemon off;"],
            dict(os.environ),
            workdir / "nginx.log",
        )
        stack.callback(stop, nginx)
        wait_until_up(f"http://127.0.0.1:{static_port}{article}")
        wait_until_up(f"http://127.0.0.1:{proxy_port}{article}")

        cases = [
            (STATIC, f"http://127.0.0.1:{static_port}{article}", {}),
            (BEHIND_NGINX, f"http://127.0.0.1:{proxy_port}{article}", {}),
            ("article, cached, Warta alone", app + article, {}),
            ("article, cached, gzip", app + article, {"Accept-Encoding": "gzip"}),
            ("article, cached, brotli", app + article, {"Accept-Encoding": "br"}),
            ("article, rendered fresh", fresh + article, {}),
            ("home page, rendered fresh", fresh + "/", {}),
            ("section page, rendered fresh", fresh + section, {}),
        ]
        for _name, url, headers in cases:
            urllib.request.urlopen(urllib.request.Request(url, headers=headers)).read()  # noqa: S310
        rounds = [measure_round(options, cases, number) for number in range(1, options.rounds + 1)]
        results = {name: over_rounds(rounds, name) for name, _url, _headers in cases}
        queries = count_queries(fresh_env, [article, "/", section])
    static = results[STATIC]["rps"]
    for name, result in calibration(options, workdir, baseline / "index.html").items():
        results[name] = {**result, "ratio": result["rps"] / static, "ratios": []}
    return results, queries


def measure_round(options, cases: list[tuple[str, str, dict]], number: int) -> dict[str, dict]:
    """One round: the static baseline before every case and after the last (for half the
    duration), each case's ratio to the mean of the baselines on either side of it."""
    print(f"  round {number} of {options.rounds}", flush=True)
    static_url = cases[0][1]
    static_seconds = max(2, options.duration // 2)
    baselines = [wrk(static_url, static_seconds)]
    measured = {STATIC: baselines[0]}
    for name, url, headers in cases[1:]:
        measured[name] = wrk(url, options.duration, headers)
        baselines.append(wrk(static_url, static_seconds))
        around = (baselines[-2]["rps"] + baselines[-1]["rps"]) / 2
        measured[name]["ratio"] = measured[name]["rps"] / around
        print(
            f"  {name:<45} {measured[name]['rps']:>10.1f} req/s, p99 {measured[name]['p99']}, "
            f"other processes {measured[name]['others']:.0%} of the CPU",
            flush=True,
        )
    static = statistics.median(baseline["rps"] for baseline in baselines)
    measured[STATIC] = {**baselines[0], "rps": static, "ratio": 1.0}
    print(f"  {STATIC:<45} {static:>10.1f} req/s (median of {len(baselines)})", flush=True)
    return measured


def over_rounds(rounds: list[dict[str, dict]], name: str) -> dict:
    """A case's median round (its req/s and latencies), the median of its ratios to the
    static baselines around it in each round, those ratios, and its non-2xx answers in
    all rounds."""
    ratios = [measured[name]["ratio"] for measured in rounds]
    ordered = sorted((measured[name] for measured in rounds), key=lambda result: result["rps"])
    return {
        **ordered[len(ordered) // 2],
        "rps": statistics.median(result["rps"] for result in ordered),
        "ratio": statistics.median(ratios),
        "ratios": ratios,
        "p99s": [measured[name]["p99"] for measured in rounds],
        "others": [measured[name]["others"] for measured in rounds],
        "non_2xx": sum(result["non_2xx"] for result in ordered),
    }


def calibration(options, workdir: Path, html: Path) -> dict[str, dict]:
    """The same article from a bare WSGI app and from a one-view Django project, both
    under granian (bench/calibration.py): Python's floor on this machine."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "bench"), "WARTA_CALIBRATION_HTML": str(html)}
    results = {}
    for name, target in (
        ("calibration: bare WSGI app (granian)", "calibration:bare"),
        ("calibration: one Django view with a template (granian)", "calibration:django_view"),
    ):
        port = free_port()
        workers = str(options.workers or os.cpu_count() or 1)
        server = start(
            [str(VENV_BIN / "granian"), "--interface", "wsgi", "--host", "127.0.0.1",
             "--port", str(port), "--workers", workers, target],
            env,
            workdir / "calibration.log",
        )  # fmt: skip
        try:
            wait_until_up(f"http://127.0.0.1:{port}/")
            results[name] = wrk(f"http://127.0.0.1:{port}/", options.duration)
            print(f"  {name:<45} {results[name]['rps']:>10.1f} req/s", flush=True)
        finally:
            stop(server)
    return results


def render(options, results: dict, queries: dict) -> str:
    lines = [
        f"Machine: {machine()}. wrk -t{WRK_THREADS} -c{WRK_CONNECTIONS} -d{options.duration}s on "
        f"the same machine, {options.rounds} rounds; in each, the static baseline "
        f"(-d{max(2, options.duration // 2)}s) is measured before every case and after the "
        "last, and a case's ratio is to the mean of the baselines on either side of it; "
        f"medians over the rounds. Database: {options.database}. Run: "
        f"`.venv/bin/python bench/pages.py --database {options.database} --write` "
        f"({time.strftime('%Y-%m-%d')}).",
        "",
        "| case | req/s | p50 | p99 | p99 in each round | × static | × static in each round "
        "| non-2xx |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, result in results.items():
        each = ", ".join(f"{ratio:.4f}" for ratio in result["ratios"]) or "(measured once)"
        p99s = ", ".join(result.get("p99s", [])) or "(measured once)"
        lines.append(
            f"| {name} | {result['rps']:.0f} | {result['p50']} | {result['p99']} | {p99s} | "
            f"{result['ratio']:.4f} | {each} | {result['non_2xx']} |"
        )
    behind = results.get(BEHIND_NGINX, {}).get("others")
    if behind:
        lines += [
            "",
            f"While wrk ran the case *{BEHIND_NGINX}*, processes other than the benchmark's "
            "took " + ", ".join(f"{share:.0%}" for share in behind) + " of the machine's CPU "
            "in the rounds above: where a round's p99 stands out, look there first.",
        ]
    lines += [
        "",
        "SQL queries per fresh render: "
        + ", ".join(f"`{path}` {count}" for path, count in queries.items())
        + ". The calibration rows serve the same article from plain Python under granian"
        " (bench/calibration.py): how fast Python itself serves on this machine.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
