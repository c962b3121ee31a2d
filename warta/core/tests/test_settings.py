"""Start-up with bad settings: one line naming the variable, exit status 1, no traceback."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def run_warta(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("WARTA_", "DJANGO_"))}
    environment.pop("DATABASE_URL", None)
    environment.update(env)
    return subprocess.run(  # noqa: S603 - our own command
        [sys.executable, "-m", "warta", *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DATABASE_URL", "nonsense://nowhere"),
        ("DATABASE_URL", "postgres://"),
        ("WARTA_TIME_ZONE", "Mars/Olympus_Mons"),
        ("WARTA_LANGUAGE", "fr"),
        ("WARTA_DEBUG", "perhaps"),
        ("REDIS_URL", "localhost:6379"),
    ],
)
def test_bad_setting_stops_with_one_line_naming_it(variable, value):
    """A malformed setting exits 1 with a one-line message naming the variable."""
    result = run_warta("check", **{variable: value, "DJANGO_SETTINGS_MODULE": "warta.settings.dev"})
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert variable in lines[0]
    assert "Traceback" not in result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    """Production names WARTA_SECRET_KEY when it is missing."""
    result = run_warta("check")
    assert result.returncode == 1
    assert "WARTA_SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_refuses_a_weak_secret_key():
    """A short or placeholder key is not accepted in production."""
    result = run_warta("check", WARTA_SECRET_KEY="django-insecure-changeme")
    assert result.returncode == 1
    assert "WARTA_SECRET_KEY" in result.stderr


def test_production_refuses_debug():
    """Production names WARTA_DEBUG when debug is switched on."""
    result = run_warta("check", WARTA_DEBUG="1", WARTA_SECRET_KEY="k" * 20 + "abcdefghij" * 4)
    assert result.returncode == 1
    assert "WARTA_DEBUG" in result.stderr


def test_production_starts_with_a_real_key(tmp_path):
    """With a long random key and debug off, production passes Django's checks."""
    result = run_warta(
        "check",
        WARTA_SECRET_KEY="0123456789abcdefghijKLMNOPQRSTuvwxyz!@#$%^&*()_+=-ABCDE",
        WARTA_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr


def test_help_lists_commands_with_one_line_each():
    """`warta --help` names the Warta commands and the management commands behind them."""
    result = run_warta("--help")
    assert result.returncode == 0
    for command in ("demo", "serve", "migrate", "load_demo", "createsuperuser"):
        assert any(line.split()[:1] == [command] for line in result.stdout.splitlines()), command


def test_static_urls_are_worked_out_once_per_name(tmp_path, settings):
    """The manifest storage remembers each hashed URL, and gives the same one each time."""
    from django.contrib.staticfiles.storage import ManifestStaticFilesStorage

    from warta.core.storage import StaticFilesStorage

    (tmp_path / "staticfiles.json").write_text(
        '{"version": "1.1", "paths": {"css/a.css": "css/a.0123abcd.css"}, "hash": "x"}'
    )
    settings.DEBUG = False
    storage = StaticFilesStorage(location=tmp_path, base_url="/static/")
    assert storage.url("css/a.css") == "/static/css/a.0123abcd.css"
    storage.hashed_files["css/a.css"] = "css/a.fedcba98.css"  # not read again
    assert storage.url("css/a.css") == "/static/css/a.0123abcd.css"
    assert (
        ManifestStaticFilesStorage(location=tmp_path, base_url="/static/").url("css/a.css")
        == "/static/css/a.0123abcd.css"
    )
    with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
        storage.url("css/missing.css")


def test_postgresql_plans_reader_queries_once_per_connection(tmp_path, monkeypatch):
    """Server-side parameters and prepared statements, and no JIT; SQLite in WAL mode."""
    from warta.settings.env import get_database

    monkeypatch.setenv("WARTA_TEST_DATABASE", "postgres://postgres@127.0.0.1:5432/warta")
    config = get_database("WARTA_TEST_DATABASE", tmp_path / "unused.sqlite3")
    options = config["OPTIONS"]
    assert options["server_side_binding"] is True and options["prepare_threshold"] == 5
    assert "-c jit=off" in options["options"]
    sqlite = get_database("WARTA_TEST_UNSET_DATABASE", tmp_path / "warta.sqlite3")
    assert "journal_mode=WAL" in sqlite["OPTIONS"]["init_command"]
    assert "server_side_binding" not in sqlite["OPTIONS"]


def test_upload_urls_are_worked_out_once_and_follow_media_url(tmp_path, settings):
    from warta.core.storage import MediaStorage

    storage = MediaStorage(location=tmp_path)
    settings.MEDIA_URL = "/media/"
    assert storage.url("images/foto kota.jpg") == "/media/images/foto%20kota.jpg"
    storage.urls["images/foto kota.jpg"] += "?kept"  # a second call reads what was kept
    assert storage.url("images/foto kota.jpg").endswith("?kept")
    settings.MEDIA_URL = "https://media.contoh.id/"
    assert storage.url("images/foto kota.jpg") == ("https://media.contoh.id/images/foto%20kota.jpg")
