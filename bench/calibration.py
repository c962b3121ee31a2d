"""Calibration apps for bench/pages.py: how fast plain Python serves on this machine.

`bare` is a WSGI app that returns the article's HTML; `django_view` is a Django project of
one view (no middleware, no database) that renders the same HTML through a template. Both
run under granian as Warta does, so their ratios to nginx in the same run show where
Python's floor lies on the machine: a fresh render is measured against nginx, but it can
only be as fast as Python allows.

The HTML comes from the file named by WARTA_CALIBRATION_HTML.
"""

import os
from pathlib import Path

HTML = Path(os.environ["WARTA_CALIBRATION_HTML"]).read_bytes()


def bare(environ, start_response):
    start_response(
        "200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(HTML)))]
    )
    return [HTML]


def _django_view():
    import django
    from django.conf import settings

    settings.configure(
        DEBUG=False,
        SECRET_KEY="calibration-only-" + "x" * 40,
        ALLOWED_HOSTS=["127.0.0.1"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
        TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates"}],
    )
    django.setup()
    from django.core.wsgi import get_wsgi_application
    from django.http import HttpResponse
    from django.template import engines
    from django.urls import path
    from django.utils.safestring import mark_safe

    template = engines["django"].from_string("<!-- {{ title }} -->{{ page }}")
    page = mark_safe(HTML.decode())  # noqa: S308 - the benchmark's own page

    def view(request):
        return HttpResponse(template.render({"title": "Warta", "page": page}, request))

    globals()["urlpatterns"] = [path("", view)]
    return get_wsgi_application()


django_view = _django_view()
