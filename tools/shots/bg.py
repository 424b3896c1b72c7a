"""Screenshots of engineer "bg"'s part: a locked library said in words, with Retry.

The detail view and the collections sidebar show the library's own message (the same one a
second program holding the database gives, after its wait) in a `LibraryNotice`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def shoot(
    window: Any,
    studio: Any,
    pump: Callable[[float], None],
    save: Callable[[Any, str], None],
    language: str,
) -> None:
    from stepfun_studio.library.storage_errors import storage_error_for

    del language  # the translator is already installed for it
    locked = storage_error_for(_busy_error(), studio.library.paths.database_path)
    assert locked is not None
    window.resize(1366, 768)
    window.detail.notice.show_problem(locked.message, lambda: None)
    window.gallery.sidebar.notice.show_problem(locked.message, lambda: None)
    pump(0.8)
    save(window, "library-locked-light")
    window.detail.notice.dismiss()
    window.gallery.sidebar.notice.dismiss()
    pump(0.2)


def _busy_error() -> Exception:
    import sqlite3

    return sqlite3.OperationalError("database is locked")
