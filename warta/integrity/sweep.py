"""The scan of everything the site shows: every live page, the snippets and images on them.

`warta scan_integrity` runs it, and the task worker every night (`tasks.py`); each run is
recorded (`IntegrityScan`) for the dashboard.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.apps import apps
from django.db import models, transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from .content import scan_object
from .forms import GUARDED_SNIPPETS
from .models import IntegrityScan, IntegritySettings
from .scanner import Finding, Rules

CHUNK = 200  # pages read with their specific fields at a time


def live_pages() -> Iterator[Page]:
    """Every live page below the root, as its own type, a chunk at a time."""
    ids = list(
        Page.objects.live().filter(depth__gt=1).order_by("path").values_list("pk", flat=True)
    )
    for start in range(0, len(ids), CHUNK):
        yield from (
            Page.objects.filter(pk__in=ids[start : start + CHUNK]).order_by("path").specific()
        )


def site_of(page: Page, sites: list[Site]) -> Site | None:
    """The site whose home page the page is under (the deepest, for nested sites)."""
    found = [site for site in sites if page.path.startswith(site.root_page.path)]
    return max(found, key=lambda site: len(site.root_page.path), default=None)


def other_objects() -> Iterator[models.Model]:
    for label in GUARDED_SNIPPETS:
        yield from apps.get_model(label).objects.order_by("pk")
    yield from get_image_model().objects.order_by("pk")


def entry(obj: models.Model, finding: Finding) -> dict:
    title = obj.title if isinstance(obj, Page) else str(obj)
    return {
        "app_label": obj._meta.app_label,
        "model": obj._meta.model_name,
        "id": obj.pk,
        "title": title,
        "page": isinstance(obj, Page),
        **finding.as_dict(),
    }


def scan_published() -> IntegrityScan:
    """Scan every live page, guarded snippet and image; record and return the result."""
    started_at = timezone.now()
    sites = list(Site.objects.select_related("root_page"))
    rules: dict[int | None, Rules] = {}
    findings, scanned = [], 0

    def rules_for(site: Site | None) -> Rules:
        key = site.pk if site else None
        if key not in rules:
            rules[key] = IntegritySettings.rules_for(site)
        return rules[key]

    for page in live_pages():
        scanned += 1
        findings.extend(entry(page, f) for f in scan_object(page, rules_for(site_of(page, sites))))
    for obj in other_objects():
        scanned += 1
        findings.extend(entry(obj, f) for f in scan_object(obj, rules_for(None)))
    with transaction.atomic():
        scan = IntegrityScan.objects.create(
            started_at=started_at,
            finished_at=timezone.now(),
            objects_scanned=scanned,
            findings=findings,
        )
        kept = IntegrityScan.objects.order_by("-finished_at")[: IntegrityScan.KEEP]
        IntegrityScan.objects.exclude(pk__in=list(kept.values_list("pk", flat=True))).delete()
    return scan


def admin_url(entry: dict) -> str | None:
    """The editor of a finding's object: a page's, an image's or a snippet's."""
    if entry.get("page"):
        return reverse("wagtailadmin_pages:edit", args=[entry["id"]])
    image_model = get_image_model()._meta
    if (entry["app_label"], entry["model"]) == (image_model.app_label, image_model.model_name):
        return reverse("wagtailimages:edit", args=[entry["id"]])
    try:
        return reverse(
            f"wagtailsnippets_{entry['app_label']}_{entry['model']}:edit", args=[entry["id"]]
        )
    except NoReverseMatch:
        return None
