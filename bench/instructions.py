"""Instructions per fresh render, counted by callgrind: a figure the machine's noise leaves alone.

`bench/render.py` times renders in CPU seconds, which a shared machine moves by more than
many changes gain or lose. This counts instructions instead (valgrind's callgrind, a
Debian package): a script renders a page `--renders` times after a warm-up, another the
warm-up alone, and the difference divided by the renders is the page's cost, repeatable
to the instruction. With `--against REV` the git revision is counted the same way, on
the same demo database. On PostgreSQL only the Python side is counted (the server is
another process): there a query fewer saves a round trip more than instructions.

    .venv/bin/python bench/instructions.py [--database sqlite|postgres] [--renders 40]
        [--against b5d5550] [--write]

`--write` replaces the matching section of docs/benchmarks.md. A run takes some minutes:
valgrind runs Python about fifty times slower.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import comparison_header, load_demo_site, warta_environment, write_section
from common import machine_description as machine
from render import pages, run

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
POSTGRES_BENCH_DB = "warta_bench_instructions"
WARM_UP = 10
# The shortcuts of warta.core.compat that a page render takes (the view beacon's layer and
# the search count have benchmarks of their own).
RENDER_SHORTCUTS = (
    "database-backends",
    "prepared-queries",
    "union-of-lists",
    "pages-from-rows",
    "jinja2-printing",
    "site-memo",
)

RENDERER = r"""
import io, sys
import django
django.setup()
from django.core.handlers.wsgi import WSGIHandler

app = WSGIHandler()
path, renders = sys.argv[1], int(sys.argv[2])
environ = {
    "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "",
    "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8000", "HTTP_HOST": "127.0.0.1",
    "wsgi.url_scheme": "http", "wsgi.errors": sys.stderr, "SERVER_PROTOCOL": "HTTP/1.1",
}
for _ in range(renders):
    status = []
    b"".join(app({**environ, "wsgi.input": io.BytesIO()}, lambda s, h, e=None: status.append(s)))
    assert status[0].startswith("200"), (path, status)
