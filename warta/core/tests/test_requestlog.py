"""The outermost WSGI layer: request ids, a body for every server error, the access log."""

import io
import logging
import re

import pytest
from django.test import RequestFactory

from warta.core import requestlog
from warta.core.requestlog import RequestLogApp
from warta.core.views import server_error

# address - - [time] "request line" status bytes "referer" "user agent" request-id ms
ACCESS_LINE = re.compile(
    r"^(?P<address>\S+) - - \[\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}\] "
    r'"(?P<request>[^"]*)" (?P<status>\d{3}) (?P<bytes>\d+) '
    r'"(?P<referer>[^"]*)" "(?P<agent>[^"]*)" (?P<id>[0-9a-f]{16}) (?P<ms>\d+\.\d{3})$'
)

SHARED_HEADERS = [("Content-Type", "text/plain")]


def environ(**extra) -> dict:
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/berita/",
        "QUERY_STRING": "",
        "REMOTE_ADDR": "203.0.113.7",
        "SERVER_PROTOCOL": "HTTP/1.1",
        **extra,
    }


def call(app, env: dict | None = None):
    """(status, headers as a dict, body bytes, environ) of one request, as a server sends it."""
    env = environ() if env is None else env
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(headers)

    body = app(env, start_response)
    try:
        content = b"".join(body)
    finally:
        if hasattr(body, "close"):
            body.close()
    return answer["status"], answer["headers"], content, env


def page(environ, start_response):
    start_response("200 OK", SHARED_HEADERS)
    return [b"halaman"]


def raising(environ, start_response):
    raise ValueError("the page cache broke")


@pytest.fixture
def access_lines():
    """What the access log writes, one string per line."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger = logging.getLogger("warta.access")
    logger.addHandler(handler)
    yield lambda: stream.getvalue().splitlines()
    logger.removeHandler(handler)


@pytest.fixture
def console():
    """What the site's own log handler (settings.LOGGING) writes while the test runs."""
    handler = next(
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, requestlog.RequestIdFilter) for f in h.filters)
    )
    stream = io.StringIO()
    # Swapped without setStream(), which flushes the old stream first: pytest may have
    # closed the capture file the handler was configured with by the time this test runs.
    previous, handler.stream = handler.stream, stream
    yield stream
    handler.stream = previous


def test_every_answer_names_its_request_in_a_header_and_the_environ():
    """X-Request-Id: 16 hex digits, the same the layers inside read from the environ."""
    status, headers, body, env = call(RequestLogApp(page))
    assert (status, body) == ("200 OK", b"halaman")
    assert re.fullmatch(r"[0-9a-f]{16}", headers["X-Request-Id"])
    assert env["warta.request_id"] == headers["X-Request-Id"]


def test_each_request_gets_an_id_of_its_own():
    app = RequestLogApp(page)
    ids = {call(app)[1]["X-Request-Id"] for _ in range(100)}
    assert len(ids) == 100


def test_headers_an_inner_layer_shares_between_answers_are_left_alone():
    """The id goes into a new list: a layer's module-level headers never collect ids."""
    call(RequestLogApp(page))
    assert SHARED_HEADERS == [("Content-Type", "text/plain")]


def test_a_layer_that_raises_answers_500_with_a_body_naming_the_request(caplog):
    """Instead of the empty 500 the app server gives, a short text in both languages."""
    status, headers, body, _env = call(RequestLogApp(raising))
    request_id = headers["X-Request-Id"]
    text = body.decode()
    assert status == "500 Internal Server Error"
    assert headers["Content-Type"] == "text/plain; charset=utf-8"
    assert int(headers["Content-Length"]) == len(body)
    assert "Something went wrong on our side" in text
    assert f"Request id: {request_id}" in text


def test_a_layer_that_raises_is_logged_once_with_its_traceback_and_the_id(caplog):
    _status, headers, _body, _env = call(RequestLogApp(raising))
    records = [r for r in caplog.records if r.name == "warta.core.requestlog"]
    assert len(records) == 1
    (record,) = records
    assert record.levelno == logging.ERROR
    assert f"[request {headers['X-Request-Id']}]" in record.getMessage()
    assert "GET /berita/" in record.getMessage()
    assert record.exc_info[1].args == ("the page cache broke",)


