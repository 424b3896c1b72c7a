"""The parameter dock, driven through its real widgets by their object names."""

from __future__ import annotations

from parameter_dock_helpers import (
    child,
    choose_model,
    find_combo,
    find_dspin,
    find_label,
    find_spin,
    generate_button,
    make_dock,
    reference_png,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QPushButton,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.presets import FAST, QUALITY, SOURCE_WEIGHT_INTENTS
from stepfun_studio.core.request import GenerationRequest, Mode, ResponseFormat
from stepfun_studio.ui.prompt_editor import PromptEditor


def test_a_prompt_makes_a_fresh_dock_valid(qtbot: QtBot) -> None:
    dock = make_dock(qtbot)
    # A first start with no settings opens on the first provider with a model still offered.
    assert dock.current_request().model == "gpt-image-1"
    assert not generate_button(dock).isEnabled()
    assert "prompt" in find_label(dock, "problemSummary").text().lower()
    # Not written yet is how every session starts: a hint, not an error in red.
    assert find_label(dock, "problemSummary").property("role") == "muted"
    dock.set_prompt("x" * 32_001)
    assert "32001" in find_label(dock, "problemSummary").text()
    assert find_label(dock, "problemSummary").property("role") == "error"
    dock.set_prompt("a red fox in snow")
    assert dock.is_valid()
    assert generate_button(dock).isEnabled()
    assert not find_label(dock, "problemSummary").isVisible()
    with qtbot.waitSignal(dock.generate_requested, timeout=1000):
        generate_button(dock).click()


def test_invalid_steps_disable_generate_with_the_reason_at_the_field(qtbot: QtBot) -> None:
    dock = make_dock(qtbot)
    choose_model(dock, "step-2x-large")
    dock.set_prompt("a red fox")
    steps = find_spin(dock, "stepsSpin")
    with qtbot.waitSignal(dock.validation_changed) as signal:
        steps.setValue(80)  # the notebook's advice, beyond the 2026 limit of 50
    assert [p.field for p in signal.args[0]] == ["steps"]
    assert not generate_button(dock).isEnabled()
    error = find_label(dock, "stepsError")
    assert error.isVisible()
    assert "between 1 and 50" in error.text()
    assert steps.property("invalid") is True
    outline = steps.findChild(QWidget, "invalidOutline")
    assert outline is not None and outline.isVisible()
    assert outline.geometry() == steps.rect()
    steps.setValue(40)
    assert not outline.isVisible()
    assert generate_button(dock).isEnabled()
    assert not error.isVisible()
    assert steps.property("invalid") is False


def test_a_size_the_model_cannot_take_is_marked(qtbot: QtBot) -> None:
    dock = make_dock(qtbot)
    dock.apply_request(GenerationRequest(prompt="p", model="step-image-edit-2", size="1280x800"))
    size = find_combo(dock, "sizeCombo")
    assert size.currentData() == "1280x800"
    assert size.property("invalid") is True
    assert not generate_button(dock).isEnabled()
    assert "1280x800" in find_label(dock, "sizeError").text()
    # Picking one of the model's sizes clears it.
    size.setCurrentIndex(size.findData("1360x768"))
    assert dock.is_valid()
    assert not find_label(dock, "sizeError").isVisible()


def test_model_switch_changes_sizes_style_slot_and_negative_prompt(qtbot: QtBot) -> None:
    dock = make_dock(qtbot)
    editor = PromptEditor()
    qtbot.addWidget(editor)
    editor.show()
    dock.attach_prompt_editor(editor)
    size = find_combo(dock, "sizeCombo")
    style = child(dock, QWidget, "styleSlot")
    negative = child(editor, QWidget, "negativePromptEditor")

    choose_model(dock, "step-1x-medium")
    size.setCurrentIndex(size.findData("1280x800"))
    assert [size.itemData(i) for i in range(size.count())] == list(
        model_table().require("step-1x-medium").sizes
    )
    assert style.isVisible()
    assert not negative.isVisible()

    choose_model(dock, "step-image-edit-2")
    assert [size.itemData(i) for i in range(size.count())] == list(
        model_table().require("step-image-edit-2").sizes
    )
    # The landscape size became the edit model's closest landscape size.
    assert size.currentData() == "1360x768"
    assert not style.isVisible()
    assert negative.isVisible()
    # The steps and CFG the user had left at the old defaults follow the new model's defaults.
    assert find_spin(dock, "stepsSpin").value() == 8
    assert find_dspin(dock, "cfgSpin").value() == 1.0

    choose_model(dock, "step-2x-large")
    assert not style.isVisible()
    assert not negative.isVisible()


def test_fast_preset(qtbot: QtBot) -> None:
    dock = make_dock(qtbot)
    choose_model(dock, "step-1x-medium")
    button = child(dock, QPushButton, "preset_fast")
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
    dock = make_dock(qtbot)
    choose_model(dock, "step-2x-large")
    assert dock.mode() is Mode.TEXT_TO_IMAGE
    dock.set_source_image(reference_png(64, 48, (200, 30, 30)))
    assert dock.current_request().mode is Mode.REDRAW
    weight = find_dspin(dock, "sourceWeightSpin")
    assert weight.isVisible()
    advice = find_label(dock, "sourceIntentAdvice")
    for intent in SOURCE_WEIGHT_INTENTS:
        button = child(dock, QPushButton, f"sourceIntent_{intent.key}")
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
    choose_model(dock, "step-image-edit-2")
    assert dock.current_request().mode is Mode.EDIT
    assert not weight.isVisible()


def test_an_intent_lets_go_once_the_weight_leaves_its_range(qtbot: QtBot) -> None:
    dock = make_dock(qtbot)
    choose_model(dock, "step-2x-large")
    dock.set_source_image(reference_png(64, 48, (200, 30, 30)))
    weight = find_dspin(dock, "sourceWeightSpin")
    advice = find_label(dock, "sourceIntentAdvice")
    enhance = child(dock, QPushButton, "sourceIntent_enhance")
    assert isinstance(enhance, QPushButton)
    enhance.click()
    assert enhance.isChecked() and advice.isVisible()
    weight.setValue(0.45)  # still detail enhancement (0.01–0.5): the advice holds
    assert enhance.isChecked() and advice.isVisible()
    weight.setValue(0.7)  # typed out of its range: no longer that intent
    assert not enhance.isChecked()
    assert not advice.isVisible()


def test_seed_switch_dice_and_last_returned_seed(qtbot: QtBot) -> None:
    dock = make_dock(qtbot)
    choose_model(dock, "step-2x-large")
    fixed = child(dock, QCheckBox, "seedFixedCheck")
    assert isinstance(fixed, QCheckBox)
    fixed.setChecked(False)
    assert dock.current_request().seed == 0
    last = child(dock, QToolButton, "useLastSeedButton")
    assert not last.isEnabled()
    dock.set_last_returned_seed(1764275706)
    assert last.isEnabled()
    assert isinstance(last, QToolButton)
    last.click()
    assert fixed.isChecked()
    assert dock.current_request().seed == 1764275706
    dice = child(dock, QToolButton, "seedDiceButton")
    assert isinstance(dice, QToolButton)
    dice.click()
    seed = dock.current_request().seed
    assert seed != 1764275706
    assert 1 <= seed <= 2_147_483_647
    fixed.setChecked(False)
    assert dock.current_request().seed == 0
    assert find_spin(dock, "seedSpin").text() == "random"
    # Fixing it again brings the number back.
    fixed.setChecked(True)
    assert dock.current_request().seed == seed


def test_apply_request_and_current_request_round_trip(qtbot: QtBot) -> None:
    dock = make_dock(qtbot)
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
        source=reference_png(80, 60, (10, 120, 200)),
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
        style=reference_png(32, 32, (240, 200, 0)),
        style_weight=1.25,
        source_weight=0.6,
    )
    dock.apply_request(styled)
    assert dock.current_request() == styled
    assert find_combo(dock, "responseFormatCombo").currentData() == "b64_json"

    edit = GenerationRequest(
        prompt="make the sky pink",
        model="step-image-edit-2",
        mode=Mode.EDIT,
        size="1024x1024",
        steps=8,
        cfg_scale=2.0,
        negative_prompt="clouds",
        text_mode=True,
        source=reference_png(40, 40, (0, 0, 0)),
    )
    dock.apply_request(edit)
    assert dock.current_request() == edit


