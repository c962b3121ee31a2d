"""Indonesian-friendly search terms and highlighted snippets.

Wagtail's database search backends (SQLite FTS5 locally, PostgreSQL full-text in
production) match whole tokens and know nothing of Indonesian. Warta reduces every word
to a *search term* in Python instead: accents and case folded, then stemmed to its root
with Sastrawi's dictionary-based Indonesian stemmer, so "Pembangunan", "membangun" and
"bangunan" all become "bangun". Articles are indexed with their text plus these terms
(`FoldedSearchField`) and a reader's query is turned into terms the same way
(`query_terms`), so both databases match the same articles. Snippets and highlights
compare words by their terms too: a search for "membangun" marks "pembangunan".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.search import index

from warta.core.caches import lru

# Letters and digits; punctuation, spaces and "_" separate words, as in both databases.
WORD = re.compile(r"[^\W_]+")


@lru("stemmer", maxsize=1, key="none: one stemmer", invalidated_by="nothing")
def _stemmer():
    # Imported here: the dictionary (30,000 root words) loads on first use, not at start-up.
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
    from Sastrawi.Stemmer.Stemmer import Stemmer
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return Stemmer(ArrayDictionary(StemmerFactory().get_words()))


# The Unicode blocks of combining diacritical marks, left behind by NFKD decomposition.
COMBINING_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """`text` without accents and case: "Kafé RÉSTO" -> "kafe resto"."""
    if text.isascii():
        return text.lower()
    return COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text)).casefold()


@lru("search-terms", maxsize=200_000, key="a folded word")
def term(word: str) -> str:
    """The search term of one folded word: its Indonesian root, or the word itself."""
    if word.isascii() and word.isalpha() and len(word) > 3:
        return _stemmer().stem_word(word) or word
    return word


def terms(text: str) -> list[str]:
    """The search terms of `text`, in order, repeats included."""
    return [term(word) for word in WORD.findall(fold(text))]


def query_terms(query: str) -> list[str]:
    """The distinct search terms of a reader's query, in the order typed."""
    return list(dict.fromkeys(terms(query)))


# Wagtail's indexer reads every search field several times per object (title, body,
# autocomplete, plain-text copies): the same text, so the terms are worked out once.
@lru("indexed-texts", maxsize=256, key="a search field's text")
def indexable(text: str) -> str:
    """`text` followed by its distinct search terms, as the search index stores it.

    The original words stay so editors' searches in the admin, which are not stemmed,
    keep working; the terms after them are what readers' stemmed queries match.
    """
    if not text:
        return ""
    return f"{text}\n{' '.join(dict.fromkeys(terms(text)))}"


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, Iterable):
        return "\n".join(_as_text(item) for item in value)
    return str(value)


_bulk_values: ContextVar[dict | None] = ContextVar("warta_search_bulk_values", default=None)


@contextmanager
def values_computed_once():
    """While bulk-indexing objects that do not change, work out each field's text once.

    Wagtail's database indexer reads every search field five times per object (for
    the title, body and autocomplete vectors and their plain-text copies); for a
    StreamField body that is most of the indexing time of `generate_archive`.
    """
    token = _bulk_values.set({})
    try:
        yield
    finally:
        _bulk_values.reset(token)


class FoldedSearchField(index.SearchField):
    """A search field indexed with its folded, stemmed search terms next to its text."""

    def get_value(self, obj) -> str:
        values = _bulk_values.get()
        if values is None:
            return indexable(_as_text(super().get_value(obj)))
        key = (id(obj), self.field_name)
        if key not in values:
            values[key] = indexable(_as_text(super().get_value(obj)))
        return values[key]


@lru("highlighted-words", maxsize=50_000, key="a word of a result and the terms asked for")
def matches(word: str, wanted: frozenset[str]) -> bool:
    """Whether a word of the text has one of the wanted search terms."""
    return any(term(part) in wanted for part in WORD.findall(fold(word)))


def highlight(text: str, wanted: frozenset[str]) -> SafeString:
    """`text` escaped, with every word whose search term is wanted wrapped in <mark>."""
    parts, position = [], 0
    for match in WORD.finditer(text):
        parts.append(escape(text[position : match.start()]))
        word = escape(match.group())
        parts.append(f"<mark>{word}</mark>" if matches(match.group(), wanted) else word)
        position = match.end()
    parts.append(escape(text[position:]))
    # Every piece of `text` went through escape(); the only markup added is <mark>.
    return mark_safe("".join(parts))  # noqa: S308


def snippet(paragraphs: Iterable[str], wanted: frozenset[str], length: int = 240) -> SafeString:
    """About `length` characters around the first wanted word, highlighted.

    Falls back to the beginning of the first paragraph when no paragraph holds a
    wanted word (the match was in the title or a tag).
    """
    paragraphs = [paragraph.strip() for paragraph in paragraphs if paragraph.strip()]
    if not paragraphs:
        return mark_safe("")  # noqa: S308
    for paragraph in paragraphs:
        found = next((m for m in WORD.finditer(paragraph) if matches(m.group(), wanted)), None)
        if found:
            return highlight(_window(paragraph, found.start(), length), wanted)
    return highlight(_window(paragraphs[0], 0, length), wanted)


def _window(text: str, focus: int, length: int) -> str:
    """A slice of `text` of about `length` characters with `focus` in its first third,
    cut at spaces, with an ellipsis where it cuts the text."""
    if len(text) <= length:
        return text
    start = max(0, focus - length // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < focus else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > focus else end
    return f"{'… ' if start else ''}{text[start:end].strip()}{' …' if end < len(text) else ''}"
