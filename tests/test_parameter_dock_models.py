"""The parameter dock's model picker: the controls each model takes, providers, retired models."""

from __future__ import annotations

from parameter_dock_helpers import (
    child,
    choose_model,
    find_combo,
    find_label,
    forget_the_last_session,
    generate_button,
    make_dock,
    reference_png,
    shown,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QPushButton,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.ui.parameter_dock import ParameterDock
from stepfun_studio.ui.prompt_editor import PromptEditor


def test_the_controls_are_the_ones_the_model_takes(qtbot: QtBot) -> None:
    dock = make_dock(qtbot)
    editor = PromptEditor()
    qtbot.addWidget(editor)
    editor.show()
    dock.attach_prompt_editor(editor)
    negative = child(editor, QWidget, "negativePromptEditor")

    choose_model(dock, "gpt-image-1")
    assert not shown(dock, QSpinBox, "stepsSpin")
    assert not shown(dock, QDoubleSpinBox, "cfgSpin")
    assert not shown(dock, QSpinBox, "seedSpin")
    assert not negative.isVisible()
    for option in ("quality", "background", "output_format"):
        assert shown(dock, QComboBox, f"option_{option}")
    assert not shown(dock, QComboBox, "option_input_fidelity")  # an edit option
    assert not shown(dock, QComboBox, "option_watermark")
    quality = find_combo(dock, "option_quality")
    assert [quality.itemText(i) for i in range(quality.count())] == [
        "Automatic",
        "Low",
        "Medium",
        "High",
    ]
    assert shown(dock, QWidget, "referenceStrip")
    assert find_label(dock, "referenceCount").text() == "0 / 16"
    assert not shown(dock, QWidget, "styleSlot")
    dock.set_source_image(reference_png(64, 64, (5, 5, 5)))
    assert shown(dock, QComboBox, "option_input_fidelity")
    assert not shown(dock, QDoubleSpinBox, "sourceWeightSpin")  # no redraw weight here
    dock.set_source_image(None)

    choose_model(dock, "doubao-seedream-4-0-250828")
    assert shown(dock, QComboBox, "option_watermark")
    watermark = find_combo(dock, "option_watermark")
    assert watermark.currentText() == "Off"
    assert dock.current_request().option("watermark") == "false"
    assert not shown(dock, QComboBox, "option_quality")
    assert find_label(dock, "referenceCount").text() == "0 / 14"
    assert not shown(dock, QSpinBox, "seedSpin")

    choose_model(dock, "Kwai-Kolors/Kolors")
    for name in ("stepsSpin", "seedSpin"):
        assert shown(dock, QSpinBox, name)
    assert shown(dock, QDoubleSpinBox, "cfgSpin")
    assert negative.isVisible()
    assert not shown(dock, QWidget, "referenceStrip")
    assert not any(shown(dock, QComboBox, f"option_{n}") for n in ("quality", "watermark"))

    # A model that draws from text only has no picture slot at all.
    choose_model(dock, "Qwen/Qwen-Image")
    assert not shown(dock, QWidget, "sourceSlot")


def test_the_picker_groups_models_by_provider_and_marks_retired_ones(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    from stepfun_studio.ui.model_picker import LIST_TEXT_ROLE

    dock = make_dock(qtbot)
    combo = find_combo(dock, "modelCombo")
    texts = [combo.itemText(i) for i in range(combo.count())]
    headings = [i for i in range(combo.count()) if combo.itemData(i) is None]
    assert [texts[i] for i in headings] == [p.label for p in model_table().providers[:4]]
    model = combo.model()
    for index in headings:
        flags = model.flags(model.index(index, 0))
        assert not flags & Qt.ItemFlag.ItemIsSelectable
        assert not flags & Qt.ItemFlag.ItemIsEnabled
    step2 = combo.findData("step-2x-large")
    # The open list says it; the closed box shows the find_label, with the date in words below.
    assert combo.itemData(step2, LIST_TEXT_ROLE) == "Step 2X Large · retired 2026-10-10"
    assert combo.itemText(step2) == "Step 2X Large"
    # Retired, yet selectable: StepFun-compatible servers still serve it.
    combo.setCurrentIndex(step2)
    assert dock.current_request().model == "step-2x-large"
    assert "2026-10-10" in find_label(dock, "modelNotice").text()
    assert find_label(dock, "modelNotice").isVisible()
    assert "StepFun" in find_label(dock, "modeLabel").text()


def test_the_first_start_opens_on_the_default_provider(qtbot: QtBot) -> None:
    ark = ParameterDock(default_provider="ark")
    qtbot.addWidget(ark)
    assert ark.current_request().model == "doubao-seedream-4-0-250828"
    spec = model_table().require(ark.current_request().model)
    assert spec.size_problem(ark.current_request().size) is None
    ark.close()
    forget_the_last_session()
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
    forget_the_last_session()
    other = ParameterDock(defaults=defaults, default_provider="openai")
    qtbot.addWidget(other)
    assert other.current_request().model == "gpt-image-1"


def test_switching_provider_says_what_was_left_out(qtbot: QtBot) -> None:
    dock = make_dock(qtbot)
    editor = PromptEditor()
    qtbot.addWidget(editor)
    dock.attach_prompt_editor(editor)
    choose_model(dock, "Kwai-Kolors/Kolors")
    dock.set_prompt("a lantern")
    dock.set_seed(77)
    dock.set_negative_prompt("blurry")
    messages: list[str] = []
    dock.message.connect(messages.append)
    choose_model(dock, "gpt-image-1")
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
    choose_model(dock, "gpt-image-1-mini")
    assert len(messages) == 1


def test_reuse_of_a_retired_model_s_picture_moves_it_to_the_chosen_model(qtbot: QtBot) -> None:
    dock = make_dock(qtbot)
    choose_model(dock, "gpt-image-1")
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
    dock = make_dock(qtbot)
    dock.resize(340, 380)
    choose_model(dock, "step-1x-medium")
    dock.set_prompt("a fox")
    # A style image while redrawing: marked at the style slot, at the foot of the form.
    dock.set_source_image(reference_png(40, 40, (1, 2, 3)))
    dock.set_style_image(reference_png(20, 20, (9, 9, 9)))
    summary = find_label(dock, "problemSummary")
    assert not generate_button(dock).isEnabled()
    assert summary.isVisible()
    assert "style reference" in summary.text()
    show = child(dock, QPushButton, "showProblemButton")
    assert show.isVisible()
    style = child(dock, QWidget, "styleSlot")
    scroll = dock.findChild(QWidget, "qt_scrollarea_viewport")
    assert scroll is not None
    assert isinstance(show, QPushButton)
    show.click()
    top_left = style.mapTo(scroll, style.rect().topLeft())
    assert 0 <= top_left.y() < scroll.height()


def test_the_steps_hint_says_one_thing(qtbot: QtBot) -> None:
    dock = make_dock(qtbot)
    choose_model(dock, "step-2x-large")
    hint = find_label(dock, "stepsHint").text()
    assert hint == "1–50 for this model"


def test_opening_advanced_brings_its_rows_into_sight(qtbot: QtBot) -> None:
    dock = make_dock(qtbot)
    dock.resize(340, 360)
    choose_model(dock, "Kwai-Kolors/Kolors")
    section = dock.findChild(QWidget, "advancedSection")
    assert section is not None
    response = find_combo(dock, "responseFormatCombo")
    viewport = dock.findChild(QWidget, "qt_scrollarea_viewport")
    assert viewport is not None
    section.toggle_button().click()  # type: ignore[attr-defined]
    qtbot.waitUntil(
        lambda: 0 <= response.mapTo(viewport, response.rect().bottomLeft()).y() <= viewport.height()
    )
    assert response.isVisible()


def test_option_choices_come_back_after_a_restart(qtbot: QtBot) -> None:
    first = make_dock(qtbot)
    choose_model(first, "gpt-image-1")
    for name, value in (("quality", "high"), ("background", "transparent")):
        combo = find_combo(first, f"option_{name}")
        combo.setCurrentIndex(combo.findData(value))
    # Within a provider the choices carry over to the next model.
    choose_model(first, "gpt-image-1-mini")
    assert first.current_request().option("quality") == "high"
    first.close()
    first.deleteLater()
    second = make_dock(qtbot)
    request = second.current_request()
    assert request.model == "gpt-image-1-mini"
    assert (request.option("quality"), request.option("background")) == ("high", "transparent")
    assert find_combo(second, "option_quality").currentText() == "High"
