"""The integrity guard on the dashboard: the last nightly scan and what it found."""

from __future__ import annotations

from wagtail import hooks
from wagtail.admin.ui.components import Component

from . import sweep
from .models import IntegrityScan

SEE_SCANS = "integrity.change_integritysettings"


class IntegrityScanPanel(Component):
    """When everything published was last scanned, and each offender with its editor."""

    name = "integrity_scan"
    order = 90  # above the readers' figures: a finding is urgent
    template_name = "integrity/admin/scan_panel.html"

    def get_context_data(self, parent_context=None) -> dict:
        scan = IntegrityScan.objects.order_by("-finished_at").first()
        offenders = scan.offenders if scan else []
        for offender in offenders:
            offender["url"] = sweep.admin_url(offender)
        return {"scan": scan, "offenders": offenders}


@hooks.register("construct_homepage_panels")
def add_integrity_panel(request, panels) -> None:
    if request.user.has_perm(SEE_SCANS):
        panels.append(IntegrityScanPanel())
