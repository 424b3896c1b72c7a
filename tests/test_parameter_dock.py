"""The parameter dock, driven through its real widgets by their object names."""

from __future__ import annotations

import io

from PIL import Image
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.presets import FAST, QUALITY, SOURCE_WEIGHT_INTENTS
from stepfun_studio.core.request import GenerationRequest, Mode, ReferenceImage, ResponseFormat
from stepfun_studio.ui.parameter_dock import ParameterDock
from stepfun_studio.ui.prompt_editor import PromptEditor


def _png(width: int, height: int, color: tuple[int, int, int]) -> ReferenceImage:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, "PNG")
    return ReferenceImage(buffer.getvalue(), "image/png", width, height, name="ref.png")


def _dock(qtbot: QtBot) -> ParameterDock:
    dock = ParameterDock()
    qtbot.addWidget(dock)
    dock.resize(340, 900)
    dock.show()
    return dock


def _child(dock: ParameterDock, kind: type[QWidget], name: str) -> QWidget:
    widget = dock.findChild(kind, name)
    assert widget is not None, name
    return widget


def _combo(dock: ParameterDock, name: str) -> QComboBox:
    widget = _child(dock, QComboBox, name)
    assert isinstance(widget, QComboBox)
    return widget


def _spin(dock: ParameterDock, name: str) -> QSpinBox:
    widget = _child(dock, QSpinBox, name)
    assert isinstance(widget, QSpinBox)
    return widget


def _dspin(dock: ParameterDock, name: str) -> QDoubleSpinBox:
    widget = _child(dock, QDoubleSpinBox, name)
    assert isinstance(widget, QDoubleSpinBox)
    return widget


def _label(dock: ParameterDock, name: str) -> QLabel:
    widget = _child(dock, QLabel, name)
    assert isinstance(widget, QLabel)
    return widget


def _generate(dock: ParameterDock) -> QPushButton:
    widget = _child(dock, QPushButton, "generateButton")
    assert isinstance(widget, QPushButton)
    return widget


def _choose_model(dock: ParameterDock, name: str) -> None:
    combo = _combo(dock, "modelCombo")
    combo.setCurrentIndex(combo.findData(name))


def test_a_prompt_makes_a_fresh_dock_valid(qtbot: QtBot) -> None:
    dock = _dock(qtbot)
    assert not _generate(dock).isEnabled()
    assert "prompt" in _label(dock, "problemSummary").text().lower()
    # Not written yet is how every session starts: a hint, not an error in red.
    assert _label(dock, "problemSummary").property("role") == "muted"
    dock.set_prompt("x" * 513)
    assert "513" in _label(dock, "problemSummary").text()
    assert _label(dock, "problemSummary").property("role") == "error"
    dock.set_prompt("a red fox in snow")
    assert dock.is_valid()
    assert _generate(dock).isEnabled()
    assert not _label(dock, "problemSummary").isVisible()
    with qtbot.waitSignal(dock.generate_requested, timeout=1000):
        _generate(dock).click()


def test_invalid_steps_disable_generate_with_the_reason_at_the_field(qtbot: QtBot) -> None:
    dock = _dock(qtbot)
    dock.set_prompt("a red fox")
    steps = _spin(dock, "stepsSpin")
    with qtbot.waitSignal(dock.validation_changed) as signal:
        steps.setValue(80)  # the notebook's advice, beyond the 2026 limit of 50
    assert [p.field for p in signal.args[0]] == ["steps"]
    assert not _generate(dock).isEnabled()
    error = _label(dock, "stepsError")
    assert error.isVisible()
    assert "between 1 and 50" in error.text()
    assert steps.property("invalid") is True
    outline = steps.findChild(QWidget, "invalidOutline")
    assert outline is not None and outline.isVisible()
    assert outline.geometry() == steps.rect()
    steps.setValue(40)
    assert not outline.isVisible()
    assert _generate(dock).isEnabled()
    assert not error.isVisible()
    assert steps.property("invalid") is False


def test_a_size_the_model_cannot_take_is_marked(qtbot: QtBot) -> None:
    dock = _dock(qtbot)
    dock.apply_request(GenerationRequest(prompt="p", model="step-image-edit-2", size="1280x800"))
    size = _combo(dock, "sizeCombo")
    assert size.currentData() == "1280x800"
    assert size.property("invalid") is True
    assert not _generate(dock).isEnabled()
    assert "1280x800" in _label(dock, "sizeError").text()
    # Picking one of the model's sizes clears it.
    size.setCurrentIndex(size.findData("1360x768"))
    assert dock.is_valid()
    assert not _label(dock, "sizeError").isVisible()


