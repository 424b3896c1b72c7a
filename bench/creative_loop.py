"""The creative loop's GUI figures (issue 14): how soon a job's placeholder cell shows after
Generate, and the GUI thread's longest busy stretch while a 20-picture batch runs.

The real window and queue in this process; the stand-in in a separate process (its drawing must
not compete for our GIL, as a remote server's would not). A 1 ms QTimer records the gaps between
its ticks and the GUI thread's own CPU time between them (what we put on the thread: a loaded
machine stretches the wall gaps, not that). An idle stretch first gives the noise floor. The
GUI thread's CPU time over the whole batch, per picture, is the figure load changes least (the
1 ms timer's own ticks are in it). Prints a table, then one JSON object as the last line.

    .venv/bin/python bench/creative_loop.py [--pictures 20]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from gui_harness import GapRecorder, open_demo_window, run_loop  # noqa: E402

PLACEHOLDER_TARGET_MS = 50.0
BATCH_BUSY_TARGET_MS = 30.0


def picture(index: int) -> object:
    from PIL import Image

    from stepfun_studio.core.request import ReferenceImage

    buffer = io.BytesIO()
    Image.new("RGB", (512, 384), (index * 11 % 256, 90, 200)).save(buffer, "PNG")
    return ReferenceImage(buffer.getvalue(), "image/png", 512, 384, name=f"{index:02d}.png")


def measure(home: Path, count: int) -> dict[str, float]:
    os.environ["STEPFUN_STUDIO_HOME"] = str(home)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication

    from stepfun_studio.core.batch import BatchMode
    from stepfun_studio.core.request import GenerationRequest
    from stepfun_studio.jobs.batch_runner import BatchRunner
    from stepfun_studio.library.batches import BatchSettings, BatchState, NewItem
    from stepfun_studio.ui.gui_thread_gc import GuiThreadGarbageCollector

    _app, studio, window, process = open_demo_window(concurrency=4, per_minute=200)
    try:
        base = GenerationRequest(prompt="warm-up", model="step-2x-large", size="256x256", steps=2)
        window.reuse_parameters(base)
        run_loop(2, until=lambda: window.prompt_editor.prompt() == "warm-up", then_s=0.2)
        window.generate()  # warm-up: imports and the first connection are not timed
        run_loop(60, until=lambda: studio.queue.active_count() == 0, then_s=0.5)
        # As run_gui does once started (and bench/gui.py here): what start-up made is out of
        # the collector's sight. Without it a full collection walked every module and class,
        # 40 ms in one tick, which the app never does.
        GuiThreadGarbageCollector.freeze_long_lived()

        model = window.gallery.model
        placeholder_ms: list[float] = []
        for _ in range(5):
            started = time.perf_counter()
            window.generate()
            # The cell is placed on the GUI thread when the job is queued: every event of the
            # click is handled before it counts as shown.
            while not (model.rowCount() and model.image_id(0) < 0):
                QCoreApplication.processEvents()
                if time.perf_counter() - started > 5:
                    break
            placeholder_ms.append((time.perf_counter() - started) * 1000)
            run_loop(60, until=lambda: studio.queue.active_count() == 0, then_s=0.3)

        recorder = GapRecorder()
        recorder.start()
        run_loop(1.5)
        recorder.stop()
        idle = max(recorder.gaps)
        runner = BatchRunner(studio.queue, studio.library, studio.limits_for, parent=studio)
        items = [NewItem(picture(i), f"{i:02d}.png", f"picture {i}") for i in range(count)]
        settings = BatchSettings(base.with_changes(size="512x512"), BatchMode.REDRAW, "{filename}")
        recorder.start()
        started, cpu_started = time.perf_counter(), time.thread_time()
        runner.create("Bench batch", settings, items, start=True)
        run_loop(300, until=lambda: runner.state is BatchState.DONE)
        # The GUI thread's own CPU time per picture: what a loaded machine changes least.
        cpu_ms = (time.thread_time() - cpu_started) * 1000
        run_loop(0.5)
        wall = time.perf_counter() - started
        recorder.stop()
        done = runner.state is BatchState.DONE
    finally:
        window.close()
        process.terminate()
        process.wait(timeout=10)
    gaps = sorted(recorder.gaps)
    return {
        "placeholder_ms_median": statistics.median(placeholder_ms),
        "placeholder_ms_max": max(placeholder_ms),
        "batch_busy_max_ms": max(recorder.busy),
        "batch_gap_max_ms": gaps[-1],
        "batch_gap_p99_ms": gaps[int(len(gaps) * 0.99)],
        "idle_gap_max_ms": idle,
        "batch_wall_s": wall,
        "batch_cpu_ms_per_picture": cpu_ms / count,
        "batch_done": float(done),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pictures", type=int, default=20)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="creative-loop-bench-"))
    load_at_start = os.getloadavg()[0]
    try:
        figures = measure(home, args.pictures)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    load = os.getloadavg()[0]

    def verdict(ok: bool) -> str:
        return "ok" if ok else "OVER TARGET"

    print(f"{'measure':56} {'value':>9} {'target':>7}")
    ph = figures["placeholder_ms_max"]
    print(
        f"{'Generate -> placeholder cell shown, worst of 5 (ms)':56} {ph:9.1f} "
        f"{PLACEHOLDER_TARGET_MS:7.0f}  {verdict(ph < PLACEHOLDER_TARGET_MS)}"
    )
    print(f"{'  median (ms)':56} {figures['placeholder_ms_median']:9.1f}")
    busy = figures["batch_busy_max_ms"]
    print(
        f"{f'GUI thread busy max, {args.pictures}-picture batch (CPU, ms)':56} {busy:9.1f} "
        f"{BATCH_BUSY_TARGET_MS:7.0f}  {verdict(busy < BATCH_BUSY_TARGET_MS)}"
    )
    print(f"{'  longest wall gap between 1 ms ticks (ms)':56} {figures['batch_gap_max_ms']:9.1f}")
    print(f"{'  p99 wall gap (ms)':56} {figures['batch_gap_p99_ms']:9.1f}")
    print(f"{'  idle noise floor: longest gap, nothing running (ms)':56} "
          f"{figures['idle_gap_max_ms']:9.1f}")  # fmt: skip
    print(f"{'  GUI thread CPU per picture, the whole batch (ms)':56} "
          f"{figures['batch_cpu_ms_per_picture']:9.1f}")  # fmt: skip
    print(f"{'  batch wall time (s), finished':56} {figures['batch_wall_s']:9.1f} "
          f"{'yes' if figures['batch_done'] else 'NO':>7}")  # fmt: skip
    print(f"{'machine load average (1 min), at start / end':56} {load_at_start:5.1f} {load:4.1f}")
    result = {key: round(value, 1) for key, value in figures.items()}
    result.update(pictures=args.pictures, load_average_1min=round(load, 1))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
