"""What an import did, object by object: the counts, the reasons, and the same as JSON."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

# What happened to one WordPress object.
IMPORTED, UPDATED, UNCHANGED, SKIPPED, FAILED = (
    "imported",
    "updated",
    "unchanged",
    "skipped",
    "failed",
)
OUTCOMES = (IMPORTED, UPDATED, UNCHANGED, SKIPPED, FAILED)
# Kinds of object, in the order the report lists them.
KINDS = ("author", "category", "tag", "attachment", "post", "page", "other")
LABELS = {
    IMPORTED: _("imported"),
    UPDATED: _("updated"),
    UNCHANGED: _("unchanged"),
    SKIPPED: _("skipped"),
    FAILED: _("failed"),
    "author": _("authors"),
    "category": _("categories"),
    "tag": _("tags"),
    "attachment": _("photos"),
    "post": _("posts"),
    "page": _("pages"),
    "other": _("other"),
}
# Notes kept in full; past this, only counted (a huge archive must not fill memory).
MAX_NOTES = 20_000


@dataclass
class Note:
    """One object with something to say: why it was skipped or failed, or what its
    conversion removed or kept as text."""

    kind: str
    key: str
    title: str
    outcome: str
    reason: str


@dataclass
class Report:
    source: str = ""
    dry_run: bool = False
    outcomes: Counter = field(default_factory=Counter)  # (kind, outcome) -> count
    reasons: Counter = field(default_factory=Counter)  # (kind, outcome, reason) -> count
    content: Counter = field(default_factory=Counter)  # what conversion removed or kept
    notes: list[Note] = field(default_factory=list)
    notes_left_out: int = 0
    comments: int = 0
    views: int = 0
    old_addresses: int = 0
    index_tasks: int = 0  # search indexing queued for the worker (warta.wordpress.tasks)
    seconds: float = 0.0

    def count(
        self,
        kind: str,
        outcome: str,
        key: str = "",
        title: str = "",
        reason: str = "",
        detail: str = "",
    ):
        """Record what happened to one object; objects are counted by reason, and the note
        names the object with the detail (a file's path, say)."""
        self.outcomes[kind, outcome] += 1
        if reason:
            self.reasons[kind, outcome, reason] += 1
            self.note(kind, key, title, outcome, f"{reason}: {detail}" if detail else reason)

    def note(self, kind: str, key: str, title: str, outcome: str, reason: str) -> None:
        if len(self.notes) < MAX_NOTES:
            self.notes.append(Note(kind, key, title, outcome, reason))
        else:
            self.notes_left_out += 1

    def total(self, kind: str) -> int:
        """Every object of `kind` the export held, whatever happened to it."""
        return sum(self.outcomes[kind, outcome] for outcome in OUTCOMES)

    @property
    def failed(self) -> int:
        return sum(self.outcomes[kind, FAILED] for kind in KINDS)

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "dry_run": self.dry_run,
            "seconds": round(self.seconds, 2),
            "objects": {
                kind: {outcome: self.outcomes[kind, outcome] for outcome in OUTCOMES}
                for kind in KINDS
                if self.total(kind)
            },
            "reasons": [
                {"kind": kind, "outcome": outcome, "reason": reason, "count": count}
                for (kind, outcome, reason), count in sorted(self.reasons.items())
            ],
            "content": dict(sorted(self.content.items())),
            "comments_not_imported": self.comments,
            "views_carried_over": self.views,
            "old_addresses": self.old_addresses,
            "index_tasks": self.index_tasks,
            "notes": [note.__dict__ for note in self.notes],
            "notes_left_out": self.notes_left_out,
        }

    def as_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2)
