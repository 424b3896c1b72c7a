"""Settings ▸ Providers: every provider of the model table, one `ProviderPanel` each.

A list on the left (a retired provider is marked there), the chosen provider's panel on the
right. The page gathers what the dialog saves: each provider's region and server address and the
declared models into `StudioSettings`, and each staged key change into its `KeyStore` when the
dialog's OK or Apply says so (`apply_keys`). Nothing is saved while the dialog is open.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from stepfun_studio.api.credentials import ProviderKeys
from stepfun_studio.core.model_table import model_table
from stepfun_studio.settings.values import StudioSettings
from stepfun_studio.ui.provider_names import provider_title
from stepfun_studio.ui.provider_panel import ProviderPanel
from stepfun_studio.ui.provider_texts import retirement_note
from stepfun_studio.ui.retranslated import Retranslated


class ProvidersPage(Retranslated, QWidget):
    """objectName `providersPage`. `edited` after a server or a declared model changed."""

    edited = Signal()

    def __init__(
        self,
        keys: ProviderKeys,
        env: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("providersPage")
        table = model_table()
        self._table = table
        self.list = QListWidget(self)
        self.list.setObjectName("providerList")
        self.stack = QStackedWidget(self)
        self.panels: dict[str, ProviderPanel] = {}
        for provider in table.providers:
            panel = ProviderPanel(provider, keys.store(provider.id), table, env=env)
            panel.edited.connect(self.edited)
            self.panels[provider.id] = panel
            scroll = QScrollArea(self.stack)
            scroll.setWidgetResizable(True)
            # The panel wraps its text to the width there is, rather than scroll sideways.
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(panel)
            self.stack.addWidget(scroll)
            self.list.addItem(QListWidgetItem())
        self.list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.list.setCurrentRow(0)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.stack, 1)
        self.retranslate()

    def panel(self, provider_id: str) -> ProviderPanel:
        return self.panels[provider_id]

    def select(self, provider_id: str) -> None:
        ids = list(self.panels)
        if provider_id in ids:
            self.list.setCurrentRow(ids.index(provider_id))

    def current_provider(self) -> str:
        return list(self.panels)[max(self.list.currentRow(), 0)]

    # -- values ---------------------------------------------------------------------------

    def show_values(self, values: StudioSettings) -> None:
        for panel in self.panels.values():
            panel.show_values(values)

    def values_into(self, values: StudioSettings) -> StudioSettings:
        """`values` with the servers and declared models the page shows now."""
        for provider_id, panel in self.panels.items():
            values = values.with_connection(provider_id, panel.connection())
            if panel.models_editor is not None:
                values = values.with_changes(compatible_models=panel.models_editor.models())
        return values

    def key_problem(self) -> tuple[str, str] | None:
        """(provider id, why) for the first typed key that cannot be saved, or None."""
        for provider_id, panel in self.panels.items():
            problem = panel.key_panel.check_staged()
            if problem:
                return provider_id, problem
        return None

    def has_staged_keys(self) -> bool:
        return any(panel.key_panel.has_staged_change() for panel in self.panels.values())

    def apply_keys(self) -> str | None:
        """Saves or removes every staged key; the first provider whose store refused, or None."""
        for provider_id, panel in self.panels.items():
            if not panel.key_panel.apply_staged():
                return provider_id
        return None

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        for row, panel in enumerate(self.panels.values()):
            item = self.list.item(row)
            if item is None:
                continue
            provider = panel.provider
            note = retirement_note(self._table, provider, short=True)
            item.setText(provider_title(provider))
            item.setToolTip(note)
            if note:
                item.setText(
                    self.tr("{provider} (retired)").format(provider=provider_title(provider))
                )
        # As wide as the longest name in this language, no wider.
        frame = 2 * self.list.frameWidth() + 12
        self.list.setFixedWidth(max(self.list.sizeHintForColumn(0) + frame, 120))
