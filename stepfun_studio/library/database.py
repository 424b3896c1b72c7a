"""One SQLite connection per thread, and explicit write transactions.

The GUI thread pages through ids while a worker thread ingests, so each thread gets its own
connection (sqlite3 objects must not be shared mid-statement). WAL lets the readers go on while
a writer commits. Writes take the lock up front (`BEGIN IMMEDIATE`): a deferred transaction that
upgrades from read to write can fail with "locked" instead of waiting its turn.

The GUI thread never queries: a locked file makes every query wait up to the busy timeout, and a
window that waits is a frozen window. The library cannot import Qt, so the UI names its thread
(`forbid_thread`, set when the QApplication is made, and by the tests' fixture); a query made
there by app code raises `GuiThreadQueryError` and is logged. "App code" means a frame of
`stepfun_studio` outside `library` is on the stack: a test body that reads the library to check
a result is not app code (and `allow_here()` says so explicitly where a test drives the app).
`STEPFUN_STUDIO_DB_GUARD` switches it: `strict` (everything), `on` (the default: everything but
the callers in `PENDING`, which are logged while their owners move them off the GUI thread; none
are left, so `on` refuses what `strict` does), `survey` (nothing refused, every caller logged: to
list them once), `off`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from stepfun_studio.core.errors import AppError
from stepfun_studio.library.schema import connect
from stepfun_studio.library.storage_errors import (
    is_corruption,
    storage_error_for,
    storage_errors,
)

log = logging.getLogger(__name__)

GUARD_ENV = "STEPFUN_STUDIO_DB_GUARD"
# Module prefixes that may still query on the GUI thread while their owners move that off it:
# logged, not refused, under the default guard. Empty since session 6 (jobs/ and the gallery
# moved off; a survey of the whole suite found no caller left): keep it so.
PENDING: tuple[str, ...] = ()

_forbidden: int | None = None
_allowed = threading.local()
_reported: set[tuple[str, int]] = set()


class LibraryClosedError(RuntimeError):
    """A query after `close()`: the window is closing while a read was on its way."""


class GuiThreadQueryError(RuntimeError):
    """App code queried the library on the GUI thread: a bug (the window would freeze)."""


def forbid_thread(ident: int | None) -> None:
    """Refuses app code's queries on thread `ident` (the GUI thread); None lifts it."""
    global _forbidden  # noqa: PLW0603 - one GUI thread per process
    _forbidden = ident


@contextmanager
def allow_here() -> Iterator[None]:
    """Queries on this thread are allowed inside the block (a test checking what was stored,
    start-up before the window exists, the last close after the event loop has ended)."""
    depth = getattr(_allowed, "depth", 0)
    _allowed.depth = depth + 1
    try:
        yield
    finally:
        _allowed.depth = depth


def _app_caller() -> tuple[str, int, str] | None:
    """The innermost frame of ours outside the library: (module, line, function), or None."""
    frame: FrameType | None = sys._getframe(2)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if module.startswith("stepfun_studio.") and not module.startswith("stepfun_studio.library"):
            return module, frame.f_lineno, frame.f_code.co_name
        frame = frame.f_back
    return None


def _note_survey(path: str) -> None:
    """Appends the app frames of this query to `path` (the survey of GUI-thread queries)."""
    frame: FrameType | None = sys._getframe(3)
    chain: list[str] = []
    while frame is not None and len(chain) < 6:
        module = frame.f_globals.get("__name__", "")
        if module.startswith("stepfun_studio.") and not module.startswith("stepfun_studio.lib"):
            chain.append(f"{module}:{frame.f_lineno}({frame.f_code.co_name})")
        frame = frame.f_back
    with contextlib.suppress(OSError), open(path, "a", encoding="utf-8") as out:
        out.write(" <- ".join(chain) + "\n")


def check_thread() -> None:
    """Raises `GuiThreadQueryError` when app code queries on the forbidden thread."""
    if _forbidden is None or threading.get_ident() != _forbidden:
        return
    if getattr(_allowed, "depth", 0):
        return
    mode = os.environ.get(GUARD_ENV, "on").lower()
    if mode == "off":
        return
    caller = _app_caller()
    if caller is None:
        return
    module, line, function = caller
    survey = mode == "survey"
    pending = module.startswith(PENDING)
    if survey or (mode != "strict" and pending):
        if (module, line) not in _reported:
            _reported.add((module, line))
            if survey and os.environ.get(GUARD_ENV + "_LOG"):
                _note_survey(os.environ[GUARD_ENV + "_LOG"])
            log.warning("library queried on the GUI thread by %s:%s (%s)", module, line, function)
        return
    log.error("library queried on the GUI thread by %s:%s (%s)", module, line, function)
    raise GuiThreadQueryError(
        f"internal error: the library was queried on the GUI thread by {module}:{line} "
        f"({function}); this work belongs off the GUI thread"
    )