"""


def instructions(env: dict, cwd: Path, path: str, renders: int, workdir: Path) -> int:
    out = workdir / "callgrind.out"
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
         str(VENV_BIN / "python"), "-c", RENDERER, path, str(renders)],
        env=env, cwd=cwd, capture_output=True, text=True, timeout=3600, check=True,
    )  # fmt: skip
    return int(re.search(r"Collected : (\d+)", result.stderr).group(1))


def per_render(env: dict, cwd: Path, path: str, renders: int, workdir: Path) -> float:
    warm_up = instructions(env, cwd, path, WARM_UP, workdir)
    return (instructions(env, cwd, path, WARM_UP + renders, workdir) - warm_up) / renders


def database_url(workdir: Path, database: str) -> str:
    if database == "sqlite":
        return f"sqlite:///{workdir}/var/warta.sqlite3"
    base = "postgres://postgres@127.0.0.1:5432"
    for sql in (
        f"DROP DATABASE IF EXISTS {POSTGRES_BENCH_DB}",
        f"CREATE DATABASE {POSTGRES_BENCH_DB}",
    ):
        subprocess.run(["psql", f"{base}/postgres", "-qc", sql], check=True)
    return f"{base}/{POSTGRES_BENCH_DB}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--renders", type=int, default=40, help="counted renders per page")
    parser.add_argument("--against", help="a git revision to count the same way, as baseline")
    parser.add_argument(
        "--shortcuts",
        action="store_true",
        help="count this tree again without each shortcut of warta.core.compat in turn",
    )
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    options = parser.parse_args()
    if not shutil.which("valgrind"):
        print("bench: valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 1

    workdir = Path(tempfile.mkdtemp(prefix="warta-instructions-"))
    baseline_tree = workdir / "baseline"
    url = database_url(workdir, options.database)
    counts: dict[str, dict[str, float]] = {}
    try:
        env = warta_environment(workdir, url, page_cache=False)
        print(f"bench: preparing the {options.database} demo in {workdir}", flush=True)
        load_demo_site(env)
        paths = pages(env)
        if options.shortcuts:  # the story and the front page: the section adds nothing new
            paths = paths[:2]
        trees = {"this tree": (env, ROOT)}
        if options.shortcuts:
            # The same tree counted twice: how far two identical runs differ (noise).
            trees["this tree, again"] = ({**env}, ROOT)
            for shortcut in RENDER_SHORTCUTS:
                trees[f"without {shortcut}"] = ({**env, "WARTA_SHORTCUTS": f"-{shortcut}"}, ROOT)
        if options.against:
            run(["git", "worktree", "add", "--detach", str(baseline_tree), options.against], env)
            # Same database, same static files: only the code differs.
            trees[options.against] = ({**env, "PYTHONPATH": str(baseline_tree)}, baseline_tree)
        for tree_env, cwd in trees.values():
            for path in paths:
                # The first reader after the demo's publication settles its counted lists
                # (warta/news/story_lists.py), once: not a render's cost.
                run([str(VENV_BIN / "python"), "-c", RENDERER, path, "2"], tree_env, cwd)
        for name, (tree_env, cwd) in trees.items():
            for path in paths:
                print(f"  {name}: {path}", flush=True)
                counts.setdefault(path, {})[name] = per_render(
                    tree_env, cwd, path, options.renders, workdir
                )
    finally:
        if baseline_tree.exists():
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(baseline_tree)], cwd=ROOT, check=False
            )
        if options.database == "postgres":
            subprocess.run(
                ["psql", url.rsplit("/", 1)[0] + "/postgres", "-qc",
                 f"DROP DATABASE IF EXISTS {POSTGRES_BENCH_DB}"],
                check=False,
            )  # fmt: skip
        shutil.rmtree(workdir, ignore_errors=True)

    report = render_shortcuts(options, counts) if options.shortcuts else render(options, counts)
    print(report)
    if options.write:
        title = "Shortcuts: instructions each saves" if options.shortcuts else "Instructions"
        write_section(f"{title} per fresh render ({options.database})", report)
    return 0


def render(options, counts: dict[str, dict[str, float]]) -> str:
    against = f" --against {options.against}" if options.against else ""
    names = list(next(iter(counts.values())))
    lines = [
        f"Machine: {machine()}. {options.database} demo, production settings, page cache off, "
        f"what the worker keeps kept; callgrind's instructions for {options.renders} renders "
        f"after {WARM_UP}, minus those for the {WARM_UP} alone, per render. Run: "
        f"`.venv/bin/python bench/instructions.py --database {options.database}{against} "
        f"--write` ({time.strftime('%Y-%m-%d')}).",
        "",
        *comparison_header(["page"], names, "million instructions", "ratio"),
    ]
    for path, found in counts.items():
        cells = " | ".join(f"{found[name] / 1e6:.2f}" for name in names)
        ratio = f" | {found[names[1]] / found[names[0]]:.3f}×" if len(names) > 1 else ""
        lines.append(f"| `{path}` | {cells}{ratio} |")
    if len(names) > 1:
        lines += ["", f"Ratio: {names[1]}'s instructions over this tree's (above 1: fewer now)."]
    return "\n".join(lines)


def render_shortcuts(options, counts: dict[str, dict[str, float]]) -> str:
    """Per page, the instructions of a render with every shortcut, and what leaving each
    out adds; the same tree counted twice shows the noise."""
    names = list(next(iter(counts.values())))
    paths = list(counts)
    lines = [
        f"Machine: {machine()}. {options.database} demo, production settings, page cache off, "
        f"what the worker keeps kept; callgrind's instructions for {options.renders} renders "
        f"after {WARM_UP}, minus those for the {WARM_UP} alone, per render; this tree with "
        "every shortcut, again (the noise), then without each shortcut in turn "
        f"(`WARTA_SHORTCUTS=-name`). Run: `.venv/bin/python bench/instructions.py --database "
        f"{options.database} --shortcuts --write` ({time.strftime('%Y-%m-%d')}).",
        "",
        "| counted | " + " | ".join(f"`{path}`" for path in paths) + " |",
        "|---|" + "---:|" * len(paths),
    ]
    base = {path: counts[path]["this tree"] for path in paths}
    for name in names:
        cells = []
        for path in paths:
            value = counts[path][name]
            change = "" if name == "this tree" else f" ({(value / base[path] - 1) * 100:+.1f}%)"
            cells.append(f"{value / 1e6:.2f}M{change}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
