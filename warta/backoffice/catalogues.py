"""The admin's Indonesian catalogues, built from Wagtail's own and Warta's translations.

Wagtail ships its Indonesian as ``id_ID``, and gettext does not fall back from the admin's
language "id" to it, so the backoffice catalogue carries both: every translated entry of
the ``id_ID`` catalogues of the installed wagtail apps, and the translations of what they
(and taggit, which has no Indonesian) lack, kept per upstream catalogue in
``warta/backoffice/sources/`` (those win). Rebuilt by
``make admin-messages`` (``manage.py build_admin_catalogue``) when Wagtail is upgraded.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps

APP_DIR = Path(__file__).resolve().parent
SOURCES = APP_DIR / "sources"
OUTPUT = APP_DIR / "locale" / "id" / "LC_MESSAGES"
# The upstream catalogues whose missing strings each source translates, by domain.
SOURCE_FILES = {
    "django": [
        "warta-admin.po",  # Warta's strings in the admin templates it copies or extends
        "wagtail-upstream-fixes.po",  # better wording of Wagtail's own id_ID entries
        "wagtail-admin-1.po",
        "wagtail-admin-2.po",
        "wagtail-apps.po",
        "django-taggit.po",  # the page editor's tag field; taggit ships no Indonesian
    ],
    "djangojs": ["wagtail-admin-js-fixes.po", "wagtail-admin-js.po"],
}
UPSTREAM_LOCALE = "id_ID"
HEADER = (
    "Project-Id-Version: Warta backoffice\n"
    "Language: id\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=UTF-8\n"
    "Content-Transfer-Encoding: 8bit\n"
    "Plural-Forms: nplurals=1; plural=0;\n"
)


PLACEHOLDER = re.compile(r"%\(\w+\)[sdfir]|%[sdfir]|\{\w*\}")


def placeholders(text: str) -> list[str]:
    """The %-style and brace-style placeholders a message names, sorted."""
    return sorted(PLACEHOLDER.findall(text.replace("%%", "")))


@dataclass
class Entry:
    """One message of a .po file: its key, its translations and the comments kept with it."""

    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr) and "fuzzy" not in self.flags


def read_po(path: Path) -> list[Entry]:
    """The entries of a .po file (the header and obsolete ``#~`` entries left out)."""
    entries: list[Entry] = []
    entry: Entry | None = None
    target: tuple[str, int | None] | None = None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = line.strip()
        if not line or line.startswith("#~"):
            if entry is not None and entry.msgid:
                entries.append(entry)
            entry, target = None, None
            continue
        if target and target[0] == "msgstr" and line.startswith(("#", "msgid", "msgctxt")):
            # A comment or a new message after a msgstr starts the next entry, blank or not.
            entries.append(entry)
            entry, target = None, None
        entry = entry or Entry()
        if line.startswith("#,"):
            entry.flags += [flag.strip() for flag in line[2:].split(",") if flag.strip()]
        elif line.startswith("#"):
            entry.comments.append(line)
        elif line.startswith('"'):
            name, index = target
            text = ast.literal_eval(line)
            if index is None:
                setattr(entry, name, (getattr(entry, name) or "") + text)
            else:
                entry.msgstr[index] += text
        else:
            keyword, _, value = line.partition(" ")
            text = ast.literal_eval(value)
            if keyword.startswith("msgstr"):
                entry.msgstr.append(text)
                target = ("msgstr", len(entry.msgstr) - 1)
            else:
                setattr(entry, keyword, text)
                target = (keyword, None)
    return entries


def quote(text: str) -> str:
    """A .po string literal, split after each newline the way gettext's tools write it."""
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n\n")
    )
    lines = escaped.split("\n")
    if lines[-1] == "":
        lines.pop()
    if len(lines) == 1:
        return f'"{lines[0]}"'
    return '""\n' + "\n".join(f'"{line}"' for line in lines)


