"""Where the site's uploaded files are kept, as a backup reads them and a restore puts
them back: a folder on this machine's disk, or a storage elsewhere.

- **A folder** (uploads in `MEDIA_ROOT`, the right-of-reply attachments always): its files
  are read from the disk, and on restore moved into it from the archive extracted beside it.
- **A storage that is not this machine's disk** (uploads in an S3-compatible bucket,
  WARTA_MEDIA_S3_BUCKET): listed, read and written through Django's storage API only, so
  the same code serves any storage django-storages offers.
"""

from __future__ import annotations

import posixpath
import shutil
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import Storage, storages
from django.utils.translation import gettext as _

from warta.core.storage import local_folder

from . import archive
from .archive import ArchiveError


class Folder:
    """Uploaded files in a folder on this machine's disk."""

    def __init__(self, path: Path):
        self.path = path

    def add_to(self, writer: archive.ArchiveWriter, name: str) -> int:
        """Add every file of the folder under `name/`; how many were added."""
        added = 0
        for source in sorted(self.path.rglob("*")) if self.path.is_dir() else []:
            if source.is_file() and not source.is_symlink():
                added += writer.add(f"{name}/{source.relative_to(self.path).as_posix()}", source)
        return added

    def replace_with(self, extracted: archive.Extracted, name: str) -> int:
        """Make the folder hold exactly the archive's files under `name/`; how many."""
        wanted = archived(extracted, name)
        folder = self.path
        folder.mkdir(parents=True, exist_ok=True)
        for path in [path for path in folder.rglob("*") if path.is_file() or path.is_symlink()]:
            if path.relative_to(folder).as_posix() not in wanted:
                path.unlink()
        for relative in sorted(wanted):
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(extracted.path(f"{name}/{relative}"), target)
            target.chmod(settings.FILE_UPLOAD_PERMISSIONS or 0o644)  # as uploads are written
        for path in sorted(folder.rglob("*"), reverse=True):  # folders left empty
            if path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        return len(wanted)


class Stored:
    """Uploaded files in a storage that is not this machine's disk (an S3-compatible
    bucket), reached through the storage's API."""

    def __init__(self, storage: Storage):
        self.storage = storage

    def names(self, folder: str = "") -> Iterator[str]:
        """Every file's name in the storage, folder by folder."""
        folders, files = self.storage.listdir(folder)
        for file in sorted(files):
            yield posixpath.join(folder, file)
        for inner in sorted(folders):
            yield from self.names(posixpath.join(folder, inner))

    def add_to(self, writer: archive.ArchiveWriter, name: str) -> int:
        """Add every file of the storage under `name/`; how many were added (a file deleted
        while the backup ran is left out)."""
        added = 0
        for stored in list(self.names()):
            try:
                file = self.storage.open(stored, "rb")
            except FileNotFoundError:
                continue
            with file:
                writer.add_file(f"{name}/{stored}", file, file.size)
            added += 1
        return added

    def replace_with(self, extracted: archive.Extracted, name: str) -> int:
        """Make the storage hold exactly the archive's files under `name/`, each under its
        own name again; how many."""
        wanted = archived(extracted, name)
        for stored in list(self.names()):
            # A file the archive holds is written anew too: the storage would not
            # overwrite it, but save it under another name.
            self.storage.delete(stored)
        for relative in sorted(wanted):
            with extracted.path(f"{name}/{relative}").open("rb") as handle:
                saved = self.storage.save(relative, File(handle, name=relative))
            if saved != relative:
                raise ArchiveError(
                    _("%(name)s could not be written back under its own name (it became %(saved)s)")
                    % {"name": f"{name}/{relative}", "saved": saved}
                )
        return len(wanted)


def archived(extracted: archive.Extracted, name: str) -> set[str]:
    """The names, below `name/`, of the archive's files there."""
    prefix = f"{name}/"
    return {entry[len(prefix) :] for entry in extracted.names if entry.startswith(prefix)}


def uploads() -> dict[str, Folder | Stored]:
    """Where the uploaded files a backup holds are kept, by their name in the archive:
    the media (photos, renditions, documents) and the right-of-reply attachments."""
    media = storages["default"]
    folder = local_folder(media)
    return {
        "media": Folder(folder) if folder else Stored(media),
        "private/replies": Folder(Path(settings.WARTA_REPLIES["ATTACHMENT_ROOT"])),
    }


def local_folders() -> list[Path]:
    """The folders on this machine's disk that hold uploaded files."""
    return [kept.path for kept in uploads().values() if isinstance(kept, Folder)]
