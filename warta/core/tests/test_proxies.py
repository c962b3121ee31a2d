"""Forwarded headers believed from WARTA_TRUSTED_PROXIES only (warta.core.proxies)."""

import io
import logging
import re
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

import warta.wsgi
from warta.core import pagecache
from warta.core.proxies import TrustedProxiesApp
from warta.engagement import wsgi as beacon_layer
from warta.news.factories import ArticlePageFactory
from warta.settings.env import Rate

NGINX = ["127.0.0.1", "::1"]


def seen_by(app: TrustedProxiesApp, peer: str, **headers: str) -> dict:
    """The environ the layer inside `app` receives for a request from `peer`."""
    seen = {}

    def inner(environ, start_response):
        seen.update(environ)
        return [b""]

    app.app = inner
    environ = {"REMOTE_ADDR": peer, "wsgi.url_scheme": "http"}
    environ.update({f"HTTP_{name.upper()}": value for name, value in headers.items()})
    app(environ, lambda *args: None)
    return seen


def layer(*trusted: str) -> TrustedProxiesApp:
    return TrustedProxiesApp(None, trusted=trusted)


def test_forwarded_headers_from_an_untrusted_peer_are_removed():
    """A client that is no named proxy keeps its own address and scheme, and nothing
    downstream can read the headers it forged."""
    seen = seen_by(
        layer(*NGINX),
        "203.0.113.9",
        x_forwarded_for="198.51.100.1",
        x_forwarded_proto="https",
        x_forwarded_host="evil.example",
        x_forwarded_port="443",
        forwarded="for=198.51.100.1;proto=https",
    )
    assert (seen["REMOTE_ADDR"], seen["wsgi.url_scheme"]) == ("203.0.113.9", "http")
    assert not [name for name in seen if "FORWARDED" in name]


def test_nothing_is_trusted_by_default():
    """With WARTA_TRUSTED_PROXIES empty even loopback's forwarded headers are dropped."""
    seen = seen_by(layer(), "127.0.0.1", x_forwarded_for="198.51.100.1", x_forwarded_proto="https")
    assert (seen["REMOTE_ADDR"], seen["wsgi.url_scheme"]) == ("127.0.0.1", "http")


def test_a_trusted_proxy_sets_the_readers_address_and_scheme():
    """Behind nginx the reader is the address nginx appended, the scheme the one it saw."""
    seen = seen_by(
        layer(*NGINX), "127.0.0.1", x_forwarded_for="198.51.100.1", x_forwarded_proto="https"
    )
    assert (seen["REMOTE_ADDR"], seen["wsgi.url_scheme"]) == ("198.51.100.1", "https")
    assert "HTTP_X_FORWARDED_FOR" not in seen and "HTTP_X_FORWARDED_PROTO" not in seen


def test_a_forged_first_entry_is_passed_over():
    """A client's own X-Forwarded-For stays on the left of what nginx appends: the
    rightmost entry that no trusted proxy wrote is the reader."""
    seen = seen_by(layer(*NGINX), "::1", x_forwarded_for="6.6.6.6, 10.9.9.9, 198.51.100.1")
    assert seen["REMOTE_ADDR"] == "198.51.100.1"


def test_a_chain_of_trusted_proxies_is_followed_by_network():
    """With a load balancer's network named too, the reader is left of its hops."""
    app = layer("127.0.0.1", "10.0.0.0/8")
    chain = "6.6.6.6, 198.51.100.1, 10.2.3.4"
    assert seen_by(app, "127.0.0.1", x_forwarded_for=chain)["REMOTE_ADDR"] == "198.51.100.1"
    assert seen_by(app, "10.0.0.5", x_forwarded_for="2001:db8::1")["REMOTE_ADDR"] == "2001:db8::1"


def test_when_every_entry_is_a_trusted_proxy_the_leftmost_is_the_reader():
    """A request made on the proxy's machine itself comes from that machine."""
    app = layer("127.0.0.1", "10.0.0.0/8")
    assert seen_by(app, "127.0.0.1", x_forwarded_for="10.0.0.7, 10.0.0.8")["REMOTE_ADDR"] == (
        "10.0.0.7"
    )


