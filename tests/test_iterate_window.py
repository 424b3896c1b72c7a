"""One-click iteration through the real window and the stand-in: generate, wait for the picture,
invoke Vary / More like this / Use as reference on it, and check what the stand-in received."""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QMenu
from pytestqt.qtbot import QtBot

from stepfun_studio.core.iterate import IterationKind
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library.jobs import JobState
from stepfun_studio.standin import StandinServer
from stepfun_studio.ui.gallery.context_menu import build_context_menu
from stepfun_studio.ui.i18n import LanguageSwitcher
from stepfun_studio.ui.main_window import MainWindow
from stepfun_studio.ui.shortcuts import shortcut_rows
from stepfun_studio.ui.studio import Studio, StudioOptions

KEY = "test-key-iterate"
WAIT_MS = 20_000

WindowFactory = Callable[[], MainWindow]


@pytest.fixture
def open_window(
    app_paths: AppPaths, standin: StandinServer, qtbot: QtBot
) -> Iterator[WindowFactory]:
    """StepFun on the test's stand-in (with a key); the other providers on the app's own."""
    windows: list[MainWindow] = []

    def factory() -> MainWindow:
        studio = Studio(StudioOptions(paths=app_paths, rate_backoff_s=0.05))
        window = MainWindow(studio, LanguageSwitcher())
        windows.append(window)
        qtbot.addWidget(window)
        window.show()
        studio.start(KEY, standin.base_url)
        # The queue reads the last run's jobs off the GUI thread first; Generate waits.
        qtbot.waitUntil(lambda: studio.started, timeout=10_000)
        # The parameter dock makes its fields after the window's first paint.
        qtbot.waitUntil(window.parameter_dock.form_built)
        return window

    yield factory
    for window in windows:
        window.close()


def use_model(window: MainWindow, name: str) -> None:
    combo = window.parameter_dock.findChild(QComboBox, "modelCombo")
    assert isinstance(combo, QComboBox)
    index = combo.findData(name)
    assert index >= 0, f"{name} not offered"
    combo.setCurrentIndex(index)
    assert window.parameter_dock.spec() is not None
    assert window.parameter_dock.spec().name == name  # type: ignore[union-attr]


def done_images(window: MainWindow) -> list[int]:
    return [
        info.image_id
        for info in window.studio.queue.jobs()
        if info.state is JobState.DONE and info.image_id is not None
    ]


def first_picture(window: MainWindow, qtbot: QtBot, model: str, prompt: str) -> int:
    use_model(window, model)
    window.parameter_dock.set_prompt(prompt)
    qtbot.waitUntil(lambda: window.studio.started, timeout=WAIT_MS)
    assert window.generate()
    qtbot.waitUntil(lambda: len(done_images(window)) == 1, timeout=WAIT_MS)
    return done_images(window)[0]


def detail_action(window: MainWindow, name: str) -> QAction:
    found = window.detail.findChild(QAction, name)
    assert isinstance(found, QAction), name
    return found


def data_uri_bytes(uri: str) -> bytes:
    return base64.b64decode(uri.partition(",")[2])


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_vary_subtle_from_the_detail_toolbar_redraws_at_weight_0_3(
    open_window: WindowFactory, qtbot: QtBot, standin: StandinServer
) -> None:
    window = open_window()
    image_id = first_picture(window, qtbot, "step-1x-medium", "a lighthouse in fog")
    # The finished picture opened in the detail view on its own (nothing else was shown).
    qtbot.waitUntil(lambda: window.detail.image_id() == image_id, timeout=WAIT_MS)
    vary = detail_action(window, "varySubtleAction")
    qtbot.waitUntil(vary.isEnabled)
    assert vary in window.iterate.vary_button.menu().actions()  # type: ignore[union-attr]
    assert vary in window.detail.more_menu.actions()

    with qtbot.waitSignal(window.iterate.finished, timeout=WAIT_MS):
        vary.trigger()
    assert "Vary (subtle): redraw at weight 0.3 with step-1x-medium" in status(window)
    qtbot.waitUntil(lambda: len(done_images(window)) == 2, timeout=WAIT_MS)
    recorded = standin.requests[-1]
    assert recorded.path.endswith("/images/image2image")
    assert recorded.body is not None
    assert recorded.body["source_weight"] == pytest.approx(0.3)
    assert recorded.body["prompt"] == "a lighthouse in fog"
    picture = window.studio.library.original_path(image_id).read_bytes()
    assert data_uri_bytes(recorded.body["source_url"]) == picture

    # The new picture opened in the detail view (read off the GUI thread): vary that one now.
    qtbot.waitUntil(lambda: window.detail.image_id() not in (None, image_id), timeout=WAIT_MS)
    detail_action(window, "varyStrongAction").trigger()
    qtbot.waitUntil(lambda: standin.request_count("/image2image") == 2, timeout=WAIT_MS)
    assert standin.requests[-1].body["source_weight"] == pytest.approx(0.7)  # type: ignore[index]


