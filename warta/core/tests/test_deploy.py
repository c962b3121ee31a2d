"""The documented production setup passes `warta check --deploy`; proxy settings are checked."""

import re
import secrets
import shlex
from pathlib import Path

import pytest

from .test_settings import run_warta

ROOT = Path(__file__).resolve().parents[3]


def documented_environment() -> dict[str, str]:
    """The variables README's "Running it for real" exports, placeholders made real."""
    block = (ROOT / "README.md").read_text().split("## Running it for real", 1)[1]
    block = block.split("```sh", 1)[1].split("```", 1)[0]
    variables = {}
    for line in block.splitlines():
        if line.startswith("export "):
            for word in shlex.split(line.removeprefix("export ")):
                name, _, value = word.partition("=")
                variables[name] = value
    assert {"WARTA_SECRET_KEY", "WARTA_ALLOWED_HOSTS", "DATABASE_URL"} <= variables.keys()
    return variables


@pytest.fixture
def production(tmp_path) -> dict[str, str]:
    environment = documented_environment()
    environment.update(
        DJANGO_SETTINGS_MODULE="warta.settings.production",
        WARTA_SECRET_KEY=secrets.token_urlsafe(50),
        # The documented PostgreSQL is not needed for the settings' checks.
        DATABASE_URL=f"sqlite:///{tmp_path / 'warta.sqlite3'}",
        WARTA_VAR_DIR=str(tmp_path),
    )
    return environment


def test_the_documented_production_setup_passes_the_deploy_checks(production):
    """README's production settings give `warta check --deploy` nothing to report."""
    result = run_warta("check", "--deploy", **production)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr
    assert "WARNING" not in result.stderr + result.stdout


def test_production_without_named_proxies_is_pointed_out(production):
    """Left empty, WARTA_TRUSTED_PROXIES gets a deploy warning naming the value to set."""
    del production["WARTA_TRUSTED_PROXIES"]
    result = run_warta("check", "--deploy", **production)
    assert "warta.W030" in result.stderr
    assert "WARTA_TRUSTED_PROXIES=127.0.0.1,::1" in result.stderr


@pytest.mark.parametrize(
    ("variable", "value", "names"),
    [
        ("WARTA_TRUSTED_PROXIES", "127.0.0.1,nginx", "WARTA_TRUSTED_PROXIES"),
        ("WARTA_TRUSTED_PROXIES", "10.0.0.0/33", "WARTA_TRUSTED_PROXIES"),
        ("WARTA_ENGAGEMENT_TRUSTED_PROXIES", "1", "WARTA_TRUSTED_PROXIES"),
        ("WARTA_USE_X_FORWARDED_HOST", "1", "WARTA_ALLOWED_HOSTS"),
        ("WARTA_HSTS_SECONDS", "a year", "WARTA_HSTS_SECONDS"),
        ("WARTA_NGINX_PURGE_URLS", "127.0.0.1:8081", "http://127.0.0.1:8081"),
        ("WARTA_NGINX_PURGE_URLS", "http://127.0.0.1:8081/purge", "scheme, host and port"),
    ],
)
def test_a_bad_or_retired_proxy_setting_stops_start_up(production, variable, value, names):
    """A malformed proxy list, or a variable Warta no longer reads, stops start-up with one
    line naming it and what to set instead."""
    result = run_warta("check", **{**production, variable: value})
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert re.search(rf"\b{variable}\b", lines[0]) and names in lines[0]


def test_retired_variables_left_at_their_old_default_are_harmless(production):
    """`WARTA_ENGAGEMENT_TRUSTED_PROXIES=0` trusted no one, as the default does now."""
    result = run_warta(
        "check", **production, WARTA_ENGAGEMENT_TRUSTED_PROXIES="0", WARTA_USE_X_FORWARDED_HOST="0"
    )
    assert result.returncode == 0, result.stderr
