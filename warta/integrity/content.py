"""What of a page, snippet or image the guard reads: every text, rich text, address and
StreamField block, its inline items and its tags, field by field."""

from __future__ import annotations

from django.db import models
from modelcluster.models import get_all_child_relations
from taggit.managers import TaggableManager
from wagtail.fields import StreamField

from .scanner import FieldScan, Finding, Rules

# Wagtail's bookkeeping, derived from what is read anyway (the title, the slug).
SKIPPED_FIELDS = frozenset({"path", "url_path", "draft_title", "file_hash"})


def field_label(model_field) -> str:
    label = str(getattr(model_field, "verbose_name", "") or model_field.name)
    return label[:1].upper() + label[1:]


def scan_object(obj: models.Model, rules: Rules, prefix: str = "") -> list[Finding]:
    """Every finding in the object's content, each named by the field it is in."""
    findings: list[Finding] = []
    for model_field in obj._meta.concrete_fields:
        if model_field.name in SKIPPED_FIELDS or model_field.choices:
            continue
        if not isinstance(model_field, (StreamField, models.CharField, models.TextField)):
            continue
        label = prefix + field_label(model_field)
        scan = FieldScan(label, rules)
        is_url = isinstance(model_field, models.URLField)
        scan.read_value(model_field.value_from_object(obj), label, is_url=is_url)
        findings.extend(scan.result())
    for model_field in [*obj._meta.private_fields, *obj._meta.many_to_many]:
        if isinstance(model_field, TaggableManager) and obj.pk:
            label = prefix + field_label(model_field)
            scan = FieldScan(label, rules)
            scan.read_value([tag.name for tag in getattr(obj, model_field.name).all()], label)
            findings.extend(scan.result())
    for relation in get_all_child_relations(type(obj)) if obj.pk else ():
        items = getattr(obj, relation.get_accessor_name()).all()
        for index, item in enumerate(items, start=1):
            label = f"{prefix}{field_label(relation.related_model._meta)} {index} › "
            findings.extend(scan_object(item, rules, prefix=label))
    return findings
