"""One SQLite connection per thread, and explicit write transactions.

The GUI thread pages through ids while a worker thread ingests, so each thread gets its own
connection (sqlite3 objects must not be shared mid-statement). WAL lets the readers go on while
a writer commits. Writes take the lock up front (`BEGIN IMMEDIATE`): a deferred transaction that
upgrades from read to write can fail with "locked" instead of waiting its turn.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from stepfun_studio.core.errors import AppError
from stepfun_studio.library.schema import connect
from stepfun_studio.library.storage_errors import (
    is_corruption,
    storage_error_for,
    storage_errors,
)


def damage_marker(database_path: Path) -> Path:
    """The file whose presence says "this database reported damage; check it at open"."""
    return database_path.with_name(database_path.name + ".damaged")


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

    def damage_marker(self) -> Path:
        return damage_marker(self.path)

    def _failed(self, exc: BaseException) -> AppError | None:
        """The AppError for `exc`; a damaged database also leaves a marker for the next open.

        Opening checks only that the file is a database (a full check would be a full scan).
        Damage deeper inside shows up here, later; the marker makes the next start run
        `quick_check` and set the file aside if it fails.
        """
        error = storage_error_for(exc, self.path)
        if error is not None and is_corruption(exc):
            with contextlib.suppress(OSError):
                self.damage_marker().touch()
        return error

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: committed when the block ends, rolled back on any exception."""
        connection = self.connection()
        try:
            connection.execute("BEGIN IMMEDIATE")
            yield connection
            connection.execute("COMMIT")
        except BaseException as exc:
            if connection.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    connection.execute("ROLLBACK")
            error = self._failed(exc)
            if error is not None:
                raise error from exc
            raise
        with self._lock:
            self.generation += 1

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection, with environment failures turned into AppError."""
        connection = self.connection()
        try:
            yield connection
        except (sqlite3.Error, OSError) as exc:
            error = self._failed(exc)
            if error is not None:
                raise error from exc
            raise

    def close(self) -> None:
        """Closes every thread's connection; call once the worker threads have stopped."""
        with self._lock:
            self._closed = True
            connections, self._connections = self._connections, []
        for index, connection in enumerate(connections):
            if index == 0:
                # Keeps the planner's statistics fresh as the library grows; cheap when current.
                with contextlib.suppress(sqlite3.Error):
                    connection.execute("PRAGMA optimize")
            connection.close()
        self._local = threading.local()
