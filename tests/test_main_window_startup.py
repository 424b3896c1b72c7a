"""The way to the first painted window stays light: run_gui() itself, openai not imported."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from first_paint_child import run_to_first_paint
from test_library_support import write_version_1_library

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library import Library
from stepfun_studio.library.schema import SCHEMA_VERSION

CHILD_BODY = r"""
def at_paint(window):
    seen["openai"] = "openai" in sys.modules
    seen["title"] = window.windowTitle()
"""


def test_run_gui_paints_the_window_before_importing_openai(isolated_home: Path) -> None:
    result = run_to_first_paint(CHILD_BODY)
    assert result == {"openai": False, "title": "StepFun Studio", "code": 0}


def test_a_home_that_is_a_file_is_explained_not_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the app's home folder should be")
    done = run_child_closing_dialogs(STEPFUN_STUDIO_HOME=str(blocker))
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "DIALOG: StepFun Studio cannot start" in done.stdout
    assert "cannot write its folder" in done.stderr
    assert "STEPFUN_STUDIO_HOME" in done.stderr


def run_child_closing_dialogs(**environment: str) -> subprocess.CompletedProcess[str]:
    """run_gui() in a fresh process that prints each modal dialog's title and closes it."""
    child = (
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from stepfun_studio.ui.application import create_application, run_gui\n"
        "app = create_application([])\n"
        "def close_dialog():\n"
        "    box = QApplication.activeModalWidget()\n"
        "    if box is None:\n"
        "        QTimer.singleShot(20, close_dialog)\n"
        "        return\n"
        "    print('DIALOG:', box.windowTitle(), flush=True)\n"
        "    box.close()\n"
        "QTimer.singleShot(0, close_dialog)\n"
        "raise SystemExit(run_gui([]))\n"
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "STEPFUN_API_KEY": "test-key-not-sent",
        "LC_ALL": "C.UTF-8",
        **environment,
    }
    return subprocess.run(
        [sys.executable, "-c", child],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# Every SQLite connection the app opens, with the thread that opened it: the library must be
# opened (its schema upgraded, a damaged file checked) off the GUI thread, the window painting
# meanwhile. The strict guard also refuses any query the GUI thread would make.
LIBRARY_THREADS_BODY = r"""
import threading
connects = []

def note_connect(event, args):
    if event == "sqlite3.connect":
        connects.append(threading.current_thread() is threading.main_thread())

sys.addaudithook(note_connect)

def at_paint(window):
    seen["connects_at_paint"] = list(connects)

def finished(window):
    seen["rows"] = window.gallery.model.rowCount()
    seen["connects"] = list(connects)
    return seen["rows"] > 0
"""


def test_the_library_is_opened_and_upgraded_off_the_gui_thread(app_paths: AppPaths) -> None:
    # A library of the first schema, with a picture: the start upgrades it.
    write_version_1_library(app_paths, "old")
    result = run_to_first_paint(LIBRARY_THREADS_BODY, STEPFUN_STUDIO_DB_GUARD="strict")
    assert result["code"] == 0
    assert result["rows"] == 1
    assert result["connects"], "the library was never opened"
    assert True not in result["connects"]  # no connection made on the GUI thread
    with sqlite3.connect(app_paths.database_path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    connection.close()


def test_a_library_that_cannot_be_opened_is_explained_and_the_app_stops(
    app_paths: AppPaths,
) -> None:
    Library.open(app_paths).close()
    with sqlite3.connect(app_paths.database_path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    done = run_child_closing_dialogs()
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "DIALOG: StepFun Studio cannot start" in done.stdout
    assert "made by a newer version of StepFun Studio" in done.stderr
    with sqlite3.connect(app_paths.database_path) as connection:  # left untouched
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    connection.close()
