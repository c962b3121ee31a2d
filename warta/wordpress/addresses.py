"""The old WordPress site's addresses: their one normal form, and keeping them as rows.

An old address is kept as the key `normalise` gives it: the path percent-decoded, without
its trailing slash and `/index.php`, plus the WordPress query parameters that name an
object (`/?p=123`, `/?cat=4&feed=rss2`), in one order. `OldAddressMiddleware` looks a
request up by the same key, so an address matches however it is written: with or without
the slash, `%`-escaped or not, `/index.php?p=123` or `/?p=123&utm_source=x`.

`keep` stores what an import found (`models.OldAddress`), many thousands at a time, and
refuses an old address that is its target's own (it would redirect to itself). The other
functions build the addresses WordPress gives each kind of object, for the importer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from django.db import connection, transaction
from wagtail.models import Page, Site

from warta.core import pagecache

from . import wxr
from .models import OldAddress

# The query parameters by which WordPress finds an object. Any other parameter of an old
# address (utm_*, replytocom, ...) is left out of its key.
NUMBERED_PARAMETERS = frozenset({"p", "page_id", "cat", "author", "attachment_id"})
NAMED_PARAMETERS = frozenset({"tag", "author_name"})
OBJECT_PARAMETERS = NUMBERED_PARAMETERS | NAMED_PARAMETERS | {"feed"}
# WordPress's page of an archive asked for by query (`/?cat=4&paged=2`); not part of a key.
PAGED_PARAMETER = "paged"
# Every kind of main feed WordPress serves is one old address: Warta has one feed.
FEED_KINDS = frozenset({"", "rss", "rss2", "atom", "rdf", "feed"})
FEED = "rss2"

# What purges every answer given from the old addresses (their 301s and the 404s of
# unknown ones) from the page cache when the rows change.
CACHE_TAG = "old-addresses"

BATCH_SIZE = 2_000
MAX_KEY_LENGTH = OldAddress._meta.get_field("path").max_length

_SLASHES = re.compile(r"/{2,}")
_FEED_PATH = re.compile(r"/feed/(?:rss2?|atom|rdf)$")
# A page of an archive (`/category/daerah/page/3`) or of a comment thread, a split post's
# page (`/2019/05/03/banjir/2`), a post's AMP or embed copy: the object's own address.
_SUFFIXES = (
    (re.compile(r"^(.*)/page/([0-9]{1,6})$"), True),
    (re.compile(r"^(.*)/comment-page-[0-9]{1,6}$"), False),
    (re.compile(r"^(.*/[^/]+)/[0-9]{1,3}$"), False),
    (re.compile(r"^(.*)/(?:amp|embed)$"), False),
)


def normalise(path: str, query: str = "") -> str:
    """The key of an old address, as stored in `OldAddress.path` and looked up.

    `path` is percent-encoded, as in a URL; `query` a raw query string."""
    path = unquote(path, errors="replace")
    # WordPress writes some links with a doubled slash (a page whose parent's link ends in
    # one, "//greek/…"); readers' browsers ask for them so.
    path = "/" + _SLASHES.sub("/", path).lstrip("/")
    if path == "/index.php" or path.startswith("/index.php/"):
        path = path.removeprefix("/index.php")
    path = path.removesuffix("/index.php")
    path = _FEED_PATH.sub("/feed", path.rstrip("/")) or "/"
    if parameters := object_parameters(query):
        return f"{path}?{urlencode(parameters, quote_via=quote)}"
    return path


def object_parameters(query: str) -> list[tuple[str, str]]:
    """The WordPress object parameters of a query string, each once, in their normal form,
    ordered by name; the last value of a name counts, as in PHP."""
    if not query:
        return []
    found = {}
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name not in OBJECT_PARAMETERS:
            continue
        value = value.strip()
        if name in NUMBERED_PARAMETERS and value.isascii() and value.isdigit():
            value = str(int(value))
        elif name in NAMED_PARAMETERS:
            value = value.lower()
        elif name == "feed" and value.lower() in FEED_KINDS:
            value = FEED
        if value:
            found[name] = value
    return sorted(found.items())


def page_asked(query: str) -> int | None:
    """The archive page WordPress's `paged` parameter asks for, if past the first."""
    for name, value in parse_qsl(query):
        if name == PAGED_PARAMETER and value.isascii() and value.isdigit() and len(value) < 7:
            return int(value) if int(value) > 1 else None
    return None