def test_model_switch_changes_sizes_style_slot_and_negative_prompt(qtbot: QtBot) -> None:
    dock = _dock(qtbot)
    editor = PromptEditor()
    qtbot.addWidget(editor)
    editor.show()
    dock.attach_prompt_editor(editor)
    size = _combo(dock, "sizeCombo")
    style = _child(dock, QWidget, "styleSlot")
    negative = _child(editor, QWidget, "negativePromptEditor")

    _choose_model(dock, "step-1x-medium")
    size.setCurrentIndex(size.findData("1280x800"))
    assert [size.itemData(i) for i in range(size.count())] == list(
        model_table().require("step-1x-medium").sizes
    )
    assert style.isVisible()
    assert not negative.isVisible()

    _choose_model(dock, "step-image-edit-2")
    assert [size.itemData(i) for i in range(size.count())] == list(
        model_table().require("step-image-edit-2").sizes
    )
    # The landscape size became the edit model's closest landscape size.
    assert size.currentData() == "1360x768"
    assert not style.isVisible()
    assert negative.isVisible()
    # The steps and CFG the user had left at the old defaults follow the new model's defaults.
    assert _spin(dock, "stepsSpin").value() == 8
    assert _dspin(dock, "cfgSpin").value() == 1.0

    _choose_model(dock, "step-2x-large")
    assert not style.isVisible()
    assert not negative.isVisible()


def test_fast_preset(qtbot: QtBot) -> None:
    dock = _dock(qtbot)
    _choose_model(dock, "step-1x-medium")
    button = _child(dock, QPushButton, "preset_fast")
    assert isinstance(button, QPushButton)
    button.click()
    request = dock.current_request()
    assert (request.size, request.steps, request.cfg_scale) == (
        FAST.size,
        FAST.steps,
        FAST.cfg_scale,
    )
    # Quality through its window-wide action (what the Help menu lists with its keys).
    quality = dock.findChild(QAction, "presetQualityAction")
    assert quality is not None and not quality.shortcut().isEmpty()
    quality.trigger()
    request = dock.current_request()
    assert (request.size, request.steps, request.cfg_scale) == (
        QUALITY.size,
        QUALITY.steps,
        QUALITY.cfg_scale,
    )


def test_source_makes_a_redraw_and_intent_presets_set_the_weight(qtbot: QtBot) -> None:
    dock = _dock(qtbot)
    _choose_model(dock, "step-2x-large")
    assert dock.mode() is Mode.TEXT_TO_IMAGE
    dock.set_source_image(_png(64, 48, (200, 30, 30)))
    assert dock.current_request().mode is Mode.REDRAW
    weight = _dspin(dock, "sourceWeightSpin")
    assert weight.isVisible()
    advice = _label(dock, "sourceIntentAdvice")
    for intent in SOURCE_WEIGHT_INTENTS:
        button = _child(dock, QPushButton, f"sourceIntent_{intent.key}")
        assert isinstance(button, QPushButton)
        button.click()
        assert weight.value() == intent.suggested
        assert dock.current_request().source_weight == intent.suggested
        assert intent.prompt_advice() in advice.text()

    # A request from elsewhere brings its own weight; the last intent's advice goes.
    dock.apply_request(dock.current_request().with_changes(source_weight=0.65))
    assert not advice.isVisible()
    assert not any(
        b.isChecked()
        for b in dock.findChildren(QPushButton)
        if b.objectName().startswith("sourceI")
    )

    # The same source on the edit model is an edit, with no weight to set.
    _choose_model(dock, "step-image-edit-2")
    assert dock.current_request().mode is Mode.EDIT
    assert not weight.isVisible()
    assert not _combo(dock, "sizeCombo").isEnabled()


def test_seed_switch_dice_and_last_returned_seed(qtbot: QtBot) -> None:
    dock = _dock(qtbot)
    fixed = _child(dock, QCheckBox, "seedFixedCheck")
    assert isinstance(fixed, QCheckBox)
    fixed.setChecked(False)
    assert dock.current_request().seed == 0
    last = _child(dock, QToolButton, "useLastSeedButton")
    assert not last.isEnabled()
    dock.set_last_returned_seed(1764275706)
    assert last.isEnabled()
    assert isinstance(last, QToolButton)
    last.click()
    assert fixed.isChecked()
    assert dock.current_request().seed == 1764275706
    dice = _child(dock, QToolButton, "seedDiceButton")
    assert isinstance(dice, QToolButton)
    dice.click()
    seed = dock.current_request().seed
    assert seed != 1764275706
    assert 1 <= seed <= 2_147_483_647
    fixed.setChecked(False)
    assert dock.current_request().seed == 0
    assert _spin(dock, "seedSpin").text() == "random"
    # Fixing it again brings the number back.
    fixed.setChecked(True)
    assert dock.current_request().seed == seed


