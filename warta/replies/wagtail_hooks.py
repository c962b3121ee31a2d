"""The hak jawab queue in the admin menu and the replies waiting on the dashboard."""

from __future__ import annotations

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permissions import register_permission_policy

from .models import ReplySubmission
from .permissions import reply_permission_policy
from .viewsets import ReplySubmissionViewSet

PANEL_LIMIT = 10

register_permission_policy(ReplySubmission, reply_permission_policy)


class PendingRepliesPanel(Component):
    """Replies not yet decided on, the longest waiting first, with how long each waited."""

    name = "pending_replies"
    order = 60
    template_name = "replies/admin/pending_panel.html"

    def get_context_data(self, parent_context=None) -> dict:
        pending = ReplySubmission.objects.pending()
        count = pending.count()
        return {"replies": list(pending[:PANEL_LIMIT]), "count": count, "more": count > PANEL_LIMIT}


@hooks.register("register_admin_viewset")
def register_reply_queue():
    return ReplySubmissionViewSet("replies")


@hooks.register("construct_homepage_panels")
def add_pending_replies(request, panels) -> None:
    if reply_permission_policy.user_has_permission(request.user, "view"):
        panels.append(PendingRepliesPanel())
