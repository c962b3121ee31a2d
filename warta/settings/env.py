"""Reading settings from the environment, with errors that name the variable.

Every setting an operator can change comes through here, so a bad value stops
start-up with one line such as ``WARTA_TIME_ZONE: unknown time zone 'Mars/Base'``
instead of a traceback from deep inside Django.
"""

import os
import secrets
import zoneinfo
from pathlib import Path

import dj_database_url


class SettingError(Exception):
    """A setting read from the environment is missing or malformed."""

    def __init__(self, variable: str, problem: str):
        self.variable = variable
        super().__init__(f"{variable}: {problem}")


def get(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def get_bool(name: str, default: bool) -> bool:
    raw = get(name).lower()
    if not raw:
        return default
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off"}:
        return False
    raise SettingError(name, f"expected on/off (1/0, true/false), got {raw!r}")


def get_list(name: str, default: list[str]) -> list[str]:
    raw = get(name)
    if not raw:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def get_path(name: str, default: Path) -> Path:
    raw = get(name)
    return Path(raw).expanduser().resolve() if raw else default


def get_time_zone(name: str, default: str) -> str:
    value = get(name, default)
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise SettingError(name, f"unknown time zone {value!r} (e.g. Asia/Jakarta)") from None
    return value


def get_choice(name: str, default: str, choices: list[str]) -> str:
    value = get(name, default).lower()
    if value not in choices:
        raise SettingError(name, f"unknown value {value!r}; choose one of {', '.join(choices)}")
    return value


def get_database(name: str, default_sqlite_path: Path) -> dict:
    """Parse DATABASE_URL; SQLite (the default) gets WAL mode and a busy timeout."""
    url = get(name) or f"sqlite:///{default_sqlite_path}"
    try:
        config = dj_database_url.parse(url, conn_max_age=0)
    except Exception as error:  # dj-database-url raises several unrelated types
        raise SettingError(name, f"cannot parse database URL {url!r} ({error})") from None
    if not config.get("NAME"):
        raise SettingError(name, f"no database name in {url!r}")
    if config["ENGINE"] == "django.db.backends.sqlite3":
        if config["NAME"] != ":memory:":
            Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        config["ENGINE"] = "warta.core.sqlite"  # Django's, converting each query once
        config["OPTIONS"] = {
            # WAL lets readers continue while one writer commits; IMMEDIATE takes the
            # write lock at BEGIN, so concurrent writers queue instead of deadlocking.
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    # Each worker thread keeps its connection between requests: opening one (and, for
    # SQLite, running the PRAGMAs above) costs about as much as a page's queries.
    config["CONN_MAX_AGE"] = 60
    config["CONN_HEALTH_CHECKS"] = True
    if config["ENGINE"] == "django.db.backends.postgresql":
        config["ENGINE"] = "warta.core.postgresql"  # Django's, checking health locally
        # PostgreSQL's JIT compiles every query whose estimated cost is high, on every run:
        # on a 100,000-article archive it took 6.9 s of a 9.6 s related-stories query.
        # Reader queries are short; compiling them never pays.
        options = config.setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c jit=off".strip()
        # Parameters bound by the server, and statements prepared the fifth time they run
        # on a connection: PostgreSQL then plans a reader query once per connection
        # instead of on every run (planning the page query took four times longer than
        # running it). Django leaves both off for connection poolers that pool
        # transactions (pgbouncer in that mode cannot keep prepared statements).
        options.setdefault("server_side_binding", True)
        options.setdefault("prepare_threshold", 5)
    return config


def get_redis_url(name: str) -> str:
    value = get(name)
    if value and not value.startswith(("redis://", "rediss://", "unix://")):
        raise SettingError(name, f"expected a redis:// URL, got {value!r}")
    return value


def persistent_secret_key(path: Path) -> str:
    """A random key kept in var/ so development sessions survive restarts."""
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key
