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
    # A first start with no settings opens on the first provider with a model still offered.
    assert dock.current_request().model == "gpt-image-1"
    assert not _generate(dock).isEnabled()
    assert "prompt" in _label(dock, "problemSummary").text().lower()
    # Not written yet is how every session starts: a hint, not an error in red.
    assert _label(dock, "problemSummary").property("role") == "muted"
    dock.set_prompt("x" * 32_001)
    assert "32001" in _label(dock, "problemSummary").text()
    assert _label(dock, "problemSummary").property("role") == "error"
    dock.set_prompt("a red fox in snow")
    assert dock.is_valid()
    assert _generate(dock).isEnabled()
    assert not _label(dock, "problemSummary").isVisible()
    with qtbot.waitSignal(dock.generate_requested, timeout=1000):
        _generate(dock).click()


def test_invalid_steps_disable_generate_with_the_reason_at_the_field(qtbot: QtBot) -> None:
    dock = _dock(qtbot)
    _choose_model(dock, "step-2x-large")
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


def test_an_intent_lets_go_once_the_weight_leaves_its_range(qtbot: QtBot) -> None:
    dock = _dock(qtbot)
    _choose_model(dock, "step-2x-large")
    dock.set_source_image(_png(64, 48, (200, 30, 30)))
    weight = _dspin(dock, "sourceWeightSpin")
    advice = _label(dock, "sourceIntentAdvice")
    enhance = _child(dock, QPushButton, "sourceIntent_enhance")
    assert isinstance(enhance, QPushButton)
    enhance.click()
    assert enhance.isChecked() and advice.isVisible()
    weight.setValue(0.45)  # still detail enhancement (0.01–0.5): the advice holds
    assert enhance.isChecked() and advice.isVisible()
    weight.setValue(0.7)  # typed out of its range: no longer that intent
    assert not enhance.isChecked()
    assert not advice.isVisible()


def test_seed_switch_dice_and_last_returned_seed(qtbot: QtBot) -> None:
    dock = _dock(qtbot)
    _choose_model(dock, "step-2x-large")
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


def test_the_estimate_shows_beside_generate(qtbot: QtBot) -> None:
    dock = _dock(qtbot)
    dock.set_prompt("a kite")
    _choose_model(dock, "step-2x-large")
    _spin(dock, "countSpin").setValue(4)
    assert _label(dock, "costLabel").text() == "4 pictures · ¥0.40"
    # Priced by quality, and an estimate: "≈", in dollars.
    _choose_model(dock, "gpt-image-1")
    quality = _combo(dock, "option_quality")
    quality.setCurrentIndex(quality.findData("high"))
    _spin(dock, "countSpin").setValue(2)
    assert _label(dock, "costLabel").text() == "2 pictures · ≈ $0.33"
    # No price known: no price shown.
    _choose_model(dock, "step-1x-medium")
    _spin(dock, "countSpin").setValue(1)
    assert _label(dock, "costLabel").text() == "1 picture"


def _forget_the_last_session() -> None:
    from stepfun_studio.ui.widget_state import ui_state_settings

    settings = ui_state_settings()
    settings.remove("parameterDock")
    settings.sync()


def _shown(dock: ParameterDock, kind: type[QWidget], name: str) -> bool:
    return _child(dock, kind, name).isVisibleTo(dock)


