"""What the GUI thread does while a batch's pictures arrive (issue 14): a diagnosis, not a bench.

The same set-up as bench/creative_loop.py (the real window and queue here, the stand-in in its
own process), then a batch of N pictures while a sampler thread reads the GUI thread's Python
stack every half millisecond (`sys._current_frames`; the switch interval is lowered so it gets
the GIL that often). A 1 ms QTimer marks the GUI thread's CPU time between ticks, as in
`GapRecorder`; for every stretch over `--over` ms the sampled stacks in it are printed, then the
functions that held the GUI thread longest over the whole batch, and the GUI thread's CPU time
per arriving picture.

    .venv/bin/python bench/arrival_profile.py [--pictures 20] [--over 12] [--top 25]
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from creative_loop import picture  # noqa: E402 - bench/creative_loop.py
from gui_harness import open_demo_window, run_loop  # noqa: E402

OURS = str(ROOT / "stepfun_studio")


def _stack(frame: FrameType | None) -> tuple[str, ...]:
    """Our own frames, outermost first, as file:function:line."""
    names: list[str] = []
    while frame is not None:
        code = frame.f_code
        if code.co_filename.startswith(OURS):
            where = code.co_filename[len(OURS) + 1 :]
            names.append(f"{where}:{code.co_name}:{frame.f_lineno}")
        frame = frame.f_back
    return tuple(reversed(names))


class Sampler:
    """Samples one thread's stack from another, with timestamps."""

    def __init__(self, thread_id: int, interval_s: float = 0.0005) -> None:
        self.thread_id = thread_id
        self.interval_s = interval_s
        self.samples: list[tuple[float, float, tuple[str, ...]]] = []  # wall, CPU, stack
        self._clock = time.pthread_getcpuclockid(thread_id)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="sampler")

    def _run(self) -> None:
        while not self._stop.is_set():
            frame = sys._current_frames().get(self.thread_id)
            cpu = time.clock_gettime(self._clock)
            self.samples.append((time.perf_counter(), cpu, _stack(frame)))
            del frame
            time.sleep(self.interval_s)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


class EventLog:
    """An application-wide event filter: when each event began, its type and receiver, so CPU
    time spent in Qt's own code (no Python frame of ours) can be put to an event."""

    def __init__(self) -> None:
        from PySide6.QtCore import QObject

        log = self

        class Filter(QObject):
            def eventFilter(self, watched: QObject, event: object) -> bool:
                kind = event.type()  # type: ignore[attr-defined]
                log.events.append((time.perf_counter(), kind, watched))
                return False

        self.events: list[tuple[float, object, object]] = []
        self.filter = Filter()

    def describe(self, at: float) -> str:
        import bisect

        position = bisect.bisect_right(self.events, at, key=lambda e: e[0]) - 1
        if position < 0:
            return "?"
        _, kind, watched = self.events[position]
        try:
            name = f"{type(watched).__name__}:{watched.objectName()}"  # type: ignore[attr-defined]
            from PySide6.QtCore import QObject

            parent = watched.parent()  # type: ignore[attr-defined]
            for _ in range(3):  # up to the first named one
                if not isinstance(parent, QObject):
                    break
                name += f" in {type(parent).__name__}:{parent.objectName()}"
                if parent.objectName() and not parent.objectName().startswith("qt_"):
                    break
                parent = parent.parent()
        except RuntimeError:
            name = type(watched).__name__
        return f"[Qt {str(kind).split('.')[-1]}] {name}"


