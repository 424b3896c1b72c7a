"""The real main window, driven by its object names, against the real stand-in and library."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTreeView,
)
from pytestqt.qtbot import QtBot

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library.jobs import JobState
from stepfun_studio.standin import StandinServer
from stepfun_studio.ui.i18n import LanguageSwitcher
from stepfun_studio.ui.main_window import MainWindow
from stepfun_studio.ui.studio import Studio, StudioOptions

KEY = "test-key"

WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def open_window(
    app_paths: AppPaths, standin: StandinServer, qtbot: QtBot
) -> Iterator[WindowFactory]:
    """Opens a window on the test's home; each call is one start of the app."""
    windows: list[MainWindow] = []

    def factory(key: str | None = KEY, concurrency: int = 5) -> MainWindow:
        studio = Studio(
            StudioOptions(paths=app_paths, concurrency=concurrency, rate_backoff_s=0.05)
        )
        window = MainWindow(studio, LanguageSwitcher())
        windows.append(window)
        qtbot.addWidget(window)
        window.show()
        studio.start(key, standin.base_url if key else None)
        # The queue restores its jobs off the GUI thread; Generate waits for that.
        qtbot.waitUntil(lambda: studio.started, timeout=15_000)
        # The parameter dock makes its fields after the window's first paint.
        qtbot.waitUntil(window.parameter_dock.form_built)
        return window

    yield factory
    for window in windows:
        window.close()


def child(window: MainWindow, kind: type, name: str):  # type: ignore[no-untyped-def]
    found = window.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name}"
    return found


def set_prompt(window: MainWindow, qtbot: QtBot, text: str) -> None:
    editor = child(window, QPlainTextEdit, "promptEditor")
    editor.setFocus()
    qtbot.keyClicks(editor, text)


def choose(combo: QComboBox, text: str) -> None:
    index = combo.findText(text, Qt.MatchFlag.MatchContains)
    assert index >= 0, f"{text} not offered"
    combo.setCurrentIndex(index)


def generate(window: MainWindow, qtbot: QtBot) -> None:
    button = child(window, QPushButton, "generateButton")
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def job_states(window: MainWindow) -> list[JobState]:
    return [info.state for info in window.studio.queue.jobs()]


def test_generate_three_images_end_to_end(open_window: WindowFactory, qtbot: QtBot) -> None:
    window = open_window()
    set_prompt(window, qtbot, "a paper boat on a pond")
    choose(child(window, QComboBox, "sizeCombo"), "512")
    child(window, QSpinBox, "stepsSpin").setValue(12)
    child(window, QSpinBox, "countSpin").setValue(3)
    generate(window, qtbot)

    qtbot.waitUntil(lambda: job_states(window) == [JobState.DONE] * 3, timeout=20_000)
    library = window.studio.library
    image_ids = [info.image_id for info in window.studio.queue.jobs()]
    seeds = set()
    for image_id in image_ids:
        assert image_id is not None
        record = library.get(image_id)
        assert record is not None
        assert (record.prompt, record.size, record.steps) == (
            "a paper boat on a pond",
            "512x512",
            12,
        )
        assert record.returned_seed
        seeds.add(record.returned_seed)
    assert len(seeds) == 3
    table = child(window, QTreeView, "queueTable")
    # One Generate of three: one group row, the three jobs under it.
    assert table.model().rowCount() == 1
    assert table.model().rowCount(table.model().index(0, 0)) == 3
    assert window.gallery.model.rowCount() == 3
    assert window.statusBar().objectName() == "statusBar"


def test_an_invalid_field_disables_generate_and_says_why(
    open_window: WindowFactory, qtbot: QtBot, standin: StandinServer
) -> None:
    window = open_window()
    button = child(window, QPushButton, "generateButton")
    set_prompt(window, qtbot, "x" * 520)
    qtbot.waitUntil(lambda: not button.isEnabled())
    reasons = [label.text() for label in window.findChildren(QLabel) if label.isVisible()]
    assert any("512" in text and "520" in text for text in reasons), reasons
    window.menus.actions["generate"].trigger()
    assert window.generate() == []
    assert standin.request_count() == 0

    editor = child(window, QPlainTextEdit, "promptEditor")
    editor.setPlainText("a short prompt")
    qtbot.waitUntil(button.isEnabled)


