"""The section map: which Warta section each WordPress category becomes.

A TOML file, given with `--section-map`. Each key is a WordPress category's slug; its
value is the path of the Warta section that takes its stories, or a table with the path
and the section's title (used when the section is created):

    [sections]
    berita-pati = "daerah/pati"                   # merged into Daerah › Pati
    pati = { path = "daerah/pati", title = "Pati" }
    uncategorized = "berita"                      # renamed

Categories not in the map keep their place in the WordPress hierarchy.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

# A section path: slugs separated by "/", as in the section's address.
_PATH = re.compile(r"^[\w-]+(/[\w-]+)*$")


class SectionMapError(ValueError):
    """The map file cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Target:
    path: str
    title: str = ""


def read_section_map(path: Path) -> dict[str, Target]:
    """The map's entries by category slug, or SectionMapError saying what is wrong."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise SectionMapError(f"{path}: {error.strerror or error}") from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SectionMapError(f"{path}: not a TOML file: {error}") from error
    sections = data.get("sections")
    if not isinstance(sections, dict):
        raise SectionMapError(f"{path}: no [sections] table")
    entries: dict[str, Target] = {}
    for slug, value in sections.items():
        if isinstance(value, str):
            target = Target(value.strip("/"))
        elif isinstance(value, dict) and isinstance(value.get("path"), str):
            title = value.get("title", "")
            if not isinstance(title, str):
                raise SectionMapError(f"{path}: {slug}: the title must be text")
            target = Target(value["path"].strip("/"), title)
        else:
            raise SectionMapError(f'{path}: {slug}: give a section path ("daerah/pati")')
        if not _PATH.match(target.path):
            raise SectionMapError(f"{path}: {slug}: {target.path!r} is not a section path")
        entries[slug] = target
    return entries