class Ticks:
    """A 1 ms timer: (wall time, GUI-thread CPU ms since the last tick) per tick."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.ticks: list[tuple[float, float]] = []
        self._cpu = time.thread_time()
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        cpu = time.thread_time()
        self.ticks.append((time.perf_counter(), (cpu - self._cpu) * 1000))
        self._cpu = cpu

    def start(self) -> None:
        self._cpu = time.thread_time()
        self.timer.start()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pictures", type=int, default=20)
    parser.add_argument("--over", type=float, default=12.0)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="arrival-profile-"))
    os.environ["STEPFUN_STUDIO_HOME"] = str(home)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from stepfun_studio.core.batch import BatchMode
    from stepfun_studio.core.request import GenerationRequest
    from stepfun_studio.jobs.batch_runner import BatchRunner
    from stepfun_studio.library.batches import BatchSettings, BatchState, NewItem

    app, studio, window, process = open_demo_window(concurrency=4, per_minute=200)
    try:
        base = GenerationRequest(prompt="warm-up", model="step-2x-large", size="256x256", steps=2)
        window.reuse_parameters(base)
        run_loop(2, until=lambda: window.prompt_editor.prompt() == "warm-up", then_s=0.2)
        for _ in range(3):  # imports, the first connection and first paints are not looked at
            window.generate()
            run_loop(60, until=lambda: studio.queue.active_count() == 0, then_s=0.5)
        runner = BatchRunner(studio.queue, studio.library, studio.limits_for, parent=studio)
        items = [NewItem(picture(i), f"{i:02d}.png", f"picture {i}") for i in range(args.pictures)]
        settings = BatchSettings(base.with_changes(size="512x512"), BatchMode.REDRAW, "{filename}")
        arrivals = [0]
        studio.queue.image_ready.connect(lambda *_: arrivals.__setitem__(0, arrivals[0] + 1))
        sys.setswitchinterval(0.0005)
        sampler = Sampler(threading.get_ident())
        events = EventLog()
        app.installEventFilter(events.filter)
        ticks = Ticks()
        sampler.start()
        ticks.start()
        cpu_start = time.thread_time()
        runner.create("Profile batch", settings, items, start=True)
        run_loop(300, until=lambda: runner.state is BatchState.DONE, then_s=0.5)
        cpu_total = (time.thread_time() - cpu_start) * 1000
        ticks.timer.stop()
        sampler.stop()
        app.removeEventFilter(events.filter)
    finally:
        window.close()
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(home, ignore_errors=True)

    samples = sampler.samples
    # Each sample's CPU: the GUI thread's CPU clock from it to the next sample.
    weighted = [
        (at, (samples[i + 1][1] - cpu) * 1000, stack or (events.describe(at),))
        for i, (at, cpu, stack) in enumerate(samples[:-1])
    ]
    stretches = []
    previous = ticks.ticks[0][0] if ticks.ticks else 0.0
    for at, busy in ticks.ticks:
        if busy > args.over:
            stretches.append((previous, at, busy))
        previous = at
    print(f"{len(stretches)} stretches over {args.over} ms CPU; {len(samples)} samples")
    for begin, end, busy in sorted(stretches, key=lambda s: -s[2])[:8]:
        inside: collections.Counter[tuple[str, ...]] = collections.Counter()
        for at, cpu_ms, stack in weighted:
            if begin <= at <= end:
                inside[stack[-4:]] += cpu_ms
        print(f"\n== {busy:.1f} ms CPU, {(end - begin) * 1000:.1f} ms wall")
        for stack, cpu_ms in inside.most_common(8):
            print(f"  {cpu_ms:5.1f} ms  " + " > ".join(stack))
    print("\n== whole batch: CPU ms by function on the stack")
    counts: collections.Counter[str] = collections.Counter()
    for _, cpu_ms, stack in weighted:
        for name in {name if name[0] == "[" else ":".join(name.split(":")[:2]) for name in stack}:
            counts[name] += cpu_ms
    for name, cpu_ms in counts.most_common(args.top):
        print(f"  {cpu_ms:7.1f}  {name}")
    kinds = collections.Counter(events.describe(at) for at, _, _ in events.events)
    print("\n== the most frequent events during the batch")
    for name, count in kinds.most_common(12):
        print(f"  {count:5d}  {name}")
    print("\n== layout requests (who asks the window to lay out again)")
    for name, count in kinds.most_common():
        if name.startswith("[Qt 76]") and count > 3:
            print(f"  {count:5d}  {name}")
    print(
        f"\nGUI thread CPU during the batch: {cpu_total:.0f} ms for {arrivals[0]} pictures, "
        f"{cpu_total / max(1, arrivals[0]):.1f} ms per picture; loadavg {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