def test_an_empty_503_gets_a_body_and_keeps_its_status_and_retry_after(caplog):
    """A layer refusing with an empty 503: the reader is told to come back; one log line."""

    def refusing(environ, start_response):
        start_response("503 Service Unavailable", [("Retry-After", "5"), ("Content-Length", "0")])
        return [b""]

    status, headers, body, _env = call(RequestLogApp(refusing))
    assert status == "503 Service Unavailable"
    assert headers["Retry-After"] == "5"
    assert int(headers["Content-Length"]) == len(body) > 0
    assert f"Request id: {headers['X-Request-Id']}" in body.decode()
    assert "briefly unavailable" in body.decode()
    (record,) = [r for r in caplog.records if r.name == "warta.core.requestlog"]
    assert "empty body" in record.getMessage()
    assert record.exc_info is None


def test_a_server_error_with_a_body_passes_unchanged(caplog):
    """Django's own 500 page is its answer: the layer adds only the id, and logs nothing."""

    def error_page(environ, start_response):
        start_response("500 Internal Server Error", [("Content-Type", "text/html")])
        return iter([b"<h1>Kesalahan", b" server</h1>"])

    status, headers, body, _env = call(RequestLogApp(error_page))
    assert (status, body) == ("500 Internal Server Error", b"<h1>Kesalahan server</h1>")
    assert headers["Content-Type"] == "text/html"
    assert "X-Request-Id" in headers
    assert not [r for r in caplog.records if r.name == "warta.core.requestlog"]


def test_a_head_request_that_fails_gets_the_status_without_a_body():
    status, headers, body, _env = call(RequestLogApp(raising), environ(REQUEST_METHOD="HEAD"))
    assert (status, body) == ("500 Internal Server Error", b"")
    assert "X-Request-Id" in headers


def test_an_error_while_a_body_streams_ends_it_and_is_logged_with_the_id(caplog):
    """The status is out already: the body stops where it broke, the log says why."""
    closed = []

    class Stream:
        def __iter__(self):
            yield b"awal "
            raise OSError("the file went away")

        def close(self):
            closed.append(True)

    def streaming(environ, start_response):
        start_response("200 OK", [])
        return Stream()

    status, headers, body, _env = call(RequestLogApp(streaming))
    assert (status, body, closed) == ("200 OK", b"awal ", [True])
    (record,) = [r for r in caplog.records if r.name == "warta.core.requestlog"]
    assert f"[request {headers['X-Request-Id']}]" in record.getMessage()
    assert isinstance(record.exc_info[1], OSError)


def test_the_inner_body_is_closed_when_the_server_closes_it():
    """Django's request_finished (database connections back) hangs on close()."""
    closed = []

    class Body(list):
        def close(self):
            closed.append(True)

    def app(environ, start_response):
        start_response("200 OK", [])
        return Body([b"x"])

    call(RequestLogApp(app))
    assert closed == [True]


def test_lines_logged_while_a_request_is_handled_end_with_its_id(console):
    """Any logger, through the site's configured handler: the line names the request."""

    def logging_page(environ, start_response):
        logging.getLogger("warta.news").warning("Foto %s tidak ada", "banjir.jpg")
        return page(environ, start_response)

    _status, headers, _body, _env = call(RequestLogApp(logging_page))
    logging.getLogger("warta.news").warning("Di luar permintaan")
    lines = console.getvalue().splitlines()
    assert lines == [
        f"Foto banjir.jpg tidak ada [request {headers['X-Request-Id']}]",
        "Di luar permintaan",
    ]


@pytest.mark.django_db
def test_a_bad_host_is_one_warning_line_naming_host_and_address(client, console):
    """Any client can send one: no traceback, no error level."""
    response = client.get("/", HTTP_HOST="evil.example", REMOTE_ADDR="198.51.100.9")
    assert response.status_code == 400
    lines = console.getvalue().splitlines()
    assert lines == ['Bad Host header "evil.example" from 198.51.100.9']


