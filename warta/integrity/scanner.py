"""Reads a page's content for gambling spam, hidden markup and links to gambling sites.

What it refuses, and why a news story about gambling passes:

- **hidden content**: markup that hides text or links from readers but not from search
  engines (`display:none`, `font-size:0`, off-screen positions, white text, the `hidden`
  and `aria-hidden` attributes, 1-pixel sizes, hiding classes, `<script>` and `<style>`).
  A story never needs it; a sanitiser that strips the style would make the spam visible.
- **blocked domains**: a link, embed or address in the text pointing at a gambling site
  (its name holds "slot", "togel", "hoki88"...), at a domain the editor-in-chief blocked,
  or at a government or campus page whose address carries spam (a defaced site).
- **disguised terms**: "s1ot g4cor", "s l o t", "ｓｌｏｔ": nobody writes a word so to inform.
- **spam links**: a link to another site whose text is a promotional term ("slot gacor"),
  or mostly gambling words ("togel").
- **promotional terms beside a link**: "maxwin" or "link alternatif" in the same paragraph
  as a link to another site.
- **stuffing**: promotional terms three times or more, at least one word in fifteen.

A report on an arrest ("Polisi menangkap bandar judi online yang mempromosikan situs slot
gacor") names the trade in sentences, without links: it passes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.embeds.blocks import EmbedBlock
from wagtail.rich_text import RichText

from . import terms

HIDDEN = "hidden"
DOMAIN = "domain"
DISGUISED = "disguised"
SPAM_LINK = "spam_link"
SPAM_BESIDE_LINK = "spam_beside_link"
STUFFING = "stuffing"
KINDS = (HIDDEN, DOMAIN, DISGUISED, SPAM_LINK, SPAM_BESIDE_LINK, STUFFING)

# Stuffing: at least this many promotional terms, at least one word in this many.
STUFFED_COUNT, STUFFED_WORDS_PER_TERM = 3, 15
MAX_DETAIL = 80


@dataclass(frozen=True)
class Finding:
    """One thing the guard refuses: where (a field's label), what kind, and what exactly."""

    where: str
    kind: str
    detail: str

    def describe(self) -> str:
        """What was found, in the admin's language: "hidden content (display:none)"."""
        templates = {
            HIDDEN: _("hidden content (%(detail)s)"),
            DOMAIN: _("a link to a blocked domain (%(detail)s)"),
            DISGUISED: _("a disguised gambling term (“%(detail)s”)"),
            SPAM_LINK: _("a link with gambling text (“%(detail)s”)"),
            SPAM_BESIDE_LINK: _("gambling promotion beside a link (%(detail)s)"),
            STUFFING: _("gambling spam terms (%(detail)s)"),
        }
        return templates[self.kind] % {"detail": self.detail}

    def as_dict(self) -> dict:
        return {"where": self.where, "kind": self.kind, "detail": self.detail}


def shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_DETAIL else text[: MAX_DETAIL - 1] + "…"


# --- Text: normalised so that disguises still match --------------------------------------

# Zero-width characters and the soft hyphen hide inside a word: they count as separators.
INVISIBLE_CHARACTERS = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), "·")
# Cyrillic letters that look Latin, added to the look-alike classes below.
CYRILLIC = {"a": "а", "c": "с", "e": "е", "i": "і", "o": "о", "p": "р", "s": "ѕ", "x": "х"}
SEPARATOR = r"[\s.\-_*·,:;/|]"
WORD_CHARACTER = "a-z0-9" + "".join(CYRILLIC.values())


def normalise(text: str) -> str:
    """Full-width and styled letters folded to plain ones, lower case; zero-width
    characters made visible as separators."""
    return unicodedata.normalize("NFKC", text).translate(INVISIBLE_CHARACTERS).casefold()


def normalise_marking_styled(text: str) -> tuple[str, list[bool]]:
    """The normalised text, and for each of its characters whether it came from a styled
    one (full-width "ｓ", mathematical "𝐬", a zero-width space): a disguise in itself."""
    characters, styled = [], []
    for character in text:
        plain = normalise(character)
        changed = unicodedata.normalize("NFKC", character) != character or plain == "·"
        characters.append(plain)
        styled.extend([changed] * len(plain))
    return "".join(characters), styled


def letter_class(letter: str) -> str:
    alike = terms.LOOKALIKES.get(letter, letter) + CYRILLIC.get(letter, "")
    return letter if len(alike) == 1 else "[" + re.escape(alike) + "]"


def term_pattern(term: str, spaced_letters: bool) -> str:
    """A term's regular expression: its words with any separators between them, each
    letter or its look-alikes, and (for promotional terms) a separator between letters."""
    words = []
    for word in term.split():
        glue = SEPARATOR + "?" if spaced_letters else ""
        words.append(glue.join(letter_class(letter) for letter in word))
    return (SEPARATOR + "*").join(words)


