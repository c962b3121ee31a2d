"""`warta scan_integrity`: scan every published page, snippet and image; list what the
integrity guard finds and end with status 1 when it finds anything."""

from django.core.management.base import BaseCommand, CommandError

from warta.integrity import sweep


class Command(BaseCommand):
    help = (
        "Scan every live page, person and image for gambling spam, hidden markup and links "
        "to blocked domains. Exit status 1 when anything is found."
    )

    def handle(self, *args, **options):
        scan = sweep.scan_published()
        for offender in scan.offenders:
            kind = "page" if offender["page"] else offender["model"]
            self.stdout.write(f"{offender['title']} ({kind} {offender['id']})")
            for finding in offender["items"]:
                self.stdout.write(f"  {finding.where}: {finding.describe()}")
        summary = f"{scan.objects_scanned} scanned, {len(scan.findings)} findings"
        if scan.findings:
            raise CommandError(summary, returncode=1)
        self.stdout.write(summary)