def test_the_controls_are_the_ones_the_model_takes(qtbot: QtBot) -> None:
    dock = _dock(qtbot)
    editor = PromptEditor()
    qtbot.addWidget(editor)
    editor.show()
    dock.attach_prompt_editor(editor)
    negative = _child(editor, QWidget, "negativePromptEditor")

    _choose_model(dock, "gpt-image-1")
    assert not _shown(dock, QSpinBox, "stepsSpin")
    assert not _shown(dock, QDoubleSpinBox, "cfgSpin")
    assert not _shown(dock, QSpinBox, "seedSpin")
    assert not negative.isVisible()
    for option in ("quality", "background", "output_format"):
        assert _shown(dock, QComboBox, f"option_{option}")
    assert not _shown(dock, QComboBox, "option_input_fidelity")  # an edit option
    assert not _shown(dock, QComboBox, "option_watermark")
    quality = _combo(dock, "option_quality")
    assert [quality.itemText(i) for i in range(quality.count())] == [
        "Automatic",
        "Low",
        "Medium",
        "High",
    ]
    assert _shown(dock, QWidget, "referenceStrip")
    assert _label(dock, "referenceCount").text() == "0 / 16"
    assert not _shown(dock, QWidget, "styleSlot")
    dock.set_source_image(_png(64, 64, (5, 5, 5)))
    assert _shown(dock, QComboBox, "option_input_fidelity")
    assert not _shown(dock, QDoubleSpinBox, "sourceWeightSpin")  # no redraw weight here
    dock.set_source_image(None)

    _choose_model(dock, "doubao-seedream-4-0-250828")
    assert _shown(dock, QComboBox, "option_watermark")
    watermark = _combo(dock, "option_watermark")
    assert watermark.currentText() == "Off"
    assert dock.current_request().option("watermark") == "false"
    assert not _shown(dock, QComboBox, "option_quality")
    assert _label(dock, "referenceCount").text() == "0 / 14"
    assert not _shown(dock, QSpinBox, "seedSpin")

    _choose_model(dock, "Kwai-Kolors/Kolors")
    for name in ("stepsSpin", "seedSpin"):
        assert _shown(dock, QSpinBox, name)
    assert _shown(dock, QDoubleSpinBox, "cfgSpin")
    assert negative.isVisible()
    assert not _shown(dock, QWidget, "referenceStrip")
    assert not any(_shown(dock, QComboBox, f"option_{n}") for n in ("quality", "watermark"))

    # A model that draws from text only has no picture slot at all.
    _choose_model(dock, "Qwen/Qwen-Image")
    assert not _shown(dock, QWidget, "sourceSlot")