def test_cancel_a_slow_job_drops_its_connection(
    open_window: WindowFactory, qtbot: QtBot, standin: StandinServer
) -> None:
    standin.latency_s = 20.0
    window = open_window()
    set_prompt(window, qtbot, "slow")
    generate(window, qtbot)
    qtbot.waitUntil(lambda: job_states(window) == [JobState.RUNNING], timeout=15_000)
    qtbot.waitUntil(lambda: standin.request_count() == 1, timeout=15_000)

    window.queue_view.select_job(window.studio.queue.jobs()[0].job_id)
    cancel = child(window, QPushButton, "cancelJobButton")
    qtbot.waitUntil(cancel.isEnabled)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert job_states(window) == [JobState.CANCELLED]
    qtbot.waitUntil(lambda: standin.dropped_connections == 1, timeout=15_000)
    state = window.queue_view.model.index(0, 1).data()
    assert state == "Cancelled"


@pytest.mark.parametrize(
    ("fault", "times", "words"),
    [
        ("401", 1, "API key was not accepted"),
        ("429", 10, "Too many requests"),
        ("451", 1, "blocked by moderation"),
    ],
)
def test_refusals_reach_the_user_in_words(  # noqa: PLR0917 - pytest fixtures
    open_window: WindowFactory,
    qtbot: QtBot,
    standin: StandinServer,
    fault: str,
    times: int,
    words: str,
) -> None:
    standin.add_fault(fault, times=times)
    window = open_window()
    set_prompt(window, qtbot, "a refused picture")
    generate(window, qtbot)
    qtbot.waitUntil(lambda: job_states(window) == [JobState.FAILED], timeout=15_000)

    message = window.statusBar().currentMessage()
    assert words in message
    assert f"HTTP {fault}" in message
    assert "Traceback" not in message
    row_text = window.queue_view.model.index(0, 1).data()
    assert words in row_text
    # What support needs, one right-click away: the status and the server's trace id.
    details = window.queue_view.error_details(window.studio.queue.jobs()[0])
    assert f"HTTP {fault}" in details and "trace id" in details


def test_quit_while_running_then_restart(
    open_window: WindowFactory, qtbot: QtBot, standin: StandinServer
) -> None:
    standin.latency_s = 20.0
    first = open_window(concurrency=1)
    set_prompt(first, qtbot, "two at once")
    child(first, QSpinBox, "countSpin").setValue(2)
    generate(first, qtbot)
    qtbot.waitUntil(
        lambda: job_states(first) == [JobState.RUNNING, JobState.WAITING], timeout=15_000
    )
    qtbot.waitUntil(lambda: standin.request_count() == 1, timeout=15_000)
    first.close()

    standin.latency_s = 0.0
    second = open_window(concurrency=1)
    assert job_states(second)[0] is JobState.INTERRUPTED
    qtbot.waitUntil(
        lambda: job_states(second) == [JobState.INTERRUPTED, JobState.DONE], timeout=20_000
    )
    interrupted = second.queue_view.model.index_of(second.studio.queue.jobs()[0].job_id, 1)
    assert "billed" in interrupted.data()
    assert standin.request_count() == 2


def test_demo_mode_runs_the_stand_in_inside_the_app(
    open_window: WindowFactory, qtbot: QtBot
) -> None:
    window = open_window(key=None)
    banner = window.findChild(QLabel, "demoBannerText")
    assert banner is not None and banner.isVisible()
    assert "locally" in banner.text()
    assert window.studio.standin is not None
    set_prompt(window, qtbot, "a demo picture")
    generate(window, qtbot)
    qtbot.waitUntil(lambda: job_states(window) == [JobState.DONE], timeout=20_000)
    assert window.studio.standin.request_count() == 1


def test_ctrl_enter_in_the_prompt_generates_exactly_once(
    open_window: WindowFactory, qtbot: QtBot, standin: StandinServer
) -> None:
    window = open_window()
    set_prompt(window, qtbot, "one key, one picture")
    editor = child(window, QPlainTextEdit, "promptEditor")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: job_states(window) == [JobState.DONE], timeout=20_000)
    qtbot.wait(200)
    assert len(window.studio.queue.jobs()) == 1
    assert standin.request_count() == 1  # every request is billed: never two for one key


def test_opening_a_done_job_shows_its_picture(open_window: WindowFactory, qtbot: QtBot) -> None:
    window = open_window()
    set_prompt(window, qtbot, "show me")
    generate(window, qtbot)
    qtbot.waitUntil(lambda: job_states(window) == [JobState.DONE], timeout=20_000)
    image_id = window.studio.queue.jobs()[0].image_id
    table = child(window, QTreeView, "queueTable")
    table.activated.emit(table.model().index(0, 0))
    qtbot.waitUntil(lambda: window.detail.image_id() == image_id)  # read off the GUI thread

    clear = child(window, QPushButton, "clearFinishedButton")
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert table.model().rowCount() == 0
    assert window.studio.library.get(image_id) is not None  # the picture stays
    window.studio.queue.flush()
    assert window.studio.library.jobs.list_jobs() == []