@dataclass(frozen=True)
class TermHit:
    term: str
    text: str
    promotional: bool
    disguised: bool


def clean_lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class Rules:
    """The terms and domains in force: the defaults with a site's own additions."""

    def __init__(
        self,
        extra_terms: Iterable[str] = (),
        allowed_terms: Iterable[str] = (),
        blocked_domains: Iterable[str] = (),
        allowed_domains: Iterable[str] = (),
        own_hosts: Iterable[str] = (),
    ):
        allowed = {normalise(term) for term in allowed_terms}
        promotional = [normalise(term) for term in (*terms.PROMOTIONAL_TERMS, *extra_terms)]
        self.promotional = {term for term in promotional if term not in allowed}
        self.descriptive = {normalise(term) for term in terms.DESCRIPTIVE_TERMS} - allowed
        self.terms = sorted(self.promotional | self.descriptive, key=len, reverse=True)
        alternatives = [
            f"(?P<t{index}>{term_pattern(term, term in self.promotional)})"
            for index, term in enumerate(self.terms)
        ]
        boundary_before, boundary_after = f"(?<![{WORD_CHARACTER}])", f"(?![{WORD_CHARACTER}])"
        self.pattern = re.compile(
            boundary_before + "(?:" + "|".join(alternatives) + ")" + boundary_after
        )
        self.blocked_domains = [normalise(domain).lstrip(".") for domain in blocked_domains]
        self.allowed_domains = [normalise(domain).lstrip(".") for domain in allowed_domains]
        self.own_hosts = {normalise(host) for host in own_hosts if host and "*" not in host}
        self.host_pattern = re.compile(
            "|".join([*map(re.escape, terms.HOST_FRAGMENTS), *terms.HOST_PATTERNS])
        )

    # Terms

    def hits(self, text: str) -> list[TermHit]:
        """Every gambling term in the text, disguised or not, leftmost and longest first."""
        found = []
        normalised, styled = normalise_marking_styled(text)
        for match in self.pattern.finditer(normalised):
            term = self.terms[int(match.lastgroup[1:])]
            matched = match.group()
            compact = re.sub(SEPARATOR, "", matched)
            letters = sum("a" <= character <= "z" for character in compact)
            if letters * 2 < len(compact):  # "5107" is a number, not "slot"
                continue
            separators = len(re.findall(SEPARATOR + "+", matched))
            disguised = (
                compact != term.replace(" ", "")
                or separators > term.count(" ")
                or any(styled[match.start() : match.end()])
            )
            found.append(TermHit(term, matched, term in self.promotional, disguised))
        return found

    # Domains

    def domain_matches(self, host: str, pattern: str) -> bool:
        if pattern.startswith("*."):
            return host.endswith(pattern[1:])
        return host == pattern or host.endswith("." + pattern)

    def is_own(self, host: str) -> bool:
        return host in self.own_hosts

    def blocked_reason(self, url: str) -> str | None:
        """The host (or the address, for a defaced site) when the URL leads somewhere the
        guard refuses; None otherwise."""
        parts = urlsplit(url.strip() if "//" in url else "//" + url.strip())
        host = normalise(parts.hostname or "")
        if not host or self.is_own(host):
            return None
        if any(self.domain_matches(host, allowed) for allowed in self.allowed_domains):
            return None
        if any(self.domain_matches(host, blocked) for blocked in self.blocked_domains):
            return host
        name = host.rsplit(".", 1)[0].replace("-", "").replace(".", "")
        if self.host_pattern.search(name):
            return host
        if host.startswith("xn--") or ".xn--" in host:
            return host  # a look-alike name in another script
        if host.endswith(terms.HIJACKED_HOST_SUFFIXES):
            rest = f"{parts.path} {parts.query}".replace("-", " ").replace("_", " ")
            if any(hit.promotional for hit in self.hits(rest)):
                return shorten(url)
        return None


# --- Markup -------------------------------------------------------------------------------

NUMBER = re.compile(r"^(-?\d*\.?\d+)([a-z%]*)")
WHITE = {"white", "#fff", "#ffffff", "rgb(255,255,255)", "transparent"}
OFF_SCREEN_PROPERTIES = {
    "left",
    "right",
    "top",
    "bottom",
    "margin-left",
    "margin-top",
    "text-indent",
}


def number(value: str) -> tuple[float, str] | None:
    match = NUMBER.match(value)
    return (float(match.group(1)), match.group(2)) if match else None


