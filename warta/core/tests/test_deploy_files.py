"""deploy/'s systemd units, environment file and `warta` command for operators: valid,
consistent with each other and with what Warta reads, so that docs/deploy.md works."""

import configparser
import getpass
import os
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from warta import cli
from warta.core.taskworker import STOP_TIMEOUT

ROOT = Path(__file__).resolve().parents[3]
DEPLOY = ROOT / "deploy"
UNITS = ["warta.service", "warta-worker.service"]
INSTALLED_COMMAND = "/srv/warta/current/.venv/bin/warta"
# One NAME=value a line that systemd's EnvironmentFile and sh's `.` read alike.
SHARED_LINE = re.compile(r'^([A-Z][A-Z0-9_]*)=("[^"$`\\]*"|[^\s"\'$`\\#]*)$')
# A variable set, or shown commented out.
VARIABLE_LINE = re.compile(r"^#? ?([A-Z][A-Z0-9_]*)=", re.MULTILINE)


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # systemd's keys are case-sensitive
    parser.read_string((DEPLOY / name).read_text())
    return parser


def example_values() -> dict[str, str]:
    """The variables deploy/warta.env.example sets, quotes removed as systemd removes them."""
    values = {}
    for line in (DEPLOY / "warta.env.example").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            values[name] = value.removeprefix('"').removesuffix('"')
    return values


def variables_warta_reads() -> set[str]:
    sources = [*(ROOT / "warta" / "settings").glob("*.py"), ROOT / "warta" / "cli.py"]
    names = set()
    for source in sources:
        names |= set(re.findall(r'"((?:WARTA|DATABASE|REDIS)_[A-Z0-9_]+)"', source.read_text()))
    return names


@pytest.mark.parametrize("name", UNITS)
def test_the_units_pass_systemd_analyze_verify(tmp_path, name):
    """systemd's own check finds no unknown key, bad value or missing command (the
    installed `warta` stands in for the one under /srv/warta)."""
    analyze = shutil.which("systemd-analyze")
    if not analyze:
        pytest.skip("systemd-analyze is not installed (apt-get install systemd)")
    warta = Path(sys.executable).parent / "warta"
    text = (DEPLOY / name).read_text()
    assert INSTALLED_COMMAND in text
    (tmp_path / name).write_text(text.replace(INSTALLED_COMMAND, str(warta)))
    result = subprocess.run(  # noqa: S603 - systemd's checker on our own unit
        [analyze, "verify", "--man=no", name],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.parametrize(("name", "command"), [(UNITS[0], "serve"), (UNITS[1], "worker")])
def test_the_units_run_the_installed_release_as_the_warta_user(name, command):
    """The release `current` points at, as the warta user, with the environment file."""
    service = unit(name)["Service"]
    assert service["ExecStart"] == f"{INSTALLED_COMMAND} {command}"
    assert command in cli.WARTA_COMMANDS
    assert (service["User"], service["EnvironmentFile"]) == ("warta", "/etc/warta/warta.env")


def test_stopping_gives_the_servers_workers_and_the_task_worker_their_time():
    """SIGTERM to `warta serve` alone (it stops its workers, then the task worker); the
    service manager waits for both grace periods before it kills anything."""
    service = unit("warta.service")["Service"]
    assert (service["KillSignal"], service["KillMode"]) == ("SIGTERM", "mixed")
    assert int(service["TimeoutStopSec"]) > cli.WORKERS_STOP_TIMEOUT + STOP_TIMEOUT
    worker = unit("warta-worker.service")["Service"]
    assert worker["KillSignal"] == "SIGTERM"
    assert int(worker["TimeoutStopSec"]) > STOP_TIMEOUT


@pytest.mark.parametrize("name", UNITS)
def test_the_service_may_write_where_the_example_keeps_files(name):
    """Everything else is read-only to Warta: its var/ folder and the backups' folder are
    the example's, and nginx serves static files and uploads from that var/."""
    service = unit(name)["Service"]
    assert service["ProtectSystem"] == "strict"
    writable = {path.lstrip("-") for path in service["ReadWritePaths"].split()}
    values = example_values()
    assert writable == {values["WARTA_VAR_DIR"], values["WARTA_BACKUP_DIR"]}
    nginx = (DEPLOY / "nginx.conf").read_text()
    for folder in ("static", "media"):
        assert f"alias {values['WARTA_VAR_DIR']}/{folder}/;" in nginx


def test_every_variable_of_the_example_is_one_warta_reads_and_documents():
    """Set or shown commented out, each name is read by the settings or `warta serve` and
    has its line in docs/configuration.md: the example cannot drift from either."""
    text = (DEPLOY / "warta.env.example").read_text()
    named = set(VARIABLE_LINE.findall(text))
    assert {"WARTA_SECRET_KEY", "DATABASE_URL", "WARTA_DATABASE_REPLICA_URL"} <= named
    assert named <= variables_warta_reads()
    documented = (ROOT / "docs" / "configuration.md").read_text()
    assert [name for name in sorted(named) if f"`{name}`" not in documented] == []


def test_the_example_reads_the_same_in_systemd_and_sh():
    """Plain values, or double quotes around one with spaces: nothing that the two
    readers would take differently. Secrets are left blank."""
    values = example_values()
    for line in (DEPLOY / "warta.env.example").read_text().splitlines():
        if line and not line.startswith("#"):
            assert SHARED_LINE.match(line), line
    assert values["WARTA_SECRET_KEY"] == values["WARTA_SMTP_PASSWORD"] == ""


@pytest.fixture
def operators_command(tmp_path):
    """deploy/warta-command set up as on a server, with the example filled in, for the
    user running the tests: a function running it with arguments."""
    values = example_values() | {
        "WARTA_SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'warta.sqlite3'}",
        "REDIS_URL": "",
        "WARTA_HOME": str(tmp_path),
        "WARTA_VAR_DIR": str(tmp_path / "var"),
        "WARTA_BACKUP_DIR": str(tmp_path / "backups"),
    }
    environment_file = tmp_path / "warta.env"
    environment_file.write_text("".join(f'{name}="{value}"\n' for name, value in values.items()))
    release = tmp_path / "release"
    release.mkdir()
    (release / ".venv").symlink_to(Path(sys.executable).parent.parent)

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(  # noqa: S603 - our own script
            [DEPLOY / "warta-command", *args],
            env={
                **os.environ,
                "WARTA_SERVICE_USER": getpass.getuser(),
                "WARTA_ENV_FILE": str(environment_file),
                "WARTA_RELEASE": str(release),
                # The caller's own settings do not reach the command.
                "DJANGO_SETTINGS_MODULE": "warta.settings.dev",
                "WARTA_DEBUG": "1",
            },
            capture_output=True,
            text=True,
            timeout=120,
        )

    return run


def test_the_operators_warta_command_runs_with_the_services_environment(operators_command):
    """deploy/warta-command runs the release's `warta` with the environment file alone
    (nothing of the caller's), in WARTA_HOME: the example, filled in, passes
    `warta check --deploy`."""
    result = operators_command("check", "--deploy")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr


def test_a_variable_before_the_command_applies_to_that_run(operators_command):
    """`warta WARTA_DB_STATEMENT_TIMEOUT=0 migrate` and the like: the variable reaches the
    command (a malformed one is refused, naming it)."""
    result = operators_command("WARTA_HSTS_SECONDS=a-year", "check")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "warta: configuration error: WARTA_HSTS_SECONDS: expected a number, got 'a-year'"
    ]