def test_an_entry_that_is_no_address_ends_the_chain_at_its_writer():
    """Garbage in X-Forwarded-For is not taken for a reader: the proxy that passed it is."""
    app = layer("127.0.0.1", "10.0.0.0/8")
    seen = seen_by(app, "127.0.0.1", x_forwarded_for="198.51.100.1, <script>, 10.0.0.8")
    assert seen["REMOTE_ADDR"] == "10.0.0.8"
    for garbage in ("unknown", "198.51.100.1\x00", "fe80::1%eth0", "1.2.3", ""):
        assert seen_by(app, "127.0.0.1", x_forwarded_for=garbage)["REMOTE_ADDR"] == "127.0.0.1"


def test_addresses_with_ports_are_read():
    """Some proxies write `address:port`; the address is what counts."""
    app = layer(*NGINX)
    assert seen_by(app, "::1", x_forwarded_for="198.51.100.1:5123")["REMOTE_ADDR"] == (
        "198.51.100.1"
    )
    assert seen_by(app, "::1", x_forwarded_for="[2001:db8::7]:443")["REMOTE_ADDR"] == (
        "2001:db8::7"
    )


def test_the_readers_address_is_spelled_canonically():
    """One address, one spelling: limits keyed on it cannot be dodged by respelling."""
    seen = seen_by(layer(*NGINX), "::1", x_forwarded_for="2001:DB8:0:0:0:0:0:7")
    assert seen["REMOTE_ADDR"] == "2001:db8::7"


def test_an_ipv4_peer_on_a_dual_stack_socket_is_recognised():
    """`::ffff:127.0.0.1` is nginx on 127.0.0.1 seen through an IPv6 socket."""
    seen = seen_by(layer(*NGINX), "::ffff:127.0.0.1", x_forwarded_for="198.51.100.1")
    assert seen["REMOTE_ADDR"] == "198.51.100.1"
    seen = seen_by(layer("10.0.0.0/8"), "::ffff:10.1.1.1", x_forwarded_for="198.51.100.1")
    assert seen["REMOTE_ADDR"] == "198.51.100.1"


def test_only_http_and_https_are_taken_as_schemes():
    """A trusted proxy's odd X-Forwarded-Proto leaves the connection's scheme."""
    app = layer(*NGINX)
    assert seen_by(app, "127.0.0.1", x_forwarded_proto=" HTTPS ")["wsgi.url_scheme"] == "https"
    for odd in ("https, http", "javascript", "wss", ""):
        assert seen_by(app, "127.0.0.1", x_forwarded_proto=odd)["wsgi.url_scheme"] == "http"


def test_a_long_chain_is_read_from_the_right_only():
    """Thousands of forged hops cost no more than the last few."""
    chain = ", ".join(["6.6.6.6"] * 5000 + ["198.51.100.1"])
    assert seen_by(layer(*NGINX), "127.0.0.1", x_forwarded_for=chain)["REMOTE_ADDR"] == (
        "198.51.100.1"
    )


def test_a_proxy_that_is_not_named_is_pointed_out_once(caplog):
    """Forwarded headers from loopback while nothing is trusted: one warning naming the
    setting, not one per request; a public client sending them logs nothing."""
    app = layer()
    with caplog.at_level(logging.WARNING, logger="warta.core.proxies"):
        seen_by(app, "93.184.216.34", x_forwarded_proto="https")  # a public address
        assert caplog.records == []
        for _ in range(3):
            seen_by(app, "127.0.0.1", x_forwarded_proto="https")
    assert len(caplog.records) == 1
    assert "WARTA_TRUSTED_PROXIES" in caplog.text and "127.0.0.1" in caplog.text


# Warta as app servers run it: the layers of warta/wsgi.py in front of Django.


