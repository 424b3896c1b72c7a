"""The gallery says why its grid is empty and what to do, on real widgets and a real library
(issue 15, item 11): an empty library, a search that matches nothing (with a button that clears
it), an empty trash."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library import Library
from stepfun_studio.library.samples import fill_library
from stepfun_studio.ui.gallery import GalleryPanel
from stepfun_studio.ui.gallery.sidebar import Scope


@pytest.fixture
def library(app_paths: AppPaths) -> Iterator[Library]:
    opened = Library.open(app_paths)
    yield opened
    opened.close()


@pytest.fixture
def panel(qtbot: QtBot, library: Library) -> Iterator[GalleryPanel]:
    widget = GalleryPanel()
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_library(library)
    # The empty state speaks once the first page is read, not before.
    qtbot.waitUntil(lambda: widget.model.total_known)
    yield widget
    widget.shutdown()
    QApplication.processEvents()


def _centred_in_grid(panel: GalleryPanel) -> bool:
    state, viewport = panel.empty_state, panel.view.viewport()
    middle = state.geometry().center().x()
    return abs(middle - viewport.width() // 2) <= 2 and viewport.rect().contains(state.geometry())


def test_an_empty_library_says_how_to_get_pictures(qtbot: QtBot, panel: GalleryPanel) -> None:
    state = panel.empty_state
    assert panel.model.rowCount() == 0
    assert state.isVisible() and state.emptiness() is Scope.ALL
    assert "press Generate" in state.message.text() and "drop pictures" in state.message.text()
    assert not state.clear_button.isVisible()
    assert _centred_in_grid(panel)
    panel.resize(1300, 800)
    qtbot.waitUntil(lambda: _centred_in_grid(panel))


def test_no_match_offers_to_clear_search_and_filters(
    qtbot: QtBot, panel: GalleryPanel, library: Library
) -> None:
    fill_library(library, 12, max_side=48)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 12)
    state = panel.empty_state
    assert not state.isVisible()

    panel.filters.hide_rejected.setChecked(True)
    panel.search.setText("no prompt has these words zzqx")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    assert state.isVisible() and state.message.text() == "No picture matches these filters."
    assert state.clear_button.isVisible() and state.clear_button.text()

    qtbot.mouseClick(state.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 12)
    assert panel.search.text() == "" and not panel.filters.hide_rejected.isChecked()
    assert not panel.filters.is_filtering()
    assert not state.isVisible()


def test_an_empty_trash_says_so(qtbot: QtBot, panel: GalleryPanel, library: Library) -> None:
    fill_library(library, 3, max_side=48)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    panel.sidebar.select(Scope.TRASH)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    state = panel.empty_state
    assert state.isVisible() and state.message.text() == "The trash is empty."
    assert not state.clear_button.isVisible()
    # A picture moved to the trash fills it: the message goes.
    panel.sidebar.select(Scope.ALL)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    library.move_to_trash([panel.model.image_id(0)])
    panel.sidebar.select(Scope.TRASH)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert not state.isVisible()
