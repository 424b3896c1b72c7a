"""`LibraryReads`: library queries off the GUI thread, their answers handed back on it.

A thin layer on `ui.background`: each `submit` is one worker on a lane (one thread that runs its
work in order), so one widget's reads answer in the order they were asked. A widget closed
before its answer arrives is simply not called. A failed read is logged and dropped, or handed
to `failed` when the caller gives one (a locked library is worth telling the user about).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject

from stepfun_studio.ui.background import Worker, create_worker

log = logging.getLogger(__name__)

T = TypeVar("T")

DEFAULT_LANE = "library-reads"
# Gallery code not yet switched over passes its lister's executor; its reads share one lane.
SHARED_LANE = "gallery-lister"


class LibraryReads(QObject):
    """Runs reads off the GUI thread; `submit(work, done)` calls `done(result)` back here."""

    def __init__(self, parent: QObject | None = None, lane: object = None) -> None:
        super().__init__(parent)
        self._lane = (
            lane if isinstance(lane, str) else DEFAULT_LANE if lane is None else SHARED_LANE
        )
        self._pending: dict[int, Worker] = {}
        self._closed = False

    def submit(
        self,
        work: Callable[[], T],
        done: Callable[[T], object],
        what: str,
        failed: Callable[[BaseException], None] | None = None,
    ) -> Worker | None:
        """Starts `work()` on the lane; `done` gets its result here (a None result is dropped,
        as a failed one is, unless `failed` is given: it gets the exception).

        `what` names the read in the log if it fails. None once shut down (the window is
        closing): nothing is read then.
        """
        if self._closed:
            return None
        worker = create_worker(work, _lane=self._lane, _name=what)
        token = id(worker)
        self._pending[token] = worker

        def returned(result: Any) -> None:
            if result is not None and shiboken6.isValid(self):
                done(result)

        def errored(error: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            if failed is not None:
                failed(error)
            else:
                log.warning("%s failed", what, exc_info=error)

        worker.returned.connect(returned)
        worker.errored.connect(errored)
        # By token, not the worker: a closure holding its own worker would make a cycle.
        worker.finished.connect(lambda: self._pending.pop(token, None))
        return worker.start()

    def busy(self) -> bool:
        return bool(self._pending)

    def cancel_all(self) -> None:
        """Forgets every read under way; one already running finishes unheard."""
        for worker in self._pending.values():
            worker.cancel()
        self._pending.clear()

    def shutdown(self) -> None:
        """Stops for good. A read still running finishes unheard on its daemon thread; the
        library's close waits for nothing (a locked file must not hold up quitting)."""
        self.cancel_all()
        self._closed = True
