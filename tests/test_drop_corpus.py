"""Every corpus file dropped as a real file on each slot: taken with its changes, or refused by
name, the slot's previous image kept, and the window never blocked."""

from __future__ import annotations

import functools
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer
from pytestqt.qtbot import QtBot
from test_drop_support import CorpusCase, build_corpus, drop, file_mime, png_bytes

from stepfun_studio.core.request import ReferenceImage
from stepfun_studio.ui.reference_slot import ReferenceSlot

WAIT_MS = 30_000
# A drop returns at once; the work is in the pool. Longest gap between GUI ticks allowed.
MAX_GUI_STALL_MS = 250


@functools.cache
def corpus() -> tuple[CorpusCase, ...]:
    return tuple(build_corpus())


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for case in corpus():
        (folder / case.name).write_bytes(case.data)
    return folder


class StallMeter:
    """Ticks a 5 ms timer on the GUI thread and records the longest gap between ticks."""

    def __init__(self) -> None:
        self.longest_ms = 0
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._clock.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        self.longest_ms = max(self.longest_ms, self._clock.restart())


@pytest.mark.parametrize("role", ["source", "style"])
def test_each_corpus_file_dropped_on_each_slot(
    qtbot: QtBot, corpus_dir: Path, tmp_path: Path, role: str
) -> None:
    slot = ReferenceSlot(role)
    slot.setObjectName(f"{role}Slot")
    qtbot.addWidget(slot)
    slot.show()
    first = tmp_path / "first.png"
    first.write_bytes(png_bytes((256, 256)))
    with qtbot.waitSignal(slot.image_changed, timeout=WAIT_MS):
        drop(slot, file_mime(first))
    meter = StallMeter()
    meter.start()
    outcomes: list[str] = []
    for case in corpus():
        before = slot.image()
        assert before is not None
        started = time.perf_counter()
        signal = slot.error if case.refusal else slot.image_changed
        with qtbot.waitSignal(signal, timeout=WAIT_MS) as blocker:
            drop(slot, file_mime(corpus_dir / case.name))
            # The drop itself only reads the mime data: it returns at once.
            assert time.perf_counter() - started < 0.2, case.name
        if case.refusal:
            message = blocker.args[0]
            assert case.name in message and case.refusal in message, message
            assert slot.image() is before, f"{case.name} replaced the image"
            assert slot.message() == message
            outcomes.append(f"{case.name}: refused")
        else:
            image = blocker.args[0]
            assert isinstance(image, ReferenceImage)
            assert image.name == case.name
            assert max(image.width, image.height) <= slot.purpose().max_side
            for expected in case.changes:
                assert expected in slot.details(), (case.name, slot.details())
            assert slot.message() == ""
            outcomes.append(f"{case.name}: accepted")
        qtbot.waitUntil(lambda: not slot.is_busy(), timeout=WAIT_MS)
    meter.stop()
    assert len(outcomes) == len(corpus())
    assert meter.longest_ms < MAX_GUI_STALL_MS
