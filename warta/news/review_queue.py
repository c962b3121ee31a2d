"""The review queue on the admin dashboard: every story waiting for a review, oldest first,
with how long it has waited at its current step."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState, get_default_page_content_type

QUEUE_LENGTH = 20


@dataclass(frozen=True)
class WaitingStory:
    page: Page
    task: str  # the step it waits at, e.g. the Redaktur's approval
    submitted_by: str
    waiting_since: datetime


def waiting_stories(limit: int = QUEUE_LENGTH) -> tuple[list[WaitingStory], int]:
    """The pages in review, longest waiting first, and how many there are: three queries."""
    states = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS,
        base_content_type=get_default_page_content_type(),
    )
    total = states.count()
    rows = list(
        states.select_related("current_task_state__task", "requested_by").order_by(
            "current_task_state__started_at", "pk"
        )[:limit]
    )
    pages = Page.objects.in_bulk([int(state.object_id) for state in rows])
    waiting = []
    for state in rows:
        page, task_state = pages.get(int(state.object_id)), state.current_task_state
        if page is None or task_state is None:
            continue
        who = state.requested_by
        waiting.append(
            WaitingStory(
                page=page,
                task=task_state.task.name,
                submitted_by=(who.get_full_name() or who.get_username()) if who else "",
                waiting_since=task_state.started_at,
            )
        )
    return waiting, total


class ReviewQueuePanel(Component):
    """The newsroom's review queue, each story linked to its editor."""

    name = "review_queue"
    order = 120
    template_name = "news/admin/review_queue_panel.html"

    def get_context_data(self, parent_context=None) -> dict:
        stories, total = waiting_stories()
        return {"stories": stories, "total": total}
