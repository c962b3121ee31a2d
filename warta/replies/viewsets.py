"""The hak jawab queue in the admin (Hak jawab in the menu): every reply with its status and
age, filtered by status; each opens to its text, its attachment and the status to set."""

from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet

from . import views
from .models import ReplySubmission
from .permissions import reply_permission_policy

NAMESPACE = "replies_admin"


class ReplySubmissionViewSet(ModelViewSet):
    model = ReplySubmission
    icon = "comment"
    menu_label = _("Right of reply")
    menu_order = 170
    add_to_admin_menu = True
    url_prefix = "hak-jawab"
    url_namespace = NAMESPACE
    permission_policy = reply_permission_policy
    copy_view_enabled = False
    search_fields = ["reference", "name", "story_title", "text"]
    search_backend_name = None  # a filter on the table; replies are not in the search index
    list_filter = ["status"]
    list_display = [
        TitleColumn("reference", label=_("Reference"), url_name=f"{NAMESPACE}:edit"),
        Column("name", label=_("Name")),
        Column("story_title", label=_("Story")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("submitted_at", label=_("Received")),
    ]
    panels = [FieldPanel("status"), FieldPanel("rejection_reason")]
    edit_template_name = "replies/admin/edit.html"

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("attachment/<int:pk>/", views.attachment, name="attachment"),
            path("story/<int:pk>/", views.make_reply_story, name="make_story"),
        ]
