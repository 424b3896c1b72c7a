"""Runs Python's cyclic garbage collector on the GUI thread only.

Python collects cycles on whichever thread happens to allocate when a threshold is crossed. When
a cycle holds Qt objects, that can be a worker or pool thread, and Qt objects deleted off their
own thread crash later (a timer firing on a freed object; seen in this project's tests). So the
automatic collector is switched off and the same thresholds are checked from a GUI-thread timer,
which collects the same generations Python would have, just on the right thread.

Once the window is up, what is alive (modules, classes, functions, the window's wrappers) is
moved out of the collector's sight with `gc.freeze()`: a full collection then looks only at what
came later. Before that, a full collection took ~50 ms of the GUI thread on a slow machine
(48,000 objects), a visible hitch in a scrolling gallery; after it, well under a millisecond.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 500


class GuiThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.collect_if_due)
        gc.disable()
        self._timer.start()
        parent.destroyed.connect(gc.enable)

    @staticmethod
    def freeze_long_lived() -> int:
        """Collect everything, then freeze what survives; returns how many objects were frozen.

        Call once, when start-up is over. Cycles among frozen objects are never collected, so
        this is for what lives as long as the app, not for what comes and goes.
        """
        gc.collect()
        gc.freeze()
        return gc.get_freeze_count()

    def collect_if_due(self) -> int:
        """Collects the oldest generation whose threshold is crossed; returns it, or -1."""
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        due = -1
        for generation in range(3):
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                due = generation
        if due >= 0:
            gc.collect(due)
        return due
