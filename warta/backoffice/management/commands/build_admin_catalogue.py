"""Build the admin's Indonesian catalogues from Wagtail's and the backoffice's sources."""

from django.core.management.base import BaseCommand

from warta.backoffice import catalogues, upstream_templates


class Command(BaseCommand):
    help = (
        "Merge Wagtail's id_ID catalogues with warta/backoffice/sources/ into "
        "warta/backoffice/locale/id/ and compile them; copy the Wagtail templates that "
        "print English without gettext, translated."
    )

    def handle(self, *args, **options):
        for domain in catalogues.SOURCE_FILES:
            entries, given = catalogues.build(domain)
            missing = catalogues.untranslated(domain, entries)
            self.stdout.write(f"{domain}: {len(entries)} messages")
            for origin, count in given.items():
                self.stdout.write(f"  {count:5d} from {origin}")
            self.stdout.write(f"  {len(missing):5d} of Wagtail's still untranslated")
        for name in upstream_templates.write_copies():
            self.stdout.write(f"template {name}: copied from Wagtail, translated")