def test_vary_by_key_in_the_gallery_sends_the_picture_as_a_gpt_image_reference(
    open_window: WindowFactory, qtbot: QtBot
) -> None:
    window = open_window()
    image_id = first_picture(window, qtbot, "gpt-image-1", "a paper crane")
    gallery = window.gallery
    qtbot.waitUntil(lambda: gallery.model.rowCount() == 1, timeout=WAIT_MS)
    gallery.view.selectionModel().setCurrentIndex(
        gallery.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    assert gallery.current_id() == image_id
    window.activateWindow()
    gallery.view.setFocus()
    qtbot.waitUntil(gallery.view.hasFocus)
    with qtbot.waitSignal(window.iterate.finished, timeout=WAIT_MS):
        qtbot.keyClick(gallery.view, Qt.Key.Key_V)
    assert "Vary (subtle): the picture as a reference for gpt-image-1" in status(window)

    played = window.studio.standin  # gpt-image has no key here: the app's own stand-in
    qtbot.waitUntil(lambda: len(done_images(window)) == 2, timeout=WAIT_MS)
    recorded = played.requests[-1]
    assert recorded.path.endswith("/images/edits")
    picture = window.studio.library.original_path(image_id).read_bytes()
    assert [upload["size"] for upload in recorded.uploads if upload["name"] == "image[]"] == [
        len(picture)
    ]


def test_more_like_this_from_the_context_menu_sends_four_with_new_seeds(
    open_window: WindowFactory, qtbot: QtBot, standin: StandinServer
) -> None:
    window = open_window()
    image_id = first_picture(window, qtbot, "step-1x-medium", "three pears on a plate")
    gallery = window.gallery
    qtbot.waitUntil(lambda: gallery.model.rowCount() == 1, timeout=WAIT_MS)
    gallery.view.selectionModel().setCurrentIndex(
        gallery.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    menu = build_context_menu(gallery, window)
    by_text = {action.text(): action for action in menu.actions()}
    assert {"Vary (subtle)", "Vary (strong)", "Use as reference"} <= set(by_text)
    with qtbot.waitSignal(window.iterate.finished, timeout=WAIT_MS):
        by_text["More like this"].trigger()
    assert "4 pictures with new seeds on step-1x-medium" in status(window)

    qtbot.waitUntil(lambda: len(done_images(window)) == 5, timeout=WAIT_MS)
    sent = [r.body for r in list(standin.requests)[-4:]]
    assert all(body is not None and body["prompt"] == "three pears on a plate" for body in sent)
    seeds = {body["seed"] for body in sent if body is not None}
    first_seed = window.studio.library.get(image_id).seed  # type: ignore[union-attr]
    assert len(seeds) == 4 and first_seed not in seeds and 0 not in seeds
    # The four are one group in the queue, above the first picture.
    assert window.queue_view.model.group_sizes() == [4, 1]


def test_use_as_reference_fills_the_dock_and_sends_nothing(
    open_window: WindowFactory, qtbot: QtBot, standin: StandinServer
) -> None:
    window = open_window()
    image_id = first_picture(window, qtbot, "step-1x-medium", "a red door")
    sent_before = standin.request_count()
    use_model(window, "doubao-seedream-4-0-250828")
    window.detail.show_image(image_id)
    action = detail_action(window, "useAsReferenceAction")
    qtbot.waitUntil(action.isEnabled)
    with qtbot.waitSignal(window.iterate.finished, timeout=WAIT_MS):
        action.trigger()
    references = window.parameter_dock.request_model.references
    picture = window.studio.library.original_path(image_id).read_bytes()
    assert [reference.data for reference in references] == [picture]
    assert "as a reference for doubao-seedream-4-0-250828" in status(window)
    assert standin.request_count() == sent_before
    assert window.studio.standin is None or window.studio.standin.request_count() == 0


def test_the_keys_are_listed_and_a_missing_picture_says_so(
    open_window: WindowFactory, qtbot: QtBot
) -> None:
    window = open_window()
    keys = {
        action.objectName(): action.shortcut().toString()
        for action in window.gallery.actions()
        if isinstance(action, QAction)
    }
    assert keys["varySubtleAction"] == "V" and keys["moreLikeThisAction"] == "M"
    assert keys["varyStrongAction"] == "Shift+V" and keys["useAsReferenceAction"] == "A"
    # Help ▸ Keyboard Shortcuts lists each once, though the gallery and the view both have it.
    rows = shortcut_rows(window)
    assert rows.count(("Vary (subtle)", "V")) == 1 and ("More like this", "M") in rows
    assert not window.iterate.run(IterationKind.VARY_SUBTLE, None)
    assert status(window) == "Choose a picture first."
    assert isinstance(window.iterate.vary_button.menu(), QMenu)  # type: ignore[union-attr]
