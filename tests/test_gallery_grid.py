"""The arithmetic grid: places by divmod, a steady place when rows land above, job placeholders.

The first tests drive a real `GalleryPanel` whose model holds 100,000 ids and no library (no
picture is read: the grid's layout does not depend on one); the last ones generate through the
real window against the stand-in, slowed so a job is in flight.
"""

from __future__ import annotations

import gc
import time
import weakref
from collections.abc import Iterator

import pytest
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QObject,
    QPoint,
    QRect,
    Qt,
)
from PySide6.QtGui import QAccessible, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library.jobs import JobState
from stepfun_studio.standin import StandinServer
from stepfun_studio.ui.gallery import GalleryPanel
from stepfun_studio.ui.i18n import LanguageSwitcher
from stepfun_studio.ui.main_window import MainWindow
from stepfun_studio.ui.studio import Studio, StudioOptions

ROWS = 100_000
Cursor = QAbstractItemView.CursorAction


@pytest.fixture
def grid(qtbot: QtBot) -> Iterator[GalleryPanel]:
    panel = GalleryPanel()
    qtbot.addWidget(panel)
    panel.resize(1100, 720)
    panel.show()
    qtbot.waitExposed(panel)
    panel.model.insert_top(list(range(ROWS, 0, -1)))  # ids 100000 … 1, newest first
    yield panel
    panel.shutdown()


