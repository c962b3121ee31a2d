#!/usr/bin/env python
"""Django's command-line utility, with the development settings by default."""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warta.settings.dev")
    from warta.cli import run_management_command

    sys.exit(run_management_command(sys.argv))
