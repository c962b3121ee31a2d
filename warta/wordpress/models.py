"""What a WordPress import leaves behind: where each WordPress object went, and the old
site's addresses that now answer with a permanent redirect."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site


class ImportedItemQuerySet(models.QuerySet):
    def remembered(
        self, source: str, kind: str, keys: Iterable[str], guids: Iterable[str] = ()
    ) -> dict:
        """The items of `source` and `kind` by key, and by ("guid", GUID) for posts whose
        ID changed between two exports."""
        guids = [guid for guid in guids if guid]
        found: dict = {}
        for row in self.filter(source=source, kind=kind, key__in=list(keys)):
            found[row.key] = row
        if guids:
            for row in self.filter(source=source, kind=kind, guid__in=guids):
                found.setdefault(("guid", row.guid), row)
        return found

    def remember(
        self,
        source: str,
        kind: str,
        key: str,
        object_id: int,
        fingerprint: str,
        guid: str = "",
        views: int = 0,
        row: ImportedItem | None = None,
    ) -> None:
        """Record what the object became, `row` being what was remembered of it before."""
        row = row or ImportedItem(source=source, kind=kind)
        row.key, row.guid, row.object_id = key, guid[:500], object_id
        row.fingerprint, row.views = fingerprint, views
        # Now, after the object was saved: a later revision is an editor's change in Warta.
        row.imported_at = timezone.now()
        row.save()


class ImportedItem(models.Model):
    """One WordPress object (a post, page, attachment, category, tag or author) and what it
    became in Warta. Running the import again finds it here, by the WordPress ID or the
    post's GUID, and updates it instead of creating a duplicate."""

    class Kind(models.TextChoices):
        POST = "post", _("post")
        PAGE = "page", _("page")
        ATTACHMENT = "attachment", _("attachment")
        CATEGORY = "category", _("category")
        TAG = "tag", _("tag")
        AUTHOR = "author", _("author")

    # The exported site's address (the export's base site URL): two WordPress sites
    # imported into one Warta keep their IDs apart.
    source = models.CharField(_("source"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind)
    # The post or term ID as a string; an author's login.
    key = models.CharField(_("WordPress key"), max_length=200)
    guid = models.CharField(_("GUID"), max_length=500, blank=True, db_index=True)
    # The pk of the page, image, person or tag it became.
    object_id = models.PositiveBigIntegerField(_("object id"))
    # A hash of what was read from the export: unchanged, the next run leaves it alone.
    fingerprint = models.CharField(_("fingerprint"), max_length=64)
    # The view count carried over last time, so a new run adds only the difference.
    views = models.PositiveBigIntegerField(_("views carried over"), default=0)
    imported_at = models.DateTimeField(_("imported at"))

    objects = ImportedItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("imported WordPress item")
        verbose_name_plural = _("imported WordPress items")
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "key"], name="imported_item_once")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key} → {self.object_id}"


class OldAddress(models.Model):
    """An address of the old WordPress site ("/2019/05/03/banjir-pati/", "/?p=123",
    "/category/daerah/") that answers 301 with the new one. A page target follows the page
    when it moves; other targets (a tag's or a person's page, a feed, a photo) are kept as
    the address itself."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    # Normalised by warta.wordpress.addresses.normalise: the path without its trailing
    # slash, plus the one WordPress query parameter that names the object, if any.
    path = models.CharField(_("old address"), max_length=500)
    page = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    url = models.CharField(_("new address"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("old address")
        verbose_name_plural = _("old addresses")
        constraints = [
            models.UniqueConstraint(fields=["site", "path"], name="old_address_once"),
            models.CheckConstraint(
                condition=models.Q(page__isnull=False) | ~models.Q(url=""),
                name="old_address_has_target",
            ),
        ]

    def __str__(self) -> str:
        return self.path
