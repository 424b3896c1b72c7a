"""The way to the first painted window stays light: run_gui() itself, openai not imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from stepfun_studio.ui.application import create_application, run_gui

app = create_application([])
seen = {}

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj.objectName() == "mainWindow":
            app.removeEventFilter(self)
            seen["openai"] = "openai" in sys.modules
            seen["title"] = obj.windowTitle()
            QTimer.singleShot(0, app.quit)
        return False

watcher = FirstPaint()
app.installEventFilter(watcher)
code = run_gui([])
print(json.dumps({**seen, "code": code}))
"""


def test_run_gui_paints_the_window_before_importing_openai(isolated_home: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        # A key from the environment, so no keyring is asked in the child.
        "STEPFUN_API_KEY": "test-key-not-sent",
        "LC_ALL": "C.UTF-8",  # an English system, whatever the machine running the tests says
    }
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stderr
    result = json.loads(lines[-1])
    assert result == {"openai": False, "title": "StepFun Studio", "code": 0}


def test_a_home_that_is_a_file_is_explained_not_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the app's home folder should be")
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
        "STEPFUN_STUDIO_HOME": str(blocker),
        "STEPFUN_API_KEY": "test-key-not-sent",
        "LC_ALL": "C.UTF-8",
    }
    done = subprocess.run(
        [sys.executable, "-c", child],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "DIALOG: StepFun Studio cannot start" in done.stdout
    assert "cannot write its folder" in done.stderr
    assert "STEPFUN_STUDIO_HOME" in done.stderr
