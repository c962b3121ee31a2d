"""Helpers shared by the benchmarks in bench/: the machine, free ports, docs/benchmarks.md."""

import os
import platform
import re
import socket
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


def write_section(title: str, body: str) -> None:
    """Replace (or add) the `## title` section of docs/benchmarks.md."""
    path = ROOT / "docs" / "benchmarks.md"
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    heading = f"## {title}"
    section = f"{heading}\n\n{body}\n"
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _match: section + "\n", text)
    else:
        text = text.rstrip() + "\n\n" + section
    path.write_text(text.rstrip() + "\n")


def static_baseline(html: bytes, threads: int, connections: int, seconds: int) -> float:
    """Requests per second of nginx serving `html` as a static file on 127.0.0.1: the
    yardstick the speed targets are ratios of, measured beside the figure it divides."""
    import shutil
    import subprocess
    import tempfile
    import time

    with tempfile.TemporaryDirectory(prefix="warta-static-") as work:
        root = Path(work)
        root.chmod(0o755)  # nginx workers run as an unprivileged user
        (root / "page.html").write_bytes(html)
        (root / "page.html").chmod(0o644)
        port = free_port()
        config = root / "nginx.conf"
        temp = " ".join(
            f"{kind}_temp_path {root}/tmp;" for kind in ("client_body", "proxy", "fastcgi")
        )
        config.write_text(
            f"worker_processes auto;\npid {root}/nginx.pid;\nerror_log {root}/error.log warn;\n"
            "events { worker_connections 1024; }\n"
            f"http {{ access_log off; {temp} uwsgi_temp_path {root}/tmp; "
            f"scgi_temp_path {root}/tmp;\n"
            f"  server {{ listen 127.0.0.1:{port}; root {root}; }} }}\n"
        )
        nginx = subprocess.Popen(
            [shutil.which("nginx"), "-c", str(config), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                with socket.socket() as probe:
                    if probe.connect_ex(("127.0.0.1", port)) == 0:
                        break
                time.sleep(0.1)
            output = subprocess.run(
                [
                    "wrk",
                    f"-t{threads}",
                    f"-c{connections}",
                    f"-d{seconds}s",
                    f"http://127.0.0.1:{port}/page.html",
                ],
                capture_output=True,
                text=True,
                timeout=seconds + 60,
                check=True,
            ).stdout
        finally:
            nginx.terminate()
            nginx.wait(timeout=30)
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
