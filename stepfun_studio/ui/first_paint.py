"""`after_first_paint(widget, *callbacks)`: work that the first frame does not need waits for it.

A zero-time timer set before `show()` fires before the first paint (timers come before the expose
and the paint it brings), so it cannot keep work off the first frame; a filter on the widget's
first Paint event can. The callbacks run on the next turn of the event loop after that paint, in
order, each once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, callbacks: list[Callable[[], object]]) -> None:
        super().__init__(widget)
        self._callbacks = callbacks
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callbacks:
            watched.removeEventFilter(self)
            callbacks, self._callbacks = self._callbacks, []
            for callback in callbacks:
                QTimer.singleShot(0, callback)
        return False


def after_first_paint(widget: QWidget, *callbacks: Callable[[], object]) -> None:
    """Runs each of `callbacks` (in order) once `widget` has painted its first frame."""
    _FirstPaint(widget, list(callbacks))
