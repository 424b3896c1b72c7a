"""The one way the app runs slow work (disk, database, keyring, network) off the GUI thread.

The shape is superqt's (`superqt.utils.create_worker` / `thread_worker`, where napari's workers
went): `create_worker(fn, *args, **kwargs)` gives a `Worker` whose signals `started`,
`returned(result)`, `errored(exception)` and `finished` arrive on the GUI thread; `start()` runs
it; the worker keeps itself alive until `finished` has been delivered, so a caller need not hold
it. `thread_worker` turns a function into a maker of such workers.

Why not superqt itself: its workers are QRunnables on `QThreadPool.globalInstance()`, and Qt
waits for that pool's threads when the application exits. A keyring that never answers, or a
disk (NFS, a dying USB stick) that never returns from a read, would then keep the app from
quitting. Here every worker runs on a daemon thread, which the process leaves behind at exit.

Two ways to run:
- no lane: a daemon thread of its own (work that may block for long: a keyring, a download):
  an idle one kept from earlier work if there is one (`_spare_thread`), else a new one, so
  no piece of work waits behind another, and the GUI thread does not start a thread (and wait
  for it to run) for every picture that lands;
- `lane="name"`: one daemon thread per lane that runs its work in the order it was started, for
  reads whose answers must arrive in order (one widget's listing, a view's decodes).

How results cross threads: the worker thread never emits on the `Worker` (the caller may have
connected it to things that die meanwhile); it emits one queued signal on a relay that lives as
long as the application, and the relay, on the GUI thread, emits the worker's own signals.
`cancel()` makes a worker deliver nothing more but `finished` (and skip its work if it has not
begun). `run_in_background(owner, work, done, name)` is the older call, kept as a thin layer:
`done(result, error)` is called only while `owner` still exists.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

import shiboken6
from PySide6.QtCore import SIGNAL, QCoreApplication, QEventLoop, QObject, Signal

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")

# The work's result, or None; the exception it raised, or None.
Done = Callable[[Any, BaseException | None], None]

_STARTED, _RETURNED, _ERRORED, _FINISHED = range(4)


class Worker(QObject):
    """One call of a function on a daemon thread; its outcome as signals on the GUI thread."""

    started = Signal()
    returned = Signal(object)
    errored = Signal(object)  # the exception the function raised
    finished = Signal()

    def __init__(
        self,
        fn: Callable[..., Any],
        *args: Any,
        _lane: str | None = None,
        _name: str = "",
        **kw: Any,
    ) -> None:
        super().__init__(None)  # no parent: an owner's end must not delete a worker mid-run
        self._call: Callable[[], Any] = functools.partial(fn, *args, **kw)
        self._lane = _lane
        self._name = _name or getattr(fn, "__name__", "worker")
        self._cancelled = threading.Event()
        self._state = "new"  # new -> waiting -> running -> done

    @property
    def name(self) -> str:
        return self._name

    @property
    def is_running(self) -> bool:
        """True from `start()` until `finished` has been delivered."""
        return self._state in ("waiting", "running")

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def start(self) -> Worker:
        """Runs the function (once); call on the GUI thread. Returns the worker, for chaining."""
        if self._state != "new":
            return self
        self._state = "waiting"
        relay = _the_relay()
        relay.keep(self)
        box = [self]
        if self._lane is None:
            _spare_thread().put((box, relay))
        else:
            _lane(self._lane).put((box, relay))
        return self

    def cancel(self) -> None:
        """Nothing more is delivered but `finished`; not begun yet: the function never runs.

        A function already running is not interrupted (Python cannot stop a thread); its
        outcome is dropped.
        """
        self._cancelled.set()

    # --- on the worker's thread -----------------------------------------------------------

    def _run(self, relay: _Relay) -> None:
        if self._cancelled.is_set():
            _emit(relay, self, _FINISHED, None)
            return
        _emit(relay, self, _STARTED, None)
        try:
            result = self._call()
        except Exception as exc:  # handed to `errored`, whose receiver tells the user
            _emit(relay, self, _ERRORED, exc)
        else:
            _emit(relay, self, _RETURNED, result)
        _emit(relay, self, _FINISHED, None)

    # --- on the GUI thread ----------------------------------------------------------------

    def _deliver(self, kind: int, value: object) -> None:
        if kind == _FINISHED:
            self._state = "done"
            # The arguments go here, on the GUI thread: a closure may hold the last reference
            # to a Qt object, which must not die on the worker's thread.
            self._call = _spent
            self.finished.emit()
            return
        if self._cancelled.is_set():
            return
        if kind == _STARTED:
            self._state = "running"
            self.started.emit()
        elif kind == _RETURNED:
            self.returned.emit(value)
        elif kind == _ERRORED:
            if not _has_receivers(self):
                log.error("%s failed and nobody was listening", self._name, exc_info=value)  # type: ignore[arg-type]
            self.errored.emit(value)


def _spent() -> None:
    return None


def _has_receivers(worker: Worker) -> bool:
    return bool(worker.receivers(SIGNAL("errored(PyObject)")))


def _emit(relay: _Relay, worker: Worker, kind: int, value: object) -> None:
    # At the very end of the process the relay itself may be gone: nobody is left to tell.
    with contextlib.suppress(RuntimeError):
        relay.delivered.emit(worker, kind, value)


class _Relay(QObject):
    """Lives on the GUI thread as long as the application; carries outcomes across."""

    delivered = Signal(object, int, object)  # worker, kind, value
    released = Signal(object)  # id(worker): its thread holds no reference to it any more

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self._alive: dict[int, Worker] = {}
        self.delivered.connect(self._on_delivered)
        self.released.connect(self._on_released)

    def keep(self, worker: Worker) -> None:
        self._alive[id(worker)] = worker

    def busy(self) -> int:
        return len(self._alive)

    def _on_delivered(self, worker: object, kind: int, value: object) -> None:
        assert isinstance(worker, Worker)
        if shiboken6.isValid(worker):
            worker._deliver(kind, value)

    def _on_released(self, key: int) -> None:
        # Only now, on the GUI thread, may the last reference go: a QObject must die on the
        # thread it lives on, and Python deletes it where its last reference is dropped.
        self._alive.pop(key, None)


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    global _relay  # noqa: PLW0603 - one relay for the process, made on the GUI thread
    if _relay is None or not shiboken6.isValid(_relay):
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("background work needs a QCoreApplication")
        _relay = _Relay(app)
    return _relay


def workers_alive() -> int:
    """How many workers have started and not yet delivered `finished` (for tests)."""
    return 0 if _relay is None or not shiboken6.isValid(_relay) else _relay.busy()


def wait_until_idle(timeout_ms: int) -> bool:
    """Runs the event loop until every started worker has delivered `finished` (tests, and
    nothing else: the app never waits); False if some were still running at the timeout."""
    deadline = time.monotonic() + timeout_ms / 1000
    while workers_alive():
        if time.monotonic() > deadline:
            return False
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.002)
    return True


# --- lanes -----------------------------------------------------------------------------------

_lanes: dict[str, queue.SimpleQueue[tuple[list[Worker], _Relay]]] = {}
_lanes_lock = threading.Lock()


def _lane(name: str) -> queue.SimpleQueue[tuple[list[Worker], _Relay]]:
    with _lanes_lock:
        lane = _lanes.get(name)
        if lane is None:
            lane = _lanes[name] = queue.SimpleQueue()
            threading.Thread(target=_serve, args=(lane,), name=f"lane-{name}", daemon=True).start()
        return lane


def _serve_one(box: list[Worker], relay: _Relay) -> None:
    """Runs the worker in `box`, then says so by its key only, holding no reference to it."""
    worker = box.pop()
    key = id(worker)
    worker._run(relay)
    del worker
    with contextlib.suppress(RuntimeError):  # the relay may be gone at the end of the process
        relay.released.emit(key)


# --- spare threads (work without a lane) -------------------------------------------------------

_Inbox = queue.SimpleQueue[tuple[list[Worker], _Relay]]
# An idle spare thread waits this long for more work, then ends.
SPARE_IDLE_S = 30.0
_spares: list[_Inbox] = []  # the inboxes of idle spare threads; guarded by _lanes_lock


def _spare_thread() -> _Inbox:
    """The inbox of an idle spare thread (it is no longer idle), or of a new one."""
    with _lanes_lock:
        if _spares:
            return _spares.pop()
    inbox: _Inbox = queue.SimpleQueue()
    threading.Thread(target=_serve_spare, args=(inbox,), name="spare", daemon=True).start()
    return inbox


def idle_spare_threads() -> int:
    """How many spare threads wait for work now (for tests: a thread is idle just after it has
    delivered its worker's answer, not at once)."""
    with _lanes_lock:
        return len(_spares)


def _serve_spare(inbox: _Inbox) -> None:
    while True:
        try:
            box, relay = inbox.get(timeout=SPARE_IDLE_S)
        except queue.Empty:
            with _lanes_lock:
                if inbox in _spares:  # nobody took it meanwhile: end
                    _spares.remove(inbox)
                    return
            continue  # taken just now: its work is on the way
        threading.current_thread().name = box[0].name
        _serve_one(box, relay)
        del box, relay  # not held while idle
        with _lanes_lock:
            _spares.append(inbox)


def _serve(lane: queue.SimpleQueue[tuple[list[Worker], _Relay]]) -> None:
    while True:
        box, relay = lane.get()
        _serve_one(box, relay)
        del box, relay  # not held until the next piece of work arrives


# --- the API ---------------------------------------------------------------------------------


def create_worker(
    fn: Callable[..., Any], *args: Any, _lane: str | None = None, _name: str = "", **kwargs: Any
) -> Worker:
    """A worker that will call `fn(*args, **kwargs)`; connect its signals, then `start()` it.

    `_lane` runs it on that lane's one thread, in order; `_name` names the thread in logs
    (underscored, as superqt's `_start_thread`/`_connect`, so they never clash with `fn`'s).
    """
    return Worker(fn, *args, _lane=_lane, _name=_name, **kwargs)


def thread_worker(
    fn: Callable[P, Any] | None = None,
    *,
    lane: str | None = None,
    connect: dict[str, Callable[..., Any]] | None = None,
    start: bool | None = None,
) -> Any:
    """Decorator: calling the function returns a `Worker` for that call instead of running it.

    With `connect` ({"returned": callback, ...}) the worker is connected and, unless
    `start=False`, started; otherwise it starts only with `start=True`.
    """

    def decorate(function: Callable[P, Any]) -> Callable[P, Worker]:
        @functools.wraps(function)
        def make(*args: P.args, **kwargs: P.kwargs) -> Worker:
            call = functools.partial(function, *args, **kwargs)
            worker = Worker(call, _lane=lane, _name=getattr(function, "__name__", ""))
            for signal, callback in (connect or {}).items():
                getattr(worker, signal).connect(callback)
            if start or (start is None and connect):
                worker.start()
            return worker

        return make

    return decorate(fn) if fn is not None else decorate


def run_in_background(
    owner: QObject,
    work: Callable[[], Any],
    done: Done,
    name: str,
    *,
    lane: str | None = None,
) -> Worker:
    """Runs `work()` off the GUI thread; then, on the GUI thread, `done(result, error)` if
    `owner` still exists. Call from the GUI thread."""
    worker = create_worker(work, _lane=lane, _name=name)
    waiting: list[Done] = [done]

    def forget(*_args: object) -> None:
        # The owner's end lets go of `done` at once, so nothing of it (the owner's wrapper, its
        # bound method) is kept until the thread ends: a keyring may take its time.
        waiting.clear()

    connection = owner.destroyed.connect(forget)

    def deliver(result: Any, error: BaseException | None) -> None:
        callback = waiting.pop() if waiting else None
        if callback is None or not shiboken6.isValid(owner):
            return
        with contextlib.suppress(RuntimeError, TypeError):
            owner.destroyed.disconnect(connection)
        callback(result, error)

    worker.returned.connect(lambda result: deliver(result, None))
    worker.errored.connect(lambda error: deliver(None, error))
    worker.start()
    return worker
