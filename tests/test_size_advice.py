"""The size hint for a source of another shape: offered under the size field, never applied."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.request import ReferenceImage
from stepfun_studio.ui.parameter_dock import ParameterDock
from stepfun_studio.ui.size_advice import size_for_source


def picture(width: int, height: int) -> ReferenceImage:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (90, 120, 200)).save(buffer, "PNG")
    return ReferenceImage(buffer.getvalue(), "image/png", width, height, name="photo.png")


@pytest.fixture
def dock(qtbot: QtBot) -> ParameterDock:
    built = ParameterDock()
    qtbot.addWidget(built)
    built.resize(340, 900)
    built.show()
    return built


def choose(dock: ParameterDock, model: str, size: str) -> None:
    combo = dock.findChild(QComboBox, "modelCombo")
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(model))
    dock.request_model.size = size


def advice_parts(dock: ParameterDock) -> tuple[QLabel, QPushButton]:
    text = dock.findChild(QLabel, "sizeAdviceText")
    button = dock.findChild(QPushButton, "useSourceSizeButton")
    assert isinstance(text, QLabel) and isinstance(button, QPushButton)
    return text, button


def test_a_3_2_source_on_a_square_size_is_offered_the_landscape_size(
    dock: ParameterDock, qtbot: QtBot
) -> None:
    choose(dock, "step-2x-large", "1024x1024")
    text, button = advice_parts(dock)
    assert not button.isVisible()  # no source, no hint

    dock.set_source_image(picture(1536, 1024))
    assert button.isVisible() and button.text() == "Use 1280 × 800"
    assert "1536 × 1024" in text.text()
    assert dock.current_request().size == "1024x1024", "offered, not applied"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert dock.current_request().size == "1280x800"
    size_combo = dock.findChild(QComboBox, "sizeCombo")
    assert isinstance(size_combo, QComboBox) and size_combo.currentData() == "1280x800"
    assert not button.isVisible(), "the size fits the source now"

    # A square source on the landscape size: the square is offered back.
    dock.set_source_image(picture(800, 800))
    assert button.isVisible() and button.text() == "Use 1024 × 1024"
    dock.set_source_image(None)
    assert not button.isVisible()


@pytest.mark.parametrize(
    ("model", "size", "source", "offered"),
    [
        ("gpt-image-1", "1024x1024", (1500, 1000), "1536x1024"),
        ("gpt-image-1", "1024x1024", (1000, 1500), "1024x1536"),
        ("doubao-seedream-4-0-250828", "2048x2048", (1500, 1000), "2496x1664"),
        ("step-image-edit-2", "1024x1024", (1920, 1080), "1360x768"),
        ("step-2x-large", "1280x800", (1571, 1000), None),  # close enough to 1.6
        ("step-2x-large", "1024x1024", (1000, 1000), None),
        ("gpt-image-1", "auto", (1500, 1000), None),  # the server chooses the shape
    ],
)
def test_the_nearest_listed_size_of_the_sources_shape(
    model: str, size: str, source: tuple[int, int], offered: str | None
) -> None:
    spec = model_table().require(model)
    assert size_for_source(spec, size, picture(*source)) == offered
    if offered is not None:
        assert offered in spec.sizes


def test_the_hint_speaks_chinese(dock: ParameterDock) -> None:
    from stepfun_studio.ui.i18n import LanguageSwitcher

    languages = LanguageSwitcher()
    languages.apply("zh_CN")
    try:
        choose(dock, "step-2x-large", "1024x1024")
        dock.set_source_image(picture(1536, 1024))
        text, button = advice_parts(dock)
        assert button.text() == "使用 1280 × 800"
        assert "1536 × 1024" in text.text() and "形状" in text.text()
    finally:
        languages.apply("en")
