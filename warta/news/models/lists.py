"""How many live stories each list of a site holds: the rows story_lists.py keeps marked."""

from __future__ import annotations

from datetime import datetime

from django.db import models
from django.db.models import Count, Max, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site


class StoryList(models.Model):
    """How many live stories one list of a site holds, and when it last changed.

    A list is a section, a tag, a person's credits, or a block of story ids (one
    sitemap file). Every change to a story marks the lists it is on as changed, and
    the first reader after that recounts just those (`recounted`), so sitemaps and
    page counts read a row per list instead of counting or dating the archive; the
    marking is in story_lists.py.
    """

    class Kind(models.TextChoices):
        SECTION = "section", _("section")
        TAG = "tag", _("tag")
        PERSON = "person", _("person")
        BLOCK = "block", _("block of story ids")

    # Story ids per block: one sitemap file each, at most the protocol's 50,000 URLs.
    # Cut by id, a story never moves to another file as others come and go.
    BLOCK_SIZE = 50_000

    site_root = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind)
    key = models.PositiveBigIntegerField(
        help_text=_("The section, tag or person id, or block number.")
    )
    story_count = models.PositiveIntegerField(default=0)
    changed_at = models.DateTimeField()
    # Each change to the list adds one to `changes`; a reader that finds `counted` behind
    # recounts the list and records the `changes` its count reflects.
    changes = models.PositiveBigIntegerField(default=1)
    counted = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["site_root", "kind", "key"], name="unique_story_list")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key}: {self.story_count}"

    @classmethod
    def block_ids(cls, block: int) -> tuple[int, int]:
        """The first and last story id of a block."""
        return (block - 1) * cls.BLOCK_SIZE + 1, block * cls.BLOCK_SIZE

    @staticmethod
    def site_roots() -> dict[int, str]:
        """Tree path of each site's root page, by the root's id."""
        return dict(Site.objects.values_list("root_page_id", "root_page__path"))

    def count_now(self, stories: QuerySet, roots: dict[int, str]) -> tuple[int, datetime | None]:
        """How many of `stories` (ArticlePage.objects) the list holds now, and when its
        newest was last published."""
        held = stories.on_list(self, roots)
        figures = held.aggregate(count=Count("pk"), newest=Max("last_published_at"))
        return figures["count"], figures["newest"]

    def recounted(self, stories: QuerySet, roots: dict[int, str] | None = None) -> StoryList:
        """The list, recounted among `stories` first if a change has marked it since it was
        last counted."""
        if self.counted >= self.changes:
            return self
        roots = self.site_roots() if roots is None else roots
        self.story_count, _newest = self.count_now(stories, roots)
        # Recorded as the count of the change read with the row: a later one keeps it marked.
        StoryList.objects.filter(pk=self.pk, counted__lt=self.changes).update(
            story_count=self.story_count, counted=self.changes
        )
        self.counted = self.changes
        return self
