"""Reading settings from the environment, with errors that name the variable.

Every setting an operator can change comes through here, so a bad value stops
start-up with one line such as ``WARTA_TIME_ZONE: unknown time zone 'Mars/Base'``
instead of a traceback from deep inside Django.
"""

import ipaddress
import os
import re
import secrets
import zoneinfo
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

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


def get_networks(name: str) -> list[str]:
    """Comma-separated addresses or networks (``127.0.0.1,::1``, ``10.0.0.0/8``), each
    returned as a network in its canonical spelling; unset, none."""
    networks = []
    for item in get_list(name, []):
        try:
            networks.append(str(ipaddress.ip_network(item, strict=False)))
        except ValueError:
            raise SettingError(
                name, f"{item!r} is not an address or network (e.g. 127.0.0.1 or 10.0.0.0/8)"
            ) from None
    return networks


def refuse(name: str, problem: str, harmless: frozenset[str] = frozenset()) -> None:
    """Stop start-up when `name`, a variable Warta no longer reads, is set to anything but
    one of the `harmless` values (what it did by default)."""
    raw = get(name)
    if raw and raw.lower() not in harmless:
        raise SettingError(name, problem)


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


def get_number(name: str, default: float, minimum: float, maximum: float) -> float:
    raw = get(name)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingError(name, f"expected a number, got {raw!r}") from None
    if not minimum <= value <= maximum:
        raise SettingError(name, f"expected a number from {minimum:g} to {maximum:g}")
    return value


@dataclass(frozen=True)
class Rate:
    """At most `limit` requests per `seconds`."""

    limit: int
    seconds: int

    def __str__(self) -> str:
        return f"{self.limit}/{self.seconds}s"


_RATE = re.compile(r"^(\d+)\s*/\s*(\d*)\s*([smhd])$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def get_rate(name: str, default: str) -> Rate:
    """A rate such as ``60/10m`` (60 per ten minutes), ``5/s`` or ``2000/h``."""
    raw = get(name, default).lower()
    match = _RATE.match(raw)
    if not match or int(match[1]) < 1:
        raise SettingError(name, f"expected a rate such as 60/10m or 5/s, got {raw!r}")
    count, unit = int(match[2] or 1), _UNIT_SECONDS[match[3]]
    if count < 1:
        raise SettingError(name, f"the period of {raw!r} must be at least 1")
    return Rate(limit=int(match[1]), seconds=count * unit)


def get_shortcuts(name: str, known: tuple[str, ...]) -> frozenset[str]:
    """The shortcuts to take: all of `known` (unset or ``on``), none (``off``), all but
    some (``-name,-name``) or only some (``name,name``)."""
    raw = get(name).lower()
    if raw in {"", "1", "true", "yes", "on"}:
        return frozenset(known)
    if raw in {"0", "false", "no", "off"}:
        return frozenset()
    names = [item.strip() for item in raw.split(",") if item.strip()]
    if unknown := sorted({item.removeprefix("-") for item in names} - set(known)):
        raise SettingError(name, f"unknown shortcut {unknown[0]!r}; known: {', '.join(known)}")
    left_out = {item[1:] for item in names if item.startswith("-")}
    if left_out and len(left_out) != len(names):
        raise SettingError(name, "name the shortcuts to take or those to leave out, not both")
    return frozenset(known) - left_out if left_out else frozenset(names)


def get_database(name: str, default_sqlite_path: Path, own_backends: bool = True) -> dict:
    """Parse DATABASE_URL; SQLite (the default) gets WAL mode and a busy timeout, PostgreSQL
    lock, statement and connect timeouts (WARTA_DB_*_TIMEOUT).
    `own_backends`: Warta's subclasses of Django's backends (warta.core.compat), else
    Django's own."""
    url = get(name) or f"sqlite:///{default_sqlite_path}"
    timeouts = get_database_timeouts()
    try:
        config = dj_database_url.parse(url, conn_max_age=0)
    except Exception as error:  # dj-database-url raises several unrelated types
        raise SettingError(name, f"cannot parse database URL {url!r} ({error})") from None
    if not config.get("NAME"):
        raise SettingError(name, f"no database name in {url!r}")
    if config["ENGINE"] == "django.db.backends.sqlite3":
        if config["NAME"] != ":memory:":
            Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        if own_backends:  # Django's, converting each query once and keeping its plan
            config["ENGINE"] = "warta.core.compat.sqlite"
        config["OPTIONS"] = {
            # WAL lets readers continue while one writer commits; IMMEDIATE takes the
            # write lock at BEGIN, so concurrent writers queue instead of deadlocking.
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            ),
            "transaction_mode": "IMMEDIATE",
            # How long a writer waits for the write lock before it gives up (a 503).
            "timeout": timeouts.lock or 3600,
        }
    # Each worker thread keeps its connection between requests: opening one (and, for
    # SQLite, running the PRAGMAs above) costs about as much as a page's queries.
    config["CONN_MAX_AGE"] = 60
    config["CONN_HEALTH_CHECKS"] = True
    if config["ENGINE"] == "django.db.backends.postgresql":
        if own_backends:  # Django's, checking health locally
            config["ENGINE"] = "warta.core.compat.postgresql"
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
        # A locked table or a runaway query fails in seconds (a 503, warta.core.unavailable)
        # instead of holding the reader's thread, and every thread behind it, for as long
        # as the lock lasts. 0 waits for ever.
        options["options"] += (
            f" -c lock_timeout={round(timeouts.lock * 1000)}"
            f" -c statement_timeout={round(timeouts.statement * 1000)}"
        )
        if timeouts.connect:  # libpq counts whole seconds, at least 2
            options.setdefault("connect_timeout", max(2, round(timeouts.connect)))
    return config


