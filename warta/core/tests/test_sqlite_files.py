"""Shared SQLite files: a thread opening one while another process writes waits its turn."""

import sqlite3
import threading

from warta.core.sqlite_files import SharedSQLiteFile

SCHEMA = "CREATE TABLE IF NOT EXISTS counts (key TEXT PRIMARY KEY, n INTEGER);"


def test_opening_a_busy_file_waits_for_the_writer_even_without_a_busy_timeout(tmp_path):
    path = tmp_path / "state.sqlite3"
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    writer.executescript(SCHEMA)
    writer.execute("INSERT INTO counts VALUES ('a', 1)")
    # Another worker holds the file while setting it up (not yet in WAL mode).
    writer.execute("BEGIN EXCLUSIVE")
    release = threading.Timer(0.3, lambda: writer.execute("COMMIT"))
    release.start()
    try:
        store = SharedSQLiteFile(path, SCHEMA, timeout=0)
        assert store.connection.execute("SELECT n FROM counts").fetchone() == (1,)
    finally:
        release.join()
    # After setting up, the file's own timeout applies again: a busy file fails at once.
    writer.execute("BEGIN EXCLUSIVE")
    try:
        try:
            store.connection.execute("INSERT INTO counts VALUES ('b', 2)")
        except sqlite3.OperationalError as error:
            assert "locked" in str(error)
        else:
            raise AssertionError("a write to a busy file did not fail at once")
    finally:
        writer.execute("ROLLBACK")
