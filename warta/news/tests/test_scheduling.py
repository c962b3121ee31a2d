"""Scheduled changes: each go-live, expiry and breaking end queued as a task for its moment,
run by django-tasks-db's worker (as `warta serve` runs it) when the moment has come."""

from datetime import timedelta

import pytest
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from wagtail.models import PageLogEntry

from warta.core import generation
from warta.news import tasks
from warta.news.factories import ArticlePageFactory, SectionPageFactory
from warta.news.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    """Moves the site's clock (`timezone.now`, which Wagtail and the worker read) ahead."""
    start = timezone.now()

    def advance(delta: timedelta) -> None:
        moment = start + delta
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return advance


@pytest.fixture
def run_worker(monkeypatch, django_capture_on_commit_callbacks):
    """The worker `warta serve` starts, running what is due now, then stopping. Within a
    test's transaction, which its checks of the connection would otherwise close."""
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run() -> None:
        worker = db_worker.Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="queued",
            startup_delay=False,
            max_tasks=None,
            worker_id="test-worker",
            excluded_queue_names=[],
        )
        with django_capture_on_commit_callbacks(execute=True):
            worker.run()

    return run


def queued() -> list[DBTaskResult]:
    return list(
        DBTaskResult.objects.filter(
            status=TaskResultStatus.READY, task_path=tasks.apply_scheduled_changes.module_path
        )
    )


def schedule(article: ArticlePage, go_live_at) -> None:
    """Publish with a go-live time, as the editor's schedule dialog does."""
    article.go_live_at = go_live_at
    article.save_revision().publish()


def draft(title: str = "Terjadwal") -> ArticlePage:
    article = ArticlePageFactory(title=title, parent=SectionPageFactory(title="Daerah"))
    article.unpublish()
    return ArticlePage.objects.get(pk=article.pk)


def test_scheduling_a_story_queues_one_task_for_its_go_live_time():
    """Publishing with a go-live time queues the page's task for exactly that time."""
    article = draft()
    moment = timezone.now() + timedelta(minutes=10)
    schedule(article, moment)
    assert [(task.run_after, task.args_kwargs["args"]) for task in queued()] == [
        (moment, [article.pk])
    ]


def test_saving_a_scheduled_story_again_queues_no_second_task():
    """The same page and moment are queued once, however often it is saved."""
    article = draft()
    moment = timezone.now() + timedelta(minutes=10)
    schedule(article, moment)
    schedule(ArticlePage.objects.get(pk=article.pk), moment)
    assert len(queued()) == 1


def test_scheduled_story_goes_live_when_its_time_comes(client, clock, run_worker):
    """Before its time the worker has nothing to run; after it, the story is live and listed."""
    article = draft("Jembatan Juwana dibuka")
    schedule(article, timezone.now() + timedelta(minutes=10))
    clock(timedelta(minutes=9))
    run_worker()
    assert not ArticlePage.objects.get(pk=article.pk).live
    assert "Jembatan Juwana dibuka" not in client.get("/").content.decode()
    clock(timedelta(minutes=11))
    run_worker()
    assert ArticlePage.objects.get(pk=article.pk).live
    assert "Jembatan Juwana dibuka" in client.get("/").content.decode()


def test_rescheduled_story_is_not_published_at_its_old_time(clock, run_worker):
    """The task left at the old time finds nothing due; the story goes live once, later."""
    article = draft()
    schedule(article, timezone.now() + timedelta(minutes=10))
    schedule(ArticlePage.objects.get(pk=article.pk), timezone.now() + timedelta(minutes=30))
    clock(timedelta(minutes=11))
    run_worker()
    assert not ArticlePage.objects.get(pk=article.pk).live
    clock(timedelta(minutes=31))
    run_worker()
    assert ArticlePage.objects.get(pk=article.pk).live
    published = PageLogEntry.objects.filter(page=article, action="wagtail.publish.scheduled")
    assert published.count() == 1


def test_cancelled_schedule_publishes_nothing(clock, run_worker):
    """Cancelling the schedule (Wagtail clears the revision's go-live time) leaves a draft."""
    article = draft()
    schedule(article, timezone.now() + timedelta(minutes=10))
    revision = article.revisions.get(approved_go_live_at__isnull=False)
    revision.approved_go_live_at = None
    revision.save(update_fields=["approved_go_live_at"])
    clock(timedelta(minutes=11))
    run_worker()
    assert not ArticlePage.objects.get(pk=article.pk).live


def test_a_task_run_twice_publishes_once(clock):
    """Two workers given the same page at once: the second finds nothing due."""
    article = draft()
    schedule(article, timezone.now() + timedelta(minutes=10))
    clock(timedelta(minutes=11))
    assert tasks.apply_scheduled_changes.call(article.pk) == ["published"]
    assert tasks.apply_scheduled_changes.call(article.pk) == []


def test_expiring_story_leaves_the_site_when_its_time_comes(client, clock, run_worker):
    """A live story past its expiry is unpublished by its task and answers 404."""
    article = ArticlePageFactory(title="Pasar malam Kudus")
    article.expire_at = timezone.now() + timedelta(minutes=10)
    article.save_revision().publish()
    assert [task.run_after for task in queued()] == [article.expire_at]
    clock(timedelta(minutes=11))
    run_worker()
    article.refresh_from_db()
    assert (article.live, article.expired) == (False, True)
    assert client.get(article.url_path[len("/home") :]).status_code == 404
    assert "Pasar malam Kudus" not in client.get("/").content.decode()


def test_breaking_story_end_is_queued_and_starts_a_new_content_generation(clock, run_worker):
    """At a breaking story's end its task retires what the workers keep (the ticker)."""
    ends = timezone.now() + timedelta(minutes=10)
    article = ArticlePageFactory(is_breaking=True, breaking_until=ends)
    assert [(task.run_after, task.args_kwargs["args"]) for task in queued()] == [
        (ends, [article.pk])
    ]
    before = generation.current()
    clock(timedelta(minutes=11))
    run_worker()
    assert generation.current() > before
    assert DBTaskResult.objects.get().return_value == ["breaking-ended"]


def test_queue_missing_queues_changes_saved_without_a_task():
    """Scheduled changes without a task (raw loads, an older Warta) are queued at startup."""
    article = draft()
    schedule(article, timezone.now() + timedelta(minutes=10))
    DBTaskResult.objects.all().delete()
    assert tasks.queue_missing() == 1
    assert tasks.queue_missing() == 0
    assert [task.args_kwargs["args"] for task in queued()] == [[article.pk]]
