"""Removing nginx's copies of the pages Warta's page cache purges.

nginx in front (deploy/nginx.conf) keeps each reader page for `s-maxage` seconds
(WARTA_HTTP_CACHE, 2 s) and then asks Warta again, with no stale copy served meanwhile.
With `WARTA_NGINX_PURGE_URLS` naming the loopback purge server of each nginx (module
ngx_cache_purge, package libnginx-mod-http-cache-purge), every purge of the page cache
removes the same pages from every nginx before the change's request returns: the next
reader, whichever nginx they reach, gets the new page.

nginx keys a copy by host, address and encoding (br, gzip or none), so a page is purged
by one request per encoding, naming it by the address Warta's page cache keys it by.
Only that spelling of an address is kept by nginx: for any other (extra or reordered
query parameters) and for a page the page cache did not store, Warta tells nginx not to
keep the response (`pagecache.NOT_FOR_PROXY`). The one spelling Warta cannot see is a
path's own percent-encoding (`%2D` for `-`): such a copy lives its `s-maxage`.

A purge stops after `s-maxage` seconds: by then every copy nginx held when it began has
expired and is asked for again. A purge server that fails or is unreachable is logged
(`warta.core.outages`) and never fails the change; nginx's copies then expire within
`s-maxage`.
"""

from __future__ import annotations

import http.client
import logging
import time
from collections.abc import Iterable
from urllib.parse import quote, urlsplit

from django.conf import settings

from .outages import Outage

log = logging.getLogger(__name__)

# What nginx's $warta_encoding (deploy/nginx.conf) makes br, gzip and "" (no encoding) of.
ENCODINGS = ("br", "gzip", "identity")
TIMEOUT = 1.0  # seconds to connect to a purge server or for it to answer
# As Django escapes a path (django.utils.encoding.escape_uri_path) and browsers send one.
PATH_SAFE = "/:@&+$,-_.!~*'()"

_outages: dict[str, Outage] = {}


class PurgeRefused(Exception):
    """The purge server answered something other than purged (200) or not held (404)."""


def nginx_address(key: str) -> tuple[str, str]:
    """(Host, address) of the page a page-cache key names, as nginx keys its copy."""
    _scheme, host, rest = key.split("|", 2)
    path, query = rest.rsplit("|", 1)  # a path may hold "|"; the encoded query never does
    # The WSGI path holds the request's bytes as Latin-1 characters.
    address = quote(path.encode("latin-1"), safe=PATH_SAFE)
    return host, f"{address}?{query}" if query else address


def purge(keys: Iterable[str]) -> int:
    """Remove the pages of these page-cache keys from every configured nginx; returns how
    many copies were removed."""
    servers = settings.WARTA_PAGE_CACHE.get("NGINX_PURGE_URLS")
    if not servers:
        return 0
    pages = sorted({nginx_address(key) for key in keys})  # http and https share a copy
    if not pages:
        return 0
    deadline = time.monotonic() + settings.WARTA_HTTP_CACHE["S_MAXAGE"]
    return sum(purge_at(server, pages, deadline) for server in servers)


def forget_outages() -> None:
    """Try every purge server on the next purge (tests, a changed setting)."""
    _outages.clear()


def purge_at(server: str, pages: list[tuple[str, str]], deadline: float) -> int:
    outage = _outages.setdefault(server, Outage(f"nginx purge server {server}", log))
    if not outage.available():
        return 0
    parts = urlsplit(server)
    connection = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=TIMEOUT)
    removed = 0
    try:
        for host, address in pages:
            for encoding in ENCODINGS:
                if time.monotonic() > deadline:
                    log.warning(
                        "nginx purge at %s stopped after s-maxage with pages left: "
                        "their copies have expired by now",
                        server,
                    )
                    return removed
                headers = {"Host": host, "Accept-Encoding": encoding}
                connection.request("PURGE", address, headers=headers)
                response = connection.getresponse()
                response.read()
                if response.status == 200:
                    removed += 1
                elif response.status != 404:  # 404: nginx held no such copy
                    raise PurgeRefused(f"answered {response.status} {response.reason}")
    except (OSError, http.client.HTTPException, PurgeRefused) as error:
        outage.failed(error)
        return removed
    finally:
        connection.close()
    outage.recovered()
    return removed
