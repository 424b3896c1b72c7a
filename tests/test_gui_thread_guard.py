"""The library refuses app code's queries on the GUI thread (`library.database.check_thread`).

With a real library file. "App code" is code of ours outside `library`; the test body itself
may read the library to check results. Functions below are given a module name of the app
(`stepfun_studio.ui...`) the way Python gives every function its module: through its globals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library import database
from stepfun_studio.library.database import (
    GUARD_ENV,
    GuiThreadQueryError,
    allow_here,
    forbid_thread,
)
from stepfun_studio.library.library import Library
from stepfun_studio.ui.background import run_in_background


@pytest.fixture
def library(app_paths: AppPaths) -> Iterator[Library]:
    with allow_here():
        opened = Library.open(app_paths)
    yield opened
    opened.close()


def app_function(module: str) -> Callable[[Library], Any]:
    """`lambda library: library.list_collections()`, defined as if in `module`."""
    namespace: dict[str, Any] = {"__name__": module}
    exec("def read(library):\n    return library.list_collections()\n", namespace)
    return namespace["read"]  # type: ignore[no-any-return]


def test_app_code_on_the_gui_thread_is_refused_and_logged(
    qtbot: QtBot, library: Library, caplog: pytest.LogCaptureFixture
) -> None:
    read = app_function("stepfun_studio.ui.some_view")
    with pytest.raises(GuiThreadQueryError, match=r"stepfun_studio\.ui\.some_view"):
        read(library)
    assert any("queried on the GUI thread" in r.message for r in caplog.records)


def test_the_test_body_and_allow_here_may_read(qtbot: QtBot, library: Library) -> None:
    assert library.list_collections() == []  # the test body: not app code
    with allow_here():
        assert app_function("stepfun_studio.ui.some_view")(library) == []


def test_the_same_code_off_the_gui_thread_is_fine(qtbot: QtBot, library: Library) -> None:
    read = app_function("stepfun_studio.ui.some_view")
    outcome: list[tuple[object, object]] = []
    owner = library_owner(qtbot)
    run_in_background(owner, lambda: read(library), lambda r, e: outcome.append((r, e)), "read")
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert outcome == [([], None)]


def test_pending_callers_are_logged_unless_strict(
    qtbot: QtBot,
    library: Library,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # None is pending now: the default guard refuses every caller, as strict does.
    with pytest.raises(GuiThreadQueryError):
        app_function("stepfun_studio.jobs.queue")(library)
    with pytest.raises(GuiThreadQueryError):
        app_function("stepfun_studio.ui.gallery.panel")(library)
    # A module being moved off the GUI thread may be listed: logged, not refused, by default.
    monkeypatch.setattr(database, "PENDING", ("stepfun_studio.jobs.",))
    monkeypatch.setenv(GUARD_ENV, "on")  # the tests run strict (conftest)
    queue_code = app_function("stepfun_studio.jobs.queue")
    assert queue_code(library) == []
    assert any("stepfun_studio.jobs.queue" in r.message for r in caplog.records)
    monkeypatch.setenv(GUARD_ENV, "strict")
    with pytest.raises(GuiThreadQueryError):
        queue_code(library)
    monkeypatch.setenv(GUARD_ENV, "off")
    assert app_function("stepfun_studio.ui.some_view")(library) == []


def test_only_the_forbidden_thread_is_checked(library: Library) -> None:
    # No Qt in this test: the fixture forbids nothing, so app code may read (the CLI's case).
    assert app_function("stepfun_studio.cli.some_command")(library) == []
    forbid_thread(threading.get_ident())
    try:
        with pytest.raises(GuiThreadQueryError):
            app_function("stepfun_studio.cli.some_command")(library)
    finally:
        forbid_thread(None)


def library_owner(qtbot: QtBot) -> Any:
    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    qtbot.addWidget(owner)
    return owner
