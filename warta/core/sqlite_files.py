"""Small SQLite files in var/ shared by the worker processes of one machine.

The page cache and the view counters' state each keep one; every thread opens
its own connection, in autocommit mode with WAL so readers never wait for writers.
"""

import sqlite3
import threading
import time
from pathlib import Path

SETUP_TIMEOUT = 10  # seconds


class SharedSQLiteFile:
    """One connection per thread to an SQLite file, created with `schema` on first use."""

    def __init__(self, path: Path, schema: str, synchronous: str = "NORMAL", timeout: float = 10):
        self.path, self.schema, self.synchronous = Path(path), schema, synchronous
        self.timeout = timeout
        self.local = threading.local()

    @property
    def connection(self) -> sqlite3.Connection:
        connection = getattr(self.local, "connection", None)
        if connection is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = self.local.connection = self.set_up()
        return connection

    def set_up(self) -> sqlite3.Connection:
        """A connection to the file in WAL mode with the schema in place. Setting up waits
        for a writer in another process, whatever `timeout` is: a file opened while busy
        would otherwise fail before its first use. Two workers setting up a new file at
        once can still be refused without a wait (SQLite declines to wait where waiting
        could deadlock): the refused one starts again."""
        deadline = time.monotonic() + SETUP_TIMEOUT
        while True:
            connection = sqlite3.connect(self.path, timeout=SETUP_TIMEOUT, isolation_level=None)
            try:
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute(f"PRAGMA synchronous={self.synchronous}")
                connection.executescript(self.schema)
            except sqlite3.OperationalError as error:
                connection.close()
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)
                continue
            connection.execute(f"PRAGMA busy_timeout={int(self.timeout * 1000)}")
            return connection