def test_places_and_hits_are_arithmetic(grid: GalleryPanel) -> None:
    view, columns = grid.view, grid.view.columns()
    cell = view.gridSize()
    assert columns >= 4 and columns * cell.width() <= view.viewport().width()
    assert view.verticalScrollBar().maximum() == (
        -(-ROWS // columns) * cell.height() - view.viewport().height()
    )
    view.verticalScrollBar().setValue(cell.height() * 1000 + 7)
    index = grid.model.index(1001 * columns + 2, 0)
    rect = view.visualRect(index)
    assert rect == QRect(2 * cell.width(), cell.height() - 7, cell.width(), cell.height())
    assert view.indexAt(rect.center()) == index
    first, last = view.visible_rows()
    assert first == 1000 * columns and view.visualRect(grid.model.index(first, 0)).top() == -7
    assert view.visualRect(grid.model.index(last, 0)).bottom() >= view.viewport().height() - 1


def test_a_scroll_step_paints_only_the_strip_scrolled_in(grid: GalleryPanel) -> None:
    # What stays on screen is moved, not painted again: a fast scroll paints a row of new cells
    # per frame, not the whole screen (a QAbstractItemView's default repaints it all).
    view, painted = grid.view, []

    class PaintSpy(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if isinstance(event, QPaintEvent):
                painted.append(event.region().boundingRect())
            return False

    spy = PaintSpy(view)
    view.viewport().installEventFilter(spy)
    view.verticalScrollBar().setValue(view.gridSize().height() * 500)
    QApplication.processEvents()
    painted.clear()
    view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 50)
    QApplication.processEvents()
    assert painted and all(
        r.height() <= 50 and r.bottom() == view.viewport().height() - 1 for r in painted
    )


def test_keys_and_rubber_band_by_arithmetic(qtbot: QtBot, grid: GalleryPanel) -> None:
    view, columns, model = grid.view, grid.view.columns(), grid.model
    view.setFocus()
    view.selectionModel().setCurrentIndex(
        model.index(columns + 1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    none = Qt.KeyboardModifier.NoModifier
    assert view.moveCursor(Cursor.MoveDown, none).row() == 2 * columns + 1
    assert view.moveCursor(Cursor.MoveUp, none).row() == 1
    assert view.moveCursor(Cursor.MoveRight, none).row() == columns + 2
    assert view.moveCursor(Cursor.MoveEnd, none).row() == ROWS - 1
    assert view.moveCursor(Cursor.MoveHome, none).row() == 0
    page = view.moveCursor(Cursor.MovePageDown, none).row()
    assert page > 2 * columns and (page - columns - 1) % columns == 0
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(grid.selected_ids()) == columns + 1  # a range over a line and a bit
    # A band from the middle of line 0 to the middle of line 2: three cells a line.
    cell = view.gridSize()
    band = QRect(QPoint(cell.width() // 2, 5), QPoint(cell.width() * 5 // 2, 2 * cell.height() + 5))
    view.setState(QAbstractItemView.State.DragSelectingState)  # what a drag with the mouse sets
    view.setSelection(band, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    view.setState(QAbstractItemView.State.NoState)
    rows = sorted(i.row() for i in view.selectionModel().selectedIndexes())
    assert rows == [line * columns + c for line in range(3) for c in range(3)]


def test_a_thousand_pictures_landing_above_leave_the_one_under_the_cursor_in_place(
    qtbot: QtBot, grid: GalleryPanel
) -> None:
    view = grid.view
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2 + 13)
    QApplication.processEvents()
    under_cursor = QPoint(view.gridSize().width() * 2 + 20, view.viewport().height() // 2)
    index = view.indexAt(under_cursor)
    picture = grid.model.image_id(index.row())
    place = view.visualRect(index)
    started = time.perf_counter()
    grid.model.insert_top(list(range(ROWS + 1000, ROWS, -1)))
    took_ms = (time.perf_counter() - started) * 1000
    QApplication.processEvents()
    assert grid.model.rowCount() == ROWS + 1000
    moved = view.indexAt(under_cursor)
    assert grid.model.image_id(moved.row()) == picture
    assert view.visualRect(moved) == place
    assert took_ms < 200  # a list insert and some arithmetic, not a layout of every row
    # At the very top new rows flow in where the user looks: row 0 is the newest.
    bar.setValue(0)
    grid.model.insert_top([ROWS + 5000])
    assert view.indexAt(QPoint(5, 5)).row() == 0
    assert grid.model.image_id(0) == ROWS + 5000


def test_rows_removed_above_keep_the_place_too(grid: GalleryPanel) -> None:
    view = grid.view
    view.verticalScrollBar().setValue(view.gridSize().height() * 500)
    point = QPoint(view.gridSize().width() + 3, 40)
    picture = grid.model.image_id(view.indexAt(point).row())
    grid.model.remove_ids(list(range(ROWS, ROWS - 37, -1)))  # the newest 37
    assert grid.model.image_id(view.indexAt(point).row()) == picture


# -- placeholders through the real window and the stand-in -------------------------------------


@pytest.fixture
def slow_standin() -> Iterator[StandinServer]:
    server = StandinServer(port=0, latency_s=1.5).start()
    yield server
    server.stop()


@pytest.fixture
def window(app_paths: AppPaths, slow_standin: StandinServer, qtbot: QtBot) -> Iterator[MainWindow]:
    studio = Studio(StudioOptions(paths=app_paths, concurrency=5, rate_backoff_s=0.05))
    opened = MainWindow(studio, LanguageSwitcher())
    qtbot.addWidget(opened)
    opened.resize(1366, 768)
    opened.show()
    qtbot.waitExposed(opened)
    studio.start("test-key", slow_standin.base_url)
    # The queue reads the last run's jobs off the GUI thread first; Generate waits for it.
    qtbot.waitUntil(lambda: studio.started, timeout=10_000)
    yield opened
    opened.close()


def _generate(window: MainWindow, qtbot: QtBot, prompt: str) -> float:
    editor = window.findChild(QPlainTextEdit, "promptEditor")
    assert editor is not None
    editor.setFocus()
    editor.setPlainText(prompt)
    button = window.findChild(QPushButton, "generateButton")
    assert button is not None
    qtbot.waitUntil(button.isEnabled)
    started = time.perf_counter()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return started


def test_a_job_shows_a_placeholder_at_once_then_its_picture_in_the_same_cell(
    qtbot: QtBot, window: MainWindow
) -> None:
    gallery = window.gallery
    started = _generate(window, qtbot, "a lighthouse at dusk")
    job_id = window.studio.queue.jobs()[-1].job_id
    # The placeholder is in the grid when Generate returns (well within 50 ms).
    assert gallery.model.image_id(0) == -job_id
    assert (time.perf_counter() - started) < 0.5
    qtbot.waitUntil(
        lambda: (
            (info := window.studio.queue.get(job_id)) is not None and info.state is JobState.RUNNING
        ),
        timeout=5000,
    )
    qtbot.wait(300)
    share, words = gallery.placeholders.progress(job_id)
    assert share is not None and 0 < share < 1
    assert "of about" in words  # elapsed against the model's typical time
    gallery.view.viewport().repaint()  # the placeholder cell paints (no exception, no read)
    placeholder_rect = gallery.view.visualRect(gallery.model.index(0, 0))
    inserted: list[int] = []
    gallery.model.rowsInserted.connect(lambda _p, first, _last: inserted.append(first))
    qtbot.waitUntil(lambda: gallery.model.image_id(0) >= 0, timeout=15_000)
    info = window.studio.queue.get(job_id)
    assert info is not None and gallery.model.image_id(0) == info.image_id
    assert inserted == []  # replaced in place: nothing moved
    assert gallery.view.visualRect(gallery.model.index(0, 0)) == placeholder_rect
    assert gallery.model.row_of(-job_id) is None


def test_a_cancelled_job_takes_its_placeholder_away(qtbot: QtBot, window: MainWindow) -> None:
    gallery = window.gallery
    _generate(window, qtbot, "a red kite over hills")
    job_id = window.studio.queue.jobs()[-1].job_id
    assert gallery.model.row_of(-job_id) == 0
    window.studio.queue.cancel(job_id)
    assert gallery.model.row_of(-job_id) is None
    assert gallery.current_id() is None or gallery.current_id() >= 0  # type: ignore[operator]


def test_screen_readers_see_a_list_of_pictures(grid: GalleryPanel) -> None:
    QAccessible.setActive(True)
    try:
        described = QAccessible.queryAccessibleInterface(grid.view)
        assert described is not None and described.role() == QAccessible.Role.List
        assert described.childCount() == ROWS
        grid.view.selectionModel().setCurrentIndex(
            grid.model.index(2, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        item = described.child(2)
        assert item is not None and item.role() == QAccessible.Role.ListItem
        assert item.state().selected and not item.state().invisible
        assert item.rect().size() == grid.view.gridSize()
        centre = item.rect().center()
        found = described.childAt(centre.x(), centre.y())
        assert found is not None and described.indexOfChild(found) == 2
    finally:
        QAccessible.setActive(False)


def test_screen_reader_interfaces_live_as_long_as_the_grid(qtbot: QtBot) -> None:
    # Nothing of ours holds the interfaces: Qt owns what the factory returns, and PySide keeps
    # its Python side (the overrides) alive until Qt deletes it with the view.
    panel = GalleryPanel()
    panel.model.insert_top([3, 2, 1])
    QAccessible.setActive(True)
    try:
        described = QAccessible.queryAccessibleInterface(panel.view)
        held = weakref.ref(described)
        del described
        gc.collect()
        again = QAccessible.queryAccessibleInterface(panel.view)
        assert held() is again and again.childCount() == 3
        item = again.child(1)
        assert item is not None and item.role() == QAccessible.Role.ListItem
        panel.shutdown()
        panel.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        with pytest.raises(RuntimeError):  # deleted with the view, not left dangling
            again.childCount()
    finally:
        QAccessible.setActive(False)


def test_rows_removed_above_at_the_very_bottom_keep_the_place(grid: GalleryPanel) -> None:
    view = grid.view
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    point = QPoint(view.gridSize().width() + 3, view.viewport().height() - 20)
    picture = grid.model.image_id(view.indexAt(point).row())
    grid.model.remove_ids(list(range(ROWS, ROWS - 3 * view.columns(), -1)))  # three lines
    assert grid.model.image_id(view.indexAt(point).row()) == picture
