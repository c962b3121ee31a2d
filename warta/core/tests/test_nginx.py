"""deploy/nginx.conf in front of a stand-in for Warta: one cached copy per encoding."""

import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parents[3] / "deploy"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Page(BaseHTTPRequestHandler):
    """Answers as Warta answers a reader page: cacheable, varying by encoding."""

    asked: list[str | None] = []

    def do_GET(self):  # noqa: N802 - the name http.server calls
        Page.asked.append(self.headers.get("Accept-Encoding"))
        body = b"<!doctype html><title>Berita</title>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Cache-Control", "public, max-age=30, s-maxage=60")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("ETag", '"berita"')
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy():
    """nginx with deploy/nginx.conf (its paths and ports made local) in front of `Page`."""
    nginx = shutil.which("nginx")
    if not nginx:
        pytest.skip("nginx is not installed (apt-get install nginx; .ci/run does)")
    # Readable by nginx's workers, which run as an unprivileged user.
    tmp_path = Path(tempfile.mkdtemp(prefix="warta-nginx-"))
    tmp_path.chmod(0o755)
    upstream = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    port = free_port()
    site = (DEPLOY / "nginx.conf").read_text()
    for old, new in {
        "/var/cache/nginx/warta": str(tmp_path / "cache"),
        "server 127.0.0.1:8000;": f"server 127.0.0.1:{upstream.server_port};",
        "listen 80;": f"listen 127.0.0.1:{port};",
        "/etc/nginx/warta_proxy_params": str(DEPLOY / "warta_proxy_params"),
    }.items():
        site = site.replace(old, new)
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log warn;\n"
        "events { worker_connections 64; }\n"
        f"http {{ access_log off; client_body_temp_path {tmp_path}; proxy_temp_path {tmp_path};"
        f" include {tmp_path}/site.conf; }}\n"
    )
    server = subprocess.Popen(  # noqa: S603 - nginx, with our own configuration
        [nginx, "-c", str(tmp_path / "nginx.conf"), "-g", "daemon off;"],
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    Page.asked.clear()
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=10)
    upstream.shutdown()
    shutil.rmtree(tmp_path, ignore_errors=True)


def get(url: str, **headers) -> str:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - loopback
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
        response.read()
        return response.headers["X-Proxy-Cache"]


def test_requests_whose_encodings_normalise_alike_share_one_cached_copy(proxy):
    """Readers send many spellings of Accept-Encoding; nginx keeps one copy per encoding
    Warta serves (br, gzip, none), not one per spelling, each a miss of its own."""
    assert get(f"{proxy}/berita/", **{"Accept-Encoding": "identity"}) == "MISS"
    assert get(f"{proxy}/berita/") == "HIT"  # no header: the same plain copy
    assert get(f"{proxy}/berita/", **{"Accept-Encoding": "gzip, deflate, br"}) == "MISS"
    assert get(f"{proxy}/berita/", **{"Accept-Encoding": "br, gzip"}) == "HIT"
    assert Page.asked == [None, "br"]  # Warta was asked once per encoding, normalised
