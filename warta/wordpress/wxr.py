"""Streaming reader of WordPress eXtended RSS (WXR) exports.

WordPress "Tools › Export" writes a site as one RSS file with its own elements: the ``wp:``
namespace (``http://wordpress.org/export/1.0/`` to ``/1.2/``; some exporters, among them the
Theme Unit Test data, write ``https://``), ``content:encoded``, ``excerpt:encoded`` and
``dc:creator``. :func:`read` walks such a file once and yields plain frozen dataclasses in file
order:

- one :class:`Site` (the channel's title, link, language, base URLs), before anything else;
- :class:`Author`, :class:`Category`, :class:`Tag` and :class:`Term` (other taxonomies such as
  ``nav_menu``), from the channel header;
- one :class:`Item` per ``<item>``: posts, pages, attachments and any other post type, with its
  dates, status, categories and tags, post meta, and the number of comments (comments are
  counted, never kept).

Memory stays bounded whatever the size of the file: the parser is streaming (``iterparse``) and
each header element and ``<item>`` is removed from the tree once read, so only one item is held
at a time.

Safety and errors: the XML is parsed with defusedxml, with document type declarations refused,
so external entities (XXE) and entity-expansion bombs are refused at their declaration,
before any entity is read. Any problem with
the file -- malformed or truncated XML, a DTD, a root that is not ``<rss>`` -- raises
:class:`WXRError`, whose message reads ``line 12, column 7: mismatched tag`` (line counted from
1, column as the XML parser counts it, from 0), with ``line``, ``column`` and ``reason`` as
attributes; a wrong root element or a missing channel has no position (``line`` is ``None``)
and the message is the reason alone. Nothing is yielded once the error is reached; what was
yielded before it (complete items only, never a partial one) stays yielded, so an importer that
must be all-or-nothing runs :func:`check` (or :func:`summary`) first, or works inside one
transaction. An unreadable path raises ``OSError``.

:func:`summary` counts what an export holds (items by type and status, authors, categories,
tags, attachments, comments) in one pass, for reports and dry runs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from os import PathLike
from typing import IO
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser, iterparse

__all__ = [
    "Author",
    "Category",
    "Item",
    "ItemTerm",
    "Site",
    "Summary",
    "Tag",
    "Term",
    "WXRError",
    "check",
    "read",
    "summary",
]

Source = str | PathLike[str] | IO[bytes]

# Namespace URIs as WordPress versions wrote them; https appears in some exports.
_WP_NS = re.compile(r"^https?://wordpress\.org/export/1\.[0-2]/$")
_EXCERPT_NS = re.compile(r"^https?://wordpress\.org/export/1\.[0-2]/excerpt/$")
_NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
_RFC822_YEAR = re.compile(r"\b\d{1,2} [A-Za-z]{3} \d{4} ")
# WordPress writes this for "no date yet" (drafts) in its *_gmt fields.
_ZERO_DATE = "0000-00-00 00:00:00"


class WXRError(ValueError):
    """The file is not a well-formed, safe WordPress export; says where and why."""

    def __init__(self, reason: str, line: int | None = None, column: int | None = None):
        self.reason = reason
        self.line = line
        self.column = column
        where = f"line {line}, column {column}: " if line is not None else ""
        super().__init__(f"{where}{reason}")


@dataclass(frozen=True)
class Site:
    """The exported site, from the channel header."""

    title: str
    link: str
    description: str
    language: str
    base_site_url: str
    base_blog_url: str
    wxr_version: str


@dataclass(frozen=True)
class Author:
    """A WordPress user who wrote something (``wp:author``); ``id`` is absent before WXR 1.1."""

    login: str
    email: str
    display_name: str
    first_name: str
    last_name: str
    id: int | None


@dataclass(frozen=True)
class Category:
    """A category; the hierarchy is kept by the parent's slug (``''`` at the top)."""

    term_id: int | None
    slug: str
    parent_slug: str
    name: str
    description: str


@dataclass(frozen=True)
class Tag:
    """A post tag."""

    term_id: int | None
    slug: str
    name: str
    description: str