def test_last_values_are_restored_in_a_fresh_dock(qtbot: QtBot) -> None:
    first = make_dock(qtbot)
    choose_model(first, "step-2x-large")
    find_combo(first, "sizeCombo").setCurrentIndex(
        find_combo(first, "sizeCombo").findData("800x1280")
    )
    find_spin(first, "stepsSpin").setValue(42)
    find_dspin(first, "cfgSpin").setValue(3.5)
    first.set_seed(777)
    find_spin(first, "countSpin").setValue(4)
    response = find_combo(first, "responseFormatCombo")
    response.setCurrentIndex(response.findData("url"))
    wanted = first.current_request()
    first.close()
    first.deleteLater()

    second = make_dock(qtbot)
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
    dock = make_dock(qtbot)
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
    dock = make_dock(qtbot)
    choose_model(dock, "step-1x-medium")
    style = child(dock, QWidget, "styleSlot")
    assert style.isVisible()
    dock.set_source_image(reference_png(40, 40, (1, 2, 3)))
    assert not style.isVisible()
    # A style image left in the slot stays in sight, marked, since a redraw cannot use it.
    dock.set_style_image(reference_png(20, 20, (9, 9, 9)))
    assert style.isVisible()
    assert style.property("invalid") is True
    assert "step-1x-medium" in find_label(dock, "styleError").text()
    assert not generate_button(dock).isEnabled()


