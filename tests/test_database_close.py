"""Closing the library while a worker's query is still running.

The window closes its library (on quit, on a library switch, between tests) from the GUI thread
while a background read may still be inside SQLite. Closing a connection under a running
statement can crash the sqlite3 module, so the connection a worker is using must stay open until
its read ends, and then close on that worker's own thread.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from stepfun_studio.library.database import Database, LibraryClosedError
from stepfun_studio.library.schema import connect


def _database(tmp_path: Path) -> Database:
    first = connect(tmp_path / "library.db")
    first.execute("CREATE TABLE numbers (value INTEGER)")
    first.executemany("INSERT INTO numbers VALUES (?)", [(n,) for n in range(100)])
    return Database(tmp_path / "library.db", first)


def test_a_read_in_flight_finishes_and_its_connection_closes_after(tmp_path: Path) -> None:
    database = _database(tmp_path)
    inside, go_on = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    def worker() -> None:
        with database.read() as connection:
            # A function SQLite calls mid-statement: the query is running until `go_on` is set.
            connection.create_function(
                "hold", 0, lambda: int(inside.set() is None and go_on.wait(10))
            )
            outcome["sum"] = connection.execute(
                "SELECT sum(value) + hold() FROM numbers"
            ).fetchone()[0]
            outcome["connection"] = connection

    thread = threading.Thread(target=worker, daemon=True)
    thread.start()
    assert inside.wait(10)
    database.close()  # on this thread, while the worker's statement is running
    go_on.set()
    thread.join(10)

    assert outcome["sum"] == sum(range(100)) + 1
    used = outcome["connection"]
    assert isinstance(used, sqlite3.Connection)
    with pytest.raises(sqlite3.ProgrammingError):
        used.execute("SELECT 1")  # closed by the worker as its read ended
    with pytest.raises(LibraryClosedError), database.read():
        pass


def test_close_closes_idle_connections_at_once(tmp_path: Path) -> None:
    database = _database(tmp_path)
    with database.read() as connection:
        connection.execute("SELECT count(*) FROM numbers").fetchone()
    database.close()
    with pytest.raises(sqlite3.ProgrammingError):
        connection.execute("SELECT 1")