def candidates(key: str) -> list[tuple[str, int | None]]:
    """The keys an address not found may be kept under, in order, each with the page of
    the list it asks for: the key itself, then the object's address without a WordPress
    suffix (`/page/3` gives page 3 of the list)."""
    found = [(key, None)]
    if "?" in key:
        return found
    for pattern, numbered in _SUFFIXES:
        if match := pattern.match(key):
            page = int(match[2]) if numbered else None
            found.append((match[1] or "/", page if page and page > 1 else None))
            break
    return found


def key_of(address: str) -> str:
    """The key of an old address given as an absolute URL or as a path and query."""
    parts = urlsplit(address.strip())
    return normalise(parts.path or "/", parts.query)


def with_page(url: str, page: int | None) -> str:
    """`url` asking for page `page` of its list (Warta's `?page=`)."""
    if not page:
        return url
    return f"{url}{'&' if '?' in url else '?'}page={page}"


@dataclass(frozen=True)
class Kept:
    """What `keep` did with the old addresses it was given."""

    changed: int  # stored new, or with a new target
    unchanged: int  # stored before with the same target
    looping: int  # the target's own address: not stored, it would redirect to itself
    unusable: int  # longer than a row holds, or with a NUL character: not stored


Entry = tuple[str, int | None, str]


def keep(site: Site, entries: Iterable[Entry], *, batch_size: int = BATCH_SIZE) -> Kept:
    """Store old addresses of `site` that answer 301: each entry is (the old address as an
    absolute URL or a path with its query, the target page's id or None, or else the
    target address). An address stored before gets the new target.

    Works in batches of `batch_size`, two queries each, in one transaction; after its
    commit the page cache forgets what it answered from the old addresses."""
    root = site.root_page.url_path
    changed = unchanged = looping = unusable = 0
    with transaction.atomic():
        for batch in _batches(entries, batch_size):
            wanted: dict[str, tuple[int | None, str]] = {}
            for address, page_id, url in batch:
                if (page_id is None) == (not url):
                    raise ValueError(f"{address}: give a page or an address, one of the two")
                if url and not url.startswith(("/", "http://", "https://")):
                    raise ValueError(f"{address}: {url} is no address of a page")
                key = key_of(address)
                if len(key) > MAX_KEY_LENGTH or "\0" in key:
                    unusable += 1
                elif url and _own_key(url, site) == key:
                    looping += 1
                else:
                    wanted[key] = (page_id, url or "")
            looping += _drop_page_addresses(wanted, root)
            written = _upsert(site.pk, wanted) if wanted else 0
            changed += written
            unchanged += len(wanted) - written
        if changed:
            transaction.on_commit(lambda: pagecache.purge(CACHE_TAG))
    return Kept(changed, unchanged, looping, unusable)


def _upsert(site_id: int, wanted: dict[str, tuple[int | None, str]]) -> int:
    """Insert the rows, or give a stored one its new target; returns how many were written
    (a row whose target is unchanged is left alone). One statement on the unique index,
    however many rows the table holds: no look-up first, whose plan a table filled in the
    same transaction (without statistics yet) could make a scan of the site's rows."""
    table = connection.ops.quote_name(OldAddress._meta.db_table)
    paths = list(wanted)
    page_ids = [page_id for page_id, _url in wanted.values()]
    urls = [url for _page_id, url in wanted.values()]
    if connection.vendor == "postgresql":
        # Three arrays rather than thousands of parameters: four times as fast.
        rows, parameters = (
            "SELECT %s, * FROM UNNEST(%s::varchar[], %s::integer[], %s::varchar[])",
            [site_id, paths, page_ids, urls],
        )
    else:
        rows = "VALUES " + ", ".join(["(%s, %s, %s, %s)"] * len(paths))
        parameters = [v for row in zip(paths, page_ids, urls, strict=True) for v in (site_id, *row)]
    sql = (
        f"INSERT INTO {table} AS kept (site_id, path, page_id, url) {rows} "  # noqa: S608 - fixed names
        "ON CONFLICT (site_id, path) DO UPDATE SET page_id = excluded.page_id, url = excluded.url "
        "WHERE COALESCE(kept.page_id, 0) <> COALESCE(excluded.page_id, 0) "
        "OR kept.url <> excluded.url RETURNING 1"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, parameters)
        return len(cursor.fetchall())


def _batches(entries: Iterable[Entry], size: int) -> Iterator[list[Entry]]:
    entries = iter(entries)
    while batch := list(islice(entries, size)):
        yield batch


