"""Helpers shared by the benchmarks in bench/: the machine, free ports, docs/benchmarks.md."""

import os
import platform
import re
import secrets
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def machine_facts() -> dict:
    """Cores, CPU model, memory and Python of this machine."""
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory_gib": round(memory_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
    }


def machine_description() -> str:
    """The machine facts as one line, for the heading of a result."""
    facts = machine_facts()
    return (
        f"{facts['nproc']} cores (nproc), {facts['cpu']}, {int(facts['memory_gib'])} GiB, "
        f"Python {facts['python']}"
    )


NOTES = "## Notes from earlier rounds"


def write_section(title: str, body: str) -> None:
    """Replace the `## title` section of docs/benchmarks.md, or add it before the notes
    from earlier rounds, which stay last."""
    path = ROOT / "docs" / "benchmarks.md"
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    heading = f"## {title}"
    section = f"{heading}\n\n{body}\n"
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _match: section + "\n", text)
    elif NOTES in text:
        text = text.replace(NOTES, section + "\n" + NOTES, 1)
    else:
        text = text.rstrip() + "\n\n" + section
    path.write_text(text.rstrip() + "\n")


def comparison_header(lead: list[str], names: list[str], per_tree: str, ratio: str) -> list[str]:
    """The two header lines of a report table: the `lead` columns, a `per_tree` column for
    each tree measured and, when two were, a `ratio` column."""
    columns = [*lead, *(f"{name}: {per_tree}" for name in names), *([ratio] * (len(names) > 1))]
    aligns = ["---"] * len(lead) + ["---:"] * (len(columns) - len(lead))
    return ["| " + " | ".join(columns) + " |", "|" + "|".join(aligns) + "|"]


def warta_environment(home: Path, database_url: str, page_cache: bool) -> dict:
    """The environment of a production Warta on loopback with its files under `home`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WARTA_", "DJANGO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="warta.settings.production",
        WARTA_HOME=str(home),
        WARTA_SECRET_KEY=secrets.token_urlsafe(50),
        WARTA_ALLOWED_HOSTS="127.0.0.1,localhost",
        WARTA_SECURE_COOKIES="0",
        WARTA_TRUSTED_PROXIES="127.0.0.1,::1",  # nginx, as documented
        WARTA_PAGE_CACHE="1" if page_cache else "0",
        WARTA_LOG_LEVEL="WARNING",
        DATABASE_URL=database_url,
    )
    env.pop("REDIS_URL", None)
    return env


def load_demo_site(env: dict) -> None:
    """Migrate, collect the static files and load the demo content for `env`'s Warta."""
    warta = str(Path(sys.executable).parent / "warta")
    for command in (["migrate", "--no-input", "-v0"], ["collectstatic", "--no-input", "-v0"],
                    ["load_demo"]):  # fmt: skip
        subprocess.run(
            [warta, *command], env=env, check=True, capture_output=True, cwd=ROOT, timeout=900
        )