def get_replica_database(name: str, primary: dict, own_backends: bool = True) -> dict | None:
    """A read replica of the `primary` database from the URL in `name`, or None when unset:
    the primary's kind of database, with its timeouts. Tests take it for the primary
    (Django's TEST MIRROR), since no replication runs between test databases."""
    if not get(name):
        return None
    config = get_database(name, Path("unused"), own_backends)
    if config["ENGINE"] != primary["ENGINE"]:
        kinds = {
            engine: engine.rsplit(".", 1)[-1].removesuffix("3")
            for engine in (config["ENGINE"], primary["ENGINE"])
        }
        raise SettingError(
            name,
            f"a replica must be the primary's kind of database ({kinds[primary['ENGINE']]}), "
            f"not {kinds[config['ENGINE']]}",
        )
    config["TEST"] = {"MIRROR": "default"}
    return config


@dataclass(frozen=True)
class DatabaseTimeouts:
    """Seconds a query may wait for a lock, run, and wait for a connection (0: no limit)."""

    lock: float
    statement: float
    connect: float


def get_database_timeouts() -> DatabaseTimeouts:
    return DatabaseTimeouts(
        lock=get_number("WARTA_DB_LOCK_TIMEOUT", 3, 0, 3600),
        statement=get_number("WARTA_DB_STATEMENT_TIMEOUT", 10, 0, 86400),
        connect=get_number("WARTA_DB_CONNECT_TIMEOUT", 5, 0, 600),
    )


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


# Uploaded media in an S3-compatible bucket: the variables, each naming one thing.
MEDIA_S3 = "WARTA_MEDIA_S3_"
MEDIA_S3_VARIABLES = tuple(
    MEDIA_S3 + name
    for name in (
        "BUCKET",
        "ENDPOINT_URL",
        "REGION",
        "ACCESS_KEY_ID",
        "SECRET_ACCESS_KEY",
        "PUBLIC_URL",
        "ADDRESSING_STYLE",
        "PREFIX",
    )
)
# Uploads in a bucket keep their names (a photo never overwrites another of the same
# name) and are cached by browsers and CDNs as nginx serves them from disk: 30 days.
MEDIA_S3_CACHE_CONTROL = "public, max-age=2592000"
_BUCKET = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{1,61}[A-Za-z0-9]$")
_REGION = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


@dataclass(frozen=True)
class MediaBucket:
    """Where uploads go when WARTA_MEDIA_S3_BUCKET is set: django-storages' S3 storage
    `options`, and the address readers fetch the bucket's objects from (`public_url`, the
    bucket's root without a trailing slash)."""

    options: dict
    public_url: str

    @property
    def origin(self) -> str:
        """`scheme://host[:port]` of the public address, for the Content-Security-Policy."""
        parts = urlsplit(self.public_url)
        return f"{parts.scheme}://{parts.netloc}"


def get_http_url(name: str, *, path: bool) -> str:
    """An http(s) address without query or fragment (with a path only where `path`);
    unset, ""."""
    raw = get(name)
    example = "https://media.example.id/warta" if path else "https://s3.example.id"
    return http_address(name, raw, path=path, example=example) if raw else ""


def get_http_urls(name: str) -> list[str]:
    """Comma-separated http(s) addresses of scheme, host and port; unset, []."""
    return [
        http_address(name, raw, path=False, example="http://127.0.0.1:8081")
        for raw in get_list(name, [])
    ]