def _own_key(url: str, site: Site) -> str | None:
    """The key of a target address when it is on `site` (else None)."""
    parts = urlsplit(url)
    if parts.hostname and parts.hostname != site.hostname:
        return None
    return normalise(parts.path or "/", parts.query)


def _drop_page_addresses(wanted: dict[str, tuple[int | None, str]], root: str) -> int:
    """Leave out the old addresses that are their page's own address in the site whose
    home page is at `root` (a url_path); returns how many."""
    page_ids = {page_id for page_id, _url in wanted.values() if page_id is not None}
    paths = dict(Page.objects.filter(pk__in=page_ids).values_list("pk", "url_path"))
    if missing := page_ids - paths.keys():
        raise ValueError(f"no page with the id {min(missing)}")
    own = {
        page_id: normalise(quote(f"/{path.removeprefix(root)}"))
        for page_id, path in paths.items()
        if path.startswith(root)
    }
    looping = [key for key, (page_id, _url) in wanted.items() if own.get(page_id) == key]
    for key in looping:
        del wanted[key]
    return len(looping)


# The addresses WordPress gives each kind of object. `home` is the path of the old site's
# home (`home_of`): "/" unless WordPress lived in a folder. Bases are the permalink
# settings' ("kategori" where the site set it so).


def home_of(site: wxr.Site) -> str:
    """The path of the exported site's home, ending in a slash."""
    return urlsplit(site.base_blog_url or site.link).path.rstrip("/") + "/"


def item_addresses(item: wxr.Item, home: str = "/") -> list[str]:
    """A post's, page's or attachment's addresses: its permalink and the query forms
    (`?p=` answers for every type)."""
    addresses = [item.link] if item.link else []
    addresses.append(f"{home}?p={item.post_id}")
    if item.post_type == "page":
        addresses.append(f"{home}?page_id={item.post_id}")
    elif item.post_type == "attachment":
        addresses.append(f"{home}?attachment_id={item.post_id}")
    return addresses


def category_addresses(
    category: wxr.Category,
    parents: Mapping[str, str],
    home: str = "/",
    base: str = "category",
) -> list[str]:
    """A category's archive: `?cat=`, its path below its parents (`/category/daerah/pati/`,
    `parents` maps each category's slug to its parent's) and its slug alone, which
    WordPress answers too."""
    chain, slug = [category.slug], category.parent_slug
    while slug and slug not in chain and len(chain) < 20:
        chain.insert(0, slug)
        slug = parents.get(slug, "")
    addresses = [f"{home}?cat={category.term_id}"] if category.term_id else []
    addresses.append(f"{home}{base}/{'/'.join(chain)}/")
    if len(chain) > 1:
        addresses.append(f"{home}{base}/{category.slug}/")
    return addresses


def tag_addresses(tag: wxr.Tag, home: str = "/", base: str = "tag") -> list[str]:
    """A tag's archive: `?tag=` and its path."""
    return [f"{home}?tag={tag.slug}", f"{home}{base}/{tag.slug}/"]


def author_addresses(author: wxr.Author, home: str = "/", base: str = "author") -> list[str]:
    """An author's archive: `?author=` (exports since WXR 1.1 give the id), its path and
    `?author_name=`, by the name WordPress makes of the login."""
    name = nicename(author.login)
    addresses = [f"{home}?author={author.id}"] if author.id else []
    return [*addresses, f"{home}{base}/{name}/", f"{home}?author_name={name}"]


def feed_addresses(archive: Iterable[str]) -> list[str]:
    """The feeds of archives given by their addresses (`/category/daerah/feed/`,
    `/?cat=4&feed=rss2`); the site's own feed is the home's (`feed_addresses([home])`)."""
    feeds = []
    for address in archive:
        path, _mark, query = address.partition("?")
        if query:
            feeds.append(f"{address}&feed={FEED}")
        else:
            feeds += [f"{path.rstrip('/')}/feed/", f"{path}?feed={FEED}"]
    return feeds


def nicename(login: str) -> str:
    """The address name WordPress makes of a login (`sri.wahyuni` → `sri-wahyuni`), as its
    sanitize_title does for the plain letters, digits and signs logins are made of."""
    name = login.strip().lower().replace(".", "-")
    name = re.sub(r"\s+", "-", re.sub(r"[^a-z0-9 _-]", "", name))
    return re.sub(r"-+", "-", name).strip("-")
