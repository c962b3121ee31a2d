"""Request ids, error answers and the access log: the outermost WSGI layer and its log filters.

Every request gets an id: in the environ (`request.META["warta.request_id"]` in Django), in
the `X-Request-Id` response header, in every log line written while it is handled, and on
the error page. When a layer behind this one raises, or answers a 5xx with an empty body,
the reader gets a short plain-text answer naming the id, and the log gets one line with
the id and the traceback. With WARTA_ACCESS_LOG on, one line per request goes to standard
output in the format docs/configuration.md describes (combined log format, then the
request id and the milliseconds the app took).
"""

import logging
import os
import re
import sys
import time
from contextvars import ContextVar
from http import HTTPStatus

from django.utils import translation
from django.utils.translation import gettext_lazy as _

ENVIRON_KEY = "warta.request_id"
HEADER = "X-Request-Id"

logger = logging.getLogger(__name__)
access_logger = logging.getLogger("warta.access")

SERVER_ERROR = _("Something went wrong on our side. Please try again in a moment.")
UNAVAILABLE = _("The site is briefly unavailable. Please try again in a moment.")
REQUEST_ID = _("Request id: %(id)s")

# Headers of an inner layer's empty 5xx that describe a body it did not send.
BODY_HEADERS = frozenset({"content-length", "content-type", "content-encoding", "etag"})

_current: ContextVar[str | None] = ContextVar("warta_request_id", default=None)


def new_request_id() -> str:
    """16 hex digits: unique enough to find one request in a day's logs."""
    return os.urandom(8).hex()


def current_request_id() -> str | None:
    """The id of the request this thread is handling, if any."""
    return _current.get()


class RequestLogApp:
    """The outermost WSGI layer: a request id for each request, a body for every error."""

    def __init__(self, app, *, access_log: bool = False):
        self.app = app
        self.access_log = access_log

    def __call__(self, environ, start_response):
        request_id = environ[ENVIRON_KEY] = new_request_id()
        started = time.perf_counter()
        response = _Response(start_response, request_id)
        token = _current.set(request_id)
        try:
            try:
                body = self.app(environ, response.start)
                if response.held is not None:
                    body = response.settle(environ, body)
            except Exception:
                body = response.fail(environ)
        finally:
            _current.reset(token)
        if type(body) is list:  # granian answers a list in one write: keep it a list
            if self.access_log:
                write_access_line(environ, response, sum(map(len, body)), started)
            return body
        return _Body(body, environ, response, started if self.access_log else None)


class _Response:
    """start_response for the layers inside: adds the id; holds a 5xx back until its body
    is known to be there."""

    __slots__ = ("start_response", "request_id", "status", "held", "written")

    def __init__(self, start_response, request_id: str):
        self.start_response = start_response
        self.request_id = request_id
        self.status = ""
        self.held = None
        self.written: list[bytes] = []

    def start(self, status: str, headers: list, exc_info=None):
        self.status = status
        if status.startswith("5"):
            self.held = (status, headers, exc_info)
            return self.written.append
        self.held = None
        # A new list: the layers inside may pass one they share between responses.
        return self.start_response(status, [*headers, (HEADER, self.request_id)], exc_info)

    def settle(self, environ, body) -> list[bytes]:
        """Send a held 5xx on with its body, or a body of ours if it came without one."""
        status, headers, exc_info = self.held
        try:
            content = b"".join([*self.written, *body])
        finally:
            if hasattr(body, "close"):
                body.close()
        if content or environ.get("REQUEST_METHOD") == "HEAD":
            self.start_response(status, [*headers, (HEADER, self.request_id)], exc_info)
            return [content]
        logger.error(
            "%s %s answered %s with an empty body [request %s]",
            environ.get("REQUEST_METHOD"),
            _printable(environ.get("PATH_INFO", ""), 300),
            status,
            self.request_id,
            extra={"request_id": self.request_id},
        )
        kept = [(name, value) for name, value in headers if name.lower() not in BODY_HEADERS]
        return self.answer(environ, status, kept)

    def fail(self, environ) -> list[bytes]:
        """A layer raised: log it once with the traceback, answer 500 with a body."""
        logger.error(
            "%s %s raised an error [request %s]",
            environ.get("REQUEST_METHOD"),
            _printable(environ.get("PATH_INFO", ""), 300),
            self.request_id,
            exc_info=True,
            extra={"request_id": self.request_id},
        )
        status = "500 Internal Server Error"
        return self.answer(environ, status, [("Cache-Control", "no-store")], sys.exc_info())

    def answer(self, environ, status: str, headers: list, exc_info=None) -> list[bytes]:
        self.status, self.held = status, None
        content = error_text(int(status[:3]), self.request_id).encode()
        self.start_response(
            status,
            [
                *headers,
                ("Content-Type", "text/plain; charset=utf-8"),
                ("Content-Length", str(len(content))),
                (HEADER, self.request_id),
            ],
            exc_info,
        )
        return [b""] if environ.get("REQUEST_METHOD") == "HEAD" else [content]