def answer_next_question(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(20, answer)


def test_quit_with_running_jobs_asks_first(
    open_window: WindowFactory, qtbot: QtBot, standin: StandinServer
) -> None:
    standin.latency_s = 20.0
    window = open_window()
    set_prompt(window, qtbot, "still drawing")
    generate(window, qtbot)
    qtbot.waitUntil(lambda: standin.request_count() == 1, timeout=15_000)
    quit_action = window.menus.actions["quit"]

    seen: list[str] = []
    answer_next_question(QMessageBox.StandardButton.No, seen)
    quit_action.trigger()
    assert seen and "billed" in seen[0]
    assert window.isVisible() and job_states(window) == [JobState.RUNNING]

    # Quit anyway: the answer on its way is waited for, here only briefly.
    window.studio.options = replace(window.studio.options, quit_grace_s=0.5)
    answer_next_question(QMessageBox.StandardButton.Yes, seen)
    quit_action.trigger()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert window.studio.closed


def test_entering_a_key_leaves_demo_mode(
    open_window: WindowFactory, qtbot: QtBot, standin: StandinServer
) -> None:
    window = open_window(key=None)
    assert window.banner.isVisible()
    window.studio.use_key(KEY, standin.base_url)
    assert not window.banner.isVisible()
    set_prompt(window, qtbot, "now with a key")
    generate(window, qtbot)
    qtbot.waitUntil(lambda: job_states(window) == [JobState.DONE], timeout=20_000)
    assert standin.request_count() == 1  # the configured server, not the built-in demo one
    assert window.studio.standin is not None
    assert window.studio.standin.request_count() == 0


def unstarted_window(app_paths: AppPaths, qtbot: QtBot) -> MainWindow:
    studio = Studio(StudioOptions(paths=app_paths))
    window = MainWindow(studio, LanguageSwitcher())
    qtbot.addWidget(window)
    window.show()
    return window


def test_start_finds_the_key_off_the_gui_thread_and_uses_it(
    app_paths: AppPaths, qtbot: QtBot, standin: StandinServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STEPFUN_API_KEY", KEY)
    monkeypatch.setenv("STEPFUN_BASE_URL", standin.base_url)
    window = unstarted_window(app_paths, qtbot)
    try:
        window.start_studio()
        qtbot.waitUntil(lambda: window.studio.started, timeout=15_000)
        assert not window.studio.demo and not window.banner.isVisible()
        set_prompt(window, qtbot, "with the environment's key")
        generate(window, qtbot)
        qtbot.waitUntil(lambda: job_states(window) == [JobState.DONE], timeout=20_000)
        assert standin.request_count() == 1
    finally:
        window.close()


def test_a_key_is_never_sent_in_clear_text_to_another_host(
    app_paths: AppPaths, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STEPFUN_API_KEY", KEY)
    monkeypatch.setenv("STEPFUN_BASE_URL", "http://example.com/v1")
    window = unstarted_window(app_paths, qtbot)
    try:
        window.start_studio()
        qtbot.waitUntil(lambda: window.studio.started, timeout=15_000)
        assert window.studio.demo and window.banner.isVisible()
        qtbot.waitUntil(lambda: "unencrypted" in window.statusBar().currentMessage())
    finally:
        window.close()


def test_a_damaged_library_set_aside_at_start_is_told_once_it_is_open(
    app_paths: AppPaths, qtbot: QtBot, standin: StandinServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file that is not a database: the library opens (on a worker) by setting it aside.
    app_paths.library_dir.mkdir(parents=True)
    app_paths.database_path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    monkeypatch.setenv("STEPFUN_API_KEY", KEY)
    monkeypatch.setenv("STEPFUN_BASE_URL", standin.base_url)
    window = unstarted_window(app_paths, qtbot)
    try:
        seen: list[str] = []
        answer_next_question(QMessageBox.StandardButton.Ok, seen)
        window.start_studio()
        qtbot.waitUntil(lambda: bool(seen), timeout=15_000)
        assert "could not be opened" in seen[0] and "was moved to" in seen[0]
        assert list(app_paths.library_dir.glob("library.sqlite3.broken-*"))
    finally:
        window.close()
