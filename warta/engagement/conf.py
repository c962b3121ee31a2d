"""Reading the engagement settings from the environment (imported by the settings module).

Pure parsing, no Django: a bad value stops start-up with one line naming the
variable, like every other setting (see warta/settings/env.py).
"""

import re
from dataclasses import dataclass

from warta.settings import env

_RATE = re.compile(r"^(\d+)\s*/\s*(\d*)\s*([smhd])$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    """At most `limit` requests per `seconds`."""

    limit: int
    seconds: int

    def __str__(self) -> str:
        return f"{self.limit}/{self.seconds}s"


def get_rate(name: str, default: str) -> Rate:
    """A rate such as ``60/10m`` (60 per ten minutes), ``5/s`` or ``2000/h``."""
    raw = env.get(name, default).lower()
    match = _RATE.match(raw)
    if not match or int(match[1]) < 1:
        raise env.SettingError(name, f"expected a rate such as 60/10m or 5/s, got {raw!r}")
    count, unit = int(match[2] or 1), _UNIT_SECONDS[match[3]]
    if count < 1:
        raise env.SettingError(name, f"the period of {raw!r} must be at least 1")
    return Rate(limit=int(match[1]), seconds=count * unit)


def get_number(name: str, default: float, minimum: float, maximum: float) -> float:
    raw = env.get(name)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise env.SettingError(name, f"expected a number, got {raw!r}") from None
    if not minimum <= value <= maximum:
        raise env.SettingError(name, f"expected a number from {minimum:g} to {maximum:g}")
    return value
