"""What the GUI benches share: a real Qt event loop run for a while, a 1 ms timer that records the
GUI thread's gaps, and the stand-in server in a process of its own.

The stand-in runs in a separate process so its picture drawing does not compete for our GIL, as a
remote server would not. Used by bench/gui.py, bench/creative_loop.py and bench/arrival_profile.py.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any


def start_standin_process() -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "stepfun_studio.standin", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    base_url = process.stdout.readline().strip()
    return process, base_url


def run_loop(limit_s: float, until: Callable[[], bool] | None = None, then_s: float = 0.0) -> None:
    """Runs a real Qt event loop for `limit_s`, or until `until()` holds plus `then_s`."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(limit_s * 1000), loop.quit)
    if until is not None:
        poll = QTimer()
        poll.setInterval(5)

        def check() -> None:
            if until():
                poll.stop()
                QTimer.singleShot(int(then_s * 1000), loop.quit)

        poll.timeout.connect(check)
        poll.start()
    loop.exec()


class GapRecorder:
    """A 1 ms QTimer: the longest wall gap between its ticks, and the GUI thread's CPU time
    between them (what we put on the thread; a loaded machine stretches only the former)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer

        self.clock = QElapsedTimer()
        self.gaps: list[float] = []
        self.busy: list[float] = []
        self._last = 0.0
        self._last_cpu = 0.0
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        self.gaps.append(now - self._last)
        self._last = now
        cpu = time.thread_time()
        self.busy.append((cpu - self._last_cpu) * 1000)
        self._last_cpu = cpu

    def start(self) -> None:
        self.gaps.clear()
        self.busy.clear()
        self._last, self._last_cpu = 0.0, time.thread_time()
        self.clock.start()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()


def open_demo_window(
    concurrency: int, per_minute: int, size: tuple[int, int] | None = (1366, 768)
) -> tuple[Any, Any, Any, subprocess.Popen[str]]:
    """The app, a Studio sending to a stand-in process, and its main window shown (at `size`),
    once the queue has restored its jobs: (app, studio, window, process). The caller ends the
    process (`process.terminate()`)."""
    from stepfun_studio.core.paths import AppPaths
    from stepfun_studio.ui.application import create_application
    from stepfun_studio.ui.i18n import LanguageSwitcher
    from stepfun_studio.ui.main_window import MainWindow
    from stepfun_studio.ui.studio import Studio, StudioOptions

    app = create_application([])
    process, base_url = start_standin_process()
    paths = AppPaths.from_environment()
    studio = Studio(StudioOptions(paths=paths, concurrency=concurrency, per_minute=per_minute))
    window = MainWindow(studio, LanguageSwitcher())
    if size is not None:
        window.resize(*size)
    window.show()
    studio.start("bench-key", base_url)
    try:
        run_loop(30, until=lambda: studio.started)  # the queue restores its jobs off the GUI thread
    except BaseException:
        process.terminate()
        raise
    return app, studio, window, process
