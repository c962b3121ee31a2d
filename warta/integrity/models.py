"""The guard's settings per site, and the record of the daily scan of what the site shows."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from .scanner import Finding, Rules, clean_lines


@register_setting(icon="warning")
class IntegritySettings(BaseSiteSetting):
    """What the editor-in-chief adds to the built-in lists, or takes from them.

    The built-in lists are in warta/integrity/terms.py; these only adjust them, so a
    newsroom that never opens this page is protected all the same.
    """

    extra_terms = models.TextField(
        _("extra terms"),
        blank=True,
        help_text=_(
            "Gambling or spam terms refused like the built-in promotional ones (e.g. the "
            "name of a site that advertises here). One per line."
        ),
    )
    allowed_terms = models.TextField(
        _("allowed terms"),
        blank=True,
        help_text=_(
            "Built-in terms this newsroom uses in its own sense and never wants refused. "
            "One per line."
        ),
    )
    blocked_domains = models.TextField(
        _("blocked domains"),
        blank=True,
        help_text=_(
            "No link may point here: example.com also blocks its subdomains, *.xyz a whole "
            "ending. One per line."
        ),
    )
    allowed_domains = models.TextField(
        _("allowed domains"),
        blank=True,
        help_text=_(
            "Sites whose names only look like gambling sites (e.g. a ministry's "
            "slot-booking service). One per line."
        ),
    )

    panels = [
        FieldPanel("extra_terms"),
        FieldPanel("allowed_terms"),
        FieldPanel("blocked_domains"),
        FieldPanel("allowed_domains"),
    ]

    class Meta:
        verbose_name = _("integrity guard")

    def rules(self) -> Rules:
        own_hosts = [*Site.objects.values_list("hostname", flat=True), *settings.ALLOWED_HOSTS]
        return Rules(
            extra_terms=clean_lines(self.extra_terms),
            allowed_terms=clean_lines(self.allowed_terms),
            blocked_domains=clean_lines(self.blocked_domains),
            allowed_domains=clean_lines(self.allowed_domains),
            own_hosts=own_hosts,
        )

    @classmethod
    def rules_for(cls, site: Site | None) -> Rules:
        """The rules of a site; the default site's when it is not known."""
        site = site or Site.objects.filter(is_default_site=True).first()
        if site is None:
            return cls().rules()
        return cls.for_site(site).rules()


class IntegrityScan(models.Model):
    """One scan of everything published: when, how much was read, and what was found.

    `findings` holds one entry per finding: the object (app label, model, id, title),
    the field and what was found, so the dashboard links each to its editor.
    """

    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"))
    objects_scanned = models.PositiveIntegerField(_("objects scanned"), default=0)
    findings = models.JSONField(_("findings"), default=list, blank=True)

    KEEP = 30  # the newest scans kept; older ones are deleted as a new one is recorded

    class Meta:
        verbose_name = _("integrity scan")
        ordering = ["-finished_at"]
        get_latest_by = "finished_at"

    def __str__(self) -> str:
        return f"{self.finished_at:%Y-%m-%d %H:%M} ({len(self.findings)})"

    @property
    def offenders(self) -> list[dict]:
        """The objects with findings, each once, with their findings (`Finding`) listed."""
        grouped: dict[tuple, dict] = {}
        for finding in self.findings:
            key = (finding["app_label"], finding["model"], finding["id"])
            entry = grouped.setdefault(key, {**finding, "items": []})
            entry["items"].append(Finding(finding["where"], finding["kind"], finding["detail"]))
        return list(grouped.values())
