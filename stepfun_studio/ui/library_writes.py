"""`change_library`: one change to the library off the GUI thread, and what follows it on it.

Every view that writes the library (the gallery's culling and collections, the sidebar's drops,
the detail view's trash) goes this one way. A write waits for SQLite's lock: another program
holding the library makes it wait out the busy timeout (seconds) and then fail, and a full disk
or a read-only folder make it fail too. On a worker that costs the window nothing; the view
is told the outcome here, on the GUI thread, and says a failure in its `LibraryNotice`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject

from stepfun_studio.core.errors import AppError
from stepfun_studio.library.database import LibraryClosedError
from stepfun_studio.ui.background import Worker, run_in_background

T = TypeVar("T")


def change_library(
    owner: QObject,
    work: Callable[[], T],
    then: Callable[[T], None],
    failed: Callable[[AppError], None],
    name: str,
    *,
    lane: str | None = None,
) -> Worker:
    """Runs `work()` off the GUI thread (on `lane`, in order with its other work, if given);
    then, here and while `owner` exists, `then(result)`, or `failed(error)` for the library's
    own words (locked, full, read-only).

    Nothing follows once the library is closed (the window is closing); any other exception is
    a bug and is raised here, where the app's hook reports it.
    """

    def done(result: Any, error: BaseException | None) -> None:
        if error is None:
            then(result)
        elif isinstance(error, AppError):
            failed(error)
        elif not isinstance(error, LibraryClosedError):
            raise error

    return run_in_background(owner, work, done, name, lane=lane)
