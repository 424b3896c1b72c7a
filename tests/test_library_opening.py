"""A library opened on one thread while others already ask it (the app opens it on a worker
while its window paints): their reads wait for the opening and fail as it failed."""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import Future, ThreadPoolExecutor

import pytest

from stepfun_studio.core.errors import AppError
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library import Library
from stepfun_studio.library.database import LibraryClosedError
from stepfun_studio.library.records import ImageQuery
from stepfun_studio.library.samples import fill_library
from stepfun_studio.library.schema import SCHEMA_VERSION


def test_reads_wait_for_the_opening_then_see_the_library(app_paths: AppPaths) -> None:
    with Library.open(app_paths) as seeded:
        fill_library(seeded, 3)
    library = Library.unopened(app_paths)
    try:
        with ThreadPoolExecutor(2) as pool:
            count: Future[int] = pool.submit(library.count, ImageQuery())
            assert not count.done()  # nothing to read yet: it waits, it does not fail
            threading.Thread(target=library.finish_opening, daemon=True).start()
            assert count.result(timeout=30) == 3
    finally:
        library.close()


def test_reads_fail_as_the_opening_failed(app_paths: AppPaths) -> None:
    Library.open(app_paths).close()
    with sqlite3.connect(app_paths.database_path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    library = Library.unopened(app_paths)
    with ThreadPoolExecutor(1) as pool:
        count = pool.submit(library.count, ImageQuery())
        with pytest.raises(AppError, match="newer version"):
            library.finish_opening()
        with pytest.raises(AppError, match="newer version"):
            count.result(timeout=30)


def test_closed_before_it_was_opened(app_paths: AppPaths) -> None:
    library = Library.unopened(app_paths)
    library.close()  # the window closed at once
    with pytest.raises(LibraryClosedError):
        library.finish_opening()
    with pytest.raises(LibraryClosedError):
        library.count(ImageQuery())
