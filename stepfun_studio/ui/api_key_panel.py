"""One provider's API key in the settings dialog: enter, show/hide, remove; applied on OK.

What the field holds is the wanted key. Nothing reaches the keyring while the dialog is open:
`apply_staged()` (called by the dialog's OK or Apply) saves a typed key to the provider's
`KeyStore` (the OS keyring, or this session's memory when no keyring works) or removes it when
the field was emptied; Cancel leaves the store as it was, and `reload()` shows it again. The key
never goes into the settings file.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from stepfun_studio.api.credentials import KeySource, KeyStore, normalise_key
from stepfun_studio.core.errors import AppError
from stepfun_studio.core.model_table import ProviderSpec
from stepfun_studio.core.redaction import redact
from stepfun_studio.settings.connection import key_required
from stepfun_studio.ui.provider_names import provider_title


class ApiKeyPanel(QWidget):
    """objectName `apiKeyPanel`. Emits `staged_changed` when the wanted key differs (or stops
    differing) from the stored one, and `key_changed` after `apply_staged()` changed the store."""

    key_changed = Signal()
    staged_changed = Signal()

    def __init__(
        self, key_store: KeyStore, provider: ProviderSpec, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("apiKeyPanel")
        self._store = key_store
        self._provider = provider
        self._key_optional = not key_required(provider.id)
        self._saved_text = ""

        self.key_field = QLineEdit(self)
        self.key_field.setObjectName("apiKeyField")
        self.key_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_field.textChanged.connect(self._on_edited)
        self.show_button = QToolButton(self)
        self.show_button.setObjectName("showKeyButton")
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(self._set_visible)
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("removeKeyButton")
        self.remove_button.clicked.connect(self.remove_key)
        self.source_label = self._label("keySourceLabel", "muted")
        self.keyring_message = self._label("keyringMessage", "error")
        self.problem_label = self._label("keyProblem", "error")
        self.problem_label.hide()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.key_field, 1)
        row.addWidget(self.show_button)
        row.addWidget(self.remove_button)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addLayout(row, 0, 0)
        grid.addWidget(self.source_label, 1, 0)
        grid.addWidget(self.problem_label, 2, 0)
        grid.addWidget(self.keyring_message, 3, 0)
        self.retranslate()
        self.reload()

    def _label(self, name: str, role: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setProperty("role", role)
        return label

    @property
    def store(self) -> KeyStore:
        return self._store

    # -- state ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Show what the store holds now, dropping anything staged (this may ask the keyring,
        once per store; the window's stores were read at start, off the GUI thread)."""
        env_key = self._store.environment_key()
        stored = self._store.stored_key()
        self._saved_text = stored.value if stored else ""
        self.key_field.blockSignals(True)
        self.key_field.setText("" if env_key else self._saved_text)
        self.key_field.blockSignals(False)
        self.key_field.setReadOnly(bool(env_key))
        self._show_problem("")
        self._show_source()
        self._update_buttons()
        self.staged_changed.emit()

    def from_environment(self) -> bool:
        return self._store.environment_key() is not None

    def wanted_key(self) -> str:
        """The key a test or a request would use with what the panel shows now ("" for none)."""
        if self.from_environment():
            return self._store.environment_key() or ""
        return self.key_field.text().strip()

    def has_staged_change(self) -> bool:
        return not self.from_environment() and self.key_field.text().strip() != self._saved_text

    def _show_source(self) -> None:
        key = self._store.get_key()
        source = key.source if key else None
        variable = self._store.env_variable
        name = provider_title(self._provider)
        if self.has_staged_change():
            text = (
                self.tr("The key will be removed when you press OK.")
                if not self.key_field.text().strip()
                else self.tr("The new key is saved when you press OK.")
            )
        elif source is KeySource.ENVIRONMENT:
            text = self.tr(
                "The key comes from the {variable} environment variable and is used for this "
                "run. Unset the variable to use a key saved here."
            ).format(variable=variable)
        elif source is KeySource.KEYRING:
            text = self.tr("The key is saved in the system keyring ({backend}).").format(
                backend=self._store.status.backend or self.tr("system keyring")
            )
        elif source is KeySource.SESSION:
            text = self.tr(
                "The key is kept in memory for this session only and is forgotten when the app "
                "quits."
            )
        elif self._key_optional:
            text = self.tr(
                "No key is set. A server that needs none is used as soon as its address is "
                "set below; until then pictures are drawn locally (demo mode)."
            )
        else:
            text = self.tr(
                "No key is set: {provider}'s pictures are drawn locally (demo mode)."
            ).format(provider=name)
        self.source_label.setText(text)
        message = self._store.status.message()
        self.keyring_message.setText(message)
        self.keyring_message.setVisible(bool(message))
        self.key_field.setPlaceholderText(
            self.tr("Set by {variable} for this run").format(variable=variable)
            if source is KeySource.ENVIRONMENT
            else self.tr("Paste your {provider} API key").format(provider=name)
        )

    def _on_edited(self) -> None:
        self._show_problem("")
        self._show_source()
        self._update_buttons()
        self.staged_changed.emit()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(
            not self.from_environment() and bool(self.key_field.text().strip())
        )

    def _set_visible(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        self.key_field.setEchoMode(mode)
        self.show_button.setText(self.tr("Hide") if visible else self.tr("Show"))

    def _show_problem(self, text: str) -> None:
        self.problem_label.setText(redact(text, [self.key_field.text().strip()]))
        self.problem_label.setVisible(bool(text))

    # -- actions --------------------------------------------------------------------------

    def check_staged(self) -> str | None:
        """Why the typed key cannot be saved, or None (nothing is saved here)."""
        text = self.key_field.text().strip()
        if not self.has_staged_change() or not text:
            return None
        try:
            normalise_key(text)
        except AppError as error:
            return error.message
        return None

    def remove_key(self) -> None:
        """Empties the field: the stored key is removed when the dialog's OK is pressed."""
        self.key_field.clear()

    def apply_staged(self) -> bool:
        """Saves or removes the key as the field says; False (with the reason shown) when the
        store refused."""
        if not self.has_staged_change():
            return True
        text = self.key_field.text().strip()
        try:
            if text:
                self._store.set_key(text)
            else:
                self._store.remove_key()
        except AppError as error:
            self._show_problem(error.message)
            return False
        self.reload()
        self.key_changed.emit()
        return True

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self._set_visible(self.show_button.isChecked())
        self.show_button.setToolTip(self.tr("Show or hide the key"))
        self.remove_button.setText(self.tr("Remove key"))
        self.remove_button.setToolTip(self.tr("The key is removed when you press OK"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._show_source()
        super().changeEvent(event)
