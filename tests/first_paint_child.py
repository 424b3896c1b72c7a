"""A fresh process that runs the app's own `run_gui()` and looks at its main window's first paint.

The start-up tests need a process of their own: what a module import or a thread started before
the first frame costs can only be seen in a Python that has not imported the app yet. The test
gives the child's code a body that defines `at_paint(window)` (runs at the first Paint of the
main window, notes what it sees in `seen`) and, optionally, `finished(window)` (asked every
50 ms after `FIRST_LOOK_MS`, up to 10 s, until true; then the app quits). What `seen` holds comes
back as a dict, with run_gui's exit code under "code".
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

_HARNESS = r"""
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from stepfun_studio.ui.application import create_application, run_gui

app = create_application([])
seen = {}
FIRST_LOOK_MS = 0

def finished(window):
    return True

BODY

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj.objectName() == "mainWindow":
            app.removeEventFilter(self)
            window = obj.window()
            at_paint(window)
            tries = [0]
            def later():
                tries[0] += 1
                if finished(window) or tries[0] >= 200:
                    app.quit()
                else:
                    QTimer.singleShot(50, later)
            QTimer.singleShot(FIRST_LOOK_MS, later)
        return False

watcher = FirstPaint()
app.installEventFilter(watcher)
code = run_gui([])
print(json.dumps({**seen, "code": code}))
"""


def run_to_first_paint(body: str, **environment: str) -> dict[str, Any]:
    """Runs the child with `body` (see the module's docstring) and returns what it saw.

    The child is offscreen, in an English locale, with a key in the environment so no keyring is
    asked; `environment` adds to or overrides that.
    """
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "STEPFUN_API_KEY": "test-key-not-sent",
        "LC_ALL": "C.UTF-8",  # an English system, whatever the machine running the tests says
        **environment,
    }
    done = subprocess.run(
        [sys.executable, "-c", _HARNESS.replace("BODY", body)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, done.stderr
    result: dict[str, Any] = json.loads(lines[-1])
    return result
