"""The prompt editor, driven as a user would: typing, keys, model switches, a restart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot

from stepfun_studio.core.request import GenerationRequest, Mode
from stepfun_studio.ui.prompt_editor import PromptEditor
from stepfun_studio.ui.request_model import RequestModel


def _editor(qtbot: QtBot) -> PromptEditor:
    editor = PromptEditor()
    qtbot.addWidget(editor)
    editor.show()
    return editor


def _field(editor: PromptEditor, name: str) -> QPlainTextEdit:
    field = editor.findChild(QPlainTextEdit, name)
    assert field is not None
    return field


def _count(editor: PromptEditor) -> QLabel:
    label = editor.findChild(QLabel, "promptCharCount")
    assert label is not None
    return label


def test_count_follows_the_model_limit_and_turns_red_past_it(qtbot: QtBot) -> None:
    editor = _editor(qtbot)
    field = _field(editor, "promptEditor")
    qtbot.keyClicks(field, "a cat")
    assert editor.prompt() == "a cat"
    assert _count(editor).text() == "5 / 512"
    assert not _count(editor).property("overLimit")

    editor.set_prompt("x" * 600)
    assert _count(editor).text() == "600 / 512"
    assert _count(editor).property("overLimit")
    # The 88 characters that would not fit are tinted in the field itself.
    [overflow] = _field(editor, "promptEditor").extraSelections()
    assert (overflow.cursor.selectionStart(), overflow.cursor.selectionEnd()) == (512, 600)

    # A redraw takes 1024 characters, so the same prompt fits.
    editor.set_mode(Mode.REDRAW)
    assert _count(editor).text() == "600 / 1024"
    assert not _count(editor).property("overLimit")
    assert _field(editor, "promptEditor").extraSelections() == []


def test_negative_prompt_shows_only_for_image_edit(qtbot: QtBot) -> None:
    editor = _editor(qtbot)
    negative = _field(editor, "negativePromptEditor")
    assert not negative.isVisible()
    editor.set_model("step-image-edit-2")
    assert negative.isVisible()
    seen: list[str] = []
    editor.negative_prompt_changed.connect(seen.append)
    qtbot.keyClicks(negative, "blur")
    assert seen[-1] == "blur"
    assert editor.negative_prompt() == "blur"
    # Hidden again: the text stays in the field but is not part of the request.
    editor.set_model("step-2x-large")
    assert not negative.isVisible()
    assert editor.negative_prompt() == ""


def test_ctrl_enter_emits_generate(qtbot: QtBot) -> None:
    editor = _editor(qtbot)
    field = _field(editor, "promptEditor")
    qtbot.keyClicks(field, "a lighthouse")
    with qtbot.waitSignal(editor.generate_requested, timeout=1000):
        qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # The key made no new line. The prompt enters the history when it is sent (the window's
    # generate), not at the key: an invalid request sends nothing and remembers nothing.
    assert editor.prompt() == "a lighthouse"
    assert editor.history() == []


def test_plain_enter_makes_a_new_line_not_a_generation(qtbot: QtBot) -> None:
    editor = _editor(qtbot)
    field = _field(editor, "promptEditor")
    fired: list[bool] = []
    editor.generate_requested.connect(lambda: fired.append(True))
    qtbot.keyClicks(field, "one")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert editor.prompt() == "one\n"
    assert fired == []


def test_history_keys_walk_back_and_return_to_the_draft(qtbot: QtBot) -> None:
    editor = _editor(qtbot)
    field = _field(editor, "promptEditor")
    editor.remember_prompt("first")
    editor.remember_prompt("second")
    editor.remember_prompt("first")  # used again: moves to the top, no duplicate
    assert editor.history() == ["first", "second"]

    qtbot.keyClicks(field, "draft")
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(field, Qt.Key.Key_Up, ctrl)
    assert editor.prompt() == "first"
    qtbot.keyClick(field, Qt.Key.Key_Up, ctrl)
    assert editor.prompt() == "second"
    qtbot.keyClick(field, Qt.Key.Key_Up, ctrl)  # the oldest: stays
    assert editor.prompt() == "second"
    qtbot.keyClick(field, Qt.Key.Key_Down, ctrl)
    qtbot.keyClick(field, Qt.Key.Key_Down, ctrl)
    assert editor.prompt() == "draft"


def test_history_survives_a_restart(qtbot: QtBot, isolated_home: Path) -> None:
    editor = _editor(qtbot)
    for i in range(60):
        editor.remember_prompt(f"prompt {i}")
    editor.close()
    del editor

    fresh = _editor(qtbot)
    history = fresh.history()
    assert len(history) == 50
    assert history[0] == "prompt 59"
    assert history[-1] == "prompt 10"
    assert (isolated_home / "config" / "ui-state.ini").exists()


def test_language_change_keeps_the_text_and_redraws_the_labels(qtbot: QtBot) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    editor = _editor(qtbot)
    editor.set_prompt("keep me")
    QCoreApplication.sendEvent(editor, QEvent(QEvent.Type.LanguageChange))
    assert editor.prompt() == "keep me"
    assert _count(editor).text() == "7 / 512"


def test_attached_the_fields_are_the_request_model_s_prompt(qtbot: QtBot) -> None:
    editor = _editor(qtbot)
    model = RequestModel()
    model.apply(GenerationRequest(model="Kwai-Kolors/Kolors", prompt="from the model"))
    editor.attach(model)
    field = _field(editor, "promptEditor")
    # The model's text shows at once, and the limit is the model's.
    assert editor.prompt() == "from the model"
    assert _count(editor).text() == "14 / 2000"
    field.clear()
    qtbot.keyClicks(field, "typed")
    assert model.prompt == "typed"
    qtbot.keyClicks(_field(editor, "negativePromptEditor"), "blurry")
    assert model.negative_prompt == "blurry"
    assert model.request().negative_prompt == "blurry"
    # Written elsewhere (reuse parameters): the field follows, once.
    model.prompt = "reused"
    assert field.toPlainText() == "reused"


def test_walking_the_history_writes_the_request_model(qtbot: QtBot) -> None:
    editor = _editor(qtbot)
    model = RequestModel()
    editor.attach(model)
    editor.remember_prompt("older")
    field = _field(editor, "promptEditor")
    qtbot.keyClicks(field, "draft")
    qtbot.keyClick(field, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert model.prompt == "older"
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert model.prompt == "draft"


def test_a_negative_prompt_at_cfg_1_says_it_has_no_effect(qtbot: QtBot) -> None:
    editor = _editor(qtbot)
    model = RequestModel()
    model.apply(GenerationRequest(model="step-image-edit-2", cfg_scale=1.0, steps=8))
    editor.attach(model)
    warning = editor.findChild(QLabel, "negativePromptWarning")
    assert warning is not None
    assert not warning.isVisible()  # nothing typed yet: nothing to warn about
    qtbot.keyClicks(_field(editor, "negativePromptEditor"), "people")
    assert warning.isVisible()
    assert "CFG" in warning.text()
    model.cfg_scale = 3.0
    assert not warning.isVisible()
