"""The GUI-thread garbage collector: cycles are still collected, on the GUI thread."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from stepfun_studio.ui.gui_thread_gc import GuiThreadGarbageCollector


class Node:
    def __init__(self) -> None:
        self.partner: Node | None = None


def test_cycles_are_collected_on_the_gui_thread(qapp: QApplication) -> None:
    owner = QObject()
    collected_on: list[str] = []
    try:
        collector = GuiThreadGarbageCollector(owner)
        assert not gc.isenabled()
        # Everything alive now moves to the oldest generation, so the cycle below is young and
        # the first generation-0 collection frees it (one already run would age it instead).
        gc.collect()
        first, second = Node(), Node()
        first.partner, second.partner = second, first
        probe = weakref.ref(
            first, lambda _ref: collected_on.append(threading.current_thread().name)
        )
        del first, second
        # A worker thread makes enough live allocations to cross generation 0's threshold;
        # with Python's own collector the cycle would be freed there, on the worker.
        live: list[list[int]] = []

        def allocate() -> None:
            live.extend([] for _ in range(gc.get_threshold()[0] * 2))

        worker = threading.Thread(target=allocate, name="allocating-worker")
        worker.start()
        worker.join()
        assert probe() is not None
        # What the collector's timer runs on the GUI thread (called here, not waited for, so
        # the test does not hang on when the event loop gets to the timer).
        assert collector.collect_if_due() >= 0
        assert probe() is None
        live.clear()
        assert collected_on == [threading.main_thread().name]
        # A collection resets what it collected; an older generation may be due in turn (each
        # collection counts towards the next), but within three checks nothing is left due.
        checks = [collector.collect_if_due() for _ in range(3)]
        assert checks[-1] == -1
        due = [generation for generation in checks if generation >= 0]
        assert due == sorted(set(due))
    finally:
        owner.deleteLater()
        del owner
        gc.enable()
    assert gc.isenabled()


def test_frozen_start_up_objects_leave_later_cycles_collectable(qapp: QApplication) -> None:
    owner = QObject()
    try:
        collector = GuiThreadGarbageCollector(owner)
        long_lived = Node()
        frozen = collector.freeze_long_lived()
        assert frozen > 1000 and gc.get_freeze_count() == frozen  # modules, classes, ...
        assert not any(o is long_lived for o in gc.get_objects())  # out of the collector's sight
        first, second = Node(), Node()
        first.partner, second.partner = second, first
        probe = weakref.ref(first)
        del first, second
        gc.collect()  # a full collection, as the timer runs when generation 2 is due
        assert probe() is None
    finally:
        gc.unfreeze()
        owner.deleteLater()
        del owner
        gc.enable()
