"""Start-up to first paint, against a bare Qt window started the same way (bench/gui.py, part 1).

A fresh process runs the app's own `run_gui()` on the bench's home (a library built by
bench/library.py's builder). The time is from just before the process is spawned to the first
Paint event of the main window. A bare `QMainWindow`, started the same way (a fresh process, the
same environment), is timed in the same run, alternating with the app: `first_paint_ratio` is
app / bare, medians of 3 each, after one unmeasured start of each (it writes the .pyc files a
user's installed copy has). Both children watch the whole application for events only until their
main window exists, then that window alone (a Python filter on every event of every widget
weighed on the app, with its thousands of construction events, and hardly on the bare window).
The child also reports which modules that the first frame does not need (openai, httpx, keyring,
the stand-in, the API client) were imported by then, how many gallery rows were loaded, its peak
memory and the CPU time it used (which other processes' load stretches far less than wall time).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

STARTUP_TARGET_S = 1.0
STARTUP_RATIO_TARGET = 3.0
# Imported before the first paint, these are start-up time spent on something the first frame
# does not show.
NOT_FOR_FIRST_FRAME = (
    "openai",
    "httpx",
    "keyring",
    "stepfun_studio.standin",
    "stepfun_studio.api.client",
    "stepfun_studio.api.providers.client",
)

# The child: the real run_gui(), stopped at the main window's first paint.
CHILD = r"""
import json, resource, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from stepfun_studio.ui.application import create_application, run_gui

app = create_application([])
UNWANTED = __UNWANTED__

class FirstPaint(QObject):
    # The whole application is watched only until the main window exists, then the window
    # alone: a Python filter on the application sees every event of every widget (thousands
    # while the window is built), which costs the app far more than the bare window and is no
    # part of either's start.
    window = None

    def eventFilter(self, obj, event):
        if self.window is None:
            if obj.objectName() != "mainWindow":
                return False
            self.window = obj
            app.removeEventFilter(self)
            obj.installEventFilter(self)
        if obj is self.window and event.type() == QEvent.Type.Paint:
            painted_at = time.time()
            obj.removeEventFilter(self)
            window = obj.window()
            gallery = getattr(window, "gallery", None)
            model = getattr(gallery, "model", None)
            print(json.dumps({
                "painted_at": painted_at,
                "openai_imported": "openai" in sys.modules,
                "unwanted": [name for name in UNWANTED if name in sys.modules],
                "gallery_rows": model.rowCount() if model is not None else -1,
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "cpu_s": sum(resource.getrusage(resource.RUSAGE_SELF)[:2]),
            }), flush=True)
            QTimer.singleShot(0, app.quit)
        return False

watcher = FirstPaint()
app.installEventFilter(watcher)
run_gui([])
""".replace("__UNWANTED__", repr(NOT_FOR_FIRST_FRAME))

# The reference: a bare QMainWindow, the same size, started and timed the same way.
BARE_CHILD = r"""
import json, resource, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication([sys.argv[0]])

class FirstPaint(QObject):
    window = None  # watched the same way as the app's (see CHILD)

    def eventFilter(self, obj, event):
        if self.window is None:
            if obj.objectName() != "mainWindow":
                return False
            self.window = obj
            app.removeEventFilter(self)
            obj.installEventFilter(self)
        if obj is self.window and event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            painted_at = time.time()
            cpu_s = sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
            print(json.dumps({"painted_at": painted_at, "cpu_s": cpu_s}), flush=True)
            QTimer.singleShot(0, app.quit)
        return False