def damage_marker(database_path: Path) -> Path:
    """The file whose presence says "this database reported damage; check it at open"."""
    return database_path.with_name(database_path.name + ".damaged")


class Database:
    """Open when made with `first` (a connection opened on this thread). Without it, not open
    yet: `opening(first)` on the thread that opened (and upgraded) the file, then `opened()`
    once the library's own start-up work is done there. Until then a query on any other thread
    waits for it, and fails as the opening failed (`open_failed`). So the app can open the
    library on a worker while its window paints, and the first reads simply wait.
    """

    def __init__(self, path: Path, first: sqlite3.Connection | None = None) -> None:
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        # How many reads and writes each connection is inside now (by id). `close` may come
        # from another thread while a worker's query runs; closing a connection under a running
        # statement can crash the sqlite3 module, so a busy connection is closed by its own
        # thread as its last read or write ends.
        self._in_use: dict[int, int] = {}
        self._closed = False
        self._open = threading.Event()  # set when opened, when the opening failed, or closed
        self._open_error: BaseException | None = None
        # Bumped after every commit, so cached query results know when they are stale.
        self.generation = 0
        if first is not None:
            self.opening(first)
            self.opened()

    def opening(self, first: sqlite3.Connection) -> None:
        """`first`, opened and upgraded on this thread, is this thread's connection from now."""
        with self._lock:
            closed = self._closed
            if not closed:
                self._adopt_locked(first)
        if closed:  # closed while the file was being opened (the window closed at once)
            first.close()
            raise LibraryClosedError("the library was closed while it was being opened")

    def opened(self) -> None:
        """Other threads' queries may go ahead."""
        self._open.set()

    def open_failed(self, error: BaseException) -> None:
        """The opening failed with `error`: every query from now on raises it."""
        self._open_error = error
        self.close()

    def _adopt(self, connection: sqlite3.Connection) -> None:
        with self._lock:
            self._adopt_locked(connection)

    def _adopt_locked(self, connection: sqlite3.Connection) -> None:
        connection.row_factory = sqlite3.Row
        self._local.connection = connection
        self._connections.append(connection)

    def _wait_until_open(self) -> None:
        # Never on the GUI thread for app code: `check_thread` refused that already.
        self._open.wait()
        if self._open_error is not None:
            raise self._open_error
        if self._closed:
            raise LibraryClosedError("the library is closed")

    def connection(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use (once the library is open)."""
        check_thread()
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            self._wait_until_open()
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
        connection = self._enter()
        try:
            connection.execute("BEGIN IMMEDIATE")
            yield connection
            connection.execute("COMMIT")
        except BaseException as exc:
            if connection.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    connection.execute("ROLLBACK")
            if self._closed and isinstance(exc, sqlite3.ProgrammingError):
                raise LibraryClosedError("the library was closed during a write") from exc
            error = self._failed(exc)
            if error is not None:
                raise error from exc
            raise
        finally:
            self._leave(connection)
        with self._lock:
            self.generation += 1

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection, with environment failures turned into AppError."""
        connection = self._enter()
        try:
            yield connection
        except (sqlite3.Error, OSError) as exc:
            if self._closed and isinstance(exc, sqlite3.ProgrammingError):
                # Closed under a read still on its way (the window is closing).
                raise LibraryClosedError("the library was closed during a read") from exc
            error = self._failed(exc)
            if error is not None:
                raise error from exc
            raise
        finally:
            self._leave(connection)

    def _enter(self) -> sqlite3.Connection:
        connection = self.connection()
        with self._lock:
            if self._closed:
                raise LibraryClosedError("the library is closed")
            self._in_use[id(connection)] = self._in_use.get(id(connection), 0) + 1
        return connection

    def _leave(self, connection: sqlite3.Connection) -> None:
        with self._lock:
            left = self._in_use.pop(id(connection)) - 1
            if left:
                self._in_use[id(connection)] = left
            close_here = self._closed and not left and connection not in self._connections
        if close_here:
            connection.close()

    def close(self) -> None:
        """Closes every connection not in use now; one in use closes as its read or write ends."""
        with self._lock:
            self._closed = True
            idle = [c for c in self._connections if id(c) not in self._in_use]
            self._connections = []
        self._open.set()  # whoever waits for the opening learns it is closed
        for index, connection in enumerate(idle):
            if index == 0:
                # Keeps the planner's statistics fresh as the library grows; cheap when current.
                with contextlib.suppress(sqlite3.Error):
                    connection.execute("PRAGMA optimize")
            connection.close()
        self._local = threading.local()
