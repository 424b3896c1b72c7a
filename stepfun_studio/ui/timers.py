"""`single_shot`: the app's one way to make a timer that folds a burst of events into one call."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def single_shot(parent: QObject, interval_ms: int, slot: Callable[[], object]) -> QTimer:
    """A stopped single-shot timer owned by `parent`: each `start()` calls `slot` once,
    `interval_ms` later (a start while it waits begins the wait again)."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer
