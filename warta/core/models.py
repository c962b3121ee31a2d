from django.db import models


class ContentGeneration(models.Model):
    """One row: a number every change to published content increments (see generation.py)."""

    number = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.number)
