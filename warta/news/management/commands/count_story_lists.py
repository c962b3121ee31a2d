from django.core.management.base import BaseCommand

from warta.news import story_lists
from warta.news.models import StoryList


class Command(BaseCommand):
    help = (
        "Recount every story list (sections, tags, people, sitemap blocks) from scratch: "
        "after changing stories in the database directly, behind Warta's back."
    )

    def handle(self, *args, **options):
        story_lists.rebuild()
        self.stdout.write(self.style.SUCCESS(f"Counted {StoryList.objects.count()} story lists."))
