"""The lightbox Space opens over the window: real panel, real library, real keys (offscreen)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library import Library
from stepfun_studio.library.samples import fill_library
from stepfun_studio.ui.gallery import GalleryPanel
from stepfun_studio.ui.i18n import LanguageSwitcher
from stepfun_studio.ui.main_window import MainWindow
from stepfun_studio.ui.studio import Studio, StudioOptions

IMAGES = 30


@pytest.fixture
def library(isolated_home: Path) -> Iterator[Library]:
    opened = Library.open(AppPaths.under(isolated_home))
    fill_library(opened, IMAGES, max_side=300)
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot: QtBot, library: Library) -> Iterator[tuple[QWidget, GalleryPanel]]:
    """The panel inside a larger window, as the main window holds it."""
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    layout.setContentsMargins(100, 80, 0, 0)  # the panel does not fill the window
    panel = GalleryPanel(host)
    layout.addWidget(panel)
    host.resize(1200, 800)
    host.show()
    qtbot.waitExposed(host)
    panel.set_library(library)
    qtbot.waitUntil(lambda: panel.model.rowCount() == IMAGES)
    yield host, panel
    panel.shutdown()
    QApplication.processEvents()


def select_row(panel: GalleryPanel, row: int, *more: int) -> None:
    selection = panel.view.selectionModel()
    selection.setCurrentIndex(
        panel.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    for other in more:
        selection.select(panel.model.index(other, 0), QItemSelectionModel.SelectionFlag.Select)
    panel.view.setFocus()


def test_space_opens_the_current_picture_over_the_whole_window(
    qtbot: QtBot, window: tuple[QWidget, GalleryPanel]
) -> None:
    host, panel = window
    select_row(panel, 3)
    qtbot.keyClick(panel.view, Qt.Key.Key_Space)
    lightbox = panel.preview
    assert lightbox.isVisible()
    assert lightbox.shown_id == panel.model.image_id(3)
    assert lightbox.parentWidget() is host and lightbox.geometry() == host.rect()
    assert lightbox.hasFocus()
    # The original arrives from the worker, decoded to fit the picture's area.
    qtbot.waitUntil(lambda: not lightbox.is_loading())
    picture = lightbox._picture()
    assert picture is not None and not picture.isNull()
    assert picture.width() > 96  # the original, not a thumbnail
    # The filmstrip shows the neighbours in the gallery's order, thumbnails via the loader.
    strip = lightbox.filmstrip
    assert strip.shown_ids()[:7] == [panel.model.image_id(r) for r in range(7)]
    qtbot.waitUntil(lambda: all(panel.loader.cached(i, strip.size_px()) for i in strip.shown_ids()))
    # The lightbox follows the window's size.
    host.resize(1400, 900)
    qtbot.waitUntil(lambda: lightbox.geometry() == host.rect())


def test_arrows_move_in_the_gallery_order_and_a_click_jumps(
    qtbot: QtBot, window: tuple[QWidget, GalleryPanel]
) -> None:
    _host, panel = window
    select_row(panel, 5)
    qtbot.keyClick(panel.view, Qt.Key.Key_Space)
    lightbox = panel.preview
    qtbot.keyClick(lightbox, Qt.Key.Key_Right)
    assert lightbox.shown_id == panel.model.image_id(6) == panel.current_id()
    qtbot.keyClick(lightbox, Qt.Key.Key_Left)
    qtbot.keyClick(lightbox, Qt.Key.Key_Left)
    assert lightbox.shown_id == panel.model.image_id(4)
    assert lightbox.position_text().startswith("5")
    target = next(rect for row, rect in lightbox.filmstrip.cells() if row == 7)
    qtbot.mouseClick(lightbox.filmstrip, Qt.MouseButton.LeftButton, pos=target.center())
    assert lightbox.shown_id == panel.model.image_id(7)
    assert panel.selected_ids() == [panel.model.image_id(7)]
    qtbot.keyClick(lightbox, Qt.Key.Key_End)  # not a lightbox key: left to the grid
    assert lightbox.isVisible()


def test_culling_keys_act_on_the_picture_shown(
    qtbot: QtBot, window: tuple[QWidget, GalleryPanel], library: Library
) -> None:
    _host, panel = window
    select_row(panel, 2, 8, 9)  # a selection of three; the lightbox shows row 2
    qtbot.keyClick(panel.view, Qt.Key.Key_Space)
    lightbox = panel.preview
    shown = panel.model.image_id(2)
    others = [panel.model.image_id(8), panel.model.image_id(9)]
    # Its marks are read ahead of painting, off the GUI thread: shown once they are in.
    qtbot.waitUntil(lambda: panel.model.cached_summary(shown) is not None)
    qtbot.keyClick(lightbox, Qt.Key.Key_4)
    qtbot.keyClick(lightbox, Qt.Key.Key_F)
    qtbot.keyClick(lightbox, Qt.Key.Key_X)
    assert lightbox.caption().startswith("★★★★☆")  # at once, before the library has it
    qtbot.waitUntil(lambda: panel.culling.writing == 0)
    summary = library.summaries([shown])[shown]
    assert (summary.rating, summary.favourite, summary.rejected) == (4, True, True)
    assert all(s.rating == 0 for s in library.summaries(others).values())
    assert lightbox.caption().startswith("★★★★☆")
    assert lightbox.isVisible() and lightbox.shown_id == shown
    qtbot.keyClick(lightbox, Qt.Key.Key_Right)
    qtbot.keyClick(lightbox, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: panel.culling.writing == 0)
    assert library.summaries([panel.model.image_id(3)])[panel.model.image_id(3)].rating == 1


def test_escape_and_space_close_and_give_the_grid_its_keys_back(
    qtbot: QtBot, window: tuple[QWidget, GalleryPanel]
) -> None:
    _host, panel = window
    select_row(panel, 0)
    qtbot.keyClick(panel.view, Qt.Key.Key_Space)
    lightbox = panel.preview
    qtbot.keyClick(lightbox, Qt.Key.Key_Right)
    qtbot.keyClick(lightbox, Qt.Key.Key_Escape)
    assert not lightbox.isVisible() and lightbox.shown_id is None
    assert panel.view.hasFocus() and panel.current_id() == panel.model.image_id(1)
    qtbot.keyClick(panel.view, Qt.Key.Key_Space)
    assert lightbox.isVisible() and lightbox.shown_id == panel.model.image_id(1)
    qtbot.keyClick(lightbox, Qt.Key.Key_Space)
    assert not lightbox.isVisible()


def test_in_the_main_window_it_covers_the_whole_window(qtbot: QtBot, app_paths: AppPaths) -> None:
    filled = Library.open(app_paths)
    fill_library(filled, 6, max_side=200)
    filled.close()
    studio = Studio(StudioOptions(paths=app_paths))
    window = MainWindow(studio, LanguageSwitcher())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    studio.start(None)
    try:
        gallery = window.gallery
        qtbot.waitUntil(lambda: gallery.model.rowCount() == 6)
        select_row(gallery, 2)
        qtbot.keyClick(gallery.view, Qt.Key.Key_Space)
        lightbox = gallery.preview
        assert lightbox.parentWidget() is window and lightbox.geometry() == window.rect()
        assert lightbox.hasFocus()
        shown = lightbox.shown_id
        assert shown == gallery.model.image_id(2)
        qtbot.keyClick(lightbox, Qt.Key.Key_3)  # no window shortcut takes the key
        qtbot.waitUntil(lambda: gallery.culling.writing == 0)
        assert studio.library.summaries([shown])[shown].rating == 3
        qtbot.keyClick(lightbox, Qt.Key.Key_Escape)
        assert not lightbox.isVisible() and gallery.view.hasFocus()
    finally:
        window.close()
