"""Daily tasks queued by several app servers at once: one run waits, whoever queues it."""

import threading
import time

import pytest
from django.db import connections
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from warta.core import daily
from warta.integrity.tasks import scan_every_night

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def side_by_side(*actions) -> list:
    """Run each action in a thread of its own (a connection of its own, as another server
    has), released together; what each returned."""
    start = threading.Barrier(len(actions))
    results = [None] * len(actions)

    def run(index: int) -> None:
        try:
            start.wait()
            results[index] = actions[index]()
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(actions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def waiting_scans() -> int:
    return DBTaskResult.objects.filter(
        task_path=scan_every_night.module_path, status=TaskResultStatus.READY
    ).count()


def test_servers_queuing_a_daily_task_at_once_queue_one_run():
    """Three servers starting at the same moment, five times over: one run waits each time."""
    for _round in range(5):
        DBTaskResult.objects.all().delete()
        queued = side_by_side(*[lambda: daily.queue_unless_waiting(scan_every_night, 3)] * 3)
        assert sorted(queued) == [0, 0, 1]
        assert waiting_scans() == 1


def test_one_at_a_time_holds_a_second_transaction_until_the_first_ends():
    """Under one name, the second transaction begins only once the first has committed."""
    moments = {}

    def first() -> None:
        with daily.one_at_a_time("queue test"):
            moments["first in"] = time.monotonic()
            time.sleep(0.5)
            moments["first out"] = time.monotonic()

    def second() -> None:
        time.sleep(0.1)  # the first takes the name first
        with daily.one_at_a_time("queue test"):
            moments["second in"] = time.monotonic()

    side_by_side(first, second)
    assert moments["first in"] < moments["first out"] <= moments["second in"]
