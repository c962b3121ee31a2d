"""Who reviews what: the section desks and the review task that follows them.

A desk is the group of the desk editors of one section ("Redaktur · Pati"), holding
Wagtail page permissions on that section, so Wagtail's own permission checks (edit,
publish, schedule, lock) know who edits which section. `SectionReviewTask` is the review
step of the workflow "Tinjauan redaksi": whoever may publish the story (the desk of its
section, or the editor-in-chief) reviews it; Wagtail's GroupApprovalTask knows only
fixed groups, not sections.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Revision, Task, TaskState
from wagtail.permission_policies.pages import PagePermissionPolicy

from warta.news.models import ArticlePage


class SectionDesk(models.Model):
    """A section's desk: the group whose members edit and publish in that section."""

    section = models.OneToOneField(
        "news.SectionPage",
        verbose_name=_("section"),
        on_delete=models.CASCADE,
        related_name="desk",
    )
    group = models.OneToOneField(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="desk"
    )

    class Meta:
        verbose_name = _("section desk")
        verbose_name_plural = _("section desks")

    def __str__(self) -> str:
        return self.group.name


def may_publish(user, page: Page) -> bool:
    """Whether the user may publish the page: a member of its section's desk (or of a
    desk above it), the editor-in-chief, a superuser."""
    return page.permissions_for_user(user).can_publish()


def sign_off(revision: Revision, user) -> None:
    """Make the user the article's editor (its sign-off) in the revision about to be
    published, when the article names none and the user has a byline of their own."""
    person = getattr(user, "person", None)
    if person is None or not issubclass(revision.content_type.model_class(), ArticlePage):
        return
    if revision.content.get("editor") is None:
        revision.content["editor"] = person.pk
        revision.save(update_fields=["content"])


class SectionReviewTask(Task):
    """Approval by the desk of the story's section: those who may publish it."""

    def user_can_access_editor(self, obj, user) -> bool:
        return isinstance(obj, Page) and may_publish(user, obj)

    def locked_for_user(self, obj, user) -> bool:
        return not (isinstance(obj, Page) and may_publish(user, obj))

    def user_can_lock(self, obj, user) -> bool:
        return isinstance(obj, Page) and may_publish(user, obj)

    def get_actions(self, obj, user) -> list[tuple[str, str, bool]]:
        if isinstance(obj, Page) and may_publish(user, obj):
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Approve"), False),
                ("approve", _("Approve with comment"), True),
            ]
        return []

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        # The approver signs the story off in the revision the workflow publishes.
        if action_name == "approve":
            sign_off(task_state.workflow_state.content_object.get_latest_revision(), user)
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        pages = PagePermissionPolicy().instances_user_has_permission_for(user, "publish")
        page_ids = [str(pk) for pk in pages.values_list("pk", flat=True)]
        return states.filter(workflow_state__object_id__in=page_ids)

    def reviewers(self, page: Page, include_superusers: bool):
        """Whom to tell a story waits for this step: the desk editors of its section (and
        of the sections above it), or, where no desk has members, everyone who may
        publish it."""
        desks = SectionDesk.objects.filter(section__in=page.get_ancestors(inclusive=True))
        users = get_user_model().objects.filter(is_active=True)
        desk_editors = users.filter(groups__desk__in=desks).distinct()
        if desk_editors.exists():
            if include_superusers:
                return desk_editors | users.filter(is_superuser=True)
            return desk_editors
        return PagePermissionPolicy().users_with_permission_for_instance(
            "publish", page, include_superusers=include_superusers
        )

    @classmethod
    def get_description(cls) -> str:
        return _("The desk editors of the story's section (or the editor-in-chief) approve it")

    class Meta:
        verbose_name = _("section desk approval")
        verbose_name_plural = _("section desk approvals")
