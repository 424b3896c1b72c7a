"""The way to the first painted window stays light: run_gui() itself, openai not imported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from first_paint_child import run_to_first_paint

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
