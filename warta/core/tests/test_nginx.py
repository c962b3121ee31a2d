"""deploy/nginx.conf in front of a stand-in for Warta: https only, forwarded headers set,
one cached copy per encoding, no stale copy while revalidating, and purges from Warta."""

import http.client
import shutil
import socket
import ssl
import subprocess
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parents[3] / "deploy"
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Page(BaseHTTPRequestHandler):
    """Answers as Warta answers a reader page: cacheable, varying by encoding. `/singkat/`
    is kept by shared caches for 1 s; a path with `jangan-simpan` says X-Accel-Expires: 0,
    as Warta does for a response nginx must not keep."""

    asked: list[str | None] = []
    forwarded: list[tuple[str | None, str | None, str | None]] = []
    paths: list[str] = []

    def do_GET(self):  # noqa: N802 - the name http.server calls
        Page.asked.append(self.headers.get("Accept-Encoding"))
        Page.paths.append(self.path)
        names = ("Host", "X-Forwarded-For", "X-Forwarded-Proto")
        Page.forwarded.append(tuple(self.headers.get(name) for name in names))
        if self.path.startswith("/singkat/") and self.headers.get("If-None-Match") == '"berita"':
            self.send_response(304)
            self.send_header("Cache-Control", "public, max-age=30, s-maxage=1")
            self.send_header("ETag", '"berita"')
            self.end_headers()
            return
        body = b"<!doctype html><title>Berita</title>"
        s_maxage = 1 if self.path.startswith("/singkat/") else 60
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Cache-Control", f"public, max-age=30, s-maxage={s_maxage}")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("ETag", '"berita"')
        if "jangan-simpan" in self.path:
            self.send_header("X-Accel-Expires", "0")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def self_signed_certificate(directory: Path) -> tuple[Path, Path]:
    openssl = shutil.which("openssl")
    if not openssl:
        pytest.skip("openssl is not installed (apt-get install openssl)")
    certificate, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(  # noqa: S603 - openssl, making a throwaway certificate
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=news.example.id", "-keyout", key, "-out", certificate],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return certificate, key


def nginx_binary() -> str:
    nginx = shutil.which("nginx")
    if not nginx:
        pytest.skip("nginx is not installed (apt-get install nginx; .ci/run does)")
    if not PURGE_MODULE.exists():
        pytest.skip(
            "nginx's cache purge module is not installed "
            "(apt-get install libnginx-mod-http-cache-purge; .ci/run does)"
        )
    return nginx


def readable_folder(prefix: str) -> Path:
    """A new folder readable by nginx's workers, which run as an unprivileged user."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    return folder


def acme_challenge(folder: Path) -> Path:
    """certbot's webroot under `folder`, holding one challenge file, `token`."""
    challenges = folder / "acme" / ".well-known" / "acme-challenge"
    challenges.mkdir(parents=True)
    (challenges / "token").write_text("token.thumbprint")
    for directory in (challenges, challenges.parent, challenges.parent.parent):
        directory.chmod(0o755)
    return folder / "acme"


def local_configuration(folder: Path, name: str, replacements: dict[str, str]) -> Path:
    """deploy/`name` with its paths and ports made local (`replacements`), included in an
    http block like the one Debian's and Ubuntu's nginx.conf has: the main file's path."""
    site = (DEPLOY / name).read_text()
    for old, new in replacements.items():
        assert old in site, f"deploy/{name} no longer has {old!r}"
        site = site.replace(old, new)
    (folder / "site.conf").write_text(site)
    main = folder / "nginx.conf"
    main.write_text(
        # Modules installed as packages, loaded as the distributions' nginx.conf does.
        "include /etc/nginx/modules-enabled/*.conf;\n"
        f"pid {folder}/nginx.pid; error_log {folder}/error.log warn;\n"
        "events { worker_connections 64; }\n"
        # The distributions' own TLS lines: the site's must be allowed beside them.
        "http { ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3; ssl_prefer_server_ciphers on;\n"
        f" access_log off; client_body_temp_path {folder}; proxy_temp_path {folder};"
        f" include {folder}/site.conf; }}\n"
    )
    return main


def start_nginx(main: Path, port: int) -> subprocess.Popen:
    """nginx with the configuration `main`, once it answers on `port` (at most 10 s)."""
    server = subprocess.Popen(  # noqa: S603 - nginx, with our own configuration
        [nginx_binary(), "-c", str(main), "-g", "daemon off;"],
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    return server


def site_replacements(
    folder: Path, upstream_port: int, port: int, tls_port: int, purge_port: int = 0
) -> dict:
    """deploy/nginx.conf's paths and ports, made local: a self-signed certificate, the
    cache and certbot's webroot in `folder`, nginx on `port`, `tls_port` and (purges)
    `purge_port` of loopback."""
    certificate, key = self_signed_certificate(folder)
    key.chmod(0o644)
    return {
        "/var/cache/nginx/warta": str(folder / "cache"),
        "server 127.0.0.1:8000;": f"server 127.0.0.1:{upstream_port};",
        "listen 80;": f"listen 127.0.0.1:{port};",
        "listen [::]:80;": "",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{tls_port} ssl http2;",
        "listen [::]:443 ssl http2;": "",
        "/etc/letsencrypt/live/news.example.id/fullchain.pem": str(certificate),
        "/etc/letsencrypt/live/news.example.id/privkey.pem": str(key),
        "/var/www/acme": str(acme_challenge(folder)),
        "/etc/nginx/warta_proxy_params": str(DEPLOY / "warta_proxy_params"),
        "listen 127.0.0.1:8081;": f"listen 127.0.0.1:{purge_port or free_port()};",
    }


@pytest.fixture
def nginx_site():
    """nginx with deploy/nginx.conf (its paths, ports and certificate made local) in front
    of `Page`: yields the plain-http and the https address."""
    nginx_binary()
    tmp_path = readable_folder("warta-nginx-")
    upstream = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    port, tls_port, purge_port = free_port(), free_port(), free_port()
    replacements = site_replacements(tmp_path, upstream.server_port, port, tls_port, purge_port)
    server = start_nginx(local_configuration(tmp_path, "nginx.conf", replacements), port)
    Page.asked.clear()
    Page.forwarded.clear()
    Page.paths.clear()
    yield f"http://127.0.0.1:{port}", f"https://127.0.0.1:{tls_port}", purge_port
    server.terminate()
    server.wait(timeout=10)
    upstream.shutdown()
    shutil.rmtree(tmp_path, ignore_errors=True)


@pytest.fixture
def proxy(nginx_site):
    """The https address of nginx in front of `Page`."""
    return nginx_site[1]


# The test's own certificate: the connection is encrypted, not verified.
UNVERIFIED = ssl.create_default_context()
UNVERIFIED.check_hostname = False
UNVERIFIED.verify_mode = ssl.CERT_NONE  # a throwaway loopback certificate


def get(url: str, **headers) -> str:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - loopback
    with urllib.request.urlopen(request, timeout=10, context=UNVERIFIED) as response:  # noqa: S310
        response.read()
        return response.headers["X-Proxy-Cache"]


def plain_get(address: str, path: str) -> http.client.HTTPResponse:
    """One plain-http request, redirects not followed."""
    connection = http.client.HTTPConnection(address.removeprefix("http://"), timeout=10)
    connection.request("GET", path, headers={"Host": "news.example.id"})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def test_requests_whose_encodings_normalise_alike_share_one_cached_copy(proxy):
    """Readers send many spellings of Accept-Encoding; nginx keeps one copy per encoding
    Warta serves (br, gzip, none), not one per spelling, each a miss of its own."""
    assert get(f"{proxy}/berita/", **{"Accept-Encoding": "identity"}) == "MISS"
    assert get(f"{proxy}/berita/") == "HIT"  # no header: the same plain copy
    assert get(f"{proxy}/berita/", **{"Accept-Encoding": "gzip, deflate, br"}) == "MISS"
    assert get(f"{proxy}/berita/", **{"Accept-Encoding": "br, gzip"}) == "HIT"
    assert Page.asked == [None, "br"]  # Warta was asked once per encoding, normalised


def test_plain_http_is_redirected_to_https_and_never_reaches_warta(nginx_site):
    """Over plain http every address answers 301 to the same one on https; Warta is not
    asked, so no page is made or cached for http."""
    plain, *_ = nginx_site
    for path in ("/", "/berita/?utm_source=x", "/admin/", "/api/engagement/v1/articles/1/views"):
        response = plain_get(plain, path)
        assert response.status == 301
        assert response.headers["Location"] == f"https://news.example.id{path}"
    assert Page.asked == []


def test_certificate_renewals_are_answered_over_plain_http(nginx_site):
    """The ACME challenge files are served on port 80, not redirected."""
    plain, *_ = nginx_site
    response = plain_get(plain, "/.well-known/acme-challenge/token")
    assert response.status == 200
    assert Page.asked == []


def test_warta_is_told_the_readers_address_and_scheme(proxy):
    """nginx sets X-Forwarded-Proto itself (a reader's own is replaced) and appends the
    reader's address to whatever X-Forwarded-For the reader sent, so the rightmost entry
    is the one Warta's trusted-proxy layer takes."""
    get(f"{proxy}/berita/", **{"X-Forwarded-Proto": "http", "X-Forwarded-For": "6.6.6.6"})
    [(host, forwarded_for, proto)] = Page.forwarded
    assert proto == "https"
    assert forwarded_for == "6.6.6.6, 127.0.0.1"
    assert host == proxy.removeprefix("https://").split(":")[0]


def test_the_tls_configuration_passes_nginx_t(tmp_path):
    """`nginx -t`, as the operator runs it before a reload, accepts deploy/nginx.conf with a
    certificate in place (a self-signed one here), inside the distributions' http block."""
    tmp_path.chmod(0o755)
    replacements = site_replacements(tmp_path, free_port(), free_port(), free_port())
    main = local_configuration(tmp_path, "nginx.conf", replacements)
    result = subprocess.run(  # noqa: S603 - nginx, with our own configuration
        [nginx_binary(), "-t", "-c", str(main)], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr
    assert "[emerg]" not in result.stderr


def test_before_the_first_certificate_only_its_challenges_are_answered():
    """deploy/nginx-acme.conf, for certbot's first run: the challenge files over plain
    http, 503 for everything else, and no certificate needed to start."""
    folder = readable_folder("warta-nginx-acme-")
    port = free_port()
    replacements = {
        "listen 80;": f"listen 127.0.0.1:{port};",
        "listen [::]:80;": "",
        "/var/www/acme": str(acme_challenge(folder)),
    }
    server = start_nginx(local_configuration(folder, "nginx-acme.conf", replacements), port)
    try:
        challenge = plain_get(f"http://127.0.0.1:{port}", "/.well-known/acme-challenge/token")
        assert challenge.status == 200
        assert plain_get(f"http://127.0.0.1:{port}", "/").status == 503
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


def test_an_expired_copy_is_asked_for_again_not_served_stale(proxy):
    """Past s-maxage the next reader waits for Warta's answer (a 304 keeps the copy): a
    stale copy could be one from before a change that no purge can name any more."""
    assert get(f"{proxy}/singkat/") == "MISS"
    assert get(f"{proxy}/singkat/") == "HIT"
    time.sleep(2.1)  # nginx counts whole seconds: 1 s may last nearly 2
    assert get(f"{proxy}/singkat/") == "REVALIDATED"
    assert get(f"{proxy}/singkat/") == "HIT"
    assert Page.paths == ["/singkat/", "/singkat/"]


def test_a_response_warta_marks_is_not_kept_nor_its_mark_sent_on(proxy):
    """X-Accel-Expires: 0, which Warta sends for what a purge could not name."""
    request = urllib.request.Request(f"{proxy}/jangan-simpan/")  # noqa: S310 - loopback
    for _ in range(2):
        with urllib.request.urlopen(request, timeout=10, context=UNVERIFIED) as response:  # noqa: S310
            response.read()
            assert response.headers["X-Accel-Expires"] is None
            assert response.headers["X-Proxy-Cache"] == "MISS"
    assert Page.paths == ["/jangan-simpan/", "/jangan-simpan/"]


def test_warta_purges_the_copy_of_each_encoding(nginx_site, settings, caplog):
    """What warta.core.nginx_purge sends removes every copy of the page, named as nginx
    keys it (host, address as sent, encoding), and no other page's."""
    from warta.core import nginx_purge

    _plain, proxy, purge_port = nginx_site
    settings.WARTA_PAGE_CACHE = {
        **settings.WARTA_PAGE_CACHE,
        "NGINX_PURGE_URLS": [f"http://127.0.0.1:{purge_port}"],
    }
    host = {"Host": "news.example.id"}
    encodings = ({}, {"Accept-Encoding": "gzip, deflate"}, {"Accept-Encoding": "br, gzip"})
    for path in ("/berita/?page=2", "/berita/"):
        for encoding in encodings:
            assert get(f"{proxy}{path}", **host, **encoding) == "MISS"
            assert get(f"{proxy}{path}", **host, **encoding) == "HIT"

    key = "https|news.example.id|/berita/|page=2"  # as the page cache keys it
    assert nginx_purge.purge([key, key.replace("https", "http", 1)]) == 3
    for encoding in encodings:
        assert get(f"{proxy}/berita/?page=2", **host, **encoding) == "MISS"
        assert get(f"{proxy}/berita/", **host, **encoding) == "HIT"  # not named: kept
    assert nginx_purge.purge(["https|other.example.id|/berita/|page=2"]) == 0  # none held
    assert "nginx purge" not in caplog.text
