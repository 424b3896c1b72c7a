"""One provider's part of Settings ▸ Providers: key, region or server address, Test connection.

Everything shown comes from the provider's `ProviderSpec`: the region list exists only where the
table has regions, the models editor only where the user declares the models
(`custom_models`), Test connection only where a free endpoint exists (a model list or a balance);
elsewhere the panel says that the key is checked by the first picture. The test and the balance
run off the GUI thread (`ui.background`), with the key and the address the panel shows now,
saved or not.

No callback into the dialog is kept here: a reference back to it would make a cycle, and Python's
collector may break a cycle on any thread, deleting widgets off the GUI thread.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stepfun_studio.api.credentials import KeyStore, normalise_key
from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.core.model_table import ModelTable, ProviderSpec
from stepfun_studio.core.redaction import redact
from stepfun_studio.settings.connection import key_required, provider_base_url
from stepfun_studio.settings.connection_check import ConnectionCheck, can_check, check_connection
from stepfun_studio.settings.values import (
    ProviderConnection,
    StudioSettings,
    base_url_problem,
)
from stepfun_studio.ui.api_key_panel import ApiKeyPanel
from stepfun_studio.ui.background import run_in_background
from stepfun_studio.ui.compatible_models_editor import CompatibleModelsEditor
from stepfun_studio.ui.provider_names import provider_title
from stepfun_studio.ui.provider_texts import provider_summary, region_label, retirement_note
from stepfun_studio.ui.retranslated import Retranslated


def _polish(label: QLabel, role: str) -> None:
    label.setProperty("role", role)
    label.style().unpolish(label)
    label.style().polish(label)


class ProviderPanel(Retranslated, QWidget):
    """objectName `providerPanel_<id>`. `test_finished(ok)` after Test connection answered."""

    test_finished = Signal(bool)
    edited = Signal()

    def __init__(
        self,
        provider: ProviderSpec,
        store: KeyStore,
        table: ModelTable,
        *,
        env: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.provider = provider
        self.setObjectName(f"providerPanel_{provider.id}")
        self._table = table
        self._env = os.environ if env is None else env
        self._testing = False
        # A server of the user's own may take no key: it can be tested without one.
        self._key_required = key_required(provider.id)

        self.title = QLabel(self)
        self.title.setObjectName("providerTitle")
        self.summary = self._label("providerSummary", "muted")
        self.lifecycle = self._label("providerLifecycle", "error")
        self.key_page = self._label("providerKeyPage", "muted")
        self.key_page.setOpenExternalLinks(True)

        self.key_box = QGroupBox(self)
        self.key_panel = ApiKeyPanel(store, provider, self.key_box)
        self.key_panel.staged_changed.connect(self._update_test_button)
        QVBoxLayout(self.key_box).addWidget(self.key_panel)

        self.server_box = QGroupBox(self)
        self.server_box.setObjectName("serverBox")
        self.server_form = QFormLayout(self.server_box)
        self.region_combo = QComboBox(self.server_box)
        self.region_combo.setObjectName("regionCombo")
        for region, _url in provider.regions:
            self.region_combo.addItem("", region)
        self.region_combo.currentIndexChanged.connect(self._on_server_edited)
        self.base_url_field = QLineEdit(self.server_box)
        self.base_url_field.setObjectName("customBaseUrlField")
        self.base_url_field.textChanged.connect(self._on_server_edited)
        self.base_url_note = self._label("baseUrlNote", "muted")
        self.region_label, self.base_url_label = QLabel(), QLabel()
        if provider.regions:
            self.server_form.addRow(self.region_label, self.region_combo)
        else:
            self.region_combo.hide()
        self.server_form.addRow(self.base_url_label, self.base_url_field)
        self.server_form.addRow("", self.base_url_note)

        self.test_button = QPushButton(self)
        self.test_button.setObjectName("testConnectionButton")
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = self._label("connectionTestResult", "")
        self.test_result.hide()
        self.balance_label = self._label("balanceLabel", "")
        self.balance_label.hide()
        self.no_check_note = self._label("noFreeCheckNote", "muted")
        checkable = can_check(provider)
        self.test_button.setVisible(checkable)
        self.no_check_note.setVisible(not checkable)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)

        self.models_editor: CompatibleModelsEditor | None = None
        layout = QVBoxLayout(self)
        for widget in (self.title, self.lifecycle, self.summary, self.key_page, self.key_box):
            layout.addWidget(widget)
        layout.addWidget(self.server_box)
        if provider.custom_models:
            self.models_editor = CompatibleModelsEditor(self)
            self.models_editor.changed.connect(self.edited)
            layout.addWidget(self.models_editor)
        layout.addLayout(test_row)
        for widget in (self.no_check_note, self.test_result, self.balance_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.retranslate()

    def _label(self, name: str, role: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setProperty("role", role)
        return label

    def add_row(self, label: QLabel, widget: QWidget) -> None:
        """A provider-specific setting the dialog adds under the server (StepFun's tier)."""
        self.server_form.addRow(label, widget)

    # -- values ---------------------------------------------------------------------------

    def show_values(self, values: StudioSettings) -> None:
        """Show `values` and the key store as they are now, dropping anything staged."""
        self.key_panel.reload()
        index = self.region_combo.findData(values.region(self.provider.id))
        self.region_combo.setCurrentIndex(max(index, 0))
        self.base_url_field.setText(values.connection(self.provider.id).base_url)
        if self.models_editor is not None:
            self.models_editor.set_models(values.compatible_models)
        self.test_result.hide()
        self.balance_label.hide()
        self._check_base_url()

    def connection(self) -> ProviderConnection:
        region = self.region_combo.currentData()
        return ProviderConnection(
            region=str(region) if region is not None else "",
            base_url=self.base_url_field.text().strip(),
        )

    def base_url(self) -> str:
        """The server a request would go to with what the panel shows now."""
        values = StudioSettings().with_connection(self.provider.id, self.connection())
        return provider_base_url(self.provider, values, self._env)

    def _on_server_edited(self) -> None:
        self._check_base_url()
        self.edited.emit()

    def _check_base_url(self) -> None:
        env_url = (
            self._env.get(self.provider.base_url_env, "").strip()
            if self.provider.base_url_env
            else ""
        )
        problem = base_url_problem(self.base_url_field.text())
        url = self.base_url()
        if problem:
            text, role = problem, "error"
        elif env_url:
            text = self.tr("{variable} is set, so requests go to {url} for this run.").format(
                variable=self.provider.base_url_env, url=env_url
            )
            role = "muted"
        elif not url:
            text = self.tr("Enter your server's address, e.g. http://127.0.0.1:8000/v1")
            role = "muted"
        else:
            text, role = self.tr("Requests go to {url}").format(url=url), "muted"
        self.base_url_note.setText(text)
        _polish(self.base_url_note, role)
        self._update_test_button()

    # -- Test connection ------------------------------------------------------------------

    def is_testing(self) -> bool:
        return self._testing

    def _update_test_button(self) -> None:
        has_key = bool(self.key_panel.wanted_key()) or not self._key_required
        self.test_button.setEnabled(not self._testing and has_key and bool(self.base_url()))

    def test_connection(self) -> None:
        key = self.key_panel.wanted_key()
        try:
            key = normalise_key(key) if key or self._key_required else ""
        except AppError as error:
            self._show_result(error.message, error=True)
            return
        base_url = self.base_url()
        problem = base_url_problem(base_url) if base_url else self.base_url_note.text()
        if problem:
            # Refused here, before any request: the key must not travel in clear text.
            self._show_result(problem, error=True)
            return
        self._show_result(self.tr("Asking {url}…").format(url=base_url), error=False)
        self.balance_label.hide()
        self._testing = True
        self._update_test_button()
        # The models the panel's own editor declares (a compatible server's), saved or not.
        declared = self.models_editor.models() if self.models_editor is not None else ()
        provider, settings = self.provider, StudioSettings(compatible_models=declared)
        run_in_background(
            self,
            lambda: check_connection(provider, api_key=key, base_url=base_url, settings=settings),
            self._on_tested,
            "connection-test",
        )

    def _on_tested(self, outcome: Any, error: BaseException | None) -> None:
        self._testing = False
        self._update_test_button()
        if isinstance(outcome, ConnectionCheck):
            self._show_result(self._works_text(outcome), error=False)
            self._show_balance(outcome)
        elif isinstance(error, AppError):
            details = error.details()
            self._show_result(self._error_text(error) + (f"\n{details}" if details else ""), True)
        else:
            self._show_result(
                self.tr("The test failed: {reason}").format(reason=type(error).__name__),
                error=True,
            )
        self.test_finished.emit(isinstance(outcome, ConnectionCheck))

    def _error_text(self, error: AppError) -> str:
        # The API's words for a refused key send the user to Settings; they are in it, and the
        # key tested is the one in the field above.
        if error.kind is ErrorKind.AUTH and error.status == 401:
            return self.tr(
                "{provider} did not accept this key. Check the key above, and that it belongs "
                "to this server."
            ).format(provider=provider_title(self.provider))
        return error.message

    def _works_text(self, outcome: ConnectionCheck) -> str:
        if outcome.models is None:
            return self.tr("The key works.")
        return self.tr("The key works: the server offers {count} models.").format(
            count=outcome.models
        )

    def _show_balance(self, outcome: ConnectionCheck) -> None:
        if outcome.balance is not None:
            text = self.tr("Balance: {amount} {currency}").format(
                amount=f"{float(outcome.balance.amount):,.2f}", currency=outcome.balance.currency
            )
            role = ""
        elif outcome.balance_problem:
            text = self.tr("The balance could not be read: {reason}").format(
                reason=outcome.balance_problem
            )
            role = "muted"
        else:
            self.balance_label.hide()
            return
        self.balance_label.setText(text)
        _polish(self.balance_label, role)
        self.balance_label.show()

    def _show_result(self, text: str, error: bool) -> None:
        _polish(self.test_result, "error" if error else "")
        self.test_result.setText(redact(text, [self.key_panel.wanted_key()]))
        self.test_result.setVisible(bool(text))

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        provider = self.provider
        self.title.setText(f"<b>{provider_title(provider)}</b>")
        self.summary.setText(provider_summary(provider))
        self.summary.setVisible(bool(self.summary.text()))
        note = retirement_note(self._table, provider)
        self.lifecycle.setText(note)
        self.lifecycle.setVisible(bool(note))
        if provider.key_page:
            self.key_page.setText(
                self.tr('Get a key: <a href="{url}">{url}</a>').format(url=provider.key_page)
            )
        self.key_page.setVisible(bool(provider.key_page))
        self.key_box.setTitle(self.tr("API key"))
        self.server_box.setTitle(self.tr("Server"))
        for index in range(self.region_combo.count()):
            region = str(self.region_combo.itemData(index))
            self.region_combo.setItemText(index, region_label(provider, region))
        self.region_label.setText(self.tr("Region"))
        self.base_url_label.setText(self.tr("Custom server"))
        self.base_url_field.setPlaceholderText(
            self.tr("Optional, e.g. a proxy: https://… (empty: the region's server)")
            if provider.regions
            else self.tr("Your server's address: https://…, or http:// on this computer")
        )
        self.test_button.setText(self.tr("Test connection"))
        self.test_button.setToolTip(
            self.tr("Ask the server whether the key works (free: no picture is made)")
        )
        self.no_check_note.setText(
            self.tr(
                "{provider} has no free way to check a key, so it is checked by the first "
                "picture you make (a wrong key is refused before anything is billed)."
            ).format(provider=provider_title(provider))
        )
        self._check_base_url()
