"""Quitting with pictures on their way: asked first, then a short, visible wait that keeps every
answer arriving in time; jobs not sent yet stay waiting for the next start. The real window,
the real stand-in (its latency keeps a request in flight) and a real library."""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.library.jobs import JobState
from stepfun_studio.library.library import Library
from stepfun_studio.library.records import ImageQuery
from stepfun_studio.standin import StandinServer
from stepfun_studio.ui.i18n import LanguageSwitcher
from stepfun_studio.ui.main_window import MainWindow
from stepfun_studio.ui.studio import Studio, StudioOptions

KEY = "test-key"
Opener = Callable[..., MainWindow]


@pytest.fixture
def open_window(app_paths: AppPaths, standin: StandinServer, qtbot: QtBot) -> Iterator[Opener]:
    windows: list[MainWindow] = []

    def opener(grace_s: float = 20.0) -> MainWindow:
        studio = Studio(StudioOptions(paths=app_paths, concurrency=1, quit_grace_s=grace_s))
        window = MainWindow(studio, LanguageSwitcher())
        windows.append(window)
        qtbot.addWidget(window)
        window.show()
        studio.start(KEY, standin.base_url)
        qtbot.waitUntil(lambda: studio.started, timeout=15_000)
        return window

    yield opener
    for window in windows:
        window.close()


def answer(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(f"{box.text()} {box.informativeText()}")
        seen.append(box.button(button).text())
        box.button(button).click()

    QTimer.singleShot(20, click)


def two_pictures(window: MainWindow, qtbot: QtBot, standin: StandinServer) -> list[int]:
    """One picture on its way (concurrency 1) and one waiting behind it."""
    request = GenerationRequest(prompt="two lanterns", size="256x256", steps=4, n=2)
    ids = window.studio.queue.submit(request)
    qtbot.waitUntil(lambda: standin.request_count() == 1, timeout=15_000)
    qtbot.waitUntil(
        lambda: (
            [i.state for i in window.studio.queue.jobs()] == [JobState.RUNNING, JobState.WAITING]
        ),
        timeout=15_000,
    )
    return ids


def test_wait_keeps_the_window_and_its_jobs(
    open_window: Opener, standin: StandinServer, qtbot: QtBot
) -> None:
    standin.latency_s = 20.0
    window = open_window()
    two_pictures(window, qtbot, standin)
    seen: list[str] = []
    answer(QMessageBox.StandardButton.No, seen)
    window.menus.actions["quit"].trigger()
    # "2 pictures" once the English plural forms are loaded, "2 picture(s)" before: either.
    assert re.search(
        r"2 picture(s|\(s\)) are still being made\. They may already be billed\.", seen[0]
    )
    assert seen[1] == "Wait"
    assert window.isVisible() and not window.studio.closed
    assert window.findChild(QProgressDialog, "quitGraceDialog") is None


def test_quit_waits_for_the_answer_on_its_way_and_keeps_it(
    open_window: Opener, standin: StandinServer, qtbot: QtBot, app_paths: AppPaths
) -> None:
    standin.latency_s = 2.0
    window = open_window()
    running, waiting = two_pictures(window, qtbot, standin)
    seen: list[str] = []
    answer(QMessageBox.StandardButton.Yes, seen)
    began = time.monotonic()
    window.menus.actions["quit"].trigger()
    assert seen[1] == "Quit anyway"
    # Still open, saying what it waits for; the event loop runs (a timer, not a sleep).
    assert window.isVisible()
    dialog = window.findChild(QProgressDialog, "quitGraceDialog")
    assert dialog is not None and dialog.isVisible()
    assert re.search(r"1 picture(\(s\))? already on their way", dialog.labelText())
    beats: list[float] = []
    heart = QTimer()
    heart.timeout.connect(lambda: beats.append(time.monotonic()))
    heart.start(50)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=15_000)
    heart.stop()
    waited = time.monotonic() - began
    gaps = [later - earlier for earlier, later in itertools.pairwise(beats)]
    assert beats and max(gaps) < 1.0, f"the GUI thread stalled {max(gaps):.2f} s"
    assert waited < 15.0
    assert window.studio.closed
    assert standin.request_count() == 1  # the waiting one was not sent

    with Library.open(app_paths) as library:
        assert library.count(ImageQuery()) == 1  # the answer that arrived was kept
        done = library.jobs.get(running)
        held = library.jobs.get(waiting)
        assert done is not None and done.state is JobState.DONE
        assert held is not None and held.state is JobState.WAITING  # sent at the next start


def test_the_grace_period_ends_and_the_late_job_is_marked_interrupted(
    open_window: Opener, standin: StandinServer, qtbot: QtBot
) -> None:
    standin.latency_s = 30.0
    window = open_window(grace_s=1.0)
    running, waiting = two_pictures(window, qtbot, standin)
    answer(QMessageBox.StandardButton.Yes, [])
    began = time.monotonic()
    window.menus.actions["quit"].trigger()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=15_000)
    assert time.monotonic() - began < 10.0
    assert standin.request_count() == 1

    standin.latency_s = 0.0
    again = open_window()
    states = {info.job_id: info.state for info in again.studio.queue.jobs()}
    assert states[running] is JobState.INTERRUPTED  # maybe billed: never sent again by itself
    qtbot.waitUntil(
        lambda: again.studio.queue.get(waiting).state is JobState.DONE,  # type: ignore[union-attr]
        timeout=20_000,
    )
    assert standin.request_count() == 2


def test_quit_now_stops_waiting(open_window: Opener, standin: StandinServer, qtbot: QtBot) -> None:
    standin.latency_s = 30.0
    window = open_window(grace_s=60.0)
    two_pictures(window, qtbot, standin)
    answer(QMessageBox.StandardButton.Yes, [])
    window.menus.actions["quit"].trigger()
    dialog = window.findChild(QProgressDialog, "quitGraceDialog")
    assert dialog is not None
    quit_now = dialog.findChild(QPushButton)
    assert quit_now is not None and quit_now.text() == "Quit now"
    quit_now.click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)
    assert window.studio.closed