@dataclass(frozen=True)
class Term:
    """A term of another taxonomy (``wp:term``), e.g. ``nav_menu`` or a custom taxonomy."""

    term_id: int | None
    taxonomy: str
    slug: str
    parent_slug: str
    name: str
    description: str


@dataclass(frozen=True)
class ItemTerm:
    """One ``<category>`` of an item: ``domain`` is ``category``, ``post_tag`` or a taxonomy."""

    domain: str
    nicename: str
    name: str


@dataclass(frozen=True)
class Item:
    """One ``<item>``: a post, page, attachment or other post type.

    ``post_date`` and ``post_modified`` are naive, in the old site's time zone, as WordPress
    stores them; the ``*_gmt`` twins are aware (UTC) and ``None`` where WordPress wrote no date
    (drafts). ``postmeta`` maps each meta key to its values in file order (a key may repeat).
    """

    post_id: int
    guid: str
    title: str
    link: str
    pub_date: datetime | None
    creator: str
    description: str
    content: str
    excerpt: str
    post_date: datetime | None
    post_date_gmt: datetime | None
    post_modified: datetime | None
    post_modified_gmt: datetime | None
    slug: str
    status: str
    post_type: str
    post_parent: int
    menu_order: int
    post_password: str
    is_sticky: bool
    comment_status: str
    attachment_url: str
    categories: tuple[ItemTerm, ...]
    postmeta: dict[str, tuple[str, ...]] = field(hash=False)
    comment_count: int

    @property
    def tags(self) -> tuple[ItemTerm, ...]:
        """The item's terms in the ``post_tag`` domain."""
        return tuple(term for term in self.categories if term.domain == "post_tag")


Record = Site | Author | Category | Tag | Term | Item

# Channel children that end the header: the Site is yielded when the first of them starts.
_BODY = {("wp", "author"), ("wp", "category"), ("wp", "tag"), ("wp", "term"), ("", "item")}


def read(source: Source) -> Iterator[Record]:
    """Yield the site, authors, terms and items of a WXR export, streaming, in file order."""
    if isinstance(source, str | PathLike):
        with open(source, "rb") as handle:
            yield from _read(handle)
    else:
        yield from _read(source)


def check(source: Source) -> None:
    """Read the whole export and raise :class:`WXRError` if any of it is unusable."""
    for _record in read(source):
        pass


