"""The review workflow "Tinjauan redaksi": submit, approve or send back, notify the desk."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import TaskState, Workflow, WorkflowPage, WorkflowState

from warta.news.factories import SectionPageFactory
from warta.news.models import ArticlePage
from warta.newsroom import roles

from .helpers import article_form, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def pati():
    return SectionPageFactory(title="Pati", slug="pati")


@pytest.fixture
def politik():
    return SectionPageFactory(title="Politik", slug="politik")


def submit(client, section, title="Banjir di Juwana") -> ArticlePage:
    """The logged-in reporter writes a story and submits it for review."""
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk))
    response = client.post(url, {**article_form(title), "action-submit": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    return ArticlePage.objects.get(title=title)


def act(client, story, action: str, comment: str = ""):
    """The logged-in reviewer takes a workflow action on the story's current task."""
    task_state = story.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(story.pk, action, task_state.pk))
    return client.post(url, {"comment": comment} if comment else {})


def test_articles_go_through_review_by_default(pati):
    """Every article gets "Tinjauan redaksi" from the home page."""
    story = ArticlePage(title="Apa saja", slug="apa-saja", body=[])
    pati.add_child(instance=story)
    assert story.get_workflow().name == "Tinjauan redaksi"


def test_submitted_story_is_approved_and_goes_live(client, pati):
    """A reporter submits, the section's desk editor approves: the story is live."""
    reporter = staff("rina", roles.REPORTER)
    redaktur = staff("dedi", roles.DESK_EDITOR, pati)
    client.force_login(reporter)
    story = submit(client, pati)
    assert not story.live and story.workflow_in_progress
    client.force_login(redaktur)
    act(client, story, "approve")
    story.refresh_from_db()
    assert story.live


def test_new_story_carries_its_writer_and_approver(client, pati):
    """The reporter's byline is on their new story; the approver signs it off."""
    reporter = staff("rina", roles.REPORTER)
    redaktur = staff("dedi", roles.DESK_EDITOR, pati)
    client.force_login(reporter)
    story = submit(client, pati)
    client.force_login(redaktur)
    act(client, story, "approve")
    story = ArticlePage.objects.get(pk=story.pk)
    assert [person.user for person in story.reporters] == [reporter]
    assert story.editor.user == redaktur


def test_sent_back_story_shows_the_comment_to_the_reporter(client, pati):
    """Changes requested with a comment send the story back, the comment in its editor."""
    reporter = staff("rina", roles.REPORTER)
    redaktur = staff("dedi", roles.DESK_EDITOR, pati)
    client.force_login(reporter)
    story = submit(client, pati)
    client.force_login(redaktur)
    act(client, story, "reject", comment="Tambahkan keterangan dari BPBD.")
    story.refresh_from_db()
    assert not story.live
    assert story.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    client.force_login(reporter)
    html = client.get(reverse("wagtailadmin_pages:edit", args=(story.pk,))).content.decode()
    assert "Tambahkan keterangan dari BPBD." in html


def test_desk_of_another_section_cannot_approve(client, pati, politik):
    """A desk editor of another section may not approve the story."""
    reporter = staff("rina", roles.REPORTER)
    other = staff("oki", roles.DESK_EDITOR, politik)
    client.force_login(reporter)
    story = submit(client, pati)
    client.force_login(other)
    act(client, story, "approve")
    story.refresh_from_db()
    assert not story.live
    assert story.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS


def test_submission_mails_the_desk_of_the_section_only(client, pati, politik):
    """A submitted story is mailed to its section's desk editor, not to other desks or
    administrators."""
    reporter = staff("rina", roles.REPORTER)
    staff("dedi", roles.DESK_EDITOR, pati)
    staff("oki", roles.DESK_EDITOR, politik)
    staff("ari", roles.ADMINISTRATOR, is_superuser=True)
    client.force_login(reporter)
    mail.outbox.clear()
    submit(client, pati)
    recipients = [address for message in mail.outbox for address in message.to]
    assert recipients == ["dedi@warta.test"]


def test_desk_editor_sees_the_story_in_their_queue(client, pati, politik):
    """The story waits in the queue of its section's desk, not another desk's."""
    reporter = staff("rina", roles.REPORTER)
    redaktur = staff("dedi", roles.DESK_EDITOR, pati)
    other = staff("oki", roles.DESK_EDITOR, politik)
    client.force_login(reporter)
    story = submit(client, pati)
    queue = TaskState.objects.reviewable_by(redaktur)
    assert [state.workflow_state.object_id for state in queue] == [str(story.pk)]
    assert not TaskState.objects.reviewable_by(other).exists()
    client.force_login(redaktur)
    assert "Banjir di Juwana" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_section_may_require_the_editor_in_chief(client, pati):
    """In a section given the second step, the editor-in-chief approves after the desk."""
    workflow = Workflow.objects.get(name="Tinjauan redaksi dan pemimpin redaksi")
    WorkflowPage.objects.create(page=pati, workflow=workflow)
    reporter = staff("rina", roles.REPORTER)
    redaktur = staff("dedi", roles.DESK_EDITOR, pati)
    chief = staff("pinto", roles.EDITOR_IN_CHIEF)
    client.force_login(reporter)
    story = submit(client, pati)
    client.force_login(redaktur)
    act(client, story, "approve")
    story.refresh_from_db()
    assert not story.live
    assert story.current_workflow_task.name == "Persetujuan pemimpin redaksi"
    client.force_login(chief)
    act(client, story, "approve")
    story.refresh_from_db()
    assert story.live


def test_my_stories_lists_what_i_wrote(client, pati):
    """ "My stories" lists the stories on my byline, not a colleague's."""
    reporter = staff("rina", roles.REPORTER)
    colleague = staff("sari", roles.REPORTER)
    client.force_login(reporter)
    submit(client, pati, "Banjir di Juwana")
    client.force_login(colleague)
    submit(client, pati, "Pasar Puri dibuka")
    reader = Client()  # without the messages the other sessions left
    reader.force_login(reporter)
    html = reader.get(reverse("my_stories:index")).content.decode()
    assert "Banjir di Juwana" in html and "Pasar Puri dibuka" not in html
