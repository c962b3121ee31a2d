"""`warta import-wordpress EXPORT.xml`: bring a WordPress site's export into Warta.

See docs/migrating-from-wordpress.md. The whole run is one transaction: a bad file or an
error stops it with nothing kept; a second run with the same export changes nothing.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Site

from warta.wordpress import wxr
from warta.wordpress.importer import Options, run_import
from warta.wordpress.report import (
    FAILED,
    IMPORTED,
    KINDS,
    LABELS,
    SKIPPED,
    UNCHANGED,
    UPDATED,
    Report,
)
from warta.wordpress.section_map import SectionMapError, read_section_map


class Command(BaseCommand):
    help = "Import a WordPress export (WXR): sections, tags, people, photos, stories, pages."

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="The export file (Tools › Export).")
        parser.add_argument(
            "--media-dir",
            type=Path,
            help="The old site's wp-content/uploads folder, copied here.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Do everything, keep nothing, report."
        )
        parser.add_argument(
            "--section-map", type=Path, help="A TOML file: category slug = section path."
        )
        parser.add_argument("--report", type=Path, help="Write the report as JSON here.")
        parser.add_argument(
            "--site", help="The Warta site's hostname to import into (default: the default site)."
        )
        parser.add_argument(
            "--category-base",
            default="category",
            help="The old site's category base in its addresses (default: category).",
        )
        parser.add_argument(
            "--tag-base",
            default="tag",
            help="The old site's tag base in its addresses (default: tag).",
        )
        parser.add_argument(
            "--staff-accounts",
            action="store_true",
            help="Give each author a staff account with the Reporter role (no password "
            "until reset).",
        )

    def handle(self, *args, export: Path, **options):
        if not export.is_file():
            raise CommandError(_("%(path)s: no such file") % {"path": export})
        media_dir = options["media_dir"]
        if media_dir is not None and not media_dir.is_dir():
            raise CommandError(_("%(path)s: no such folder") % {"path": media_dir})
        section_map = {}
        if options["section_map"] is not None:
            try:
                section_map = read_section_map(options["section_map"])
            except SectionMapError as error:
                raise CommandError(str(error)) from error
        site = self.site(options["site"])
        settings = Options(
            site=site,
            media_dir=media_dir,
            section_map=section_map,
            category_base=options["category_base"].strip("/"),
            tag_base=options["tag_base"].strip("/"),
            staff_accounts=options["staff_accounts"],
            dry_run=options["dry_run"],
        )
        bar = ProgressBar(self.stderr) if self.stderr.isatty() else None
        try:
            report = run_import(export, settings, progress=bar)
        except wxr.WXRError as error:
            raise CommandError(
                _("%(path)s is not a usable WordPress export: %(reason)s; nothing was imported")
                % {"path": export, "reason": error}
            ) from error
        finally:
            if bar:
                bar.close()
        self.print_report(report)
        if options["report"] is not None:
            options["report"].write_text(report.as_json() + "\n", encoding="utf-8")
        if report.failed:
            # The rest is in; the exit status lets a script notice what is not.
            sys.exit(3)

    def site(self, hostname: str | None) -> Site:
        sites = Site.objects.select_related("root_page")
        site = (
            sites.filter(hostname=hostname).first()
            if hostname
            else sites.filter(is_default_site=True).first()
        )
        if site is None:
            raise CommandError(
                _("no site %(name)s in Warta") % {"name": hostname or _("(default)")}
            )
        return site

    def print_report(self, report: Report) -> None:
        write = self.stdout.write
        if report.dry_run:
            write(_("Dry run: nothing was kept."))
        write(
            _("Imported from %(source)s in %(seconds).1f s")
            % {
                "source": report.source or "?",
                "seconds": report.seconds,
            }
        )
        columns = (IMPORTED, UPDATED, UNCHANGED, SKIPPED, FAILED)
        header = f"{'':12}" + "".join(f"{LABELS[name]:>11}" for name in columns)
        write(header)
        for kind in KINDS:
            if report.total(kind):
                counts = "".join(f"{report.outcomes[kind, name]:>11,}" for name in columns)
                write(f"{LABELS[kind]:12}{counts}")
        for (kind, outcome, reason), count in sorted(report.reasons.items()):
            write(f"  {LABELS[kind]}, {LABELS[outcome]} ×{count}: {reason}")
        if report.content:
            write(_("Content changed by the conversion:"))
            for name, count in sorted(report.content.items()):
                write(f"  {name}: {count:,}")
        write(_("Comments not imported: %(count)s") % {"count": f"{report.comments:,}"})
        write(_("Views carried over: %(count)s") % {"count": f"{report.views:,}"})
        write(_("Old addresses kept: %(count)s") % {"count": f"{report.old_addresses:,}"})


class ProgressBar:
    """A one-line bar on a terminal: how much of the export's two readings is done."""

    WIDTH = 30

    def __init__(self, stream):
        self.stream = stream
        self.started = time.monotonic()
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        share = done / total if total else 1
        step = int(share * 1000)
        if step == self.shown:
            return
        self.shown = step
        filled = int(share * self.WIDTH)
        elapsed = time.monotonic() - self.started
        self.stream.write(
            f"\r[{'#' * filled}{' ' * (self.WIDTH - filled)}] {share:6.1%}  {elapsed:5.0f} s",
            ending="",
        )
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("", ending="\n")