def hidden_declaration(prop: str, value: str) -> bool:
    """Whether one CSS declaration hides its element or makes it unreadable."""
    if prop == "display":
        return value == "none"
    if prop == "visibility":
        return value in {"hidden", "collapse"}
    if prop in {"clip", "clip-path"}:
        return value not in {"auto", "none"}
    if prop == "transform":
        return "scale(0" in value
    if prop in {"color", "-webkit-text-fill-color"}:
        return value in WHITE or value.startswith("rgba(") and value.endswith(",0)")
    measured = number(value)
    if measured is None:
        return False
    amount, unit = measured
    if prop == "opacity":
        return amount <= 0.1
    if prop == "z-index":
        return amount < 0
    if prop == "font-size":
        limit = {"": 2, "px": 2, "pt": 2, "em": 0.2, "rem": 0.2, "%": 20}.get(unit, 0)
        return amount <= limit
    if prop in {"width", "height", "max-width", "max-height"}:
        return amount <= 1 and unit in {"", "px"}
    if prop in OFF_SCREEN_PROPERTIES:
        return amount <= (-50 if unit in {"em", "rem"} else -500)
    return False


def hidden_styles(style: str) -> list[str]:
    """The declarations of a style attribute that hide: ["display:none"]."""
    style = re.sub(r"/\*.*?\*/", "", style.casefold(), flags=re.DOTALL)
    style = re.sub(r"\s+", "", style)
    found = []
    for declaration in style.split(";"):
        prop, _sep, value = declaration.partition(":")
        value = value.removesuffix("!important")
        if prop and hidden_declaration(prop, value):
            found.append(f"{prop}:{value}")
    return found


TINY_SIZES = {"0", "1", "0px", "1px"}


@dataclass
class Anchor:
    href: str
    internal: bool
    text: list[str] = field(default_factory=list)