@pytest.fixture
def site(monkeypatch, settings, tmp_path):
    """warta.wsgi's application with nginx on loopback named as the trusted proxy, and
    an empty page cache."""
    settings.WARTA_ENGAGEMENT = {
        **settings.WARTA_ENGAGEMENT,
        "FLUSH_IN_BACKGROUND": False,
        "STATE_PATH": tmp_path / "engagement-state.sqlite3",
        "REDIS_URL": "",
    }
    pagecache.reset_store()
    pagecache.get_store().purge([pagecache.ALL_TAG])
    # As Django's test client does: no layer may close the test's connection.
    monkeypatch.setattr(beacon_layer, "close_old_connections", lambda: None)
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    app = warta.wsgi.application
    proxies = app
    while not isinstance(proxies, TrustedProxiesApp):
        proxies = proxies.app
    named = TrustedProxiesApp(None, trusted=NGINX)
    monkeypatch.setattr(proxies, "hosts", named.hosts)
    monkeypatch.setattr(proxies, "networks", named.networks)
    yield app
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)
    pagecache.reset_store()


def call(app, path: str, peer: str, method: str = "GET", **headers) -> tuple[int, str]:
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "HTTP_HOST": "localhost",
        "REMOTE_ADDR": peer,
        "wsgi.input": io.BytesIO(b""),
        "HTTP_USER_AGENT": "Mozilla/5.0 Firefox/140.0",
        "HTTP_SEC_FETCH_SITE": "same-origin",
    }
    environ.update({f"HTTP_{name.upper()}": value for name, value in headers.items()})
    setup_testing_defaults(environ)
    answered = {}

    def start_response(status, response_headers, exc_info=None):
        answered["status"] = int(status.split()[0])

    body = b"".join(app(environ, start_response)).decode()
    return answered["status"], body


def page_links(body: str) -> set[str]:
    """The canonical and og:url addresses of a page."""
    canonical = re.findall(r'<link rel="canonical" href="([^"]+)"', body)
    og_url = re.findall(r'<meta property="og:url" content="([^"]+)"', body)
    assert canonical and og_url, "the page has no canonical or og:url"
    return {*canonical, *og_url}


@pytest.mark.django_db
def test_a_forged_https_request_cannot_change_what_readers_get(site):
    """`X-Forwarded-Proto: https` from a client reached directly changes nothing: that
    request and every later plain one get the page with http links."""
    article = ArticlePageFactory(title="Banjir di Pati")
    path = article.url
    status, forged = call(site, path, "203.0.113.9", x_forwarded_proto="https")
    assert status == 200
    status, plain = call(site, path, "203.0.113.10")
    assert status == 200
    for body in (forged, plain):
        assert {link.split(":")[0] for link in page_links(body)} == {"http"}
        assert "https://localhost" not in body


@pytest.mark.django_db
def test_https_and_plain_requests_each_get_their_own_links(site):
    """Through the trusted proxy an https reader gets https links and a plain one http
    links, whichever was cached first."""
    article = ArticlePageFactory(title="Banjir di Pati")
    path = article.url
    for proto in ("https", "http", "https", "http"):
        status, body = call(site, path, "127.0.0.1", x_forwarded_proto=proto)
        assert status == 200
        assert {link.split(":")[0] for link in page_links(body)} == {proto}


@pytest.mark.django_db
def test_forged_forwarded_addresses_buy_no_views(site, settings):
    """A client reached directly rotating X-Forwarded-For is still one address; behind the
    trusted proxy each reader's address is their own."""
    settings.WARTA_ENGAGEMENT = {**settings.WARTA_ENGAGEMENT, "IP_RATE": Rate(1, 600)}
    article = ArticlePageFactory()
    beacon = f"/api/engagement/v1/articles/{article.pk}/views"

    def view(peer: str, forwarded_for: str) -> int:
        return call(site, beacon, peer, method="POST", x_forwarded_for=forwarded_for)[0]

    assert [view("203.0.113.9", f"10.0.0.{n}") for n in (1, 2, 3)] == [202, 429, 429]
    assert [view("127.0.0.1", f"198.51.100.{n}") for n in (1, 2, 3)] == [202, 202, 202]
