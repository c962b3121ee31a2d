"""`warta backup DEST`: the site (database, uploaded files, pending views) in one archive."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from warta.operations.archive import ArchiveError
from warta.operations.backup import make_backup


class Command(BaseCommand):
    # A site whose settings fail a check must still be backed up and restored.
    requires_system_checks = []
    help = (
        "Back the site up into one archive: the database, uploaded files and pending views, "
        "with a manifest and checksums. Safe while the site serves."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "destination",
            type=Path,
            help="A new file (.tar, or .tar.gz to compress it all) or a folder, which gets "
            "warta-backup-<UTC time>.tar.",
        )

    def handle(self, *args, destination: Path, **options):
        try:
            made = make_backup(destination)
        except ArchiveError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _(
                "Backup written to %(path)s: %(megabytes).1f MB, %(rows)s rows, %(files)s "
                "files, %(views)s pending views, in %(seconds).1f s"
            )
            % {
                "path": made.path,
                "megabytes": made.size / 1_000_000,
                "rows": made.rows,
                "files": made.files,
                "views": made.pending_views,
                "seconds": made.seconds,
            }
        )