def test_language_change_keeps_every_value(qtbot: QtBot) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    dock = make_dock(qtbot)
    dock.apply_request(GenerationRequest(prompt="p", model="step-2x-large", steps=12, seed=5))
    before = dock.current_request()
    QCoreApplication.sendEvent(dock, QEvent(QEvent.Type.LanguageChange))
    assert dock.current_request() == before
    assert dock.windowTitle() == "Parameters"


def test_apply_request_fills_an_attached_editor(qtbot: QtBot) -> None:
    dock = make_dock(qtbot)
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
    dock = make_dock(qtbot)
    dock.set_prompt("a kite")
    choose_model(dock, "step-2x-large")
    find_spin(dock, "countSpin").setValue(4)
    assert find_label(dock, "costLabel").text() == "4 pictures · ¥0.40"
    # Priced by quality, and an estimate: "≈", in dollars.
    choose_model(dock, "gpt-image-1")
    quality = find_combo(dock, "option_quality")
    quality.setCurrentIndex(quality.findData("high"))
    find_spin(dock, "countSpin").setValue(2)
    assert find_label(dock, "costLabel").text() == "2 pictures · ≈ $0.33"
    # No price known: no price shown.
    choose_model(dock, "step-1x-medium")
    find_spin(dock, "countSpin").setValue(1)
    assert find_label(dock, "costLabel").text() == "1 picture"


def test_the_last_seed_tooltip_keeps_its_number_across_a_language_change(qtbot: QtBot) -> None:
    from stepfun_studio.ui.i18n import LanguageSwitcher

    dock = make_dock(qtbot)
    last = child(dock, QToolButton, "useLastSeedButton")
    dock.set_last_returned_seed(1764275706)
    assert last.toolTip() == "Use the last returned seed (1764275706)"
    languages = LanguageSwitcher()
    try:
        # The language change reaches the widgets as a posted event.
        languages.apply("zh_CN")
        qtbot.waitUntil(lambda: "使用" in last.toolTip(), timeout=2000)
        assert last.toolTip() == "使用上次返回的种子（1764275706）"
        languages.apply("en")
        qtbot.waitUntil(lambda: "使用" not in last.toolTip(), timeout=2000)
        assert last.toolTip() == "Use the last returned seed (1764275706)"
    finally:
        languages.apply("en")
    # Before any seed came back, the button's tooltip says what it is for, without a number.
    fresh = make_dock(qtbot)
    assert child(fresh, QToolButton, "useLastSeedButton").toolTip() == "Use the last returned seed"