def test_the_picker_groups_models_by_provider_and_marks_retired_ones(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    from stepfun_studio.ui.model_picker import LIST_TEXT_ROLE

    dock = _dock(qtbot)
    combo = _combo(dock, "modelCombo")
    texts = [combo.itemText(i) for i in range(combo.count())]
    headings = [i for i in range(combo.count()) if combo.itemData(i) is None]
    assert [texts[i] for i in headings] == [p.label for p in model_table().providers[:4]]
    model = combo.model()
    for index in headings:
        flags = model.flags(model.index(index, 0))
        assert not flags & Qt.ItemFlag.ItemIsSelectable
        assert not flags & Qt.ItemFlag.ItemIsEnabled
    step2 = combo.findData("step-2x-large")
    # The open list says it; the closed box shows the label, with the date in words below.
    assert combo.itemData(step2, LIST_TEXT_ROLE) == "Step 2X Large · retired 2026-10-10"
    assert combo.itemText(step2) == "Step 2X Large"
    # Retired, yet selectable: StepFun-compatible servers still serve it.
    combo.setCurrentIndex(step2)
    assert dock.current_request().model == "step-2x-large"
    assert "2026-10-10" in _label(dock, "modelNotice").text()
    assert _label(dock, "modelNotice").isVisible()
    assert "StepFun" in _label(dock, "modeLabel").text()


def test_the_first_start_opens_on_the_default_provider(qtbot: QtBot) -> None:
    ark = ParameterDock(default_provider="ark")
    qtbot.addWidget(ark)
    assert ark.current_request().model == "doubao-seedream-4-0-250828"
    spec = model_table().require(ark.current_request().model)
    assert spec.size_problem(ark.current_request().size) is None
    ark.close()
    _forget_the_last_session()
    unknown = ParameterDock(default_provider="no-such-provider")
    qtbot.addWidget(unknown)
    assert unknown.current_request().model == "gpt-image-1"


def test_the_settings_default_model_wins_where_no_provider_is_set(qtbot: QtBot) -> None:
    defaults = GenerationRequest(model="Kwai-Kolors/Kolors", steps=30, size="960x1280")
    dock = ParameterDock(defaults=defaults)
    qtbot.addWidget(dock)
    assert (dock.current_request().model, dock.current_request().steps) == (
        "Kwai-Kolors/Kolors",
        30,
    )
    # The last session wins over any default ...
    again = ParameterDock(defaults=defaults, default_provider="openai")
    qtbot.addWidget(again)
    assert again.current_request().model == "Kwai-Kolors/Kolors"
    # ... and on a first start a default provider wins over a default model of another one.
    _forget_the_last_session()
    other = ParameterDock(defaults=defaults, default_provider="openai")
    qtbot.addWidget(other)
    assert other.current_request().model == "gpt-image-1"


def test_switching_provider_says_what_was_left_out(qtbot: QtBot) -> None:
    dock = _dock(qtbot)
    editor = PromptEditor()
    qtbot.addWidget(editor)
    dock.attach_prompt_editor(editor)
    _choose_model(dock, "Kwai-Kolors/Kolors")
    dock.set_prompt("a lantern")
    dock.set_seed(77)
    dock.set_negative_prompt("blurry")
    messages: list[str] = []
    dock.message.connect(messages.append)
    _choose_model(dock, "gpt-image-1")
    request = dock.current_request()
    assert (request.model, request.provider, request.seed, request.prompt) == (
        "gpt-image-1",
        "openai",
        0,
        "a lantern",
    )
    assert len(messages) == 1
    assert "seed" in messages[0] and "negative prompt" in messages[0]
    assert "steps" not in messages[0]  # left at Kolors' default: nothing the user chose
    # Within a provider nothing is dropped, and nothing is said.
    _choose_model(dock, "gpt-image-1-mini")
    assert len(messages) == 1


def test_reuse_of_a_retired_model_s_picture_moves_it_to_the_chosen_model(qtbot: QtBot) -> None:
    dock = _dock(qtbot)
    _choose_model(dock, "gpt-image-1")
    messages: list[str] = []
    dock.message.connect(messages.append)
    old = GenerationRequest(prompt="a pagoda", model="step-2x-large", seed=99, steps=40)
    dropped = dock.reuse_request(old)
    request = dock.current_request()
    assert (request.model, request.prompt, request.seed) == ("gpt-image-1", "a pagoda", 0)
    assert "seed" in dropped and "steps" in dropped
    assert messages and "GPT Image 1" in messages[0] and "seed" in messages[0]
    # A picture of a model still offered is made again with that model.
    kolors = GenerationRequest(prompt="a pier", model="Kwai-Kolors/Kolors", seed=5, steps=22)
    assert dock.reuse_request(kolors) == []
    assert (dock.current_request().model, dock.current_request().seed) == (
        "Kwai-Kolors/Kolors",
        5,
    )


def test_the_footer_names_a_problem_out_of_sight_and_shows_it(qtbot: QtBot) -> None:
    dock = _dock(qtbot)
    dock.resize(340, 380)
    _choose_model(dock, "step-1x-medium")
    dock.set_prompt("a fox")
    # A style image while redrawing: marked at the style slot, at the foot of the form.
    dock.set_source_image(_png(40, 40, (1, 2, 3)))
    dock.set_style_image(_png(20, 20, (9, 9, 9)))
    summary = _label(dock, "problemSummary")
    assert not _generate(dock).isEnabled()
    assert summary.isVisible()
    assert "style reference" in summary.text()
    show = _child(dock, QPushButton, "showProblemButton")
    assert show.isVisible()
    style = _child(dock, QWidget, "styleSlot")
    scroll = dock.findChild(QWidget, "qt_scrollarea_viewport")
    assert scroll is not None
    assert isinstance(show, QPushButton)
    show.click()
    top_left = style.mapTo(scroll, style.rect().topLeft())
    assert 0 <= top_left.y() < scroll.height()


def test_the_steps_hint_says_one_thing(qtbot: QtBot) -> None:
    dock = _dock(qtbot)
    _choose_model(dock, "step-2x-large")
    hint = _label(dock, "stepsHint").text()
    assert hint == "1–50 for this model"


def test_opening_advanced_brings_its_rows_into_sight(qtbot: QtBot) -> None:
    dock = _dock(qtbot)
    dock.resize(340, 360)
    _choose_model(dock, "Kwai-Kolors/Kolors")
    section = dock.findChild(QWidget, "advancedSection")
    assert section is not None
    response = _combo(dock, "responseFormatCombo")
    viewport = dock.findChild(QWidget, "qt_scrollarea_viewport")
    assert viewport is not None
    section.toggle_button().click()  # type: ignore[attr-defined]
    qtbot.waitUntil(
        lambda: 0 <= response.mapTo(viewport, response.rect().bottomLeft()).y() <= viewport.height()
    )
    assert response.isVisible()


def test_option_choices_come_back_after_a_restart(qtbot: QtBot) -> None:
    first = _dock(qtbot)
    _choose_model(first, "gpt-image-1")
    for name, value in (("quality", "high"), ("background", "transparent")):
        combo = _combo(first, f"option_{name}")
        combo.setCurrentIndex(combo.findData(value))
    # Within a provider the choices carry over to the next model.
    _choose_model(first, "gpt-image-1-mini")
    assert first.current_request().option("quality") == "high"
    first.close()
    first.deleteLater()
    second = _dock(qtbot)
    request = second.current_request()
    assert request.model == "gpt-image-1-mini"
    assert (request.option("quality"), request.option("background")) == ("high", "transparent")
    assert _combo(second, "option_quality").currentText() == "High"