def test_apply_request_and_current_request_round_trip(qtbot: QtBot) -> None:
    dock = _dock(qtbot)
    redraw = GenerationRequest(
        prompt="a castle on a cliff",
        model="step-2x-large",
        mode=Mode.REDRAW,
        size="800x1280",
        steps=90,  # image2image takes up to 100
        cfg_scale=4.5,
        seed=12345,
        n=3,
        response_format=ResponseFormat.URL,
        source=_png(80, 60, (10, 120, 200)),
        source_weight=0.35,
    )
    dock.apply_request(redraw)
    assert dock.current_request() == redraw
    assert dock.is_valid()

    styled = GenerationRequest(
        prompt="a quiet harbour",
        model="step-1x-medium",
        size="1280x800",
        steps=33,
        cfg_scale=8.0,
        n=16,
        style=_png(32, 32, (240, 200, 0)),
        style_weight=1.25,
        source_weight=0.6,
    )
    dock.apply_request(styled)
    assert dock.current_request() == styled
    assert _combo(dock, "responseFormatCombo").currentData() == "b64_json"

    edit = GenerationRequest(
        prompt="make the sky pink",
        model="step-image-edit-2",
        mode=Mode.EDIT,
        size="1024x1024",
        steps=8,
        cfg_scale=2.0,
        negative_prompt="clouds",
        text_mode=True,
        source=_png(40, 40, (0, 0, 0)),
    )
    dock.apply_request(edit)
    assert dock.current_request() == edit


def test_last_values_are_restored_in_a_fresh_dock(qtbot: QtBot) -> None:
    first = _dock(qtbot)
    _choose_model(first, "step-2x-large")
    _combo(first, "sizeCombo").setCurrentIndex(_combo(first, "sizeCombo").findData("800x1280"))
    _spin(first, "stepsSpin").setValue(42)
    _dspin(first, "cfgSpin").setValue(3.5)
    first.set_seed(777)
    _spin(first, "countSpin").setValue(4)
    response = _combo(first, "responseFormatCombo")
    response.setCurrentIndex(response.findData("url"))
    wanted = first.current_request()
    first.close()
    first.deleteLater()

    second = _dock(qtbot)
    restored = second.current_request()
    assert restored == wanted
    assert (restored.model, restored.size, restored.steps, restored.seed, restored.n) == (
        "step-2x-large",
        "800x1280",
        42,
        777,
        4,
    )


def test_ctrl_enter_in_an_attached_editor_generates_only_when_valid(qtbot: QtBot) -> None:
    dock = _dock(qtbot)
    editor = PromptEditor()
    qtbot.addWidget(editor)
    editor.show()
    dock.attach_prompt_editor(editor)
    fired: list[bool] = []
    dock.generate_requested.connect(lambda: fired.append(True))
    editor.generate_requested.emit()
    assert fired == []  # no prompt yet
    editor.set_prompt("a bridge at dusk")
    assert dock.current_request().prompt == "a bridge at dusk"
    editor.generate_requested.emit()
    assert fired == [True]


def test_style_slot_hides_while_redrawing_unless_it_holds_an_image(qtbot: QtBot) -> None:
    dock = _dock(qtbot)
    _choose_model(dock, "step-1x-medium")
    style = _child(dock, QWidget, "styleSlot")
    assert style.isVisible()
    dock.set_source_image(_png(40, 40, (1, 2, 3)))
    assert not style.isVisible()
    # A style image left in the slot stays in sight, marked, since a redraw cannot use it.
    dock.set_style_image(_png(20, 20, (9, 9, 9)))
    assert style.isVisible()
    assert style.property("invalid") is True
    assert "step-1x-medium" in _label(dock, "styleError").text()
    assert not _generate(dock).isEnabled()


def test_language_change_keeps_every_value(qtbot: QtBot) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    dock = _dock(qtbot)
    dock.apply_request(GenerationRequest(prompt="p", model="step-2x-large", steps=12, seed=5))
    before = dock.current_request()
    QCoreApplication.sendEvent(dock, QEvent(QEvent.Type.LanguageChange))
    assert dock.current_request() == before
    assert dock.windowTitle() == "Parameters"


def test_apply_request_fills_an_attached_editor(qtbot: QtBot) -> None:
    dock = _dock(qtbot)
    editor = PromptEditor()
    qtbot.addWidget(editor)
    editor.show()
    dock.attach_prompt_editor(editor)
    request = GenerationRequest(
        prompt="a tea house",
        model="step-image-edit-2",
        steps=8,
        cfg_scale=3.0,
        negative_prompt="people",
        size="1024x1024",
    )
    dock.apply_request(request)
    assert (editor.prompt(), editor.negative_prompt()) == ("a tea house", "people")
    assert dock.current_request() == request


def test_the_batch_price_shows_above_generate(qtbot: QtBot) -> None:
    dock = _dock(qtbot)
    _choose_model(dock, "step-2x-large")
    _spin(dock, "countSpin").setValue(4)
    price = model_table().require("step-2x-large").price_cny
    assert price is not None
    assert f"¥{price * 4:.2f}" in _label(dock, "costLabel").text()
    assert "4" in _generate(dock).text()