@pytest.mark.django_db
def test_a_bad_host_is_logged_as_a_warning(client, caplog):
    client.get("/", HTTP_HOST="evil.example")
    (record,) = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert (record.levelname, record.exc_info) == ("WARNING", None)


@pytest.mark.django_db
def test_a_bad_host_header_cannot_add_lines_to_the_log(client, console):
    client.get("/", HTTP_HOST='evil"\nFAKE LINE')
    lines = console.getvalue().splitlines()
    assert lines == ['Bad Host header "evil\\x22\\x0AFAKE LINE" from 127.0.0.1']


def test_the_error_page_names_the_request():
    request = RequestFactory().get("/", **{"warta.request_id": "0123456789abcdef"})
    response = server_error(request)
    assert response.status_code == 500
    assert "0123456789abcdef" in response.content.decode()


def test_the_access_log_writes_one_line_per_request_in_the_documented_format(access_lines):
    app = RequestLogApp(page, access_log=True)
    _status, headers, _body, _env = call(
        app,
        environ(
            QUERY_STRING="hal=2",
            HTTP_REFERER="https://warta.example/",
            HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64)",
        ),
    )
    (line,) = access_lines()
    fields = ACCESS_LINE.match(line).groupdict()
    assert fields["address"] == "203.0.113.7"
    assert fields["request"] == "GET /berita/?hal=2 HTTP/1.1"
    assert (fields["status"], fields["bytes"]) == ("200", str(len(b"halaman")))
    assert fields["referer"] == "https://warta.example/"
    assert fields["agent"] == "Mozilla/5.0 (X11; Linux x86_64)"
    assert fields["id"] == headers["X-Request-Id"]


def test_the_access_log_counts_a_streamed_body_when_it_is_closed(access_lines):
    def streaming(environ, start_response):
        start_response("200 OK", [])
        return iter([b"satu", b"dua"])

    call(RequestLogApp(streaming, access_log=True))
    (line,) = access_lines()
    assert ACCESS_LINE.match(line)["bytes"] == "7"


def test_the_access_log_records_the_answer_to_a_failure(access_lines):
    _status, headers, body, _env = call(RequestLogApp(raising, access_log=True))
    fields = ACCESS_LINE.match(access_lines()[0]).groupdict()
    assert (fields["status"], fields["bytes"]) == ("500", str(len(body)))
    assert fields["id"] == headers["X-Request-Id"]


def test_a_client_cannot_forge_access_log_lines_or_fields(access_lines):
    """Quotes, control characters and bytes beyond ASCII are escaped as nginx does."""
    call(
        RequestLogApp(page, access_log=True),
        environ(
            PATH_INFO='/a"b\n1.2.3.4 - - [x] "GET / HTTP/1.1" 200',
            HTTP_USER_AGENT='bot" "injected\r\n\xe9',
        ),
    )
    (line,) = access_lines()
    fields = ACCESS_LINE.match(line).groupdict()
    assert fields["request"].startswith("GET /a\\x22b\\x0A1.2.3.4")
    assert fields["agent"] == "bot\\x22 \\x22injected\\x0D\\x0A\\xE9"


def test_missing_fields_are_a_dash(access_lines):
    env = environ()
    del env["REMOTE_ADDR"]
    call(RequestLogApp(page, access_log=True), env)
    fields = ACCESS_LINE.match(access_lines()[0]).groupdict()
    assert (fields["address"], fields["referer"], fields["agent"]) == ("-", "-", "-")


def test_without_the_access_log_nothing_is_written(access_lines):
    call(RequestLogApp(page))
    assert access_lines() == []


def test_the_access_log_names_the_reader_a_trusted_proxy_forwarded(access_lines):
    """The address is read after the trusted-proxy layer inside has settled it."""
    from warta.core.proxies import TrustedProxiesApp

    app = RequestLogApp(TrustedProxiesApp(page, trusted=["127.0.0.1"]), access_log=True)
    call(app, environ(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.20"))
    assert ACCESS_LINE.match(access_lines()[0])["address"] == "198.51.100.20"
