"""The API key part of the settings dialog: enter, show/hide, save, remove and test the key.

The key goes straight to the `KeyStore` (the OS keyring, or this session's memory when no keyring
works), never into the settings file. "Test key" makes the cheapest call there is
(`GET /v1/models`) on a thread of its own, so the dialog never freezes on a slow network, and
reports whether the key works or what the server said (a key from the other region gets a 401).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from urllib.parse import urlsplit

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from stepfun_studio.api.config import check_base_url
from stepfun_studio.api.credentials import KeySource, KeyStore, normalise_key
from stepfun_studio.core.errors import AppError
from stepfun_studio.core.redaction import redact

TEST_CONNECT_TIMEOUT_S = 5.0
TEST_REQUEST_TIMEOUT_S = 20.0


class KeyTester(QObject):
    """Runs one `list_models()` call on a plain thread; `finished_test(ok, model_count, error)`
    arrives in the GUI thread (the signal crosses threads queued).

    A plain Python thread rather than a QThread: the dialog may close while a test is under way,
    and a QThread object destroyed before its thread ends takes the whole app down.
    """

    finished_test = Signal(bool, int, object)

    def start(self, api_key: str, base_url: str) -> None:
        threading.Thread(
            target=self._run, args=(api_key, base_url), name="key-test", daemon=True
        ).start()

    def _run(self, api_key: str, base_url: str) -> None:
        try:
            outcome: tuple[bool, int, object] = (
                True,
                asyncio.run(_count_models(api_key, base_url)),
                None,
            )
        except Exception as error:  # every failure reaches the user, in words
            outcome = (False, 0, error)
        # The dialog may be gone by now; then there is nobody left to tell.
        with contextlib.suppress(RuntimeError):
            self.finished_test.emit(*outcome)


async def _count_models(api_key: str, base_url: str) -> int:
    from stepfun_studio.api.client import StepFunClient

    client = StepFunClient(
        api_key,
        base_url,
        connect_timeout_s=TEST_CONNECT_TIMEOUT_S,
        request_timeout_s=TEST_REQUEST_TIMEOUT_S,
    )
    try:
        return len(await client.list_models())
    finally:
        await client.aclose()


class ApiKeyPanel(QGroupBox):
    """objectName `apiKeyPanel`. Emits `key_changed` after the key was saved or removed."""

    key_changed = Signal()
    test_finished = Signal(bool)

    def __init__(self, key_store: KeyStore, base_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("apiKeyPanel")
        self._store = key_store
        # A plain string pushed in by the dialog, not a callback into it: a reference back to
        # the dialog would make a cycle that Python's garbage collector may break on another
        # thread, deleting widgets (and their timers) off the GUI thread.
        self._base_url = base_url
        self._saved_text = ""
        self._testing = False
        self._tester = KeyTester(self)
        self._tester.finished_test.connect(self._on_tested)

        self.key_field = QLineEdit(self)
        self.key_field.setObjectName("apiKeyField")
        self.key_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_field.textChanged.connect(self._update_buttons)
        self.show_button = QToolButton(self)
        self.show_button.setObjectName("showKeyButton")
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(self._set_visible)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveKeyButton")
        self.save_button.clicked.connect(self.save_key)
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("removeKeyButton")
        self.remove_button.clicked.connect(self.remove_key)
        self.test_button = QPushButton(self)
        self.test_button.setObjectName("testKeyButton")
        self.test_button.clicked.connect(self.test_key)

        self.source_label = self._label("keySourceLabel", "muted")
        self.keyring_message = self._label("keyringMessage", "error")
        self.result_label = self._label("keyTestResult", "")
        self.result_label.hide()

        row = QHBoxLayout()
        row.addWidget(self.key_field, 1)
        row.addWidget(self.show_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.test_button)
        grid = QGridLayout(self)
        grid.addLayout(row, 0, 0)
        grid.addWidget(self.source_label, 1, 0)
        grid.addLayout(buttons, 2, 0)
        grid.addWidget(self.result_label, 3, 0)
        grid.addWidget(self.keyring_message, 4, 0)
        self.retranslate()
        self.reload()

    def _label(self, name: str, role: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setProperty("role", role)
        return label

    # -- state ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Show what the store holds now (this may ask the keyring, once)."""
        env_key = self._store.environment_key()
        stored = self._store.stored_key()
        self._saved_text = stored.value if stored else ""
        self.key_field.blockSignals(True)
        self.key_field.setText("" if env_key else self._saved_text)
        self.key_field.blockSignals(False)
        self.key_field.setReadOnly(bool(env_key))
        self._show_source()
        self._update_buttons()

    def _show_source(self) -> None:
        key = self._store.get_key()
        source = key.source if key else None
        texts = {
            KeySource.ENVIRONMENT: self.tr(
                "The key comes from the STEPFUN_API_KEY environment variable and is used for "
                "this run. Unset the variable to use a key saved here."
            ),
            KeySource.KEYRING: self.tr(
                "The key is saved in the system keyring ({backend})."
            ).format(backend=self._store.status.backend or self.tr("system keyring")),
            KeySource.SESSION: self.tr(
                "The key is kept in memory for this session only and is forgotten when the app "
                "quits."
            ),
        }
        self.source_label.setText(
            texts[source]
            if source
            else self.tr("No key is set: pictures are drawn locally (demo mode).")
        )
        message = self._store.status.message()
        self.keyring_message.setText(message)
        self.keyring_message.setVisible(bool(message))
        placeholder = (
            self.tr("Set by STEPFUN_API_KEY for this run")
            if source is KeySource.ENVIRONMENT
            else self.tr("Paste your StepFun API key")
        )
        self.key_field.setPlaceholderText(placeholder)

    def _update_buttons(self) -> None:
        from_env = self._store.environment_key() is not None
        text = self.key_field.text().strip()
        self.save_button.setEnabled(not from_env and bool(text) and text != self._saved_text)
        self.remove_button.setEnabled(bool(self._saved_text))
        self.test_button.setEnabled(not self._testing and (bool(text) or from_env))

    def set_base_url(self, base_url: str) -> None:
        """The server "Test key" asks, as the dialog's fields say now."""
        self._base_url = base_url

    def has_unsaved_key(self) -> bool:
        return self.save_button.isEnabled()

    def _set_visible(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        self.key_field.setEchoMode(mode)
        self.show_button.setText(self.tr("Hide") if visible else self.tr("Show"))

    def _show_result(self, text: str, error: bool) -> None:
        self.result_label.setProperty("role", "error" if error else "")
        self.result_label.style().unpolish(self.result_label)
        self.result_label.style().polish(self.result_label)
        self.result_label.setText(redact(text, [self.key_field.text().strip()]))
        self.result_label.setVisible(bool(text))

    # -- actions --------------------------------------------------------------------------

    def save_key(self) -> bool:
        """Keep the typed key; False (with the reason shown) when it was refused."""
        try:
            self._store.set_key(self.key_field.text())
        except AppError as error:
            self._show_result(error.message, error=True)
            return False
        self._show_result("", error=False)
        self.reload()
        self.key_changed.emit()
        return True

    def remove_key(self) -> None:
        try:
            self._store.remove_key()
        except AppError as error:
            self._show_result(error.message, error=True)
            return
        self._show_result(self.tr("The key was removed."), error=False)
        self.reload()
        self.key_changed.emit()

    def test_key(self) -> None:
        typed = self.key_field.text().strip()
        if typed and not self.key_field.isReadOnly():
            try:
                key = normalise_key(typed)
            except AppError as error:
                self._show_result(error.message, error=True)
                return
        else:
            current = self._store.get_key()
            if current is None:
                return
            key = current.value
        base_url = self._base_url
        problem = check_base_url(base_url)
        if problem is not None:
            # Refused here, before any request: the key must not travel in clear text.
            self._show_result(problem, error=True)
            return
        self._show_result(self.tr("Testing the key…"), error=False)
        self._testing = True
        self._update_buttons()
        self._tester.start(key, base_url)

    def _on_tested(self, ok: bool, count: int, error: object) -> None:
        host = urlsplit(self._base_url).hostname or ""
        self._testing = False
        self._update_buttons()
        if ok:
            self._show_result(
                self.tr("The key works: {host} offers {count} models.").format(
                    host=host, count=count
                ),
                error=False,
            )
        elif isinstance(error, AppError):
            details = error.details()
            self._show_result(error.message + (f"\n{details}" if details else ""), error=True)
        else:
            self._show_result(
                self.tr("The test failed: {reason}").format(reason=type(error).__name__),
                error=True,
            )
        self.test_finished.emit(ok)

    def is_testing(self) -> bool:
        return self._testing

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setTitle(self.tr("API key"))
        self._set_visible(self.show_button.isChecked())
        self.show_button.setToolTip(self.tr("Show or hide the key"))
        self.save_button.setText(self.tr("Save key"))
        self.remove_button.setText(self.tr("Remove key"))
        self.test_button.setText(self.tr("Test key"))
        self.test_button.setToolTip(self.tr("Ask the server whether the key works (free)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._show_source()
        super().changeEvent(event)