def format_po(entries: list[Entry], note: str) -> str:
    parts = [f"# {line}".rstrip() for line in note.splitlines()]
    parts += ['msgid ""', "msgstr " + quote(HEADER), ""]
    for entry in entries:
        parts += entry.comments
        if flags := [flag for flag in entry.flags if flag != "fuzzy"]:
            parts.append("#, " + ", ".join(flags))
        if entry.msgctxt is not None:
            parts.append("msgctxt " + quote(entry.msgctxt))
        parts.append("msgid " + quote(entry.msgid))
        if entry.msgid_plural is not None:
            parts.append("msgid_plural " + quote(entry.msgid_plural))
            parts.append("msgstr[0] " + quote(entry.msgstr[0]))
        else:
            parts.append("msgstr " + quote(entry.msgstr[0]))
        parts.append("")
    return "\n".join(parts)


def is_admin_app(name: str) -> bool:
    """Whether an installed app's strings are the admin's: Wagtail's apps, and taggit."""
    return name in ("wagtail", "taggit") or name.startswith("wagtail.")


def upstream_catalogues(domain: str, locale: str = UPSTREAM_LOCALE) -> list[tuple[str, Path]]:
    """The admin apps' catalogues of a locale, in INSTALLED_APPS order (the order in which
    Django lets one app's translation win over the next one's)."""
    found = []
    for app_config in apps.get_app_configs():
        if is_admin_app(app_config.name):
            path = Path(app_config.path) / "locale" / locale / "LC_MESSAGES" / f"{domain}.po"
            if path.exists():
                found.append((app_config.name, path))
    return found


def merge(domain: str) -> tuple[list[Entry], dict[str, int]]:
    """Every translated entry of the sources, then of Wagtail's catalogues; the first
    translation of a message wins. Returns the entries and how many each file gave."""
    chosen: dict[tuple[str | None, str], Entry] = {}
    given: dict[str, int] = {}
    origins = [(f"sources/{name}", SOURCES / name) for name in SOURCE_FILES[domain]]
    origins += [(f"{app} ({UPSTREAM_LOCALE})", path) for app, path in upstream_catalogues(domain)]
    for origin, path in origins:
        given[origin] = 0
        if not path.exists():
            continue
        for entry in read_po(path):
            if entry.translated and entry.key not in chosen:
                references = [c for c in entry.comments if c.startswith("#:")]
                entry.comments = [f"#. {origin}", *references]
                entry.msgstr = entry.msgstr[:1]
                chosen[entry.key] = entry
                given[origin] += 1
    return list(chosen.values()), given


def untranslated(domain: str, entries: list[Entry]) -> list[tuple[str, Entry]]:
    """The messages of the installed wagtail apps' English catalogues with no translation."""
    known = {entry.key for entry in entries}
    missing = []
    for app, path in upstream_catalogues(domain, "en"):
        for entry in read_po(path):
            if entry.key not in known:
                missing.append((app, entry))
    return missing


def build(domain: str, output: Path = OUTPUT) -> tuple[list[Entry], dict[str, int]]:
    """Write ``<domain>.po`` and compile it to ``<domain>.mo``; the messages written and
    how many each file gave."""
    entries, given = merge(domain)
    note = (
        "Wagtail's admin in Indonesian: generated by `make admin-messages` from Wagtail's\n"
        "id_ID catalogues and warta/backoffice/sources/. Do not edit: edit the sources."
    )
    output.mkdir(parents=True, exist_ok=True)
    po = output / f"{domain}.po"
    po.write_text(format_po(entries, note), encoding="utf-8")
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        raise RuntimeError("msgfmt not found: install GNU gettext (apt-get install gettext)")
    subprocess.run(  # noqa: S603 (fixed arguments, our own files)
        [msgfmt, "--check-format", "-o", str(output / f"{domain}.mo"), str(po)], check=True
    )
    return entries, given
