"""`LibraryReads`: library queries on a worker thread, their answers handed back on the GUI thread.

The same mechanism the gallery's lister uses: the work runs on a `ThreadPoolExecutor`, and the
GUI thread polls the futures with a timer and calls back with the result. No Qt object is ever
touched from the worker, so a widget closed before its answer arrives is simply not called.
A failed read is logged and dropped (`finished_result`), never raised on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer

from stepfun_studio.ui.gallery.worker_results import finished_result

T = TypeVar("T")
_Pending = tuple[Future[Any], Callable[[Any], None], str]


class LibraryReads(QObject):
    """Runs reads off the GUI thread; `submit(work, done)` calls `done(result)` back here."""

    POLL_MS = 15

    def __init__(self, parent: QObject | None = None, executor: Executor | None = None) -> None:
        super().__init__(parent)
        # A shared executor (the gallery's lister) is borrowed, never shut down here.
        self._own = executor is None
        self._executor = executor or ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="library-reads"
        )
        self._pending: list[_Pending] = []
        self._closed = False
        self._poll = QTimer(self)
        self._poll.setInterval(self.POLL_MS)
        self._poll.timeout.connect(self._collect)

    def submit(
        self, work: Callable[[], T], done: Callable[[T], None], what: str
    ) -> Future[T] | None:
        """Starts `work()` on the worker; `done` gets its result on the GUI thread.

        `what` names the read in the log if it fails. None once the worker has shut down
        (the window is closing): nothing is read then.
        """
        if self._closed:
            return None
        try:
            future = self._executor.submit(work)
        except RuntimeError:
            return None  # a borrowed executor that its owner has shut down
        self._pending.append((future, done, what))
        self._poll.start()
        return future

    def busy(self) -> bool:
        return bool(self._pending)

    def cancel_all(self) -> None:
        """Forgets every read under way; one already running finishes unheard."""
        for future, _done, _what in self._pending:
            future.cancel()
        self._pending.clear()
        self._poll.stop()

    def shutdown(self) -> None:
        """Stops for good; waits for a read that is running (it may hold the library)."""
        self.cancel_all()
        self._closed = True
        if self._own:
            self._executor.shutdown(wait=True, cancel_futures=True)

    def _collect(self) -> None:
        waiting: list[_Pending] = []
        finished: list[_Pending] = []
        for entry in self._pending:
            (waiting if not entry[0].done() else finished).append(entry)
        self._pending = waiting
        if not waiting:
            self._poll.stop()
        for future, done, what in finished:
            result = finished_result(future, what)
            if result is not None:
                done(result)
