from django.db import models


class ContentGeneration(models.Model):
    """One row: a number every change to published content increments (see generation.py)."""

    number = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.number)


class WorkerHeartbeat(models.Model):
    """The task worker's sign of life on one machine, for /readyz (warta.core.health).

    One row per machine, not per process: the worker `warta serve` starts again after a
    failure is the same machine's worker, and the table stays as small as the fleet."""

    machine = models.CharField(max_length=255, primary_key=True)
    # Written with the database's clock, and read against it: app servers whose clocks
    # differ by seconds still agree on a heartbeat's age.
    seen_at = models.DateTimeField()
    # Seconds between two beats of that worker: a heartbeat older than a few of them is stale.
    every = models.FloatField()

    def __str__(self) -> str:
        return self.machine
