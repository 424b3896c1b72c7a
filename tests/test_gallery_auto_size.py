"""Thumbnails follow the grid's width until the user moves the size slider (issue 15, item 14),
on a real panel and library: wide grids get larger cells in whole columns, the slider wins."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library import Library
from stepfun_studio.library.samples import fill_library
from stepfun_studio.ui.gallery import GalleryPanel
from stepfun_studio.ui.gallery.panel import CELL_DEFAULT, CELL_MAX, CELL_STEP, auto_cell


@pytest.fixture
def panel(qtbot: QtBot, app_paths: AppPaths) -> Iterator[GalleryPanel]:
    library = Library.open(app_paths)
    fill_library(library, 8, max_side=48)
    widget = GalleryPanel()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_library(library)
    yield widget
    widget.shutdown()
    QApplication.processEvents()
    library.close()


def test_auto_cell_stays_within_bounds_on_the_slider_steps() -> None:
    assert auto_cell(400, CELL_DEFAULT, CELL_MAX, CELL_STEP) == CELL_DEFAULT
    assert auto_cell(10_000, CELL_DEFAULT, CELL_MAX, CELL_STEP) == CELL_MAX
    middle = auto_cell(1500, CELL_DEFAULT, CELL_MAX, CELL_STEP)
    assert CELL_DEFAULT < middle < CELL_MAX and (middle - CELL_DEFAULT) % CELL_STEP == 0


def test_a_wide_grid_gets_larger_cells_until_the_slider_is_moved(
    qtbot: QtBot, panel: GalleryPanel
) -> None:
    narrow = panel.delegate.cell_size
    assert narrow == CELL_DEFAULT
    panel.resize(2300, 1300)
    qtbot.waitUntil(lambda: panel.delegate.cell_size > narrow + CELL_STEP)
    wide = panel.delegate.cell_size
    # Whole columns fill the row: no column's worth of width is left over.
    viewport = panel.view.viewport().width()
    columns = panel.view.columns()
    assert columns >= 5 and viewport - columns * panel.view.gridSize().width() < wide
    assert panel.size_slider.value() == wide  # the slider shows the size, to move from there
    panel.resize(900, 700)
    qtbot.waitUntil(lambda: panel.delegate.cell_size == narrow)

    # Once the user picks a size, it stays whatever the width.
    panel.size_slider.setValue(CELL_DEFAULT + 2 * CELL_STEP)
    assert panel.auto_size is None
    panel.resize(2300, 1300)
    qtbot.waitUntil(lambda: panel.view.viewport().width() > 1800)
    qtbot.wait(50)
    assert panel.delegate.cell_size == CELL_DEFAULT + 2 * CELL_STEP
