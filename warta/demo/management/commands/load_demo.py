from django.core.management.base import BaseCommand

from warta.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the demo sections, reporters and articles (safe to run again: it refreshes them)."

    def handle(self, *args, **options):
        counts = load_demo()
        self.stdout.write(
            self.style.SUCCESS(
                "Demo loaded: {sections} sections, {people} people, {articles} articles.".format(
                    **counts
                )
            )
        )
