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
