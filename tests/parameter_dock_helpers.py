"""Helpers for the parameter dock's tests: a shown dock, and its widgets found by object name."""

from __future__ import annotations

import io
from typing import TypeVar

from PIL import Image
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QPushButton, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from stepfun_studio.core.request import ReferenceImage
from stepfun_studio.ui.parameter_dock import ParameterDock

W = TypeVar("W", bound=QWidget)


def reference_png(width: int, height: int, color: tuple[int, int, int]) -> ReferenceImage:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, "PNG")
    return ReferenceImage(buffer.getvalue(), "image/png", width, height, name="ref.png")


def make_dock(qtbot: QtBot) -> ParameterDock:
    dock = ParameterDock()
    qtbot.addWidget(dock)
    dock.resize(340, 900)
    dock.show()
    return dock


def child(dock: ParameterDock, kind: type[W], name: str) -> W:
    """The dock's widget of that type and object name; the test fails if there is none."""
    widget = dock.findChild(kind, name)
    assert isinstance(widget, kind), name
    return widget


def find_combo(dock: ParameterDock, name: str) -> QComboBox:
    return child(dock, QComboBox, name)


def find_spin(dock: ParameterDock, name: str) -> QSpinBox:
    return child(dock, QSpinBox, name)


def find_dspin(dock: ParameterDock, name: str) -> QDoubleSpinBox:
    return child(dock, QDoubleSpinBox, name)


def find_label(dock: ParameterDock, name: str) -> QLabel:
    return child(dock, QLabel, name)


def generate_button(dock: ParameterDock) -> QPushButton:
    return child(dock, QPushButton, "generateButton")


def choose_model(dock: ParameterDock, name: str) -> None:
    combo = find_combo(dock, "modelCombo")
    combo.setCurrentIndex(combo.findData(name))


def forget_the_last_session() -> None:
    from stepfun_studio.ui.widget_state import ui_state_settings

    settings = ui_state_settings()
    settings.remove("parameterDock")
    settings.sync()


def shown(dock: ParameterDock, kind: type[QWidget], name: str) -> bool:
    return child(dock, kind, name).isVisibleTo(dock)
