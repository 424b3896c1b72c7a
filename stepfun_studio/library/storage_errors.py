"""Turns the environment's storage failures into `AppError(STORAGE)`; lets bugs through.

Following qutebrowser's split: a full disk, a missing permission, a locked or corrupt database
are the user's to fix, so they get a message saying what happened and what to do. A wrong SQL
statement or a constraint we broke is our bug, and must fail loudly instead.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.text import tr

# Written out at each call (not a name): the translation tools find only literal contexts.

# SQLite's extended error names for "not our fault" conditions (Python 3.11 sqlite_errorname).
_ENVIRONMENT_SQLITE = {
    "SQLITE_FULL": "full",
    "SQLITE_IOERR": "io",
    "SQLITE_READONLY": "readonly",
    "SQLITE_CANTOPEN": "cantopen",
    "SQLITE_BUSY": "busy",
    "SQLITE_LOCKED": "busy",
    "SQLITE_CORRUPT": "corrupt",
    "SQLITE_NOTADB": "corrupt",
    "SQLITE_PERM": "readonly",
}


def _sqlite_class(exc: sqlite3.Error) -> str | None:
    name = getattr(exc, "sqlite_errorname", "") or ""
    for prefix, kind in _ENVIRONMENT_SQLITE.items():
        if name.startswith(prefix):
            return kind
    text = str(exc).lower()
    if "database or disk is full" in text:
        return "full"
    if "locked" in text:
        return "busy"
    if "malformed" in text or "not a database" in text:
        return "corrupt"
    if "readonly" in text or "unable to open" in text:
        return "readonly"
    return None


def is_corruption(exc: BaseException) -> bool:
    """True for "this file is not a (healthy) SQLite database"."""
    return isinstance(exc, sqlite3.DatabaseError) and _sqlite_class(exc) == "corrupt"


def _message(kind: str, where: Path | None) -> str:
    place = str(where) if where is not None else ""
    messages = {
        "full": tr(
            "Library",
            "The disk holding the library is full ({place}). Free some space "
            "and try again; nothing was lost.",
        ),
        "readonly": tr(
            "Library",
            "The library cannot write to {place}: permission denied or a "
            "read-only disk. Check the folder's permissions.",
        ),
        "cantopen": tr(
            "Library",
            "The library could not open {place}. Check that the folder exists and can be written.",
        ),
        "busy": tr(
            "Library",
            "The library database is locked by another program ({place}). Close "
            "other copies of StepFun Studio and try again.",
        ),
        "corrupt": tr(
            "Library",
            "The library database is damaged ({place}). Restart the app: it "
            "will set the damaged file aside, and you can rebuild from the images.",
        ),
        "io": tr(
            "Library",
            "The disk reported an error while using the library ({place}). Check "
            "the disk, then try again.",
        ),
        "missing": tr(
            "Library",
            "A library file is missing ({place}). Run Check Library to find what is gone.",
        ),
    }
    return messages[kind].format(place=place)


def storage_error_for(exc: BaseException, where: Path | None = None) -> AppError | None:
    """The user-facing error for `exc`, or None when `exc` is a bug that must propagate."""
    kind: str | None = None
    if isinstance(exc, AppError):
        return None
    if isinstance(exc, sqlite3.Error):
        kind = _sqlite_class(exc)
    elif isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            kind = "full"
        elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            kind = "readonly"
        elif exc.errno == errno.ENOENT:
            kind = "missing"
        else:
            kind = "io"
        if where is None and exc.filename:
            where = Path(exc.filename)
    if kind is None:
        return None
    error = AppError(ErrorKind.STORAGE, _message(kind, where), server_message=None)
    error.__cause__ = exc
    return error


@contextmanager
def storage_errors(where: Path | None = None) -> Iterator[None]:
    """Re-raise environment failures inside the block as AppError(STORAGE)."""
    try:
        yield
    except (sqlite3.Error, OSError) as exc:
        error = storage_error_for(exc, where)
        if error is None:
            raise
        raise error from exc
