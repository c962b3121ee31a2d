"""Machines for the several-servers tests: Linux network and host-name namespaces.

A `Host` is a network namespace joined to this one by a pair of virtual Ethernet links
(its own address, 10.231.N.2, and this side's, 10.231.N.1), and a command run "on" it
also gets a host name of its own (a UTS namespace), so a server there looks like another
machine: other addresses, another name in its heartbeats, nothing shared but what it
reaches over the link. PostgreSQL and Redis listen on this side's loopback only; a
`Relay` per host carries their ports from this side's link address to them, as a
database server's private address would.

Making namespaces needs root (CAP_SYS_ADMIN) and `ip`; `hosts_available()` says whether
this machine allows it, and the tests fall back to two processes on loopback where not.
"""

from __future__ import annotations

import contextlib
import fcntl
import shutil
import socket
import subprocess
import tempfile
import threading
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit


def run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True, timeout=30)  # noqa: S603


def hosts_available() -> bool:
    """Whether namespaces can be made here: try one."""
    if not (shutil.which("ip") and shutil.which("unshare")):
        return False
    name = f"warta-probe-{uuid.uuid4().hex[:6]}"
    try:
        run("ip", "netns", "add", name)
    except (OSError, subprocess.SubprocessError):
        return False
    run("ip", "netns", "delete", name)
    return True


class Relay:
    """Carries TCP connections from `listen` (an address and port on this side's link) to
    the same port on 127.0.0.1, byte for byte, until either end closes."""

    def __init__(self, address: str, port: int):
        self.target = ("127.0.0.1", port)
        self.listener = socket.create_server((address, port))
        self.closed = threading.Event()
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self) -> None:
        while not self.closed.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=10)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):  # already closed
                    end.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self.closed.set()
        self.listener.close()


@contextlib.contextmanager
def subnet_taken():
    """Held while a subnet is chosen and its address set: test processes making hosts at
    once each get one of their own."""
    with open(Path(tempfile.gettempdir()) / "warta-test-hosts.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def free_subnet() -> int:
    """N of a 10.231.N.0/24 no interface of this machine has (another test process may
    have made hosts of its own); call it holding `subnet_taken`."""
    used = subprocess.run(
        ["ip", "-o", "-4", "addr"],  # noqa: S607 - iproute2, as hosts_available found it
        check=True, capture_output=True, text=True, timeout=30,
    ).stdout  # fmt: skip
    return next(n for n in range(1, 251) if f" 10.231.{n}." not in used)


class Host:
    """One namespace "machine" named `name`, on a /24 of its own."""

    def __init__(self, name: str):
        self.name = name
        tag = uuid.uuid4().hex[:6]
        self.namespace = f"warta-{tag}"
        near, far = f"wt{tag}o", f"wt{tag}i"  # interface names: 15 characters at most
        self.relays: list[Relay] = []
        run("ip", "netns", "add", self.namespace)
        try:
            run("ip", "link", "add", near, "type", "veth", "peer", "name", far)
            run("ip", "link", "set", far, "netns", self.namespace)
            with subnet_taken():
                number = free_subnet()
                self.outside, self.inside = f"10.231.{number}.1", f"10.231.{number}.2"
                run("ip", "addr", "add", f"{self.outside}/24", "dev", near)
            run("ip", "link", "set", near, "up")
            inside = ("ip", "netns", "exec", self.namespace)
            run(*inside, "ip", "addr", "add", f"{self.inside}/24", "dev", far)
            run(*inside, "ip", "link", "set", far, "up")
            run(*inside, "ip", "link", "set", "lo", "up")
        except BaseException:
            self.remove()
            raise

    def relay(self, port: int) -> None:
        """Make 127.0.0.1:`port` on this side reachable from the host at `outside`."""
        self.relays.append(Relay(self.outside, port))

    def reach(self, url: str) -> str:
        """`url` (PostgreSQL's or Redis's on 127.0.0.1) as the host reaches it."""
        parts = urlsplit(url)
        netloc = parts.netloc.replace("127.0.0.1", self.outside).replace("localhost", self.outside)
        return urlunsplit(parts._replace(netloc=netloc))

    def command(self, *command: str) -> list[str]:
        """`command` run on the host: in its network namespace, under its own host name."""
        return [
            "ip", "netns", "exec", self.namespace,
            "unshare", "--uts", "sh", "-c", 'hostname "$0" && exec "$@"', self.name,
            *command,
        ]  # fmt: skip

    def remove(self) -> None:
        """The namespace, its link and the relays go (nothing else of this machine)."""
        for relay in self.relays:
            relay.close()
        subprocess.run(  # noqa: S603 - removing what __init__ made
            ["ip", "netns", "delete", self.namespace],  # noqa: S607 - as hosts_available found it
            capture_output=True,
            timeout=30,
        )
