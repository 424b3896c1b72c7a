"""`run_in_background`: one call's slow work (a keyring, the network) on a thread of its own,
its outcome delivered on the GUI thread to an owner that may have gone meanwhile.

Why not a signal on the owner: the owner (a dialog, the studio) can be deleted while the thread
still runs, and a thread that then emits on it fails with "Signal source has been deleted" (or
worse). Here the thread only ever emits on one relay object that lives as long as the
application; the relay, on the GUI thread, hands the outcome to the owner only while the owner
still exists, and forgets it otherwise.

Plain daemon threads rather than a QThreadPool: a keyring that never answers must not keep the
app from quitting (the pool waits for its threads on exit).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal

log = logging.getLogger(__name__)

# The work's result, or None; the exception it raised, or None.
Done = Callable[[Any, BaseException | None], None]


class _Relay(QObject):
    delivered = Signal(int, object, object)  # token, result, error

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._waiting: dict[int, tuple[QObject, Done]] = {}
        self._tokens = itertools.count(1)
        self.delivered.connect(self._deliver)

    def register(self, owner: QObject, done: Done) -> int:
        with self._lock:
            token = next(self._tokens)
            self._waiting[token] = (owner, done)
        # The owner's end forgets its call at once, so nothing of it is kept alive until the
        # thread ends (a keyring may take its time).
        owner.destroyed.connect(lambda *_: self._forget(token))
        return token

    def _forget(self, token: int) -> None:
        with self._lock:
            self._waiting.pop(token, None)

    def _deliver(self, token: int, result: object, error: object) -> None:
        with self._lock:
            waiting = self._waiting.pop(token, None)
        if waiting is None:
            return
        owner, done = waiting
        if not shiboken6.isValid(owner):
            return
        done(result, error if isinstance(error, BaseException) else None)


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    global _relay  # noqa: PLW0603 - one relay for the process, made on the GUI thread
    if _relay is None or not shiboken6.isValid(_relay):
        _relay = _Relay(QCoreApplication.instance())
    return _relay


def run_in_background(owner: QObject, work: Callable[[], Any], done: Done, name: str) -> None:
    """Runs `work()` on a daemon thread called `name`; then, on the GUI thread, `done(result,
    error)` if `owner` still exists. Call from the GUI thread."""
    relay = _the_relay()
    token = relay.register(owner, done)

    def run() -> None:
        result: Any = None
        error: BaseException | None = None
        try:
            result = work()
        except Exception as exc:  # handed to `done`, which tells the user in words
            error = exc
        # At the very end of the process the relay itself may be gone: nobody is left to tell.
        with contextlib.suppress(RuntimeError):
            relay.delivered.emit(token, result, error)

    threading.Thread(target=run, name=name, daemon=True).start()
