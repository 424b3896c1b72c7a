"""Helpers for the parameter dock's tests: a shown dock, and its widgets found by object name."""

from __future__ import annotations

import io

from PIL import Image
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QPushButton, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from stepfun_studio.core.request import ReferenceImage
from stepfun_studio.ui.parameter_dock import ParameterDock


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


def child(dock: ParameterDock, kind: type[QWidget], name: str) -> QWidget:
    widget = dock.findChild(kind, name)
    assert widget is not None, name
    return widget


def find_combo(dock: ParameterDock, name: str) -> QComboBox:
    widget = child(dock, QComboBox, name)
    assert isinstance(widget, QComboBox)
    return widget


def find_spin(dock: ParameterDock, name: str) -> QSpinBox:
    widget = child(dock, QSpinBox, name)
    assert isinstance(widget, QSpinBox)
    return widget


def find_dspin(dock: ParameterDock, name: str) -> QDoubleSpinBox:
    widget = child(dock, QDoubleSpinBox, name)
    assert isinstance(widget, QDoubleSpinBox)
    return widget


def find_label(dock: ParameterDock, name: str) -> QLabel:
    widget = child(dock, QLabel, name)
    assert isinstance(widget, QLabel)
    return widget


def generate_button(dock: ParameterDock) -> QPushButton:
    widget = child(dock, QPushButton, "generateButton")
    assert isinstance(widget, QPushButton)
    return widget


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
