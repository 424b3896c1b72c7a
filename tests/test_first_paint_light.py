"""What the first frame does not need waits for it: the keyring, the version, the queue.

A fresh process runs `run_gui()`; at the main window's first paint it notes which modules are
loaded and whether the studio (key, queue) has started; a turn of the event loop later, that the
start-up work did run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, sys, threading
from PySide6.QtCore import QEvent, QObject, QTimer
from stepfun_studio.ui.application import create_application, run_gui

app = create_application([])
seen = {}
LATER = ("keyring", "importlib.metadata", "openai", "httpx", "stepfun_studio.standin")

def starting(window):
    # The key is being resolved (on its thread), or the queue runs already.
    resolving = any(t.name == "resolve-connection" for t in threading.enumerate())
    return resolving or window.studio.started

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj.objectName() == "mainWindow":
            app.removeEventFilter(self)
            window = obj.window()
            seen["loaded_at_paint"] = [name for name in LATER if name in sys.modules]
            seen["starting_at_paint"] = starting(window)
            # Later the start-up work runs: the queue comes up within a few seconds (it reads
            # its table off the GUI thread first, so a fixed 200 ms may not see it yet).
            tries = [0]
            def later():
                tries[0] += 1
                if starting(window) or tries[0] >= 100:
                    seen["starting_later"] = starting(window)
                    app.quit()
                else:
                    QTimer.singleShot(50, later)
            QTimer.singleShot(200, later)
        return False

watcher = FirstPaint()
app.installEventFilter(watcher)
code = run_gui([])
print(json.dumps({**seen, "code": code}))
"""


def test_the_first_frame_does_not_wait_for_the_keyring_or_the_queue(isolated_home: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "STEPFUN_API_KEY": "test-key-not-sent",
        "LC_ALL": "C.UTF-8",
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
    assert result == {
        "loaded_at_paint": [],
        "starting_at_paint": False,
        "starting_later": True,
        "code": 0,
    }
