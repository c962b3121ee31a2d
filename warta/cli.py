"""The `warta` command: set up a demo, serve the site, and run any management command.

A thin layer over Django's management commands. It picks the settings for the
job (development for `demo`, production for the rest unless DJANGO_SETTINGS_MODULE
says otherwise) and turns a bad setting into one line naming the variable.
"""

import errno
import os
import secrets
import socket
import sys

WARTA_COMMANDS = {
    "demo": "Set up the demo site (migrate, demo content, admin account) and serve it.",
    "serve": "Run the production app server (granian) on --bind, default 127.0.0.1:8000.",
    "worker": "Run the task worker (scheduled publication); serve runs one unless WARTA_WORKER=0.",
}
DEMO_ADMIN_USERNAME = "admin"
# Seconds granian gives a worker process to finish its requests when the server stops
# (SIGTERM) before it kills it; the task worker then gets its own (taskworker.STOP_TIMEOUT).
WORKERS_STOP_TIMEOUT = 20
# Connections each worker process keeps open at once. granian's "backpressure" bounds
# connections, not requests: an idle keep-alive connection holds its place, and one past
# the bound waits unaccepted until an idle one times out (30 s). nginx keeps up to 64 idle
# connections to Warta per nginx worker (deploy/nginx.conf), so the bound must leave room
# for them all; requests still wait for one of the worker's --threads threads.
CONNECTIONS_PER_WORKER = 1024


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv[0] if argv else "help"
    if command in {"help", "-h", "--help"} and len(argv) <= 1:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warta.settings.base")
        return print_help() if setup_django() == 0 else 1

    os.environ.setdefault(
        "DJANGO_SETTINGS_MODULE",
        "warta.settings.dev" if command == "demo" else "warta.settings.production",
    )
    if command == "demo":
        # The demo runs like production (hashed static files, real error pages).
        os.environ.setdefault("WARTA_DEBUG", "0")
        return demo(argv[1:])
    if command == "serve":
        return serve(argv[1:])
    if command == "worker":
        return worker(argv[1:])
    # Commands may be written with hyphens: `warta import-wordpress` is `import_wordpress`.
    if argv and "-" in argv[0] and not argv[0].startswith("-"):
        argv[0] = argv[0].replace("-", "_")
    return run_management_command(["warta", *argv])


def setup_django() -> int:
    from warta.settings.env import SettingError

    try:
        import django

        django.setup()
    except SettingError as error:
        print(f"warta: configuration error: {error}", file=sys.stderr)
        return 1
    return 0


def run_management_command(argv: list[str]) -> int:
    if setup_django():
        return 1
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)
    return 0


def print_help() -> int:
    from django.core.management import get_commands, load_command_class

    print("usage: warta <command> [options]\n\nWarta commands:")
    for name, summary in WARTA_COMMANDS.items():
        print(f"  {name:<28} {summary}")
    print("\nManagement commands (warta help <command> for options):")
    for name, app in sorted(get_commands().items()):
        try:
            summary = (load_command_class(app, name).help or "").strip().splitlines()[0]
        except Exception:  # a command that cannot load still gets listed
            summary = ""
        print(f"  {name:<28} {summary}")
    return 0


def demo(args: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="warta demo", description=WARTA_COMMANDS["demo"])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--no-serve", action="store_true", help="Set up, but do not serve.")
    options = parser.parse_args(args)
    if not 0 < options.port < 65536:
        parser.error(f"--port must be from 1 to 65535, not {options.port}")
    # Before minutes of setting up: the port must be free to serve the demo at the end.
    if not options.no_serve and (problem := address_problem(options.host, options.port)):
        print(f"warta demo: {options.host}:{options.port} {problem}", file=sys.stderr)
        return 1

    if setup_django():
        return 1
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    if not settings.DEBUG:
        call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_demo")

    # A fresh password on every run: the demo never keeps a known default.
    password = secrets.token_urlsafe(12)
    user, _created = get_user_model().objects.get_or_create(
        username=DEMO_ADMIN_USERNAME, defaults={"email": "admin@example.com"}
    )
    user.is_staff = user.is_superuser = True
    user.set_password(password)
    user.save()

    base = f"http://{options.host}:{options.port}"
    print(f"\nWarta demo: {base}/")
    print(f"Admin:      {base}/admin/  (user {DEMO_ADMIN_USERNAME!r}, password {password!r})")
    from warta.demo.newsroom import demo_staff

    for username, role, staff_password in demo_staff():
        print(f"{role + ':':<18}  user {username!r}, password {staff_password!r}")
    if options.no_serve:
        return 0
    return serve(["--bind", f"{options.host}:{options.port}", "--workers", "2"])