class _Body:
    """A streamed body: an error while it is sent is logged with the request id (the
    status is already out, so the body ends there); with the access log on, its line is
    written when the server closes the body."""

    __slots__ = ("body", "iterator", "environ", "response", "started", "sent")

    def __init__(self, body, environ, response: _Response, started: float | None):
        self.body = body
        self.iterator = None
        self.environ = environ
        self.response = response
        self.started = started
        self.sent = 0

    def __iter__(self):
        self.iterator = iter(self.body)
        return self

    def __next__(self) -> bytes:
        try:
            chunk = next(self.iterator)
        except StopIteration:
            raise
        except Exception:
            logger.error(
                "%s %s raised an error while its body was sent [request %s]",
                self.environ.get("REQUEST_METHOD"),
                _printable(self.environ.get("PATH_INFO", ""), 300),
                self.response.request_id,
                exc_info=True,
                extra={"request_id": self.response.request_id},
            )
            raise StopIteration from None
        self.sent += len(chunk)
        return chunk

    def close(self) -> None:
        try:
            if hasattr(self.body, "close"):
                self.body.close()
        finally:
            if self.started is not None:
                write_access_line(self.environ, self.response, self.sent, self.started)


def error_text(status: int, request_id: str) -> str:
    """The plain answer to a server error: Indonesian, then English, naming the request."""
    message = UNAVAILABLE if status == HTTPStatus.SERVICE_UNAVAILABLE else SERVER_ERROR
    lines = [*_in_both_languages(message), *_in_both_languages(REQUEST_ID, request_id)]
    return "\n".join(lines) + "\n"


def _in_both_languages(text, request_id: str | None = None) -> list[str]:
    """`text` in Indonesian and in English; once if it is not translated yet."""
    lines: list[str] = []
    for language in ("id", "en"):
        with translation.override(language):
            line = str(text) if request_id is None else str(text) % {"id": request_id}
        if line not in lines:
            lines.append(line)
    return lines


# The access log --------------------------------------------------------------------------

# Control characters, quotes, backslashes and anything beyond ASCII as \xHH, as nginx
# writes them: a client cannot start a line of its own or break a quoted field.
_ESCAPES = {code: f"\\x{code:02X}" for code in (*range(0x20), 0x22, 0x5C, *range(0x7F, 0x100))}
_UNSAFE = re.compile(r'[\x00-\x1f"\\\x7f-\U0010ffff]')
_clock: tuple[int, str] = (-1, "")  # the last second formatted, swapped whole


def _printable(value: str, limit: int = 2000) -> str:
    """A client-sent value fit for one log line: escaped, and cut at `limit` characters.
    WSGI hands headers over as Latin-1 decoded bytes, so each is one character here."""
    if len(value) <= limit and _UNSAFE.search(value) is None:
        return value  # the usual case, several times faster than translating
    text = value[:limit].translate(_ESCAPES)
    return text + "..." if len(value) > limit else text


def _log_time(now: float) -> str:
    global _clock
    second, text = _clock
    if int(now) != second:  # one strftime per second, not per request
        second = int(now)
        text = time.strftime("%d/%b/%Y:%H:%M:%S %z", time.localtime(second))
        _clock = (second, text)
    return text


def access_line(environ, status: str, sent: int, request_id: str, milliseconds: float) -> str:
    """`address - - [time] "METHOD path?query PROTOCOL" status bytes "referer" "user agent"
    request-id milliseconds`, fields escaped and `-` for a missing one."""
    query = environ.get("QUERY_STRING")
    target = environ.get("PATH_INFO", "") + ("?" + query if query else "")
    return (
        f"{environ.get('REMOTE_ADDR') or '-'} - - [{_log_time(time.time())}] "
        f'"{_printable(environ.get("REQUEST_METHOD", "-"), 20)} {_printable(target)} '
        f'{_printable(environ.get("SERVER_PROTOCOL", "-"), 20)}" '
        f"{status[:3] or '-'} {sent} "
        f'"{_printable(environ.get("HTTP_REFERER", "-"), 1000)}" '
        f'"{_printable(environ.get("HTTP_USER_AGENT", "-"), 1000)}" '
        f"{request_id} {milliseconds:.3f}"
    )


def write_access_line(environ, response: _Response, sent: int, started: float) -> None:
    if environ.get("REQUEST_METHOD") == "HEAD":
        sent = 0
    milliseconds = (time.perf_counter() - started) * 1000
    access_logger.info(
        access_line(environ, response.status, sent, response.request_id, milliseconds)
    )


# Log filters (LOGGING in warta/settings/base.py) ----------------------------------------


class RequestIdFilter(logging.Filter):
    """Ends each line logged while a request is handled with `[request <id>]`."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "request_id", None) is None:
            request_id = _current.get()
            if request_id is None:
                request = getattr(record, "request", None)
                request_id = getattr(request, "META", {}).get(ENVIRON_KEY)
            if request_id is not None:
                record.request_id = request_id
                record.msg = f"{record.getMessage()} [request {request_id}]"
                record.args = None
        return True


class BadHostFilter(logging.Filter):
    """A request with a Host header not in ALLOWED_HOSTS: one warning naming the host and
    the address, not an error with a traceback (any client can send one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        meta = getattr(request, "META", {})
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = record.exc_text = record.stack_info = None
        record.msg = "Bad Host header %s from %s"
        record.args = (
            '"' + _printable(meta.get("HTTP_HOST", ""), 200) + '"',
            meta.get("REMOTE_ADDR") or "an unknown address",
        )
        return True
