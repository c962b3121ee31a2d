"""Error pages in the reader's language, and uploads served by the app on small sites."""

import sys

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import (
    Http404,
    HttpResponseNotFound,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
)
from django.template import loader
from django.views import static
from django.views.decorators.csrf import requires_csrf_token

from . import unavailable
from .requestlog import ENVIRON_KEY as REQUEST_ID
from .storage import local_folder

# The longest file name a file system holds (ext4, XFS, btrfs), in bytes.
MAX_NAME_BYTES = 255
# Seconds browsers keep the 301 from /media/ to the media bucket: a day, not for ever,
# so a bucket's new public address is followed soon.
UPLOAD_REDIRECT_MAX_AGE = 86_400


@requires_csrf_token
def page_not_found(request, exception=None):
    template = loader.get_template("404.html")
    return HttpResponseNotFound(template.render({"request_path": request.path}, request))


@requires_csrf_token
def server_error(request):
    # Called inside Django's except: a database or Redis that cannot answer is a 503.
    if (response := unavailable.response_for(request, sys.exception())) is not None:
        return response
    # No context processors: whatever broke the page may break them too.
    page = loader.get_template("500.html").render({"request_id": request.META.get(REQUEST_ID)})
    return HttpResponseServerError(page)


def serve_upload(request, path: str):
    """An upload from MEDIA_ROOT (deploy/nginx.conf serves them without the app). A name
    no file system holds is not found, rather than the OSError looking it up raises.
    With the uploads in a bucket, a 301 to the file's public address: links printed while
    they were on disk lead there."""
    if any(len(name.encode()) > MAX_NAME_BYTES for name in path.split("/")):
        raise Http404("No such file.")
    if local_folder(default_storage) is None:
        response = HttpResponsePermanentRedirect(default_storage.url(path))
        response["Cache-Control"] = f"public, max-age={UPLOAD_REDIRECT_MAX_AGE}"
        return response
    return static.serve(request, path, document_root=settings.MEDIA_ROOT)