def serve(args: list[str]) -> int:
    """Serve Warta with granian until SIGTERM or SIGINT; see docs/performance.md for why granian."""
    import argparse

    parser = argparse.ArgumentParser(prog="warta serve", description=WARTA_COMMANDS["serve"])
    parser.add_argument("--bind", default=os.environ.get("WARTA_BIND", "127.0.0.1:8000"))
    parser.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("WARTA_WORKERS", "0")) or default_workers(),
        help="worker processes (default: one per core)",
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=int(os.environ.get("WARTA_THREADS", "0")) or 2,
        help="threads per worker running Django, each with its own database connection",
    )
    parser.add_argument(
        "--access-log",
        action="store_true",
        help="one line per request on stdout, as WARTA_ACCESS_LOG=1 (docs/configuration.md)",
    )
    options = parser.parse_args(args)
    host, _, port = options.bind.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        parser.error(f"--bind must be HOST:PORT with a port from 1 to 65535, not {options.bind!r}")
    if problem := address_problem(host.strip("[]"), int(port)):
        print(f"warta serve: {options.bind} {problem}", file=sys.stderr)
        return 1
    if options.access_log:
        os.environ["WARTA_ACCESS_LOG"] = "1"  # read by the settings, here and in the workers
    if setup_django():
        return 1
    from django.conf import settings
    from django.core import checks

    for message in checks.run_checks():
        if message.is_serious():
            print(f"warta: {message}", file=sys.stderr)
            return 1

    from granian import Granian
    from granian.constants import Interfaces

    server = Granian(
        "warta.wsgi:application",
        address=host.strip("[]"),
        port=int(port),
        interface=Interfaces.WSGI,
        workers=options.workers,
        blocking_threads=options.threads,
        backpressure=CONNECTIONS_PER_WORKER,
        log_access=False,  # written by warta.core.requestlog, with the request id
        respawn_failed_workers=True,
        workers_kill_timeout=WORKERS_STOP_TIMEOUT,
    )
    # Views accepted by workers wait in the shared counter store (SQLite file or Redis)
    # until a flush; the main process persists them before the workers start (what a
    # stopped server left) and after the last worker has stopped (SIGTERM).
    server.on_startup(persist_pending_views)
    server.on_shutdown(persist_pending_views)
    # Scheduled publication: the task worker runs beside the server (docs/architecture.md).
    server.on_startup(queue_missing_changes)
    if settings.WARTA_WORKER:
        from warta.core.taskworker import SupervisedWorker

        task_worker = SupervisedWorker([sys.executable, "-m", "warta", "worker"])
        server.on_startup(task_worker.start)
        server.on_shutdown(task_worker.stop)
    sys.stdout.flush()
    server.serve()
    return 0


def address_problem(host: str, port: int) -> str | None:
    """Why serving on host:port would fail or share the port, or None if it is free.

    granian binds with SO_REUSEPORT, so a second server on a port already served would
    start and silently take half of its connections. Binding here first, without
    SO_REUSEPORT, finds a port someone listens on; SO_REUSEADDR lets a port whose last
    connections are still closing (TIME_WAIT, after a restart) count as free, as it does
    for granian."""
    try:
        family, kind, proto, _name, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except (OSError, UnicodeError) as error:
        return f"cannot be resolved: {error}"
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return "is already in use: another server listens on it (stop it or choose another)"
            return f"cannot be served: {error.strerror or error}"
    return None


def queue_missing_changes() -> None:
    from django.db import connections

    from warta.integrity.tasks import queue_missing as queue_nightly_scan
    from warta.news.tasks import queue_missing
    from warta.operations.tasks import queue_missing as queue_daily_backup

    try:
        if queued := queue_missing():
            print(f"warta: queued {queued} scheduled changes", file=sys.stderr)
        queue_nightly_scan()  # the integrity guard's scan, unless one waits already
        queue_daily_backup()  # when WARTA_BACKUP_DIR is set, unless one waits already
    finally:
        connections.close_all()  # no connection may cross into the forked workers


def worker(args: list[str]) -> int:
    """django-tasks-db's worker on Warta's queue, polling every WARTA_WORKER_INTERVAL seconds."""
    import argparse

    parser = argparse.ArgumentParser(prog="warta worker", description=WARTA_COMMANDS["worker"])
    parser.parse_args(args)
    if setup_django():
        return 1
    from django.conf import settings

    from warta.core.health import heartbeat
    from warta.core.taskworker import end_with_parent

    end_with_parent()
    heartbeat.ensure_started()  # this machine's sign of life for /readyz
    return run_management_command(
        [
            "warta",
            "db_worker",
            "--backend",
            settings.WARTA_TASKS_BACKEND,
            "--queue-name",
            "*",
            "--interval",
            str(settings.WARTA_WORKER_INTERVAL),
            "--no-reload",
        ]
    )


def persist_pending_views() -> None:
    from django.db import connections

    from warta.engagement.counters import flush_views

    try:
        persisted = flush_views()
        if persisted:
            print(f"warta: persisted {persisted} pending views", file=sys.stderr)
    finally:
        connections.close_all()  # no connection may cross into the forked workers


def default_workers() -> int:
    """One worker per core: granian serves connections outside Python, so more would only
    contend for the cores; threads cover the waits on the database."""
    return os.cpu_count() or 1
