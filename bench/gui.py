"""GUI benchmark: start-up to first paint with a 100,000-image library against a bare Qt window,
the longest GUI stall while 8 jobs run, the GUI thread while another process holds the database,
and peak memory.

1. Start-up: a fresh process runs the app's own `run_gui()` on a home holding a 100,000-image
   library (built with bench/library.py's builder). The time is from just before the process is
   spawned to the first Paint event of the main window. A bare `QMainWindow`, started the same
   way (a fresh process, the same environment), is timed in the same run, alternating with the
   app: `first_paint_ratio` is app / bare, medians of 3 each, after one unmeasured start of
   each (it writes the .pyc files a user's installed copy has). Both children watch the whole
   application for events only until their main window exists, then that window alone (a Python
   filter on every event of every widget weighed on the app, with its thousands of construction
   events, and hardly on the bare window). The child also reports which
   modules that the first frame does not need (openai, httpx, keyring, the stand-in, the API
   client) were imported by then, and how many gallery rows were loaded.
2. Stall: in this process, the real window and queue on the same library; a stand-in server in a
   separate process (so its picture drawing does not compete for our GIL, as a remote server
   would not); 8 jobs of 1024x1024 b64_json at once. A 1 ms QTimer records the largest gap
   between its ticks from Generate until the 8th image has been ingested and shown.
3. Database held: a second process takes `BEGIN EXCLUSIVE` on the library for ~5 s while the
   window is used (a picture opened, rated, two searches); the same 1 ms timer gives the GUI
   thread's longest busy stretch, the longest gap between ticks (`db_held_busy_max_ms`, target
   50, issue 13): waiting for the lock on the GUI thread counts, as the user sees it. The
   bench's pictures have thumbnails but no originals, so the detail view logs "could not
   decode" for them.
4. Peak memory: ru_maxrss of this process (and of the start-up child).

    .venv/bin/python bench/gui.py [--images N] [--keep DIR] [--skip-jobs] [--startup-only]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

STARTUP_TARGET_S = 1.0
STARTUP_RATIO_TARGET = 3.0
STALL_TARGET_MS = 30.0
DB_HELD_TARGET_MS = 50.0
DB_HELD_S = 5.0
JOBS = 8
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


def measure_stall(home: Path) -> dict[str, float]:
    os.environ["STEPFUN_STUDIO_HOME"] = str(home)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer

    from stepfun_studio.core.paths import AppPaths
    from stepfun_studio.core.request import GenerationRequest, ResponseFormat
    from stepfun_studio.ui.application import create_application
    from stepfun_studio.ui.gui_thread_gc import GuiThreadGarbageCollector
    from stepfun_studio.ui.i18n import LanguageSwitcher
    from stepfun_studio.ui.main_window import MainWindow
    from stepfun_studio.ui.studio import Studio, StudioOptions

    app = create_application([])
    process, base_url = start_standin_process()
    studio = Studio(StudioOptions(paths=AppPaths.from_environment(), concurrency=8, per_minute=100))
    window = MainWindow(studio, LanguageSwitcher())
    window.show()
    studio.start("bench-key", base_url)
    try:
        while not studio.started:  # the queue restores its jobs off the GUI thread
            app.processEvents()
            time.sleep(0.005)
        # Warm-up: one job, so imports (openai, httpx2) and the first connection are not timed.
        studio.queue.submit(GenerationRequest(prompt="warm-up", size="256x256", steps=2))
        deadline = time.monotonic() + 60
        while studio.queue.active_count() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.005)
        GuiThreadGarbageCollector.freeze_long_lived()  # as run_gui does once started

        ready: list[int] = []
        studio.queue.image_ready.connect(lambda _job, image: ready.append(image))
        clock = QElapsedTimer()
        gaps: list[float] = []
        last = [0.0]

        # Also the GUI thread's own CPU time between ticks: the work we put on it, which the
        # machine's load does not stretch (waiting for a core or the GIL is not counted).
        busy: list[float] = []
        last_cpu = [time.thread_time()]

        def tick() -> None:
            now = clock.nsecsElapsed() / 1e6
            gaps.append(now - last[0])
            last[0] = now
            cpu = time.thread_time()
            busy.append((cpu - last_cpu[0]) * 1000)
            last_cpu[0] = cpu

        timer = QTimer()
        timer.setInterval(1)
        timer.timeout.connect(tick)
        # The noise floor first: the same timer for 1.5 s with nothing running. On a loaded
        # machine this alone shows gaps the app did not cause.
        clock.start()
        timer.start()
        run_loop(1.5)
        timer.stop()
        idle_gaps = sorted(gaps)
        gaps.clear()
        busy.clear()
        last_cpu[0] = time.thread_time()
        last[0] = 0.0
        request = GenerationRequest(
            prompt="a harbour at night, lanterns on the water",
            size="1024x1024",
            steps=30,
            n=JOBS,
            response_format=ResponseFormat.B64_JSON,
        )
        clock.start()
        timer.start()
        started = time.perf_counter()
        studio.queue.submit(request)
        # The app's own event loop, as in use; 0.3 s more after the last image, so the
        # gallery's reaction to it is included.
        run_loop(120, until=lambda: len(ready) >= JOBS, then_s=0.3)
        elapsed = time.perf_counter() - started
        timer.stop()
        if len(ready) < JOBS:
            raise RuntimeError(f"only {len(ready)} of {JOBS} images arrived")
    finally:
        window.close()
        process.terminate()
        process.wait(timeout=10)
    gaps.sort()
    return {
        "idle_max_ms": idle_gaps[-1],
        "stall_max_ms": gaps[-1],
        "busy_max_ms": max(busy),
        "stall_p99_ms": gaps[int(len(gaps) * 0.99)],
        "jobs_wall_s": elapsed,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


# The second process: holds the library's write lock for DB_HELD_S seconds.
HOLDER = r"""
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
connection.execute("BEGIN EXCLUSIVE")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("COMMIT")
print("released", flush=True)
"""


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


def measure_db_held(home: Path) -> dict[str, Any]:
    """The GUI thread while another process holds the database: open, rate, search."""
    os.environ["STEPFUN_STUDIO_HOME"] = str(home)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from stepfun_studio.core.paths import AppPaths
    from stepfun_studio.ui.application import create_application
    from stepfun_studio.ui.i18n import LanguageSwitcher
    from stepfun_studio.ui.main_window import MainWindow
    from stepfun_studio.ui.studio import Studio, StudioOptions

    create_application([])
    paths = AppPaths.from_environment()
    studio = Studio(StudioOptions(paths=paths))
    window = MainWindow(studio, LanguageSwitcher())
    window.show()
    errors: list[str] = []
    try:
        run_loop(1.5)  # the first page, thumbnails, the lister: settled before the lock
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(paths.database_path), str(DB_HELD_S)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert holder.stdout is not None
        if holder.stdout.readline().strip() != "held":
            raise RuntimeError("the second process could not take the database")
        recorder = GapRecorder()
        idle = GapRecorder()
        panel = window.gallery
        view = panel.view

        def open_picture() -> None:
            view.setFocus()
            view.setCurrentIndex(view.model().index(0, 0))

        def next_picture() -> None:
            view.setCurrentIndex(view.model().index(1, 0))

        def rate() -> None:
            QTest.keyClick(view, Qt.Key.Key_4)

        def search(text: str) -> None:
            panel.search.setText(text)

        def close_dialogs() -> None:
            # An error dialog is modal: note it and close it, so the run goes on.
            widget = QApplication.activeModalWidget()
            if widget is not None:
                errors.append(type(widget).__name__ + ": " + widget.windowTitle())
                widget.close()

        actions_ms: dict[str, float] = {}

        def timed_step(name: str, action: Callable[[], object]) -> Callable[[], None]:
            # How long each action held the GUI thread itself (its slot, not what it queued).
            def run() -> None:
                started = time.perf_counter()
                action()
                actions_ms[name] = round((time.perf_counter() - started) * 1000, 1)

            return run

        steps = [
            (300, timed_step("open a picture", open_picture)),
            (900, timed_step("next picture", next_picture)),
            (1500, timed_step("rate it 4", rate)),
            (2200, timed_step("search 猫", lambda: search("猫"))),
            (3000, timed_step("search city", lambda: search("city"))),
            (3800, timed_step("clear the search", lambda: search(""))),
        ]
        keep = [QTimer.singleShot(at, action) for at, action in steps]
        dialogs = QTimer()
        dialogs.setInterval(200)
        dialogs.timeout.connect(close_dialogs)
        dialogs.start()
        started = time.perf_counter()
        recorder.start()
        run_loop(DB_HELD_S + 1.0, until=lambda: holder.poll() is not None, then_s=0.5)
        recorder.stop()
        held_s = time.perf_counter() - started
        dialogs.stop()
        holder.wait(timeout=30)
        del keep
        # The noise floor: the same recorder with nothing happening.
        idle.start()
        run_loop(1.5)
        idle.stop()
    finally:
        window.close()
        window.shutdown()
    return {
        # Busy = not turning its event loop: waiting on a lock counts as much as computing.
        "db_held_busy_max_ms": max(recorder.gaps),
        "db_held_cpu_max_ms": max(recorder.busy),
        "db_held_idle_gap_max_ms": max(idle.gaps),
        "db_held_run_s": held_s,
        "db_held_dialogs": errors,
        "db_held_actions_ms": actions_ms,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--images", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="build the library here and keep it")
    parser.add_argument("--skip-jobs", action="store_true", help="leave out the 8-job stall")
    parser.add_argument(
        "--startup-only",
        action="store_true",
        help="only the start-up figures (no database-held run, no 8-job stall)",
    )
    args = parser.parse_args()
    home = args.keep or Path(tempfile.mkdtemp(prefix="stepfun-gui-bench-"))
    load_at_start = os.getloadavg()[0]
    try:
        from library import build  # bench/library.py's builder

        from stepfun_studio.core.paths import AppPaths

        paths = AppPaths.under(home)
        build_s = 0.0
        if not paths.database_path.exists():
            build_s = build(paths, args.images, random.Random(11))
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
        startup = sorted(starts, key=lambda run: float(run["startup_s"]))[1]
        bare_s = statistics.median(bare_starts)
        bare_cpu_s = statistics.median(bare_cpus)
        held = None if args.startup_only else measure_db_held(home)
        stall = None if args.skip_jobs or args.startup_only else measure_stall(home)
    finally:
        if args.keep is None:
            shutil.rmtree(home, ignore_errors=True)

    def verdict(ok: bool) -> str:
        return "ok" if ok else "OVER TARGET"

    load = os.getloadavg()[0]
    print(f"GUI benchmark: {args.images:,}-image library (built in {build_s:.1f} s)")
    print(f"{'measure':52} {'value':>10} {'target':>8}")
    first_paint_s = float(startup["startup_s"])
    ratio = first_paint_s / bare_s
    print(f"{'process start -> first painted main window (s)':52} {first_paint_s:10.3f}")
    print(f"{'  bare QMainWindow, same run, same way (s)':52} {bare_s:10.3f}")
    print(
        f"{'  ratio app / bare':52} {ratio:10.2f} {STARTUP_RATIO_TARGET:8.1f}  "
        f"{verdict(ratio < STARTUP_RATIO_TARGET)}"
    )
    print(f"{'  first (unmeasured) start, writes .pyc (s)':52} {first_start_s:10.3f}")
    app_runs = " ".join(f"{float(run['startup_s']):.2f}" for run in starts)
    print(f"{'  app starts (s)':52} {app_runs:>10}")
    print(f"{'  bare starts (s)':52} {' '.join(f'{b:.2f}' for b in bare_starts):>10}")
    # CPU seconds do not grow with other processes' load the way wall time does.
    print(f"{'  CPU time of the process to first paint (s)':52} {startup['startup_cpu_s']:10.3f}")
    app_cpus = " ".join(f"{float(run['startup_cpu_s']):.2f}" for run in starts)
    print(f"{'    app runs (s)':52} {app_cpus:>10}")
    print(f"{'  CPU time of the bare process to first paint (s)':52} {bare_cpu_s:10.3f}")
    cpu_ratio = statistics.median(float(run["startup_cpu_s"]) for run in starts) / bare_cpu_s
    print(f"{'  CPU ratio app / bare (medians)':52} {cpu_ratio:10.2f}")
    unwanted = sorted({name for run in starts for name in run["unwanted"]})
    print(f"{'imported before first paint, not needed for it':52} {', '.join(unwanted) or '-':>10}")
    print(f"{'gallery rows loaded at first paint':52} {startup['gallery_rows']:10d}")
    print(f"{'peak memory at first paint (MB)':52} {startup['startup_peak_rss_mb']:10.0f}")
    figures: dict[str, Any] = {
        "images": args.images,
        "first_paint_s": round(first_paint_s, 3),
        "bare_qt_first_paint_s": round(bare_s, 3),
        "first_paint_ratio": round(ratio, 2),
        "startup_first_paint_s": round(first_paint_s, 3),
        "startup_first_unmeasured_s": round(first_start_s, 3),
        "startup_cpu_s": round(startup["startup_cpu_s"], 3),
        "bare_qt_cpu_s": round(bare_cpu_s, 3),
        "first_paint_cpu_ratio": round(cpu_ratio, 2),
        "openai_imported_before_paint": any(run["openai_imported"] for run in starts),
        "imported_before_paint_not_needed": unwanted,
        "gallery_rows_at_first_paint": startup["gallery_rows"],
        "startup_peak_rss_mb": round(startup["startup_peak_rss_mb"], 1),
    }
    if held is not None:
        ok_held = held["db_held_busy_max_ms"] < DB_HELD_TARGET_MS
        print(
            f"{'database held by another process: GUI busy max (ms)':52} "
            f"{held['db_held_busy_max_ms']:10.1f} {DB_HELD_TARGET_MS:8.0f}  {verdict(ok_held)}"
        )
        print(
            f"{'  of it computing (CPU between ticks, ms)':52} {held['db_held_cpu_max_ms']:10.1f}"
        )
        print(f"{'  idle noise floor after it (ms)':52} {held['db_held_idle_gap_max_ms']:10.1f}")
        print(f"{'  dialogs shown meanwhile':52} {'; '.join(held['db_held_dialogs']) or '-':>10}")
        for name, ms in held["db_held_actions_ms"].items():
            print(f"{'  ' + name + ', in its own slot (ms)':52} {ms:10.1f}")
        figures.update(
            db_held_busy_max_ms=round(held["db_held_busy_max_ms"], 1),
            db_held_cpu_max_ms=round(held["db_held_cpu_max_ms"], 1),
            db_held_idle_gap_max_ms=round(held["db_held_idle_gap_max_ms"], 1),
            db_held_dialogs=held["db_held_dialogs"],
            db_held_actions_ms=held["db_held_actions_ms"],
        )
    if stall is not None:
        ok_stall = stall["stall_max_ms"] < STALL_TARGET_MS
        print(
            f"{f'longest GUI stall, {JOBS} jobs 1024x1024 b64_json (ms)':52} "
            f"{stall['stall_max_ms']:10.1f} {STALL_TARGET_MS:8.0f}  {verdict(ok_stall)}"
        )
        print(f"{'  p99 timer gap (ms)':52} {stall['stall_p99_ms']:10.1f}")
        print(
            f"{'  longest GUI-thread work between ticks, CPU (ms)':52} {stall['busy_max_ms']:10.1f}"
        )
        print(
            f"{'  idle noise floor: longest gap, nothing running (ms)':52} "
            f"{stall['idle_max_ms']:10.1f}"
        )
        print(f"{f'  {JOBS} jobs, wall time (s)':52} {stall['jobs_wall_s']:10.2f}")
        print(f"{'peak memory, window + 8 jobs (MB)':52} {stall['peak_rss_mb']:10.0f}")
        figures.update(
            gui_stall_max_ms=round(stall["stall_max_ms"], 1),
            gui_stall_p99_ms=round(stall["stall_p99_ms"], 1),
            gui_thread_busy_max_ms=round(stall["busy_max_ms"], 1),
            gui_idle_gap_max_ms=round(stall["idle_max_ms"], 1),
            jobs_wall_s=round(stall["jobs_wall_s"], 2),
            peak_rss_mb=round(stall["peak_rss_mb"], 1),
        )
    print(f"{'machine load average (1 min), at start / end':52} {load_at_start:5.1f} {load:4.1f}")
    figures.update(
        load_average_1min=round(load, 1), load_average_1min_at_start=round(load_at_start, 1)
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