def http_address(name: str, raw: str, *, path: bool, example: str) -> str:
    """`raw`, a value of `name`, checked as get_http_url says, without a trailing slash."""
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise SettingError(name, f"expected an http(s) address such as {example}, got {raw!r}")
    if not path and parts.path not in ("", "/"):
        raise SettingError(
            name, f"expected scheme, host and port only (e.g. {example}), got {raw!r}"
        )
    return raw.rstrip("/")


def get_media_bucket() -> MediaBucket | None:
    """The bucket uploads go to (WARTA_MEDIA_S3_*), or None: they stay on local disk.

    Keys: WARTA_MEDIA_S3_ACCESS_KEY_ID with WARTA_MEDIA_S3_SECRET_ACCESS_KEY, or neither,
    and boto3 finds them as the AWS tools do (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,
    AWS_PROFILE and ~/.aws, a machine's role). The public address is
    WARTA_MEDIA_S3_PUBLIC_URL, or the bucket's own address at its endpoint."""
    bucket = get(MEDIA_S3 + "BUCKET")
    if not bucket:
        if stray := next((name for name in MEDIA_S3_VARIABLES if get(name)), None):
            raise SettingError(
                stray, f"set without {MEDIA_S3}BUCKET: name the bucket too, or unset {stray}"
            )
        return None
    if not _BUCKET.match(bucket):
        raise SettingError(
            MEDIA_S3 + "BUCKET",
            f"expected a bucket name such as warta-media, got {bucket!r} "
            f"(a folder inside the bucket goes in {MEDIA_S3}PREFIX)",
        )
    endpoint = get_http_url(MEDIA_S3 + "ENDPOINT_URL", path=False)
    region = get(MEDIA_S3 + "REGION")
    if region and not _REGION.match(region):
        raise SettingError(
            MEDIA_S3 + "REGION", f"expected a region such as us-east-1, got {region!r}"
        )
    style = get_choice(MEDIA_S3 + "ADDRESSING_STYLE", "auto", ["auto", "path", "virtual"])
    prefix = get(MEDIA_S3 + "PREFIX").strip("/")
    if prefix and ".." in prefix.split("/"):
        raise SettingError(
            MEDIA_S3 + "PREFIX", f"expected a folder such as warta/media, got {prefix!r}"
        )
    key_id, secret = get(MEDIA_S3 + "ACCESS_KEY_ID"), get(MEDIA_S3 + "SECRET_ACCESS_KEY")
    if bool(key_id) != bool(secret):
        given, missing = (
            ("ACCESS_KEY_ID", "SECRET_ACCESS_KEY")
            if key_id
            else ("SECRET_ACCESS_KEY", "ACCESS_KEY_ID")
        )
        raise SettingError(
            MEDIA_S3 + missing,
            f"not set, but {MEDIA_S3}{given} is: set both, or neither to use the AWS_* "
            "variables or the machine's credentials",
        )
    public_url = get_http_url(MEDIA_S3 + "PUBLIC_URL", path=True) or bucket_address(
        bucket, endpoint, region, style
    )
    public = urlsplit(public_url)
    options = {
        "bucket_name": bucket,
        "endpoint_url": endpoint or None,
        "region_name": region or None,
        "addressing_style": None if style == "auto" else style,
        "location": prefix,
        # Readers' addresses: plain, never signed (public photos; documents are served
        # through Warta, which reads them with the keys).
        "custom_domain": public.netloc + public.path,
        "url_protocol": f"{public.scheme}:",
        "querystring_auth": False,
        "file_overwrite": False,
        "default_acl": None,  # the bucket's policy says who may read, not each object
        "object_parameters": {"CacheControl": MEDIA_S3_CACHE_CONTROL},
        # A file read from the bucket is kept in memory up to this size, then on disk.
        "max_memory_size": 16 * 1024 * 1024,
    }
    if key_id:
        options |= {"access_key": key_id, "secret_key": secret}
    return MediaBucket(options=options, public_url=public_url)


def bucket_address(bucket: str, endpoint: str, region: str, style: str) -> str:
    """The bucket's root as boto3 addresses it (path or virtual-host style, as the
    endpoint, region and addressing style make it), without a trailing slash."""
    from botocore import UNSIGNED
    from botocore.config import Config
    from botocore.exceptions import BotoCoreError
    from botocore.session import get_session

    try:
        client = get_session().create_client(
            "s3",
            endpoint_url=endpoint or None,
            region_name=region or None,
            config=Config(signature_version=UNSIGNED, s3={"addressing_style": style}),
        )
        url = client.generate_presigned_url("get_object", Params={"Bucket": bucket, "Key": "k"})
    except (BotoCoreError, ValueError) as error:
        raise SettingError(
            MEDIA_S3 + "BUCKET", f"no address for bucket {bucket!r}: {error}"
        ) from None
    return url.split("?", 1)[0].removesuffix("/k")
