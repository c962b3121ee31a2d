"""Fresh rendering timed in process: the CPU time Django takes for a reader page.

wrk's requests per second of a page rendered fresh (bench/pages.py) move with a shared
machine by more than a change to the rendering path gains or loses. This benchmark takes
the server and the network out: on a fresh SQLite demo with production settings and no
page cache, it renders the article, the home page and a section page through Django's
WSGI handler, many times each, and reports the CPU time of the rendering thread (fastest
and median) with the page's SQL queries; then the same right after a publication (the
content generation moved on before each render, `warta.core.generation.bump()`), when
the navigation, the ticker and every story card are made again. `--against REV`
times a git revision the same way, on the same database, round by round alternately
with the working tree, so both share whatever else the machine is doing; its ratio is
the figure to quote. `--articles N` first grows the archive to N generated stories
(`warta generate_archive`), to time the same pages on an archive of that size.

    .venv/bin/python bench/render.py [--renders 300] [--against 27328be] [--articles 30000]
        [--write]

`--write` replaces the matching section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import comparison_header, load_demo_site, warta_environment, write_section
from common import machine_description as machine

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
ROUNDS = 3

# Runs in a subprocess with Django set up: renders each path `renders` times after a
# warm-up and prints, as JSON, the thread CPU times (ms) and query counts per path.
TIMER = r"""
import io, json, sys, time
import django
django.setup()
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from warta.core import generation

app = WSGIHandler()
renders, paths = int(sys.argv[1]), sys.argv[2:]

def render(path):
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8000", "HTTP_HOST": "127.0.0.1",
        "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr,
        "SERVER_PROTOCOL": "HTTP/1.1",
    }
    status = []
    body = b"".join(app(environ, lambda s, h, e=None: status.append(s)))
    assert status[0].startswith("200"), (path, status)
    return body

def timed(path, forget):
    times = []
    for _ in range(renders):
        if forget:
            generation.bump()  # a publication: what the worker kept is out of date
        start = time.thread_time()
        render(path)
        times.append((time.thread_time() - start) * 1000)
    return times

def count_queries(path, forget):
    if forget:
        generation.bump()
    queries = []
    with connection.execute_wrapper(lambda execute, *args: queries.append(1) or execute(*args)):
        render(path)
    return len(queries)

result = {}
for path in paths:
    for _ in range(20):
        render(path)
    result[path] = {
        "times": timed(path, False), "queries": count_queries(path, False),
        "cold_times": timed(path, True), "cold_queries": count_queries(path, True),
    }
print(json.dumps(result))
"""


def environment(home: Path, pythonpath: Path | None = None) -> dict:
    env = warta_environment(home, f"sqlite:///{home}/var/warta.sqlite3", page_cache=False)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)  # the revision's code before the installed tree's
    return env


def run(command: list[str], env: dict, cwd: Path = ROOT) -> str:
    return subprocess.run(
        command, env=env, check=True, capture_output=True, text=True, cwd=cwd, timeout=900
    ).stdout


def pages(env: dict) -> list[str]:
    """The article of the reference shape, the home page and the section above it."""
    script = (
        "import django\ndjango.setup()\n"
        "from warta.demo import content\nfrom warta.news.models import ArticlePage\n"
        "print(ArticlePage.objects.get(slug=content.ARTICLES[0]['slug']).url)\n"
    )
    article = run([str(VENV_BIN / "python"), "-c", script], env).strip()
    section = re.match(r"/[^/]+/", article).group(0)
    return [article, "/", section]


def time_renders(env: dict, renders: int, paths: list[str], cwd: Path) -> dict:
    output = run([str(VENV_BIN / "python"), "-c", TIMER, str(renders), *paths], env, cwd)
    return json.loads(output.splitlines()[-1])


def summary(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return ordered[0], ordered[len(ordered) // 2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=300, help="timed renders per page")
    parser.add_argument("--against", help="a git revision to time the same way, as baseline")
    parser.add_argument("--articles", type=int, default=0, help="grow the archive to this size")
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    options = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="warta-render-"))
    baseline_tree = workdir / "baseline" if options.against else None
    try:
        env = environment(workdir)
        warta = [str(VENV_BIN / "warta")]
        print(f"bench: preparing the SQLite demo in {workdir}", flush=True)
        load_demo_site(env)
        if options.articles:
            print(f"bench: growing the archive to {options.articles:,} articles", flush=True)
            run([*warta, "generate_archive", "--articles", str(options.articles)], env)
        paths = pages(env)
        trees = {"this tree": (env, ROOT)}
        if baseline_tree is not None:
            run(["git", "worktree", "add", "--detach", str(baseline_tree), options.against], env)
            # Same database, same static files: only the code differs.
            trees[options.against] = (environment(workdir, baseline_tree), baseline_tree)
        results: dict[str, dict] = {name: {} for name in trees}
        for number in range(ROUNDS):
            for name, (tree_env, cwd) in trees.items():
                print(f"  round {number + 1}: {name}", flush=True)
                for path, found in time_renders(
                    tree_env, options.renders // ROUNDS, paths, cwd
                ).items():
                    entry = results[name].setdefault(
                        path, {"times": [], "cold_times": [], "queries": 0, "cold_queries": 0}
                    )
                    for key in ("times", "cold_times"):
                        entry[key] += found.get(key, [])
                    for key in ("queries", "cold_queries"):
                        entry[key] = found.get(key, 0)
    finally:
        if baseline_tree is not None and baseline_tree.exists():
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(baseline_tree)], cwd=ROOT, check=False
            )
        shutil.rmtree(workdir, ignore_errors=True)

    report = render(options, paths, results)
    print(report)
    if options.write:
        title = "Fresh rendering in process"
        if options.articles:
            title += f", {options.articles:,} articles"
        write_section(title, report)
    return 0


def render(options, paths: list[str], results: dict) -> str:
    names = list(results)
    against = f" --against {options.against}" if options.against else ""
    if options.articles:
        against += f" --articles {options.articles} --renders {options.renders}"
    archive = f"grown to {options.articles:,} articles" if options.articles else "demo"
    lines = [
        f"Machine: {machine()}. SQLite {archive}, production settings, page cache off; CPU time "
        f"of the rendering thread over {options.renders} renders per page in {ROUNDS} "
        f"alternating rounds, each page with what the worker keeps (navigation, ticker, "
        f"story cards) and right after a publication, when what it kept is out of date. Run: "
        f"`.venv/bin/python bench/render.py{against} --write` ({time.strftime('%Y-%m-%d')}).",
        "",
        *comparison_header(
            ["page", "worker keeps"], names, "fastest / median ms (queries)", "median ratio"
        ),
    ]
    for path in paths:
        for times, queries, kept in (
            ("times", "queries", "its parts"),
            ("cold_times", "cold_queries", "none (a publication)"),
        ):
            cells, medians = [], []
            for name in names:
                fastest, median = summary(results[name][path][times])
                medians.append(median)
                cells.append(f"{fastest:.1f} / {median:.1f} ({results[name][path][queries]})")
            ratio = f" {medians[1] / medians[0]:.2f}× |" if len(names) > 1 else ""
            lines.append(f"| `{path}` | {kept} | " + " | ".join(cells) + " |" + ratio)
    if len(names) > 1:
        lines += ["", f"Median ratio: {names[1]}'s median over this tree's (above 1: faster now)."]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