class MarkupReader(HTMLParser):
    """Reads one piece of content: its text, its links, and what in it hides."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.anchors: list[Anchor] = []
        self.open_anchors: list[Anchor] = []
        self.sources: list[str] = []
        self.hidden: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = {name: (value or "") for name, value in attrs}
        if tag in terms.FOREIGN_ELEMENTS:
            self.hidden.append(f"<{tag}>")
        if "hidden" in attributes:
            self.hidden.append("hidden")
        if attributes.get("aria-hidden", "").strip().lower() == "true":
            self.hidden.append('aria-hidden="true"')
        self.hidden.extend(hidden_styles(attributes.get("style", "")))
        classes = set(attributes.get("class", "").lower().split())
        self.hidden.extend(f'class="{name}"' for name in terms.HIDING_CLASSES if name in classes)
        for name in ("width", "height"):
            if attributes.get(name, "").strip().lower() in TINY_SIZES:
                self.hidden.append(f'{name}="{attributes[name]}"')
        if tag == "font" and attributes.get("color", "").strip().lower() in WHITE:
            self.hidden.append(f'color="{attributes["color"]}"')
        if tag == "a":
            href = attributes.get("href", "")
            internal = bool(attributes.get("linktype")) or not href or href[0] in "/#?"
            anchor = Anchor(href, internal)
            self.anchors.append(anchor)
            self.open_anchors.append(anchor)
        for name in ("src", "data", "action", "formaction"):
            if attributes.get(name):
                self.sources.append(attributes[name])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "a":
            self.open_anchors.pop()

    def handle_endtag(self, tag):
        if tag == "a" and self.open_anchors:
            self.open_anchors.pop()

    def handle_data(self, data):
        self.texts.append(data)
        for anchor in self.open_anchors:
            anchor.text.append(data)


def hidden_in_markup(text: str) -> list[str]:
    """Only the hiding markup of a text (for submitted data before any cleaning)."""
    if "<" not in text:
        return []
    reader = MarkupReader()
    reader.feed(text)
    reader.close()
    return reader.hidden


TLDS = (
    "com|net|org|info|biz|id|xyz|top|site|online|store|shop|club|live|pro|vip|asia|cc|ws|tv|"
    "me|io|co|bet|win|casino|games|fun|icu|sbs|cfd|bond|lol|click|link|app|dev|life|today|"
    "space|website|one|best|ink|monster|rest|buzz|cyou|quest|my|sg|ph|th|vn|in"
)
BARE_ADDRESS = re.compile(
    r"(?<![\w@.-])(?:https?://)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:" + TLDS + r"))"
    r"(?![\w-])(?:/[^\s<>\"']*)?",
    re.IGNORECASE,
)


@dataclass
class FieldScan:
    """One field's findings; promotional terms are counted over the whole field, so that
    stuffing spread across a body's paragraphs is seen as such."""

    label: str
    rules: Rules
    findings: list[Finding] = field(default_factory=list)
    promoted: list[str] = field(default_factory=list)
    words: int = 0

    def add(self, where: str, kind: str, detail: str) -> None:
        finding = Finding(str(where), kind, shorten(detail))
        if finding not in self.findings:
            self.findings.append(finding)

    def read_url(self, url: str | None, where: str) -> None:
        """An address stored on its own: an embed's, a URL field's."""
        if url and (reason := self.rules.blocked_reason(url)):
            self.add(where, DOMAIN, reason)

    def read_markup(self, text: str | None, where: str, linked: bool = False) -> None:
        """A text, plain or HTML: `linked` when it stands beside an address of its own."""
        if not text:
            return
        reader = MarkupReader()
        reader.feed(str(text))
        reader.close()
        for detail in reader.hidden:
            self.add(where, HIDDEN, detail)
        body = " ".join(reader.texts)
        outbound = linked
        for anchor in reader.anchors:
            if anchor.internal or anchor.href.lower().startswith(("mailto:", "tel:")):
                continue
            host = normalise(urlsplit(anchor.href).hostname or "")
            if host and self.rules.is_own(host):
                continue
            outbound = True
            if reason := self.rules.blocked_reason(anchor.href):
                self.add(where, DOMAIN, reason)
            self.read_anchor_text(" ".join(anchor.text), where)
        for source in reader.sources:
            if reason := self.rules.blocked_reason(source):
                self.add(where, DOMAIN, reason)
        for match in BARE_ADDRESS.finditer(body):
            host = normalise(match.group(1))
            if self.rules.is_own(host):
                continue
            outbound = True
            if reason := self.rules.blocked_reason(match.group()):
                self.add(where, DOMAIN, reason)
        hits = self.rules.hits(body)
        for hit in hits:
            if hit.disguised:
                self.add(where, DISGUISED, hit.text)
        promoted = [hit.term for hit in hits if hit.promotional]
        if promoted and outbound:
            self.add(where, SPAM_BESIDE_LINK, ", ".join(dict.fromkeys(promoted)))
        self.promoted.extend(promoted)
        self.words += len(body.split())

    def read_anchor_text(self, text: str, where: str) -> None:
        hits = self.rules.hits(text)
        covered = sum(len(hit.text.split()) for hit in hits)
        if any(hit.promotional for hit in hits) or (hits and covered * 2 >= len(text.split())):
            self.add(where, SPAM_LINK, text)

    def read_block(self, block, value, where: str) -> None:
        """A StreamField block's value, its children named "Body › Paragraph 2"."""
        if value is None:
            return
        if isinstance(block, blocks.StreamBlock):
            for index, child in enumerate(value, start=1):
                self.read_block(child.block, child.value, f"{where} › {child.block.label} {index}")
        elif isinstance(block, blocks.StructBlock):
            linked = any(
                isinstance(child, (EmbedBlock, blocks.URLBlock)) and value.get(name)
                for name, child in block.child_blocks.items()
            )
            for name, child in block.child_blocks.items():
                child_where = f"{where} › {child.label}"
                if linked and not isinstance(child, (EmbedBlock, blocks.URLBlock)):
                    self.read_markup(self.plain(value.get(name)), child_where, linked=True)
                else:
                    self.read_block(child, value.get(name), child_where)
        elif isinstance(block, blocks.ListBlock):
            for index, item in enumerate(value, start=1):
                self.read_block(block.child_block, item, f"{where} {index}")
        elif isinstance(block, EmbedBlock):
            self.read_url(getattr(value, "url", value), where)
        elif isinstance(block, blocks.URLBlock):
            self.read_url(value, where)
        elif isinstance(block, (blocks.RichTextBlock, blocks.RawHTMLBlock, blocks.FieldBlock)):
            text = self.plain(value)
            if text is None and value:  # a value of parts (a table's cells): their words
                text = "\n".join(str(part) for part in block.get_searchable_content(value))
            self.read_markup(text, where)

    def read_value(self, value, where: str, is_url: bool = False) -> None:
        """A field's value, whatever its kind: a stream, rich text, text, a list of tags."""
        if value is None:
            return
        if isinstance(value, StreamValue):
            for index, child in enumerate(value, start=1):
                label = f"{where} › {child.block.label} {index}"
                self.read_block(child.block, child.value, label)
        elif isinstance(value, RichText):
            self.read_markup(value.source, where)
        elif isinstance(value, str):
            self.read_url(value, where) if is_url else self.read_markup(value, where)
        elif isinstance(value, (list, tuple)):
            for item in value:
                if isinstance(item, str):
                    self.read_value(item, where)

    @staticmethod
    def plain(value) -> str | None:
        if isinstance(value, RichText):
            return value.source
        return value if isinstance(value, str) else None

    def result(self) -> list[Finding]:
        """The findings, with stuffing judged over the whole field."""
        count = len(self.promoted)
        if count >= STUFFED_COUNT and count * STUFFED_WORDS_PER_TERM >= self.words:
            tally = Counter(self.promoted)
            detail = ", ".join(f"{term} ×{n}" if n > 1 else term for term, n in tally.items())
            self.add(self.label, STUFFING, detail)
        return self.findings
