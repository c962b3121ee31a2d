"""The backup archive: one tar file holding a manifest and the files it lists.

```
manifest.json             what the archive is and every other file's size and SHA-256
database/rows.jsonl.gz    the database as rows (warta.operations.rows)
engagement/pending.json   views counted but not yet in the database, by batch
media/...                 uploaded photos and documents, their renditions (MEDIA_ROOT or
                          the media bucket)
private/replies/...       right-of-reply attachments (WARTA_REPLIES_ATTACHMENT_ROOT)
```

The archive is written under a hidden temporary name beside its destination and takes its
name only when complete; a name already taken is never overwritten. It is readable by its
owner only: it holds password hashes and the two-step login's keys.

Reading extracts everything into a temporary folder and checks every file against the
manifest (size and SHA-256, nothing missing, nothing extra) before anything else is done.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.utils.translation import gettext as _

FORMAT = "warta-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "database/rows.jsonl.gz"
PENDING = "engagement/pending.json"
CHUNK = 1024 * 1024


class ArchiveError(Exception):
    """An archive that cannot be written or read, or a file in it that fails its check."""


class Hashing:
    """A file being read, and the SHA-256 and size of what was read of it."""

    def __init__(self, file: IO[bytes]):
        self.file = file
        self.sha256 = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        data = self.file.read(size)
        self.sha256.update(data)
        self.size += len(data)
        return data


def file_digest(path: Path) -> tuple[int, str]:
    """The size and SHA-256 of a file."""
    with path.open("rb") as file:
        hashing = Hashing(file)
        while hashing.read(CHUNK):
            pass
    return hashing.size, hashing.sha256.hexdigest()


def taken(path: Path) -> ArchiveError:
    return ArchiveError(_("%(path)s exists already: a backup never overwrites") % {"path": path})


class ArchiveWriter:
    """Writes an archive to a temporary name beside `path`; `finish` gives it its name."""

    def __init__(self, path: Path):
        if path.exists():
            raise taken(path)
        self.path = path
        self.partial = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.partial")
        compressed = path.name.endswith((".gz", ".tgz"))
        descriptor = os.open(self.partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        self.file = os.fdopen(descriptor, "wb")
        self.tar = tarfile.open(  # noqa: SIM115 - closed by finish() or abandon()
            fileobj=self.file, mode="w:gz" if compressed else "w", format=tarfile.PAX_FORMAT
        )
        self.entries: list[dict[str, Any]] = []

    def add(self, name: str, source: Path) -> bool:
        """Add the file at `source` as `name`; False when it vanished meanwhile (a photo
        deleted while the backup ran)."""
        try:
            file = source.open("rb")
        except FileNotFoundError:
            return False
        with file:
            status = os.fstat(file.fileno())
            self.add_file(name, file, status.st_size, status.st_mtime)
        return True

    def add_file(self, name: str, file: IO[bytes], size: int, mtime: float | None = None) -> None:
        """Add `size` bytes read from `file` as `name` (dated `mtime`, else now)."""
        info = tarfile.TarInfo(name)
        info.size, info.mode = size, 0o600
        info.mtime = int(time.time() if mtime is None else mtime)
        hashing = Hashing(file)
        self.tar.addfile(info, hashing)
        self.entries.append({"name": name, "size": size, "sha256": hashing.sha256.hexdigest()})

    def add_bytes(self, name: str, data: bytes) -> None:
        info = tarfile.TarInfo(name)
        info.size, info.mode = len(data), 0o600
        self.tar.addfile(info, io.BytesIO(data))
        self.entries.append(
            {"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        )

    def finish(self, manifest: dict[str, Any]) -> None:
        """Write the manifest (with every file's size and checksum) last, close the
        archive, make sure it is on disk, then give it its name."""
        manifest = {**manifest, "files": self.entries}
        data = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mode = len(data), 0o600
        self.tar.addfile(info, io.BytesIO(data))
        self.tar.close()
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()
        try:
            os.link(self.partial, self.path)  # refuses a name taken meanwhile
        except FileExistsError:
            self.abandon()
            raise taken(self.path) from None
        except OSError:  # a file system without hard links: look, then rename
            if self.path.exists():
                self.abandon()
                raise taken(self.path) from None
            os.replace(self.partial, self.path)
        self.partial.unlink(missing_ok=True)

    def abandon(self) -> None:
        """Close and remove the unfinished archive."""
        if not self.file.closed:
            with contextlib.suppress(OSError, tarfile.TarError):
                self.tar.close()
            self.file.close()
        self.partial.unlink(missing_ok=True)


@dataclass
class Extracted:
    """An archive extracted into `folder` and checked file by file against its manifest."""

    folder: Path
    manifest: dict[str, Any]
    names: set[str] = field(default_factory=set)

    def path(self, name: str) -> Path:
        return self.folder / name

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def extract(source: Path, into: Path) -> Extracted:
    """Extract the archive at `source` into a new temporary folder in `into` and check it:
    `ArchiveError`, naming the file at fault, for anything amiss (nothing then remains)."""
    if not source.is_file():
        raise ArchiveError(_("%(path)s: no such file") % {"path": source})
    into.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=".warta-restore-", dir=into))
    try:
        try:
            with tarfile.open(source) as tar:
                tar.extractall(folder, filter="data")
        except (tarfile.TarError, EOFError, OSError) as error:
            raise ArchiveError(
                _("%(path)s cannot be read as a backup archive: %(reason)s")
                % {"path": source, "reason": error}
            ) from error
        manifest = read_manifest(source, folder)
        extracted = Extracted(folder, manifest)
        check_files(source, extracted)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return extracted


def read_manifest(source: Path, folder: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ArchiveError(
            _("%(path)s has no readable manifest.json: it is not a Warta backup") % {"path": source}
        ) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveError(_("%(path)s is not a Warta backup") % {"path": source})
    if not well_formed(manifest):
        raise ArchiveError(
            _("%(path)s has no readable manifest.json: it is not a Warta backup") % {"path": source}
        )
    if manifest.get("format_version") != FORMAT_VERSION:
        raise ArchiveError(
            _("%(path)s is a backup of format %(version)s, which this Warta cannot read")
            % {"path": source, "version": manifest.get("format_version")}
        )
    return manifest


def well_formed(manifest: dict[str, Any]) -> bool:
    """Whether the manifest has the parts a restore reads, of their types."""
    files, migrations = manifest.get("files"), manifest.get("migrations")
    database = manifest.get("database")
    return (
        isinstance(files, list)
        and all(
            isinstance(entry, dict)
            and isinstance(entry.get("name"), str)
            and isinstance(entry.get("size"), int)
            and isinstance(entry.get("sha256"), str)
            for entry in files
        )
        and isinstance(migrations, list)
        and all(isinstance(pair, list) and len(pair) == 2 for pair in migrations)
        and isinstance(database, dict)
        and isinstance(database.get("tables"), dict)
        and isinstance(database.get("vendor"), str)
        and all(isinstance(manifest.get(key), str) for key in ("created_at", "warta_version"))
    )


def check_files(source: Path, extracted: Extracted) -> None:
    """Every file the manifest lists is there with its size and SHA-256; no other is."""
    listed = {entry["name"]: entry for entry in extracted.manifest["files"]}
    found = {
        path.relative_to(extracted.folder).as_posix()
        for path in extracted.folder.rglob("*")
        if path.is_file()
    } - {MANIFEST}
    if extra := sorted(found - set(listed)):
        raise ArchiveError(
            _("%(path)s: %(name)s is not in the manifest") % {"path": source, "name": extra[0]}
        )
    for name, entry in sorted(listed.items()):
        if name not in found:
            raise ArchiveError(_("%(path)s: %(name)s is missing") % {"path": source, "name": name})
        size, digest = file_digest(extracted.path(name))
        if size != entry["size"] or digest != entry["sha256"]:
            raise ArchiveError(
                _("%(path)s: %(name)s is damaged (its checksum does not match the manifest)")
                % {"path": source, "name": name}
            )
    extracted.names = set(listed)
