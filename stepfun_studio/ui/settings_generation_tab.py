"""Settings ▸ Generation: the default provider, model and parameters a new request starts from.

The model list is the chosen provider's (the packaged table plus the models declared for an
OpenAI-compatible server on the Providers page, as they stand in the dialog now); a retired
model says so. Steps and CFG exist only for a model that takes them, and their ranges are the
model's.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from stepfun_studio.core.model_table import ModelSpec, ModelTable, model_table
from stepfun_studio.settings.values import (
    DeclaredModel,
    StudioSettings,
    defaults_for_model,
    effective_model_table,
    first_model_of,
)
from stepfun_studio.ui.provider_names import provider_title
from stepfun_studio.ui.retranslated import Retranslated


def _combo(name: str, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    return combo


def _select(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(max(combo.findData(value), 0))


class GenerationTab(Retranslated, QWidget):
    """The defaults of a new request; `values_into()` puts them into `StudioSettings`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table: ModelTable = model_table()
        self._values = StudioSettings()
        self.provider_combo = _combo("defaultProviderCombo", self)
        for provider in self._table.providers:
            self.provider_combo.addItem(provider_title(provider), provider.id)
        self.provider_combo.currentIndexChanged.connect(self._on_provider_changed)
        self.model_combo = _combo("defaultModelCombo", self)
        self.model_combo.currentIndexChanged.connect(self._on_model_changed)
        self.size_combo = _combo("defaultSizeCombo", self)
        self.steps_spin = QSpinBox(self)
        self.steps_spin.setObjectName("defaultStepsSpin")
        self.cfg_spin = QDoubleSpinBox(self)
        self.cfg_spin.setObjectName("defaultCfgSpin")
        self.cfg_spin.setDecimals(1)
        self.cfg_spin.setSingleStep(0.5)
        self.format_combo = _combo("responseFormatCombo", self)
        for value in ("b64_json", "url"):
            self.format_combo.addItem("", value)
        self.form = QFormLayout(self)
        self.labels: list[QLabel] = []
        for field in (
            self.provider_combo,
            self.model_combo,
            self.size_combo,
            self.steps_spin,
            self.cfg_spin,
            self.format_combo,
        ):
            label = QLabel(self)
            self.form.addRow(label, field)
            self.labels.append(label)
        self.retranslate()

    # -- values ---------------------------------------------------------------------------

    def set_declared_models(self, models: tuple[DeclaredModel, ...]) -> None:
        """The models declared on the Providers page, as the dialog shows them now."""
        if models == self._values.compatible_models:
            return
        self.show_values(self.values_into(self._values).with_changes(compatible_models=models))

    def show_values(self, values: StudioSettings) -> None:
        self._values = values
        self._table = effective_model_table(values)
        spec = self._table.get(values.default_model)
        provider = spec.provider if spec else values.default_provider
        self.provider_combo.blockSignals(True)
        _select(self.provider_combo, provider)
        self.provider_combo.blockSignals(False)
        self._fill_models(values.default_model)
        self._fill_ranges(values)
        _select(self.format_combo, values.default_response_format)

    def values_into(self, values: StudioSettings) -> StudioSettings:
        model = self.model_combo.currentData()
        return values.with_changes(
            default_provider=str(self.provider_combo.currentData()),
            default_model=str(model) if model is not None else values.default_model,
            default_size=self.size_combo.currentText() or values.default_size,
            default_steps=self.steps_spin.value(),
            default_cfg_scale=round(self.cfg_spin.value(), 1),
            default_response_format=str(self.format_combo.currentData()),
        )

    def _fill_models(self, selected: str) -> None:
        provider = str(self.provider_combo.currentData())
        self.model_combo.blockSignals(True)
        self.model_combo.clear()
        for spec in self._table.models_of(provider):
            self.model_combo.addItem(self._model_label(spec), spec.name)
        _select(self.model_combo, selected)
        self.model_combo.blockSignals(False)

    def _model_label(self, spec: ModelSpec) -> str:
        date = spec.lifecycle.date
        if spec.lifecycle.status == "retired" and date:
            return self.tr("{model} (retired {date})").format(model=spec.label, date=date)
        return spec.label

    def _fill_ranges(self, values: StudioSettings) -> None:
        spec = self._table.get(values.default_model)
        self.size_combo.clear()
        if spec is None:
            return
        self.size_combo.addItems(list(spec.sizes))
        self.size_combo.setCurrentText(values.default_size)
        self.size_combo.setEnabled(bool(spec.sizes))
        if spec.steps is not None:
            self.steps_spin.setRange(int(spec.steps.minimum), int(spec.steps.maximum))
        self.steps_spin.setValue(values.default_steps)
        if spec.cfg_scale is not None:
            self.cfg_spin.setRange(spec.cfg_scale.minimum, spec.cfg_scale.maximum)
        self.cfg_spin.setValue(values.default_cfg_scale)
        # A control exists only for what the model takes (the values are kept, unused).
        self.form.setRowVisible(self.steps_spin, spec.steps is not None)
        self.form.setRowVisible(self.cfg_spin, spec.cfg_scale is not None)

    def _on_provider_changed(self) -> None:
        first = first_model_of(self._table, str(self.provider_combo.currentData()))
        self._fill_models(first.name if first else "")
        self._on_model_changed()

    def _on_model_changed(self) -> None:
        model = self.model_combo.currentData()
        values = self.values_into(self._values)
        if model is None or self._table.get(str(model)) is None:
            return
        # The size, steps and cfg widgets still hold the old model's values: pull them in range.
        self._fill_ranges(defaults_for_model(values, str(model)))

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        texts = [
            self.tr("Provider"),
            self.tr("Model"),
            self.tr("Size"),
            self.tr("Steps"),
            self.tr("CFG scale"),
            self.tr("Result as"),
        ]
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.format_combo.setItemText(0, self.tr("Image data in the answer (b64_json)"))
        self.format_combo.setItemText(1, self.tr("Download link (url)"))
        for index in range(self.model_combo.count()):
            spec = self._table.get(str(self.model_combo.itemData(index)))
            if spec is not None:
                self.model_combo.setItemText(index, self._model_label(spec))
