"""Keeping the newsroom in step: a desk for every section, a byline for every new
story, and the review request e-mailed to the desk that reviews it."""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.admin.mail import BaseGroupApprovalTaskStateEmailNotifier
from wagtail.models import TaskState
from wagtail.signals import task_submitted

from warta.news.models import ArticlePage, ArticleReporter, Person, SectionPage

from .models import SectionDesk, SectionReviewTask
from .roles import keep_desk


def keep_section_desks(sender, instance: SectionPage, **kwargs) -> None:
    """A new section gets its desk; a renamed one renames its desk and those below it."""
    for section in SectionPage.objects.descendant_of(instance, inclusive=True):
        keep_desk(apps, section)


def remove_desk_group(sender, instance: SectionDesk, **kwargs) -> None:
    """A section deleted takes its desk group with it."""
    instance.group.delete()


def credit_writer(sender, instance: ArticlePage, **kwargs) -> None:
    """A new story written by someone with a byline carries their byline, unless the
    writer named its reporters already."""
    if instance.pk is not None or instance.owner_id is None:
        return
    if instance.reporter_links.all():
        return
    person = Person.objects.filter(user_id=instance.owner_id).first()
    if person is not None:
        instance.reporter_links = [ArticleReporter(person=person)]


class SectionReviewSubmissionNotifier(BaseGroupApprovalTaskStateEmailNotifier):
    """E-mails a story submitted for review to the desk of its section, not every editor."""

    notification = "submitted"

    def can_handle(self, instance, **kwargs) -> bool:
        return isinstance(instance, TaskState) and isinstance(
            instance.task.specific, SectionReviewTask
        )

    def get_recipient_users(self, task_state, **kwargs):
        include_superusers = getattr(settings, "WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS", True)
        reviewers = task_state.task.specific.reviewers(
            task_state.workflow_state.content_object, include_superusers
        )
        if user := kwargs.get("user"):
            reviewers = reviewers.exclude(pk=user.pk)
        return reviewers


notify_section_desk = SectionReviewSubmissionNotifier()


def connect() -> None:
    post_save.connect(keep_section_desks, sender=SectionPage, dispatch_uid="newsroom-desks")
    post_delete.connect(remove_desk_group, sender=SectionDesk, dispatch_uid="newsroom-desk-group")
    pre_save.connect(credit_writer, sender=ArticlePage, dispatch_uid="newsroom-credit-writer")
    task_submitted.connect(notify_section_desk, dispatch_uid="newsroom-notify-desk")
