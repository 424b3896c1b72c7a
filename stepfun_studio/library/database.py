"""One SQLite connection per thread, and explicit write transactions.

The GUI thread pages through ids while a worker thread ingests, so each thread gets its own
connection (sqlite3 objects must not be shared mid-statement). WAL lets the readers go on while
a writer commits. Writes take the lock up front (`BEGIN IMMEDIATE`): a deferred transaction that
upgrades from read to write can fail with "locked" instead of waiting its turn.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from stepfun_studio.library.schema import connect
from stepfun_studio.library.storage_errors import storage_error_for, storage_errors


class Database:
    def __init__(self, path: Path, first: sqlite3.Connection | None = None) -> None:
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._closed = False
        # Bumped after every commit, so cached query results know when they are stale.
        self.generation = 0
        if first is not None:
            self._adopt(first)

    def _adopt(self, connection: sqlite3.Connection) -> None:
        connection.row_factory = sqlite3.Row
        self._local.connection = connection
        with self._lock:
            self._connections.append(connection)

    def connection(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            if self._closed:
                raise RuntimeError("the library is closed")
            with storage_errors(self.path):
                connection = connect(self.path)
            self._adopt(connection)
        return connection

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: committed when the block ends, rolled back on any exception."""
        connection = self.connection()
        with storage_errors(self.path):
            connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException as exc:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            error = storage_error_for(exc, self.path)
            if error is not None:
                raise error from exc
            raise
        with storage_errors(self.path):
            connection.execute("COMMIT")
        with self._lock:
            self.generation += 1

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection, with environment failures turned into AppError."""
        connection = self.connection()
        with storage_errors(self.path):
            yield connection

    def close(self) -> None:
        """Closes every thread's connection; call once the worker threads have stopped."""
        with self._lock:
            self._closed = True
            connections, self._connections = self._connections, []
        for connection in connections:
            connection.close()
        self._local = threading.local()
