"""The guard in the editor: saving or publishing content with gambling spam or hidden
markup is refused with a message on the field, and everything typed stays in the form.

Every Warta page type and the snippets readers see get the guard (`guard_admin_forms`, run
as the app starts), so a page type added later is guarded without opting in: its form
class becomes a subclass of the one it declares, with `IntegrityFormMixin` in front.

The submitted data is read as well as the cleaned values, so markup that a sanitiser
would strip on its way in ("display:none" around a link, leaving the link visible) is
refused instead of being made visible.
"""

from __future__ import annotations

from django import forms
from django.apps import apps
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.models import Page, Site

from .content import SKIPPED_FIELDS
from .models import IntegritySettings
from .scanner import HIDDEN, FieldScan, Finding, Rules, hidden_in_markup

# Snippets shown to readers, guarded like pages ("app_label.Model").
GUARDED_SNIPPETS = ("news.Person",)


def refusal(findings: list[Finding], label: str) -> str:
    """The message on a refused field, naming every finding and where it is."""
    described = "; ".join(
        finding.describe() if finding.where == label else f"{finding.where}: {finding.describe()}"
        for finding in findings
    )
    return _(
        "Not saved: the integrity guard found %(findings)s. Remove it and save again; if "
        "this is a mistake, the editor-in-chief can allow the term or domain in Settings › "
        "Integrity guard."
    ) % {"findings": described}


def submitted_values(form: forms.BaseForm, name: str) -> list[str]:
    """What was posted for a field, its StreamField or widget parts included."""
    key = form.add_prefix(name)
    values = []
    for posted in form.data:
        if posted == key or posted.startswith(key + "-"):
            getlist = getattr(form.data, "getlist", None)
            values.extend(getlist(posted) if getlist else [form.data[posted]])
    return [value for value in values if isinstance(value, str)]


def scan_form(form: forms.BaseForm, rules: Rules) -> dict[str, list[Finding]]:
    """Findings per field of a bound, cleaned form."""
    found = {}
    for name, form_field in form.fields.items():
        if name in SKIPPED_FIELDS:
            continue
        label = str(form_field.label or name)
        scan = FieldScan(label, rules)
        is_url = isinstance(form_field, forms.URLField)
        scan.read_value(form.cleaned_data.get(name), label, is_url=is_url)
        for value in submitted_values(form, name):
            for detail in hidden_in_markup(value):
                scan.add(label, HIDDEN, detail)
        if findings := scan.result():
            found[name] = findings
    return found


class IntegrityFormMixin:
    """Refuses a page or snippet whose content the guard finds spam or hidden markup in."""

    def integrity_rules(self) -> Rules:
        site = None
        instance = getattr(self, "instance", None)
        if isinstance(instance, Page) and instance.pk:
            site = instance.get_site()
        elif getattr(self, "parent_page", None) is not None:
            site = self.parent_page.get_site()
        return IntegritySettings.rules_for(site if isinstance(site, Site) else None)

    def clean(self):
        cleaned_data = super().clean()
        rules = self.integrity_rules()
        for name, findings in scan_form(self, rules).items():
            if name in self.fields:
                self.add_error(name, refusal(findings, str(self.fields[name].label or name)))
        for formset in getattr(self, "formsets", {}).values():
            for child in formset.forms:
                if not child.is_valid() or child.cleaned_data.get("DELETE"):
                    continue
                for name, findings in scan_form(child, rules).items():
                    child.add_error(name, refusal(findings, str(child.fields[name].label)))
        return cleaned_data


def guarded(form_class: type[forms.BaseForm]) -> type[forms.BaseForm]:
    """The form class with the guard in front, or itself when it has the guard already."""
    if issubclass(form_class, IntegrityFormMixin):
        return form_class
    return type(f"Guarded{form_class.__name__}", (IntegrityFormMixin, form_class), {})


def guarded_models() -> list[type]:
    pages = [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and model.__module__.startswith("warta.")
    ]
    return [*pages, *(apps.get_model(label) for label in GUARDED_SNIPPETS)]


def guard_admin_forms() -> None:
    """Give every Warta page type and guarded snippet the guard in its admin form."""
    for model in guarded_models():
        default = WagtailAdminPageForm if issubclass(model, Page) else WagtailAdminModelForm
        model.base_form_class = guarded(getattr(model, "base_form_class", None) or default)
