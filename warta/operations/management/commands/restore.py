"""`warta restore SRC [--force]`: put the site back as a backup archive holds it."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from warta.operations.archive import ArchiveError
from warta.operations.restore import restore


class Command(BaseCommand):
    # A site whose settings fail a check must still be backed up and restored.
    requires_system_checks = []
    help = (
        "Restore the site from a backup archive (`warta backup`) into SQLite or PostgreSQL, "
        "whichever database the backup came from. Every checksum is checked first."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path, help="The archive `warta backup` wrote.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace a site that has content (its pages, accounts and files are lost).",
        )

    def handle(self, *args, source: Path, force: bool, **options):
        try:
            restored = restore(source, force=force, say=self.stdout.write)
        except ArchiveError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _(
                "Restored %(rows)s rows, %(files)s files and %(views)s pending views in "
                "%(seconds).1f s"
            )
            % {
                "rows": restored.rows,
                "files": restored.files,
                "views": restored.pending_views,
                "seconds": restored.seconds,
            }
        )
        if restored.dropped_views:
            self.stdout.write(
                _("Dropped %(views)s views counted for the replaced database")
                % {"views": restored.dropped_views}
            )
