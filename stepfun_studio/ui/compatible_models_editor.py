"""The models of an OpenAI-compatible server, as the user declares them in Settings ▸ Providers.

A self-hosted server (vLLM-Omni, SGLang, stable-diffusion.cpp, LocalAI) says nothing about what
its models take, so the user tells Studio: each model's name, which fields beyond OpenAI's own
the server accepts (seed, steps, guidance, negative prompt, strength) and, optionally, its sizes.
The list becomes `DeclaredModel`s in the settings (never a key), and those become ModelSpecs
through `ModelTable.compatible_model` (`settings.values.effective_model_table`).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stepfun_studio.settings.values import COMPATIBLE_FIELDS, DeclaredModel
from stepfun_studio.ui.retranslated import Retranslated

NEW_MODEL_NAME = "my-model"


class CompatibleModelsEditor(Retranslated, QWidget):
    """objectName `compatibleModelsEditor`; `changed` after any edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compatibleModelsEditor")
        self._models: list[DeclaredModel] = []
        self._showing = False

        self.title = QLabel(self)
        self.title.setObjectName("compatibleModelsTitle")
        self.list = QListWidget(self)
        self.list.setObjectName("compatibleModelList")
        self.list.setMaximumHeight(110)
        self.list.currentRowChanged.connect(self._show_current)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addCompatibleModelButton")
        self.add_button.clicked.connect(self.add_model)
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("removeCompatibleModelButton")
        self.remove_button.clicked.connect(self.remove_current)

        self.name_field = QLineEdit(self)
        self.name_field.setObjectName("compatibleModelName")
        self.name_field.textEdited.connect(self._edited)
        self.field_boxes: dict[str, QCheckBox] = {}
        boxes = QGridLayout()
        for index, name in enumerate(COMPATIBLE_FIELDS):
            box = QCheckBox(self)
            box.setObjectName(f"compatibleField_{name}")
            box.toggled.connect(self._edited)
            self.field_boxes[name] = box
            boxes.addWidget(box, index // 2, index % 2)
        self.sizes_field = QLineEdit(self)
        self.sizes_field.setObjectName("compatibleModelSizes")
        self.sizes_field.textEdited.connect(self._edited)
        self.note = QLabel(self)
        self.note.setProperty("role", "muted")
        self.note.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.form = QFormLayout()
        self.name_label, self.fields_label, self.sizes_label = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.name_label, self.name_field)
        self.form.addRow(self.fields_label, boxes)
        self.form.addRow(self.sizes_label, self.sizes_field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        self.retranslate()
        self._show_current()

    # -- values ---------------------------------------------------------------------------

    def set_models(self, models: tuple[DeclaredModel, ...]) -> None:
        self._models = list(models)
        self._refill(0 if models else -1)

    def models(self) -> tuple[DeclaredModel, ...]:
        return tuple(self._models)

    def add_model(self) -> None:
        taken = {model.name for model in self._models}
        name, number = NEW_MODEL_NAME, 1
        while name in taken:
            number += 1
            name = f"{NEW_MODEL_NAME}-{number}"
        self._models.append(DeclaredModel(name))
        self._refill(len(self._models) - 1)
        self.name_field.setFocus()
        self.name_field.selectAll()
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._models):
            del self._models[row]
            self._refill(min(row, len(self._models) - 1))
            self.changed.emit()

    def _refill(self, row: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        self.list.addItems([model.name for model in self._models])
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self._show_current()

    def _show_current(self) -> None:
        row = self.list.currentRow()
        model = self._models[row] if 0 <= row < len(self._models) else None
        self._showing = True
        self.name_field.setText(model.name if model else "")
        for name, box in self.field_boxes.items():
            box.setChecked(bool(model and name in model.fields))
        self.sizes_field.setText(" ".join(model.sizes) if model else "")
        self._showing = False
        for widget in (self.name_field, self.sizes_field, *self.field_boxes.values()):
            widget.setEnabled(model is not None)
        self.remove_button.setEnabled(model is not None)

    def _edited(self) -> None:
        row = self.list.currentRow()
        if self._showing or not 0 <= row < len(self._models):
            return
        fields = tuple(name for name, box in self.field_boxes.items() if box.isChecked())
        sizes = tuple(self.sizes_field.text().replace(",", " ").split())
        model = DeclaredModel(self.name_field.text().strip(), fields, sizes)
        self._models[row] = model
        item = self.list.item(row)
        if item is not None:
            item.setText(model.name)
        self.changed.emit()

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(self.tr("Models on this server"))
        self.add_button.setText(self.tr("Add model"))
        self.remove_button.setText(self.tr("Remove model"))
        self.name_label.setText(self.tr("Model name"))
        self.fields_label.setText(self.tr("It also takes"))
        self.sizes_label.setText(self.tr("Sizes"))
        self.name_field.setPlaceholderText(
            self.tr("As the server names it, e.g. black-forest-labs/FLUX.1-dev")
        )
        self.sizes_field.setPlaceholderText(
            self.tr("e.g. 1024x1024 1328x1328; empty: the usual sizes")
        )
        labels = {
            "seed": self.tr("Seed"),
            "steps": self.tr("Steps"),
            "guidance": self.tr("Guidance (CFG)"),
            "negative_prompt": self.tr("Negative prompt"),
            "strength": self.tr("Strength (redraw)"),
        }
        for name, box in self.field_boxes.items():
            box.setText(labels.get(name, name))
        self.note.setText(
            self.tr(
                "Tick only what your server accepts: Studio sends a field only when it is "
                "ticked, and a server may refuse a request with a field it does not know."
            )
        )
