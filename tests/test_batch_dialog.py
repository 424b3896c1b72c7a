"""The Batch dialog through the real window, its real widgets and the stand-in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library.batches import BatchState, ItemState
from stepfun_studio.library.records import ImageQuery
from stepfun_studio.standin import StandinServer
from stepfun_studio.ui.batch_dialog import BatchDialog
from stepfun_studio.ui.i18n import LanguageSwitcher
from stepfun_studio.ui.main_window import MainWindow
from stepfun_studio.ui.studio import Studio, StudioOptions


@pytest.fixture
def server() -> Iterator[StandinServer]:
    with StandinServer(port=0, latency_s=0.3) as standin:
        yield standin


@pytest.fixture
def window(app_paths: AppPaths, server: StandinServer, qtbot: QtBot) -> Iterator[MainWindow]:
    # One picture at a time (the account's limit), so a pause has something left to hold.
    studio = Studio(StudioOptions(paths=app_paths, concurrency=1, per_minute=60))
    shown = MainWindow(studio, LanguageSwitcher())
    qtbot.addWidget(shown)
    shown.show()
    studio.start("test-key", server.base_url)
    # The queue reads the last run's jobs off the GUI thread first; Generate waits.
    qtbot.waitUntil(lambda: studio.started, timeout=10_000)
    yield shown
    shown.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "sketches"
    made.mkdir()
    for name, colour in (
        ("house", (200, 80, 40)),
        ("tree", (40, 160, 60)),
        ("boat", (40, 80, 200)),
    ):
        Image.new("RGB", (300, 200), colour).save(made / f"{name}.png")
    (made / "tree.txt").write_text("a tall {filename} in autumn", encoding="utf-8")
    return made


def child(dialog: BatchDialog, kind: type, name: str) -> object:
    found = dialog.findChild(kind, name)
    assert found is not None, name
    return found


def open_dialog(window: MainWindow, qtbot: QtBot) -> BatchDialog:
    window.menus.actions["batch"].trigger()
    dialog = window.findChild(BatchDialog, "batchDialog")
    assert isinstance(dialog, BatchDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def drop(dialog: BatchDialog, paths: list[Path]) -> None:
    """A drag that enters the dialog, then the drop (Qt drops only what entered)."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    at, copy = dialog.rect().center(), Qt.DropAction.CopyAction
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPointF(at), copy, data, left, none)
    QApplication.sendEvent(dialog, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(at), copy, data, left, none)
    QApplication.sendEvent(dialog, event)
    assert event.isAccepted()


def choose(combo: QComboBox, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def image2image(server: StandinServer) -> list[dict[str, object]]:
    return [r.body for r in server.requests if r.path.endswith("/image2image") and r.body]


def test_a_dropped_folder_is_planned_then_redrawn_with_the_weight_into_a_collection(
    window: MainWindow, server: StandinServer, folder: Path, qtbot: QtBot
) -> None:
    dialog = open_dialog(window, qtbot)
    drop(dialog, [folder])
    qtbot.waitUntil(lambda: len(dialog.paths) == 3, timeout=10_000)
    models = child(dialog, QComboBox, "batchModelCombo")
    modes = child(dialog, QComboBox, "batchModeCombo")
    weight = child(dialog, QDoubleSpinBox, "batchSourceWeight")
    assert isinstance(models, QComboBox) and isinstance(modes, QComboBox)
    assert isinstance(weight, QDoubleSpinBox)
    # Only what the chosen model takes: gpt-image edits or takes references, with no weight.
    choose(models, "gpt-image-1")
    assert [modes.itemData(i) for i in range(modes.count())] == ["edit", "reference"]
    assert weight.isHidden()
    choose(models, "step-2x-large")
    assert [modes.itemData(i) for i in range(modes.count())] == ["redraw"]
    assert not weight.isHidden()
    weight.setValue(0.35)
    prompt = child(dialog, QPlainTextEdit, "batchPromptEdit")
    assert isinstance(prompt, QPlainTextEdit)
    prompt.setPlainText("an ink drawing of the {filename}")
    sidecar = child(dialog, QCheckBox, "batchSidecarCheck")
    assert isinstance(sidecar, QCheckBox)
    sidecar.setChecked(True)

    # The plan before anything is sent: three pictures at ¥0.10, and a budget that refuses.
    plan = child(dialog, QLabel, "batchPlanLabel")
    problem = child(dialog, QLabel, "batchProblemLabel")
    start = child(dialog, QPushButton, "batchStartButton")
    budget = child(dialog, QDoubleSpinBox, "batchBudgetSpin")
    budget_on = child(dialog, QCheckBox, "batchBudgetCheck")
    assert isinstance(plan, QLabel) and isinstance(problem, QLabel)
    assert isinstance(start, QPushButton) and isinstance(budget, QDoubleSpinBox)
    assert isinstance(budget_on, QCheckBox)
    assert "3 pictures" in plan.text() and "¥0.30" in plan.text() and "about" in plan.text()
    budget_on.setChecked(True)
    budget.setValue(0.2)
    assert not problem.isHidden() and "at most 2 pictures" in problem.text()
    assert not start.isEnabled()
    budget.setValue(0.5)
    assert problem.isHidden() and start.isEnabled()
    assert server.request_count() == 0

    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    runner = dialog.runner
    qtbot.waitUntil(lambda: runner.state is BatchState.DONE, timeout=30_000)
    sent = image2image(server)
    assert [body["source_weight"] for body in sent] == [0.35, 0.35, 0.35]
    # By name: boat, house, tree; the tree has its own sidecar prompt.
    assert [body["prompt"] for body in sent] == [
        "an ink drawing of the boat",
        "an ink drawing of the house",
        "a tall tree in autumn",
    ]
    status = child(dialog, QLabel, "batchStatusLabel")
    assert isinstance(status, QLabel) and "3 of 3 done" in status.text()
    listed = dialog.picture_list
    texts = [listed.item(row).text() for row in range(listed.count())]
    assert texts == ["boat.png — done", "house.png — done", "tree.png — done"]
    runner.flush()
    library = window.studio.library
    batch = runner.batch
    assert batch is not None and batch.collection_id is not None
    ids = library.query_ids(ImageQuery(collection_id=batch.collection_id))
    assert sorted(ids) == sorted(item.image_id for item in runner.items() if item.image_id)
    assert len(ids) == 3


def test_pause_holds_the_rest_and_resume_sends_it(
    window: MainWindow, server: StandinServer, folder: Path, qtbot: QtBot
) -> None:
    dialog = open_dialog(window, qtbot)
    drop(dialog, [folder / "house.png", folder / "tree.png", folder / "boat.png"])
    qtbot.waitUntil(lambda: len(dialog.paths) == 3, timeout=10_000)
    choose(dialog.model_combo, "step-2x-large")
    dialog.prompt_edit.setPlainText("{filename}")
    panel = dialog.run_panel
    start, pause, resume = dialog.start_button, panel.pause_button, panel.resume_button
    # Slow enough that the first picture is surely still on its way when Pause is pressed.
    server.latency_s = 3.0
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(image2image(server)) == 1, timeout=15_000)
    assert pause.isEnabled() and not resume.isEnabled()
    qtbot.mouseClick(pause, Qt.MouseButton.LeftButton)
    runner = dialog.runner
    assert runner.state is BatchState.PAUSED
    # The picture on its way finishes; nothing more is handed over meanwhile.
    qtbot.waitUntil(lambda: runner.count(ItemState.DONE) == 1, timeout=15_000)
    assert len(image2image(server)) == 1 and runner.count(ItemState.PENDING) == 2
    assert resume.isEnabled() and not pause.isEnabled()
    qtbot.mouseClick(resume, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: runner.state is BatchState.DONE, timeout=30_000)
    # Files in the order given, each sent once.
    assert [body["prompt"] for body in image2image(server)] == ["house", "tree", "boat"]


