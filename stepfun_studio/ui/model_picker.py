"""The model picker's contents: models grouped under their provider, retired ones marked.

Everything here comes from the model table: a provider's label heads its group (a disabled,
unselectable row), each model shows its label, and a retired model says since when ("retired
2026-10-10") but stays selectable, since StepFun-compatible servers still serve it. Which
provider a first start opens on is `initial_model`'s business, also from data.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem

from stepfun_studio.core.model_table import ModelSpec, ModelTable
from stepfun_studio.ui.provider_names import provider_title

# The open list's text ("Step 2X Large · retired 2026-10-10"); the closed box shows the label
# only, and the dock says the retirement in words under it, so nothing is cut off there.
LIST_TEXT_ROLE = Qt.ItemDataRole.UserRole + 2


class _ListTextDelegate(QStyledItemDelegate):
    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        text = index.data(LIST_TEXT_ROLE)
        if text:
            option.text = str(text)


def model_text(spec: ModelSpec) -> str:
    """The model's label, with its retirement where it has one."""
    lifecycle = spec.lifecycle
    if lifecycle.status != "retired" or lifecycle.date is None:
        return spec.label
    if spec.is_retired():
        text = QCoreApplication.translate("ModelPicker", "{label} · retired {date}")
    else:
        text = QCoreApplication.translate("ModelPicker", "{label} · retires {date}")
    return text.format(label=spec.label, date=lifecycle.date)


def model_tooltip(spec: ModelSpec) -> str:
    lines = [spec.name]
    lifecycle = spec.lifecycle
    if lifecycle.status == "retired" and lifecycle.date is not None:
        lines.append(
            QCoreApplication.translate(
                "ModelPicker",
                "The vendor retired this model on {date}; it works only on a server that "
                "still serves it.",
            ).format(date=lifecycle.date)
        )
        if lifecycle.replacement:
            lines.append(
                QCoreApplication.translate(
                    "ModelPicker", "The vendor names {model} instead."
                ).format(model=lifecycle.replacement)
            )
    return "\n".join(lines)


def fill_model_combo(combo: QComboBox, table: ModelTable) -> None:
    """One disabled heading per provider that has models, then its models (data: the name)."""
    items = QStandardItemModel(combo)
    heading_font = QFont(combo.font())
    heading_font.setBold(True)
    for provider in table.providers:
        models = table.models_of(provider.id)
        if not models:
            continue
        heading = QStandardItem(provider_title(provider))
        heading.setFlags(Qt.ItemFlag.NoItemFlags)  # not selectable, skipped by the arrow keys
        heading.setFont(heading_font)
        heading.setData(None, Qt.ItemDataRole.UserRole)
        heading.setData(provider.id, Qt.ItemDataRole.UserRole + 1)
        items.appendRow(heading)
        for spec in models:
            item = QStandardItem(spec.label)
            item.setData(model_text(spec), LIST_TEXT_ROLE)
            item.setData(spec.name, Qt.ItemDataRole.UserRole)
            item.setData(provider.id, Qt.ItemDataRole.UserRole + 1)
            item.setToolTip(model_tooltip(spec))
            items.appendRow(item)
    blocked = combo.blockSignals(True)
    combo.setModel(items)
    combo.setCurrentIndex(-1)
    combo.blockSignals(blocked)
    # The longest entry ("Step Image Edit 2 · retired 2026-10-10") must not widen the dock on
    # a 1366 px screen: the closed box elides, the open list is as wide as its entries.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    combo.setItemDelegate(_ListTextDelegate(combo))
    combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)


def retranslate_model_combo(combo: QComboBox, table: ModelTable) -> None:
    """Texts again after a language switch; the selection stays."""
    for index in range(combo.count()):
        spec = table.get(str(combo.itemData(index)))
        if spec is not None:
            combo.setItemText(index, spec.label)
            combo.setItemData(index, model_text(spec), LIST_TEXT_ROLE)
            combo.setItemData(index, model_tooltip(spec), Qt.ItemDataRole.ToolTipRole)


def initial_model(table: ModelTable, default_provider: str | None, wanted: str | None) -> str:
    """The model a first start opens on.

    `wanted` (the settings' default model) when it fits `default_provider` (or no provider is
    set); else the first model still available at `default_provider`; with no usable provider,
    the first provider that has an available model.
    """
    provider = table.provider(default_provider) if default_provider else None
    wanted_spec = table.get(wanted) if wanted else None
    if wanted_spec is not None and (provider is None or wanted_spec.provider == provider.id):
        return wanted_spec.name
    order = ([provider.id] if provider is not None else []) + list(table.provider_ids())
    for provider_id in order:
        available = [m for m in table.models_of(provider_id) if not m.is_retired()]
        if available:
            return available[0].name
    return table.models[0].name
