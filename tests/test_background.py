"""`ui.background`: the one helper for work off the GUI thread, driven with real threads and a
real event loop (and, for quitting, a real second process)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from stepfun_studio.ui.background import (
    Worker,
    create_worker,
    idle_spare_threads,
    run_in_background,
    thread_worker,
    wait_until_idle,
    workers_alive,
)


def test_signals_arrive_on_the_gui_thread_in_order(qtbot: QtBot) -> None:
    gui = threading.get_ident()
    seen: list[tuple[str, object, bool]] = []
    ran_on: list[int] = []

    def work(a: int, b: int = 0) -> int:
        ran_on.append(threading.get_ident())
        return a + b

    worker = create_worker(work, 40, b=2)
    worker.started.connect(lambda: seen.append(("started", None, threading.get_ident() == gui)))
    worker.returned.connect(lambda r: seen.append(("returned", r, threading.get_ident() == gui)))
    worker.finished.connect(lambda: seen.append(("finished", None, threading.get_ident() == gui)))
    with qtbot.waitSignal(worker.finished, timeout=5000):
        worker.start()
    assert seen == [("started", None, True), ("returned", 42, True), ("finished", None, True)]
    assert ran_on and ran_on[0] != gui


def test_errors_come_back_as_the_exception(qtbot: QtBot) -> None:
    def fails() -> None:
        raise ValueError("the disk said no")

    worker = create_worker(fails)
    errors: list[BaseException] = []
    worker.errored.connect(errors.append)
    with qtbot.waitSignal(worker.finished, timeout=5000):
        worker.start()
    assert len(errors) == 1 and isinstance(errors[0], ValueError)
    assert str(errors[0]) == "the disk said no"


def test_a_worker_nobody_holds_still_delivers(qtbot: QtBot) -> None:
    results: list[int] = []
    # No reference kept here: the helper keeps the worker alive until `finished`.
    create_worker(lambda: 7).start().returned.connect(results.append)
    qtbot.waitUntil(lambda: results == [7], timeout=5000)
    assert wait_until_idle(5000)
    assert workers_alive() == 0


def test_a_lane_runs_its_work_in_the_order_started(qtbot: QtBot) -> None:
    order: list[int] = []
    threads: set[str] = set()

    def step(n: int) -> int:
        threads.add(threading.current_thread().name)
        time.sleep(0.02 * (5 - n))  # the first is the slowest: a pool would finish it last
        return n

    for n in range(5):
        create_worker(step, n, _lane="test-order").start().returned.connect(order.append)
    qtbot.waitUntil(lambda: len(order) == 5, timeout=5000)
    assert order == [0, 1, 2, 3, 4]
    assert threads == {"lane-test-order"}


def test_a_cancelled_worker_delivers_nothing_but_finished(qtbot: QtBot) -> None:
    gate = threading.Event()
    ran: list[str] = []
    blocker = create_worker(gate.wait, 5, _lane="test-cancel").start()
    later = create_worker(lambda: ran.append("ran") or "result", _lane="test-cancel")
    got: list[object] = []
    later.returned.connect(got.append)
    later.start()
    later.cancel()  # still waiting behind the blocker: it must never run
    with qtbot.waitSignal(later.finished, timeout=5000):
        gate.set()
    assert ran == [] and got == []
    assert not later.is_running and not blocker.is_running  # the lane kept their order


def test_thread_worker_makes_workers(qtbot: QtBot) -> None:
    results: list[str] = []

    @thread_worker(connect={"returned": results.append})
    def shout(word: str) -> str:
        return word.upper()

    worker = shout("hello")
    assert isinstance(worker, Worker)
    qtbot.waitUntil(lambda: results == ["HELLO"], timeout=5000)

    @thread_worker
    def quiet() -> str:
        return "later"

    unstarted = quiet()
    assert not unstarted.is_running  # not started until asked
    with qtbot.waitSignal(unstarted.returned, timeout=5000) as got:
        unstarted.start()
    assert got.args == ["later"]


def test_run_in_background_forgets_an_owner_that_is_gone(qtbot: QtBot) -> None:
    gate = threading.Event()
    owner = QObject()
    called: list[object] = []
    worker = run_in_background(owner, gate.wait, lambda r, e: called.append(r), "gone-owner")
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=5000)
    with qtbot.waitSignal(worker.finished, timeout=5000):
        gate.set()
    assert called == []

    keeper = QObject()
    outcome: list[tuple[object, object]] = []
    run_in_background(keeper, lambda: 5, lambda r, e: outcome.append((r, e)), "kept-owner")
    qtbot.waitUntil(lambda: outcome == [(5, None)], timeout=5000)


def _alive(thing: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(thing)


@pytest.mark.parametrize("lane", [None, "stuck"])
def test_a_worker_that_never_returns_does_not_keep_the_app_from_quitting(lane: str | None) -> None:
    """superqt's workers run on QThreadPool.globalInstance(), which Qt waits for at exit; ours
    are daemon threads: a keyring or disk that never answers cannot hold the app open."""
    script = textwrap.dedent(
        f"""
        import threading
        from PySide6.QtCore import QCoreApplication, QTimer
        from stepfun_studio.ui.background import create_worker
        app = QCoreApplication([])
        started = []
        worker = create_worker(threading.Event().wait, _lane={lane!r})
        worker.started.connect(lambda: started.append(1))
        worker.start()
        QTimer.singleShot(300, app.quit)
        app.exec()
        print("quit", started)
        """
    )
    began = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=30, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "quit [1]" in done.stdout
    assert time.monotonic() - began < 15


def test_work_without_a_lane_reuses_an_idle_thread_and_never_waits_behind_another(
    qtbot: QtBot,
) -> None:
    """No thread is started per piece of work (a batch lands ten pictures a second), yet one
    that blocks (a keyring, a dying disk) holds up nothing else."""
    # The thread objects themselves: an ident may be reused by a later thread, an object held
    # here may not.
    threads: list[threading.Thread] = []
    for round_ in range(1, 5):
        # Idle spares left by earlier tests are taken first; none: a new one, idle after.
        idle_after = max(1, idle_spare_threads())
        create_worker(threading.current_thread).start().returned.connect(threads.append)
        qtbot.waitUntil(lambda: len(threads) == round_, timeout=5000)  # noqa: B023
        assert wait_until_idle(5000)
        # The thread marks itself idle just after it has said it is done (a fixed 30 ms wait
        # here was too short on a loaded machine).
        qtbot.waitUntil(lambda: idle_spare_threads() >= idle_after, timeout=5000)  # noqa: B023
    assert len({id(thread) for thread in threads}) == 1  # one thread, idle in between, did all

    release = threading.Event()
    blocked = create_worker(release.wait, 10).start()
    done: list[int] = []
    create_worker(threading.get_ident).start().returned.connect(done.append)
    qtbot.waitUntil(lambda: len(done) == 1, timeout=5000)  # not behind the blocked one
    assert blocked.is_running
    release.set()
    assert wait_until_idle(5000)
