"""The rebuilt dock inside the real main window: one owner of the request, end to end."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest, ReferenceImage
from stepfun_studio.library.jobs import JobState
from stepfun_studio.standin import StandinServer
from stepfun_studio.ui.background import wait_until_idle
from stepfun_studio.ui.drop_choices import DropChoice
from stepfun_studio.ui.i18n import LanguageSwitcher
from stepfun_studio.ui.image_drop import DropPayload, PayloadKind
from stepfun_studio.ui.main_window import MainWindow
from stepfun_studio.ui.studio import Studio, StudioOptions


def _png(width: int, height: int, color: tuple[int, int, int]) -> ReferenceImage:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, "PNG")
    return ReferenceImage(buffer.getvalue(), "image/png", width, height, name="p.png")


@pytest.fixture
def window(app_paths: AppPaths, qtbot: QtBot) -> Iterator[MainWindow]:
    server = StandinServer(port=0).start()
    studio = Studio(StudioOptions(paths=app_paths, rate_backoff_s=0.05))
    shown = MainWindow(studio, LanguageSwitcher())
    qtbot.addWidget(shown)
    shown.show()
    studio.start("test-key", server.base_url)
    qtbot.waitUntil(lambda: studio.started, timeout=15_000)  # jobs restored off the GUI thread
    # The parameter dock makes its fields after the window's first paint.
    qtbot.waitUntil(shown.parameter_dock.form_built)
    yield shown
    wait_until_idle(10_000)
    shown.close()
    server.stop()


def _choose(window: MainWindow, model: str) -> None:
    combo = window.parameter_dock.findChild(QComboBox, "modelCombo")
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(model))


def test_a_prompt_enters_the_history_once_when_sent_and_not_when_refused(
    window: MainWindow, qtbot: QtBot
) -> None:
    editor = window.findChild(QPlainTextEdit, "promptEditor")
    assert isinstance(editor, QPlainTextEdit)
    ctrl = Qt.KeyboardModifier.ControlModifier
    # Too long for the model: nothing is sent, so nothing is remembered.
    editor.setFocus()
    editor.setPlainText("x" * 600)
    qtbot.keyClick(editor, Qt.Key.Key_Return, ctrl)
    assert window.prompt_editor.history() == []
    # The prompt lives once: the dock's request model is what the editor shows.
    editor.setPlainText("a paper crane")
    assert window.parameter_dock.request_model.prompt == "a paper crane"
    button = window.findChild(QPushButton, "generateButton")
    assert isinstance(button, QPushButton) and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: [i.state for i in window.studio.queue.jobs()] == [JobState.DONE], timeout=20_000
    )
    assert window.prompt_editor.history() == ["a paper crane"]


def test_reuse_on_another_provider_says_what_was_left_out(window: MainWindow) -> None:
    _choose(window, "gpt-image-1")
    picture = GenerationRequest(
        prompt="a junk boat", model="step-2x-large", seed=1234, negative_prompt=""
    )
    window.reuse_parameters(picture)
    request = window.current_request()
    assert (request.model, request.prompt, request.seed) == ("gpt-image-1", "a junk boat", 0)
    assert window.prompt_editor.prompt() == "a junk boat"
    message = window.statusBar().currentMessage()
    assert "GPT Image 1" in message and "seed" in message


def test_a_drop_with_a_source_set_offers_only_what_combines(window: MainWindow) -> None:
    _choose(window, "step-1x-medium")
    window.parameter_dock.set_source_image(_png(64, 64, (3, 3, 3)))
    window.drops.offer(DropPayload(PayloadKind.RAW, raw=_png(32, 32, (9, 9, 9)).data))
    overlay = window.drops.overlay
    assert set(overlay.offered()) == {DropChoice.REDRAW}
    assert "remove the source" in overlay.missing()[DropChoice.STYLE]
    overlay.cancel()


def test_use_as_style_on_a_model_with_references_adds_one(window: MainWindow) -> None:
    _choose(window, "doubao-seedream-4-0-250828")
    window._use_as_style(_png(48, 48, (200, 100, 0)))
    request = window.current_request()
    assert len(request.references) == 1 and request.style is None


def test_declared_server_models_and_a_chosen_provider_reach_the_dock_live(
    window: MainWindow,
) -> None:
    from stepfun_studio.settings.values import DeclaredModel

    combo = window.parameter_dock.findChild(QComboBox, "modelCombo")
    assert isinstance(combo, QComboBox)
    assert combo.findData("team-flux") < 0
    window.studio.settings.update(
        compatible_models=(DeclaredModel("team-flux", fields=("seed", "steps")),)
    )
    assert combo.findData("team-flux") >= 0
    # The first-start chooser (or the Generation tab) picks a provider: the dock follows.
    window.studio.settings.update(default_provider="ark")
    spec = window.parameter_dock.spec()
    assert spec is not None and spec.provider == "ark"
    assert window.parameter_dock.current_request().provider == "ark"
    # A declared model is known to validation on Generate, not refused as unknown.
    window.studio.settings.update(default_provider="compatible")
    _choose(window, "team-flux")
    window.prompt_editor.set_prompt("a lighthouse")
    assert window.parameter_dock.current_request().model == "team-flux"
    assert window.parameter_dock.is_valid()


def test_the_demo_banner_speaks_of_the_docks_provider(window: MainWindow) -> None:
    # The fixture gives StepFun a key; OpenAI has none, so the stand-in plays it.
    _choose(window, "step-2x-large")
    assert not window.banner.isVisible()
    _choose(window, "gpt-image-1")
    assert window.banner.isVisible()
    assert "OpenAI" in window.banner.text()
