"""The `warta` command: set up a demo, serve the site, and run any management command.

A thin layer over Django's management commands. It picks the settings for the
job (development for `demo`, production for the rest unless DJANGO_SETTINGS_MODULE
says otherwise) and turns a bad setting into one line naming the variable.
"""

import os
import secrets
import shutil
import sys

WARTA_COMMANDS = {
    "demo": "Set up the demo site (migrate, demo content, admin account) and serve it.",
    "serve": "Run the production app server (gunicorn) on --bind, default 127.0.0.1:8000.",
}
DEMO_ADMIN_USERNAME = "admin"


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
    if options.no_serve:
        return 0
    return serve(["--bind", f"{options.host}:{options.port}", "--workers", "2"])


def serve(args: list[str]) -> int:
    """Replace this process with gunicorn serving Warta; unknown options go to gunicorn."""
    import argparse

    parser = argparse.ArgumentParser(prog="warta serve", description=WARTA_COMMANDS["serve"])
    parser.add_argument("--bind", default=os.environ.get("WARTA_BIND", "127.0.0.1:8000"))
    parser.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("WARTA_WORKERS", "0")) or default_workers(),
    )
    options, gunicorn_args = parser.parse_known_args(args)
    if setup_django():
        return 1
    from django.core import checks

    for message in checks.run_checks():
        if message.is_serious():
            print(f"warta: {message}", file=sys.stderr)
            return 1
    gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable)) or "gunicorn"
    command = [
        gunicorn,
        "warta.wsgi:application",
        "--bind",
        options.bind,
        "--workers",
        str(options.workers),
        "--access-logfile",
        "-",
        "--graceful-timeout",
        "20",
        # Persist pending view counts every few seconds and when a worker stops.
        "--config",
        "python:warta.engagement.server_hooks",
        *gunicorn_args,
    ]
    sys.stdout.flush()
    os.execv(gunicorn, command)  # noqa: S606 - fixed program, arguments from the operator
    return 0


def default_workers() -> int:
    """Two workers per core plus one, capped for small memory budgets."""
    return min((os.cpu_count() or 1) * 2 + 1, 9)
