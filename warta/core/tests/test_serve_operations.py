"""`warta serve` as an operator meets it: a port already served, request ids, the logs."""

import os
import re
import socket
import subprocess
import sys

import pytest

from warta import cli
from warta.engagement.tests.test_server import ROOT, Server, ServerDatabase
from warta.news.factories import ArticlePageFactory


def listening(reuse_port: bool, host: str = "127.0.0.1") -> socket.socket:
    """A socket listening on a free port; with SO_REUSEPORT, as granian's own."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if reuse_port:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, 0))
    sock.listen()
    return sock


@pytest.mark.parametrize("reuse_port", [True, False], ids=["another-granian", "plain"])
def test_serve_refuses_a_port_another_server_listens_on(reuse_port, capsys):
    """One line naming the address, exit 1, before Django or granian start."""
    with listening(reuse_port) as held:
        port = held.getsockname()[1]
        assert cli.main(["serve", "--bind", f"127.0.0.1:{port}"]) == 1
    error = capsys.readouterr().err
    assert error.splitlines() == [
        f"warta serve: 127.0.0.1:{port} is already in use: another server listens on it "
        "(stop it or choose another)"
    ]


def test_serve_refuses_all_addresses_when_one_of_them_is_served(capsys):
    with listening(reuse_port=True) as held:
        port = held.getsockname()[1]
        assert cli.main(["serve", "--bind", f"0.0.0.0:{port}"]) == 1  # noqa: S104
    assert "is already in use" in capsys.readouterr().err


def test_serve_refuses_an_ipv6_port_already_served(capsys):
    try:
        held = listening(reuse_port=True, host="::1")
    except OSError:
        pytest.skip("no IPv6 loopback here")
    with held:
        port = held.getsockname()[1]
        assert cli.main(["serve", "--bind", f"[::1]:{port}"]) == 1
    assert f"warta serve: [::1]:{port} is already in use" in capsys.readouterr().err


def test_a_port_whose_connections_are_still_closing_counts_as_free():
    """After a restart the old server's connections wait in TIME_WAIT: serving may go on."""
    with listening(reuse_port=True) as server:
        port = server.getsockname()[1]
        client = socket.create_connection(("127.0.0.1", port))
        accepted, _ = server.accept()
        accepted.close()  # the server side closes first: its end waits in TIME_WAIT
        assert client.recv(1) == b""
        client.close()
    states = subprocess.run(  # noqa: S603 - a fixed command
        ["ss", "-tanH", "state", "time-wait", f"( sport = :{port} )"],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    assert f":{port}" in states
    assert cli.address_problem("127.0.0.1", port) is None


def test_an_address_that_cannot_be_bound_is_one_line(capsys):
    """192.0.2.1 (TEST-NET-1) is no address of this machine."""
    assert cli.main(["serve", "--bind", "192.0.2.1:8000"]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("warta serve: 192.0.2.1:8000 cannot be served: ")


def test_demo_refuses_a_port_already_served_before_setting_up(capsys, monkeypatch):
    """Before minutes of migrations and demo content, not after."""
    monkeypatch.setenv("WARTA_DEBUG", "0")
    monkeypatch.setattr(cli, "setup_django", lambda: pytest.fail("set up despite the port"))
    with listening(reuse_port=True) as held:
        port = held.getsockname()[1]
        assert cli.main(["demo", "--port", str(port)]) == 1
    assert f"warta demo: 127.0.0.1:{port} is already in use" in capsys.readouterr().err


def test_the_access_log_flag_turns_the_setting_on(monkeypatch):
    """--access-log reaches the settings the workers read (WARTA_ACCESS_LOG)."""
    monkeypatch.delenv("WARTA_ACCESS_LOG", raising=False)
    monkeypatch.setattr(cli, "setup_django", lambda: 1)  # stop right after
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert cli.main(["serve", "--access-log", "--bind", f"127.0.0.1:{port}"]) == 1
    assert os.environ["WARTA_ACCESS_LOG"] == "1"


@pytest.fixture
def logged_server(tmp_path):
    """Starts `warta serve` (3 workers) with the access log on, on a copy of the test
    database made when it starts (holding the articles made before)."""
    database = ServerDatabase(tmp_path)
    servers = []

    def start(probe_article: int) -> Server:
        server = Server(tmp_path, database.create(), "", flush_seconds=5)
        server.env.update(WARTA_ACCESS_LOG="1", WARTA_LOG_LEVEL="INFO")
        servers.append(server)
        server.start(probe_article)
        return server

    yield start
    for server in servers:
        server.stop()
    if servers:
        database.drop()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.server
def test_a_running_server_keeps_its_port_ids_its_answers_and_logs_them(logged_server):
    """Through granian: X-Request-Id on every answer, the same id in the access log; a bad
    Host is one line; a second `warta serve` on the port exits and the first keeps it."""
    article = ArticlePageFactory(title="Pasar Juwana buka lagi")
    server = logged_server(article.pk)

    status, headers, _body = server.exchange("GET", f"/api/engagement/v1/articles/{article.pk}")
    assert status == 200
    request_id = headers["X-Request-Id"]
    status, _headers, _body = server.exchange("GET", "/", {"Host": "evil.example"})
    assert status == 400

    second = subprocess.run(  # noqa: S603 - our own command, bounded in time
        [sys.executable, "-m", "warta", "serve", "--bind", f"127.0.0.1:{server.port}"],
        env=server.env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert second.returncode == 1
    assert second.stderr.splitlines() == [
        f"warta serve: 127.0.0.1:{server.port} is already in use: another server listens "
        "on it (stop it or choose another)"
    ]
    # All the connections still reach the first server: none went to a second one.
    for _ in range(20):
        status, _headers, _body = server.exchange(
            "GET", f"/api/engagement/v1/articles/{article.pk}"
        )
        assert status == 200

    server.stop()
    log = server.log.read_text()
    (line,) = [line for line in log.splitlines() if request_id in line]
    assert re.fullmatch(
        rf'127\.0\.0\.1 - - \[[^]]+\] "GET /api/engagement/v1/articles/{article.pk} '
        rf'HTTP/1\.1" 200 \d+ "-" "-" {request_id} \d+\.\d{{3}}',
        line,
    )
    bad_host = [line for line in log.splitlines() if "evil.example" in line]
    (warning,) = bad_host
    assert re.fullmatch(
        r'Bad Host header "evil\.example" from 127\.0\.0\.1 \[request \w{16}\]', warning
    )
    assert ' "GET / HTTP/1.1" 400 ' in log
    assert "Traceback" not in log


@pytest.mark.parametrize("bind", ["127.0.0.1:99999", "127.0.0.1:0", "127.0.0.1", ":8000"])
def test_serve_refuses_an_address_without_a_usable_port(bind, capsys):
    """Port 99999 would otherwise wrap around to 34463."""
    with pytest.raises(SystemExit) as exit:
        cli.main(["serve", "--bind", bind])
    assert exit.value.code == 2
    assert f"--bind must be HOST:PORT with a port from 1 to 65535, not {bind!r}" in (
        capsys.readouterr().err
    )