def test_an_interrupted_batch_is_reopened_and_the_uncertain_picture_waits_for_the_user(
    window: MainWindow, server: StandinServer, folder: Path, qtbot: QtBot
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    from stepfun_studio.api.batch_pictures import list_pictures, read_pictures
    from stepfun_studio.core.batch import BatchMode
    from stepfun_studio.core.request import GenerationRequest
    from stepfun_studio.library.batches import BatchSettings, NewItem

    # What a restart leaves: one picture was being handed over when the app stopped.
    library = window.studio.library
    pictures, _ = read_pictures(list_pictures([folder]), BatchMode.REDRAW, sidecars=False)
    template = GenerationRequest(model="step-2x-large", provider="stepfun", size="512x512")
    settings = BatchSettings(template, BatchMode.REDRAW, "{filename}")
    items = [NewItem(p.image, p.path.name, p.stem) for p in pictures]
    batch_id = library.batches.create(
        "Interrupted", settings, items, library.create_collection("I")
    )
    library.batches.set_state(batch_id, BatchState.RUNNING)
    library.batches.set_item(batch_id, 0, ItemState.SUBMITTING)

    dialog = open_dialog(window, qtbot)
    panel = dialog.run_panel
    qtbot.waitUntil(lambda: panel.earlier_combo.findData(batch_id) >= 0, timeout=10_000)
    panel.earlier_combo.setCurrentIndex(panel.earlier_combo.findData(batch_id))
    panel.earlier_combo.activated.emit(panel.earlier_combo.currentIndex())
    qtbot.waitUntil(lambda: dialog.runner.batch is not None, timeout=10_000)
    listed = dialog.picture_list
    qtbot.waitUntil(lambda: listed.count() == 3)
    assert listed.item(0).text() == "boat.png — may have been billed"
    assert panel.resume_button.isEnabled() and panel.resend_button.isEnabled()
    qtbot.mouseClick(panel.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.runner.state is BatchState.DONE, timeout=30_000)
    assert [body["prompt"] for body in image2image(server)] == ["house", "tree"]

    def answer_yes() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "billed" in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(200, answer_yes)
    qtbot.mouseClick(panel.resend_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.runner.count(ItemState.DONE) == 3, timeout=30_000)
    assert [body["prompt"] for body in image2image(server)] == ["house", "tree", "boat"]


def test_a_folder_dropped_on_the_window_opens_the_batch_dialog_with_it(
    window: MainWindow, folder: Path, qtbot: QtBot
) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(folder))])
    at, copy = QPointF(window.rect().center()), Qt.DropAction.CopyAction
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(window, QDragEnterEvent(at, copy, data, left, none))
    event = QDropEvent(at, copy, data, left, none)
    QApplication.sendEvent(window, event)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: window.findChild(BatchDialog, "batchDialog") is not None)
    dialog = window.findChild(BatchDialog, "batchDialog")
    assert isinstance(dialog, BatchDialog)
    qtbot.waitUntil(lambda: [p.name for p in dialog.paths] == ["boat.png", "house.png", "tree.png"])
    assert not window.drops.overlay.isVisible()  # not the single-picture choices
