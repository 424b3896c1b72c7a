"""The gallery at 100,000 images: first screen, scrolling, search keystroke, memory.

Builds a library with bench/library.py's builder (rows plus a small real WebP thumbnail per
image) in a temporary STEPFUN_STUDIO_HOME, then drives a real `GalleryPanel` offscreen:

- time from `Library.open` to the first screen of thumbnails decoded and painted;
- a steady scroll from top to bottom at 12,000 px/s (200 px per 16.7 ms frame: about one row of
  cells per frame, 300 images a second going by, a fast continuous trackpad fling held all the
  way down): the work time of every frame (events, layout, decoded thumbnails arriving, paint),
  its p95 and the longest stall. The targets apply to this run;
- a stress run, without target: one whole screen per frame for the first 1,000 frames (a
  scroll bar dragged fast), where every frame paints a screen of cells never seen before;
- keystroke in the search field to the repainted grid, for single keys in Chinese and English;
- peak resident memory after scrolling end to end;
- a new picture arriving in a fully listed grid, scrolled half way down (a designer generating
  while browsing): the GUI thread's time from `add_image` to the events it set off handled
  (the grid keeps the user's place, so nothing on screen needs painting again), at 100,000
  images and at 1,000 (built alongside), whose ratio shows whether the cost grows with the count.

Prints a table, then one JSON object of figures as the last line.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gallery.py [--images 100000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

import stepfun_studio  # noqa: F401 - its import works around a PySide6 refcount bug first
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library import ImageQuery, Library
from stepfun_studio.library.samples import sample_result
from stepfun_studio.ui.application import paint_on_one_thread
from stepfun_studio.ui.gallery import GalleryPanel
from stepfun_studio.ui.gallery.delegate import thumbnail_pixels
from stepfun_studio.ui.gui_thread_gc import GuiThreadGarbageCollector

FRAME_S = 1 / 60
STEADY_PX_PER_S = 12_000
STRESS_FRAMES = 1_000
SEARCH_KEYS = ("猫", "龙", "c", "樱", "s", "山")
ARRIVALS = 15
SMALL_LIBRARY = 1_000


def load_library_bench() -> ModuleType:
    path = Path(__file__).with_name("library.py")
    spec = importlib.util.spec_from_file_location("bench_library", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def visible_ids(panel: GalleryPanel) -> list[int]:
    first, last = panel.view.visible_rows()
    return [panel.model.image_id(r) for r in range(first, last + 1)]


def screen_is_complete(panel: GalleryPanel) -> bool:
    size_px = thumbnail_pixels(panel.delegate.cell_size, panel.view.devicePixelRatioF())
    ids = visible_ids(panel)
    return bool(ids) and all(panel.loader.cached(i, size_px) is not None for i in ids)


def first_screen_ms(
    app: QApplication, panel: GalleryPanel, paths: AppPaths
) -> tuple[float, Library]:
    started = time.perf_counter()
    library = Library.open(paths)
    panel.set_library(library)
    while not screen_is_complete(panel):
        app.processEvents()
        time.sleep(0.0005)
    panel.view.viewport().repaint()
    return (time.perf_counter() - started) * 1000, library


def scroll(
    app: QApplication,
    panel: GalleryPanel,
    step_px: int,
    max_frames: int | None = None,
    cpu: list[float] | None = None,
) -> list[float]:
    """One step per frame from the top, to the end or for `max_frames`; each frame's work ms.

    `cpu`, if given, gets each frame's GUI-thread CPU ms: the work itself, which the machine's
    load (other processes taking the cores) changes much less than the frame's wall time.
    """
    bar = panel.view.verticalScrollBar()
    bar.setValue(0)
    settle(app, 0.5)
    frames: list[float] = []
    next_frame = time.perf_counter()
    while max_frames is None or len(frames) < max_frames:
        started, started_cpu = time.perf_counter(), time.thread_time()
        bar.setValue(bar.value() + step_px)
        app.processEvents()  # layout, summaries, decoded thumbnails, and the paint itself
        frames.append((time.perf_counter() - started) * 1000)
        if cpu is not None:
            cpu.append((time.thread_time() - started_cpu) * 1000)
        if bar.value() >= bar.maximum() and panel.model.total_known:
            break
        next_frame += FRAME_S
        pause = next_frame - time.perf_counter()
        if pause > 0:
            time.sleep(pause)  # the steady pace; pool threads decode meanwhile
        else:
            next_frame = time.perf_counter()
    return frames


def type_key(app: QApplication, panel: GalleryPanel, char: str) -> tuple[float, float]:
    """Milliseconds from the key to the grid repainted with the first page, and to the match
    count shown (the first count the panel is given, whichever worker read it)."""
    marks: dict[str, float] = {}
    model = panel.model

    def mark(name: str) -> None:
        marks.setdefault(name, time.perf_counter())

    def on_reset() -> None:
        mark("page")

    def on_count(_count: int) -> None:
        mark("count")

    model.modelReset.connect(on_reset)
    model.total_changed.connect(on_count)
    model.count_known.connect(on_count)  # a broad search's COUNT, before its whole list
    started = time.perf_counter()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
        QApplication.sendEvent(panel.search, event)
    while "page" not in marks or "count" not in marks or not model.total_known:
        if "page" in marks and "grid" not in marks:
            panel.view.viewport().repaint()
            mark("grid")
        app.processEvents()
        # An idle event loop waits in the OS and leaves the GIL to the workers; a loop
        # spinning here without pause would starve them, which the app never does.
        time.sleep(0.001)
    if "grid" not in marks:
        panel.view.viewport().repaint()
        mark("grid")
    model.modelReset.disconnect(on_reset)
    model.total_changed.disconnect(on_count)
    return (marks["grid"] - started) * 1000, (marks["count"] - started) * 1000


def search_keystrokes(
    app: QApplication, panel: GalleryPanel
) -> list[tuple[str, float, float, int]]:
    results = []
    for char in SEARCH_KEYS:
        panel.search.clear()
        settle(app, 0.3)
        grid_ms, count_ms = type_key(app, panel, char)
        results.append((char, grid_ms, count_ms, panel.model.total))
    panel.search.clear()
    settle(app, 0.3)
    return results


def arrival_busy_ms(app: QApplication, panel: GalleryPanel, library: Library) -> float:
    """Median GUI-thread ms to take one new picture into the fully listed grid, mid-scroll."""
    while not panel.model.total_known:
        app.processEvents()
        time.sleep(0.001)
    bar = panel.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    settle(app, 0.3)
    spent = []
    first_seed = 9_000_000 + library.count(ImageQuery())  # new pictures even in a kept library
    for n in range(ARRIVALS):
        # Stored as the worker would (off the measured stretch), then handed to the grid.
        image_id = library.ingest_result(sample_result(first_seed + n, max_side=64))
        settle(app, 0.05)
        started = time.perf_counter()
        panel.add_image(image_id)
        app.processEvents()  # whatever the arrival set off: layout, scroll, paint
        spent.append((time.perf_counter() - started) * 1000)
        assert panel.model.image_id(0) == image_id
    return statistics.median(spent)


def small_library_arrival_ms(app: QApplication) -> float:
    """`arrival_busy_ms` on a library of `SMALL_LIBRARY` images, in a panel of its own."""
    home = Path(tempfile.mkdtemp(prefix="stepfun-gallery-bench-small-"))
    try:
        paths = AppPaths.under(home)
        load_library_bench().build(paths, SMALL_LIBRARY, random.Random(8))
        library = Library.open(paths)
        panel = GalleryPanel()
        panel.resize(1280, 860)
        panel.show()
        panel.set_library(library)
        settle(app, 0.3)
        busy = arrival_busy_ms(app, panel, library)
        panel.shutdown()
        library.close()
        panel.deleteLater()
        return busy
    finally:
        shutil.rmtree(home, ignore_errors=True)


def settle(app: QApplication, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--images", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="build here (or reuse what is there)")
    args = parser.parse_args()
    home = args.keep or Path(tempfile.mkdtemp(prefix="stepfun-gallery-bench-"))
    paths = AppPaths.under(home)
    paint_on_one_thread()  # as the app does, before Qt's first paint
    load = os.getloadavg()  # the machine is often shared: frames wait for a core
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    try:
        build_s = 0.0
        if not paths.database_path.exists():
            build_s = load_library_bench().build(paths, args.images, random.Random(7))
        # The app's garbage collection: on the GUI thread, start-up objects frozen once shown.
        GuiThreadGarbageCollector(app)
        panel = GalleryPanel()
        panel.resize(1280, 860)
        panel.show()
        settle(app, 0.2)
        GuiThreadGarbageCollector.freeze_long_lived()
        first_ms, library = first_screen_ms(app, panel, paths)
        columns = panel.view.columns()
        screen_px = panel.view.viewport().height()
        stress = scroll(app, panel, screen_px, STRESS_FRAMES)
        step_px = round(STEADY_PX_PER_S * FRAME_S)
        scroll_started = time.perf_counter()
        frames_cpu: list[float] = []
        frames = scroll(app, panel, step_px, cpu=frames_cpu)
        scroll_s = time.perf_counter() - scroll_started
        rows_loaded = panel.model.rowCount()
        settle(app, 0.5)
        last_screen = screen_is_complete(panel)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        searches = search_keystrokes(app, panel)
        arrival_large = arrival_busy_ms(app, panel, library)
        panel.shutdown()
        library.close()
        arrival_small = small_library_arrival_ms(app)
    finally:
        if args.keep is None:
            shutil.rmtree(home, ignore_errors=True)

    search_ms = [ms for _key, ms, _count_ms, _n in searches]
    count_ms = [ms for _key, _ms, ms, _n in searches]
    p95 = percentile(frames, 0.95)
    p99 = percentile(frames, 0.99)
    arrival_ratio = arrival_large / max(arrival_small, 0.001)
    print(f"Gallery benchmark: {args.images:,} images ({build_s:.0f} s to build), 1280x860 panel")
    print(f"{'measure':52} {'value':>10} {'target':>10}")
    print(f"{'first screen of thumbnails (open + page + decode) ms':52} {first_ms:10.1f}")
    print(f"{f'scroll: frames ({step_px} px per frame, 60 a second)':52} {len(frames):10d}")
    print(f"{'scroll: rows loaded at the end':52} {rows_loaded:10,d}")
    print(f"{'scroll: columns':52} {columns:10d}")
    print(f"{'scroll: wall time s':52} {scroll_s:10.1f}")
    print(f"{'scroll: median frame ms':52} {statistics.median(frames):10.2f}")
    print(f"{'scroll: p95 frame ms':52} {p95:10.2f} {'< 17':>10}")
    print(f"{'scroll: p99 frame ms':52} {p99:10.2f} {'< 17':>10}")
    print(f"{'scroll: longest stall ms':52} {max(frames):10.2f} {'< 50':>10}")
    print(
        f"{'scroll: GUI-thread CPU per frame, median ms':52} {statistics.median(frames_cpu):10.2f}"
    )
    print(f"{'scroll: GUI-thread CPU per frame, p99 ms':52} {percentile(frames_cpu, 0.99):10.2f}")
    print(
        f"{'load average before and after (1 min)':52} {load[0]:10.2f} {os.getloadavg()[0]:10.2f}"
    )
    print(f"{'scroll: last screen complete after 0.5 s':52} {last_screen!s:>10}")
    stress_label = f"stress, {screen_px} px (a screen) per frame"
    print(f"{stress_label + ': p95 frame ms':52} {percentile(stress, 0.95):10.2f} {'< 17':>10}")
    print(f"{stress_label + ': longest stall ms':52} {max(stress):10.2f}")
    print(f"{'peak memory after scrolling MB':52} {peak_mb:10.0f} {'< 250':>10}")
    print(
        f"{f'new picture -> grid, {args.images:,} listed, ms':52} {arrival_large:10.2f} {'< 5':>10}"
    )
    small_label = f"new picture -> grid, {SMALL_LIBRARY:,} listed, ms"
    print(f"{small_label:52} {arrival_small:10.2f} {'< 5':>10}")
    print(f"{'new picture: large / small':52} {arrival_ratio:10.2f} {'< 1.5':>10}")
    for key, ms, counted, matches in searches:
        label = f"keystroke {key!r} -> grid ms (count shown ms; {matches:,})"
        print(f"{label:52} {ms:10.1f} ({counted:.0f})")
    print(f"{'keystroke -> grid, max ms':52} {max(search_ms):10.1f} {'< 100':>10}")
    print(f"{'keystroke -> match count shown, max ms':52} {max(count_ms):10.1f}")
    figures = {
        "images": args.images,
        "first_screen_ms": round(first_ms, 1),
        "scroll_frames": len(frames),
        "scroll_step_px": step_px,
        "scroll_rows_loaded": rows_loaded,
        "scroll_median_frame_ms": round(statistics.median(frames), 2),
        "scroll_p95_frame_ms": round(p95, 2),
        "scroll_p99_frame_ms": round(p99, 2),
        "scroll_longest_stall_ms": round(max(frames), 2),
        "scroll_median_frame_cpu_ms": round(statistics.median(frames_cpu), 2),
        "scroll_p99_frame_cpu_ms": round(percentile(frames_cpu, 0.99), 2),
        "load_1min_before_after": [round(load[0], 2), round(os.getloadavg()[0], 2)],
        "stress_screen_per_frame_px": screen_px,
        "stress_p95_frame_ms": round(percentile(stress, 0.95), 2),
        "stress_longest_stall_ms": round(max(stress), 2),
        "peak_memory_mb": round(peak_mb),
        "search_keystroke_median_ms": round(statistics.median(search_ms), 1),
        "search_keystroke_max_ms": round(max(search_ms), 1),
        "search_keystroke_to_count_max_ms": round(max(count_ms), 1),
        # The same figure under the name: keystroke to the match count shown.
        "count_shown_max_ms": round(max(count_ms), 1),
        "arrival_busy_ms_at_1k": round(arrival_small, 2),
        "arrival_busy_ms_at_100k": round(arrival_large, 2),
        "arrival_busy_ratio": round(arrival_ratio, 2),
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
