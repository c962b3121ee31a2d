"""WSGI entry point for app servers (`warta serve` runs gunicorn with it)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warta.settings.production")

application = get_wsgi_application()
