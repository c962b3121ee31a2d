"""The environment of a `warta` process a test starts, as an operator would run it."""

import os
import secrets
from pathlib import Path


def production_environment(var_dir: Path, database_url: str, **variables: str) -> dict[str, str]:
    """This process's environment without Warta's, Django's, Redis's and the database's
    variables, then production settings with a new secret key, their own `var/` folder and
    database, quiet logs, and `variables`."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("WARTA_", "DJANGO_", "REDIS_", "DATABASE_"))
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="warta.settings.production",
        WARTA_SECRET_KEY=secrets.token_urlsafe(60),
        WARTA_VAR_DIR=str(var_dir),
        WARTA_LOG_LEVEL="WARNING",
        DATABASE_URL=database_url,
        **variables,
    )
    return environment