watcher = FirstPaint()
app.installEventFilter(watcher)
window = QMainWindow()
window.setObjectName("mainWindow")
window.resize(1600, 960)
window.show()
sys.exit(app.exec())
"""


def child_environment(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        STEPFUN_STUDIO_HOME=str(home),
        QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"),
        # A key from the environment: the keyring is not what this measures.
        STEPFUN_API_KEY="bench-key-not-used",
        # Compiled modules, as an installed copy has them (pip writes them at install), kept
        # beside the bench's home rather than in the source tree.
        PYTHONPYCACHEPREFIX=str(home / "pycache"),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def measure_bare_startup(home: Path) -> tuple[float, float]:
    """Seconds from spawn to the first paint of a bare QMainWindow, in a fresh process, and the
    CPU seconds the process used by then."""
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", BARE_CHILD],
        check=False,
        env=child_environment(home),
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"bare Qt child failed:\n{done.stdout}\n{done.stderr}")
    child = json.loads(lines[-1])
    return float(child["painted_at"]) - started, float(child["cpu_s"])


def measure_startup(home: Path) -> dict[str, Any]:
    env = child_environment(home)
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"start-up child failed:\n{done.stdout}\n{done.stderr}")
    child = json.loads(lines[-1])
    return {
        "startup_s": child["painted_at"] - started,
        "openai_imported": bool(child["openai_imported"]),
        "startup_peak_rss_mb": float(child["peak_rss_mb"]),
        "startup_cpu_s": float(child["cpu_s"]),
        "unwanted": list(child["unwanted"]),
        "gallery_rows": int(child["gallery_rows"]),
    }


@dataclass
class StartupRuns:
    """One unmeasured start of each, then three of each alternating."""

    first_start_s: float
    starts: list[dict[str, Any]]
    bare_starts: list[float]
    bare_cpus: list[float]

    def report(self, verdict: Callable[[bool], str]) -> dict[str, Any]:
        """Prints the start-up lines of bench/gui.py's table; returns their figures."""
        starts, bare_starts = self.starts, self.bare_starts
        startup = sorted(starts, key=lambda run: float(run["startup_s"]))[1]
        bare_s = statistics.median(bare_starts)
        bare_cpu_s = statistics.median(self.bare_cpus)
        first_paint_s = float(startup["startup_s"])
        ratio = first_paint_s / bare_s
        print(f"{'process start -> first painted main window (s)':52} {first_paint_s:10.3f}")
        print(f"{'  bare QMainWindow, same run, same way (s)':52} {bare_s:10.3f}")
        print(
            f"{'  ratio app / bare':52} {ratio:10.2f} {STARTUP_RATIO_TARGET:8.1f}  "
            f"{verdict(ratio < STARTUP_RATIO_TARGET)}"
        )
        print(f"{'  first (unmeasured) start, writes .pyc (s)':52} {self.first_start_s:10.3f}")
        app_runs = " ".join(f"{float(run['startup_s']):.2f}" for run in starts)
        print(f"{'  app starts (s)':52} {app_runs:>10}")
        print(f"{'  bare starts (s)':52} {' '.join(f'{b:.2f}' for b in bare_starts):>10}")
        # CPU seconds do not grow with other processes' load the way wall time does.
        cpu_s = startup["startup_cpu_s"]
        print(f"{'  CPU time of the process to first paint (s)':52} {cpu_s:10.3f}")
        app_cpus = " ".join(f"{float(run['startup_cpu_s']):.2f}" for run in starts)
        print(f"{'    app runs (s)':52} {app_cpus:>10}")
        print(f"{'  CPU time of the bare process to first paint (s)':52} {bare_cpu_s:10.3f}")
        cpu_ratio = statistics.median(float(run["startup_cpu_s"]) for run in starts) / bare_cpu_s
        print(f"{'  CPU ratio app / bare (medians)':52} {cpu_ratio:10.2f}")
        unwanted = sorted({name for run in starts for name in run["unwanted"]})
        unwanted_text = ", ".join(unwanted) or "-"
        print(f"{'imported before first paint, not needed for it':52} {unwanted_text:>10}")
        print(f"{'gallery rows loaded at first paint':52} {startup['gallery_rows']:10d}")
        print(f"{'peak memory at first paint (MB)':52} {startup['startup_peak_rss_mb']:10.0f}")
        return {
            "first_paint_s": round(first_paint_s, 3),
            "bare_qt_first_paint_s": round(bare_s, 3),
            "first_paint_ratio": round(ratio, 2),
            "startup_first_paint_s": round(first_paint_s, 3),
            "startup_first_unmeasured_s": round(self.first_start_s, 3),
            "startup_cpu_s": round(startup["startup_cpu_s"], 3),
            "bare_qt_cpu_s": round(bare_cpu_s, 3),
            "first_paint_cpu_ratio": round(cpu_ratio, 2),
            "openai_imported_before_paint": any(run["openai_imported"] for run in starts),
            "imported_before_paint_not_needed": unwanted,
            "gallery_rows_at_first_paint": startup["gallery_rows"],
            "startup_peak_rss_mb": round(startup["startup_peak_rss_mb"], 1),
        }


def measure_startups(home: Path) -> StartupRuns:
    # One unmeasured start of each writes the .pyc files; then the two alternate, so a
    # change in the machine's load falls on both.
    first_start_s = float(measure_startup(home)["startup_s"])
    measure_bare_startup(home)
    starts, bare_starts, bare_cpus = [], [], []
    for _ in range(3):
        bare_s, bare_cpu_s = measure_bare_startup(home)
        bare_starts.append(bare_s)
        bare_cpus.append(bare_cpu_s)
        starts.append(measure_startup(home))
    return StartupRuns(first_start_s, starts, bare_starts, bare_cpus)
