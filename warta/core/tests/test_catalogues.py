"""Both reader languages are complete, and the compiled catalogues match their sources."""

import ast
import gettext
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def read_po(path: Path) -> list[dict]:
    """Entries of a .po file as {'msgctxt', 'msgid', 'msgid_plural', 'msgstr': [..], 'fuzzy'}."""
    entries, entry, field = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if entry:
                entries.append(entry)
            entry, field = None, None
            continue
        entry = entry or {
            "msgctxt": None,
            "msgid": "",
            "msgid_plural": None,
            "msgstr": [],
            "fuzzy": False,
        }
        if line.startswith("#,") and "fuzzy" in line:
            entry["fuzzy"] = True
        elif line.startswith("#"):
            continue
        elif line.startswith(("msgctxt ", "msgid ", "msgid_plural ", "msgstr")):
            keyword, _, value = line.partition(" ")
            text = ast.literal_eval(value)
            if keyword.startswith("msgstr"):
                entry["msgstr"].append(text)
                field = ("msgstr", len(entry["msgstr"]) - 1)
            else:
                entry[keyword] = text
                field = (keyword, None)
        elif line.startswith('"'):
            name, index = field
            if index is None:
                entry[name] += ast.literal_eval(line)
            else:
                entry[name][index] += ast.literal_eval(line)
    return [e for e in entries if e["msgid"]]


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_reader_string_is_translated(language):
    """No empty or fuzzy entry in either catalogue."""
    entries = read_po(LOCALE / language / "LC_MESSAGES" / "django.po")
    assert len(entries) > 50
    untranslated = [e["msgid"] for e in entries if e["fuzzy"] or not all(e["msgstr"])]
    assert untranslated == []


@pytest.mark.parametrize("language", ["id", "en"])
def test_compiled_catalogue_matches_its_source(language):
    """The committed .mo holds exactly what the .po says (run `make messages` after edits)."""
    folder = LOCALE / language / "LC_MESSAGES"
    with (folder / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for entry in read_po(folder / "django.po"):
        context = entry["msgctxt"]
        if entry["msgid_plural"]:
            words = (entry["msgid"], entry["msgid_plural"], 1)
            found = compiled.npgettext(context, *words) if context else compiled.ngettext(*words)
        else:
            word = entry["msgid"]
            found = compiled.pgettext(context, word) if context else compiled.gettext(word)
        assert found == entry["msgstr"][0], entry["msgid"]