def _read(handle: IO[bytes]) -> Iterator[Record]:
    parser = DefusedXMLParser(
        target=TreeBuilder(), forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    names = _Names()
    header: dict[str, str] = {}
    site_sent = False
    depth = 0
    channel: Element | None = None
    in_channel = False
    item: Element | None = None
    comments = 0
    try:
        for event, elem in iterparse(handle, ("start", "end"), parser=parser):
            if event == "start":
                depth += 1
                if depth == 1 and names.key(elem.tag) != ("", "rss"):
                    # No line here: events arrive after a whole chunk has been parsed.
                    raise WXRError(
                        f"not a WordPress export: the root element is <{_local(elem.tag)}>, "
                        "not <rss>"
                    )
                if depth == 2 and names.key(elem.tag) == ("", "channel"):
                    channel, in_channel = elem, True
                elif depth == 3 and in_channel:
                    key = names.key(elem.tag)
                    if not site_sent and key in _BODY:
                        site_sent = True
                        yield _site(header)
                    if key == ("", "item"):
                        item, comments = elem, 0
                continue
            depth -= 1
            if depth == 3 and item is not None and names.key(elem.tag) == ("wp", "comment"):
                comments += 1
                item.remove(elem)
            elif depth == 1 and elem is channel:
                in_channel = False
            elif depth == 2 and in_channel:
                record = _channel_child(elem, names, header, comments)
                channel.remove(elem)
                item = None
                if record is not None:
                    yield record
    except ParseError as error:
        line, column = error.position
        reason = str(error).split(": line ")[0]
        if reason == "no element found":
            reason = "the file ends too early (truncated?): no element found"
        raise WXRError(reason, line, column) from None
    except DTDForbidden:
        raise WXRError(
            "document type declarations (DTD) are refused: they can read other files or expand "
            "entities without bound (XXE, entity bombs)",
            *_position(parser),
        ) from None
    except EntitiesForbidden:
        raise WXRError("entity declarations are refused", *_position(parser)) from None
    except ExternalReferenceForbidden:
        raise WXRError("external references are refused", *_position(parser)) from None
    if channel is None:
        raise WXRError("not a WordPress export: no <channel> in <rss>")
    if not site_sent:
        yield _site(header)


def _position(parser: DefusedXMLParser) -> tuple[int, int]:
    # defusedxml's parser is ElementTree's pure-Python XMLParser; .parser is its expat parser.
    expat = parser.parser
    return expat.CurrentLineNumber, expat.CurrentColumnNumber


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


class _Names:
    """Turns ``{uri}local`` tags into ``(prefix, local)`` whatever WXR version wrote them."""

    def __init__(self):
        self._prefixes: dict[str, str | None] = {}

    def prefix(self, uri: str) -> str | None:
        if uri not in self._prefixes:
            if _WP_NS.match(uri):
                prefix = "wp"
            elif _EXCERPT_NS.match(uri):
                prefix = "excerpt"
            else:
                prefix = _NAMESPACES.get(uri)
            self._prefixes[uri] = prefix
        return self._prefixes[uri]

    def key(self, tag: str) -> tuple[str | None, str]:
        if tag[:1] != "{":
            return "", tag
        uri, _, local = tag[1:].partition("}")
        return self.prefix(uri), local

    def fields(self, elem: Element) -> dict[str, str]:
        """Text of the element's simple children, keyed ``prefix:local`` (first one wins)."""
        found: dict[str, str] = {}
        for child in elem:
            prefix, local = self.key(child.tag)
            name = f"{prefix}:{local}" if prefix else local
            found.setdefault(name, (child.text or "").strip())
        return found


def _channel_child(
    elem: Element, names: _Names, header: dict[str, str], comments: int
) -> Record | None:
    key = names.key(elem.tag)
    if key == ("", "item"):
        return _item(elem, names, comments)
    if key == ("wp", "author"):
        f = names.fields(elem)
        return Author(
            login=f.get("wp:author_login", ""),
            email=f.get("wp:author_email", ""),
            display_name=f.get("wp:author_display_name", ""),
            first_name=f.get("wp:author_first_name", ""),
            last_name=f.get("wp:author_last_name", ""),
            id=_int_or_none(f.get("wp:author_id")),
        )
    if key == ("wp", "category"):
        f = names.fields(elem)
        return Category(
            term_id=_int_or_none(f.get("wp:term_id")),
            slug=f.get("wp:category_nicename", ""),
            parent_slug=f.get("wp:category_parent", ""),
            name=f.get("wp:cat_name", ""),
            description=f.get("wp:category_description", ""),
        )
    if key == ("wp", "tag"):
        f = names.fields(elem)
        return Tag(
            term_id=_int_or_none(f.get("wp:term_id")),
            slug=f.get("wp:tag_slug", ""),
            name=f.get("wp:tag_name", ""),
            description=f.get("wp:tag_description", ""),
        )
    if key == ("wp", "term"):
        f = names.fields(elem)
        return Term(
            term_id=_int_or_none(f.get("wp:term_id")),
            taxonomy=f.get("wp:term_taxonomy", ""),
            slug=f.get("wp:term_slug", ""),
            parent_slug=f.get("wp:term_parent", ""),
            name=f.get("wp:term_name", ""),
            description=f.get("wp:term_description", ""),
        )
    prefix, local = key
    if prefix is not None and len(elem) == 0:
        header.setdefault(f"{prefix}:{local}" if prefix else local, (elem.text or "").strip())
    return None


def _site(header: dict[str, str]) -> Site:
    return Site(
        title=header.get("title", ""),
        link=header.get("link", ""),
        description=header.get("description", ""),
        language=header.get("language", ""),
        base_site_url=header.get("wp:base_site_url", ""),
        base_blog_url=header.get("wp:base_blog_url", ""),
        wxr_version=header.get("wp:wxr_version", ""),
    )


def _item(elem: Element, names: _Names, comments: int) -> Item:
    f: dict[str, str] = {}
    raw: dict[str, str] = {}  # content and excerpt keep their whitespace
    categories: list[ItemTerm] = []
    postmeta: dict[str, list[str]] = {}
    for child in elem:
        prefix, local = names.key(child.tag)
        name = f"{prefix}:{local}" if prefix else local
        if name == "category":
            categories.append(
                ItemTerm(
                    domain=child.get("domain", "category"),
                    nicename=child.get("nicename", ""),
                    name=(child.text or "").strip(),
                )
            )
        elif name == "wp:postmeta":
            meta = names.fields(child)
            postmeta.setdefault(meta.get("wp:meta_key", ""), []).append(
                meta.get("wp:meta_value", "")
            )
        elif name in ("content:encoded", "excerpt:encoded"):
            raw.setdefault(name, child.text or "")
        else:
            f.setdefault(name, (child.text or "").strip())
    return Item(
        post_id=_int(f.get("wp:post_id")),
        guid=f.get("guid", ""),
        title=f.get("title", ""),
        link=f.get("link", ""),
        pub_date=_rfc822(f.get("pubDate", "")),
        creator=f.get("dc:creator", ""),
        description=f.get("description", ""),
        content=raw.get("content:encoded", ""),
        excerpt=raw.get("excerpt:encoded", ""),
        post_date=_local_date(f.get("wp:post_date", "")),
        post_date_gmt=_gmt_date(f.get("wp:post_date_gmt", "")),
        post_modified=_local_date(f.get("wp:post_modified", "")),
        post_modified_gmt=_gmt_date(f.get("wp:post_modified_gmt", "")),
        slug=f.get("wp:post_name", ""),
        status=f.get("wp:status", ""),
        post_type=f.get("wp:post_type", ""),
        post_parent=_int(f.get("wp:post_parent")),
        menu_order=_int(f.get("wp:menu_order")),
        post_password=f.get("wp:post_password", ""),
        is_sticky=f.get("wp:is_sticky", "0") == "1",
        comment_status=f.get("wp:comment_status", ""),
        attachment_url=f.get("wp:attachment_url", ""),
        categories=tuple(categories),
        postmeta={key: tuple(values) for key, values in postmeta.items()},
        comment_count=comments,
    )


def _int(text: str | None) -> int:
    value = _int_or_none(text)
    return 0 if value is None else value


def _int_or_none(text: str | None) -> int | None:
    try:
        return int(text) if text else None
    except ValueError:
        return None


def _local_date(text: str) -> datetime | None:
    if not text or text == _ZERO_DATE:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


def _gmt_date(text: str) -> datetime | None:
    value = _local_date(text)
    return None if value is None else value.replace(tzinfo=UTC)


def _rfc822(text: str) -> datetime | None:
    # Drafts carry placeholders such as "Mon, 30 Nov -0001 00:00:00 +0000", which the e-mail
    # date parser would misread as the year 2000: only a four-digit year is a date.
    if not _RFC822_YEAR.search(text):
        return None
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class Summary:
    """What an export holds, counted in one pass."""

    site: Site
    items: Counter[tuple[str, str]]  # (post_type, status) -> count
    authors: int
    categories: int
    tags: int
    terms: int
    comments: int
    sticky: int

    def by_type(self) -> Counter[str]:
        """Items per post type, whatever their status."""
        counts: Counter[str] = Counter()
        for (post_type, _status), count in self.items.items():
            counts[post_type] += count
        return counts

    @property
    def attachments(self) -> int:
        """Attachments (images and other uploads) in the export."""
        return self.by_type()["attachment"]


def summary(source: Source) -> Summary:
    """Count items by type and status, authors, categories, tags, terms and comments."""
    site: Site | None = None
    items: Counter[tuple[str, str]] = Counter()
    counts: Counter[str] = Counter()
    for record in read(source):
        if isinstance(record, Item):
            items[record.post_type, record.status] += 1
            counts["comments"] += record.comment_count
            counts["sticky"] += record.is_sticky
        elif isinstance(record, Site):
            site = record
        else:
            counts[type(record).__name__] += 1
    return Summary(
        site=site or _site({}),
        items=items,
        authors=counts["Author"],
        categories=counts["Category"],
        tags=counts["Tag"],
        terms=counts["Term"],
        comments=counts["comments"],
        sticky=counts["sticky"],
    )
