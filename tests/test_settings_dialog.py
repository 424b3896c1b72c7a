"""The settings dialog, driven like a person would: real widgets, real keyring, real stand-in."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import fail
from keyring_support import fake_key, real_secret_service, unique_service
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from stepfun_studio.api.client import StepFunClient
from stepfun_studio.api.credentials import KeySource, KeyStore
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.settings.connection import resolve_connection
from stepfun_studio.settings.store import AppSettings
from stepfun_studio.settings.values import StudioSettings
from stepfun_studio.standin import StandinServer
from stepfun_studio.ui.settings_dialog import SettingsDialog


@pytest.fixture
def standin() -> Iterator[StandinServer]:
    server = StandinServer(accepted_keys={"sk-GOODKEY0123456789abcdefXYZ"}).start()
    yield server
    server.stop()


def make_dialog(
    qtbot: QtBot, paths: AppPaths, store: KeyStore, env: dict[str, str] | None = None
) -> SettingsDialog:
    dialog = SettingsDialog(AppSettings.open(paths), store, env=env or {})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def field(dialog: SettingsDialog) -> QLineEdit:
    return dialog.findChild(QLineEdit, "apiKeyField")  # type: ignore[return-value]


def button(dialog: SettingsDialog, name: str) -> QPushButton:
    return dialog.findChild(QPushButton, name)  # type: ignore[return-value]


def label(dialog: SettingsDialog, name: str) -> QLabel:
    return dialog.findChild(QLabel, name)  # type: ignore[return-value]


def type_key(qtbot: QtBot, dialog: SettingsDialog, key: str) -> None:
    field(dialog).clear()
    qtbot.keyClicks(field(dialog), key)


def test_set_read_replace_remove_through_the_dialog(qtbot: QtBot, app_paths: AppPaths) -> None:
    backend = real_secret_service()
    service = unique_service()

    def store() -> KeyStore:  # a new store is a new run of the app
        return KeyStore(env={}, backend=backend, service=service)

    dialog = make_dialog(qtbot, app_paths, store())
    assert dialog.objectName() == "settingsDialog"
    assert "demo" in label(dialog, "keySourceLabel").text()
    first = fake_key()
    type_key(qtbot, dialog, first)
    assert field(dialog).echoMode() is QLineEdit.EchoMode.Password
    with qtbot.waitSignal(dialog.connection_changed):
        qtbot.mouseClick(button(dialog, "saveKeyButton"), Qt.MouseButton.LeftButton)
    assert backend.get_password(service, "api-key") == first
    assert "keyring" in label(dialog, "keySourceLabel").text()
    assert not label(dialog, "keyringMessage").isVisible()
    dialog.close()

    # Read: the next run's dialog shows the stored key, masked until asked.
    dialog = make_dialog(qtbot, app_paths, store())
    assert field(dialog).text() == first
    assert field(dialog).echoMode() is QLineEdit.EchoMode.Password
    qtbot.mouseClick(dialog.findChild(object, "showKeyButton"), Qt.MouseButton.LeftButton)
    assert field(dialog).echoMode() is QLineEdit.EchoMode.Normal

    # Replace, saved by OK without pressing "Save key".
    second = fake_key()
    type_key(qtbot, dialog, second)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert backend.get_password(service, "api-key") == second

    # Remove.
    dialog = make_dialog(qtbot, app_paths, store())
    assert field(dialog).text() == second
    qtbot.mouseClick(button(dialog, "removeKeyButton"), Qt.MouseButton.LeftButton)
    assert backend.get_password(service, "api-key") is None
    assert field(dialog).text() == ""
    assert not button(dialog, "removeKeyButton").isEnabled()
    assert store().get_key() is None


def test_environment_key_is_shown_as_coming_from_the_environment(
    qtbot: QtBot, app_paths: AppPaths
) -> None:
    env_key = fake_key()
    env = {"STEPFUN_API_KEY": env_key}
    dialog = make_dialog(qtbot, app_paths, KeyStore(env=env, backend=fail.Keyring()), env)
    assert "STEPFUN_API_KEY" in label(dialog, "keySourceLabel").text()
    assert field(dialog).isReadOnly()
    assert field(dialog).text() == ""  # the environment's key is not put on screen
    assert not button(dialog, "saveKeyButton").isEnabled()
    assert button(dialog, "testKeyButton").isEnabled()


def test_without_a_keyring_the_key_holds_for_the_session_and_nothing_is_written(
    qtbot: QtBot, app_paths: AppPaths, standin: StandinServer, tmp_path: Path
) -> None:
    store = KeyStore(env={}, backend=fail.Keyring())
    dialog = make_dialog(qtbot, app_paths, store)
    message = label(dialog, "keyringMessage")
    assert message.isVisible()
    assert "STEPFUN_API_KEY" in message.text() and "session" in message.text()

    key = "sk-GOODKEY0123456789abcdefXYZ"
    type_key(qtbot, dialog, key)
    dialog.base_url_field.setText(standin.base_url)
    qtbot.mouseClick(button(dialog, "saveKeyButton"), Qt.MouseButton.LeftButton)
    assert "session only" in label(dialog, "keySourceLabel").text()
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert dialog.result() == SettingsDialog.DialogCode.Accepted

    # Generation works for this session with the key kept in memory.
    settings = AppSettings.open(app_paths)
    connection = resolve_connection(settings.values, store, env={})
    assert (connection.key_source, connection.demo) == ("session", False)
    assert connection.base_url == standin.base_url
    assert connection.api_key is not None

    async def generate() -> int:
        async with StepFunClient(connection.api_key or "", connection.base_url) as client:
            result = await client.generate_one(GenerationRequest(prompt="a cat", size="256x256"))
            return result.width

    assert asyncio.run(generate()) == 256
    # Nothing holds the key on disk: not the settings file, not anything else under the home.
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert key.encode() not in path.read_bytes(), path


def test_test_key_says_it_works(qtbot: QtBot, app_paths: AppPaths, standin: StandinServer) -> None:
    dialog = make_dialog(qtbot, app_paths, KeyStore(env={}, backend=fail.Keyring()))
    dialog.base_url_field.setText(standin.base_url)
    type_key(qtbot, dialog, "sk-GOODKEY0123456789abcdefXYZ")
    with qtbot.waitSignal(dialog.key_panel.test_finished, timeout=20_000) as blocker:
        qtbot.mouseClick(button(dialog, "testKeyButton"), Qt.MouseButton.LeftButton)
    assert blocker.args == [True]
    assert "works" in label(dialog, "keyTestResult").text()
    assert standin.request_count("/models") == 1
    assert standin.requests[-1].headers.get("Authorization") == "<present, value not recorded>"


def test_test_key_shows_the_servers_reason(
    qtbot: QtBot, app_paths: AppPaths, standin: StandinServer
) -> None:
    # A key from the other region: the server answers 401.
    dialog = make_dialog(qtbot, app_paths, KeyStore(env={}, backend=fail.Keyring()))
    dialog.base_url_field.setText(standin.base_url)
    wrong = fake_key("sk-OTHERREGION")
    type_key(qtbot, dialog, wrong)
    with qtbot.waitSignal(dialog.key_panel.test_finished, timeout=20_000) as blocker:
        qtbot.mouseClick(button(dialog, "testKeyButton"), Qt.MouseButton.LeftButton)
    assert blocker.args == [False]
    text = label(dialog, "keyTestResult").text()
    assert "Incorrect API key provided" in text
    assert "401" in text
    assert wrong not in text
    assert label(dialog, "keyTestResult").property("role") == "error"


def test_plain_http_to_another_machine_is_refused_before_any_request(
    qtbot: QtBot, app_paths: AppPaths, standin: StandinServer
) -> None:
    dialog = make_dialog(qtbot, app_paths, KeyStore(env={}, backend=fail.Keyring()))
    # The stand-in's port on a non-loopback name: were it sent, it would arrive in clear text.
    dialog.base_url_field.setText(f"http://stand-in.example:{standin.port}/v1")
    assert label(dialog, "baseUrlNote").property("role") == "error"
    type_key(qtbot, dialog, "sk-GOODKEY0123456789abcdefXYZ")
    qtbot.mouseClick(button(dialog, "testKeyButton"), Qt.MouseButton.LeftButton)
    assert "http" in label(dialog, "keyTestResult").text()
    assert not dialog.key_panel.is_testing()
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert dialog.isVisible(), "a refused address keeps the dialog open"
    assert label(dialog, "settingsProblem").isVisible()
    assert standin.request_count() == 0
    assert AppSettings.open(app_paths).values.custom_base_url == ""


def test_apply_saves_every_field_and_reports_changes(qtbot: QtBot, app_paths: AppPaths) -> None:
    settings = AppSettings.open(app_paths)
    dialog = SettingsDialog(settings, KeyStore(env={}, backend=fail.Keyring()), env={})
    qtbot.addWidget(dialog)
    dialog.region_combo.setCurrentIndex(dialog.region_combo.findData("intl"))
    dialog.tier_combo.setCurrentIndex(dialog.tier_combo.findData("V2"))
    dialog.model_combo.setCurrentIndex(dialog.model_combo.findData("step-image-edit-2"))
    assert dialog.size_combo.currentText() in ("1024x1024", "768x1360")
    assert dialog.steps_spin.maximum() == 50
    dialog.steps_spin.setValue(12)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    dialog.library_field.setText("/tmp/elsewhere")
    with (
        qtbot.waitSignal(dialog.settings_applied) as applied,
        qtbot.waitSignal(dialog.connection_changed),
    ):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Apply), Qt.MouseButton.LeftButton
        )
    values: StudioSettings = applied.args[0]
    reopened = AppSettings.open(app_paths).values
    assert reopened == values
    assert (reopened.region, reopened.tier, reopened.default_model) == (
        "intl",
        "V2",
        "step-image-edit-2",
    )
    assert (reopened.default_steps, reopened.language, reopened.theme) == (12, "zh_CN", "dark")
    assert reopened.library_location == "/tmp/elsewhere"
    assert "api.stepfun.ai" in label(dialog, "baseUrlNote").text()


def test_cancel_changes_nothing(qtbot: QtBot, app_paths: AppPaths) -> None:
    dialog = make_dialog(qtbot, app_paths, KeyStore(env={}, backend=fail.Keyring()))
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("light"))
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert dialog.result() == SettingsDialog.DialogCode.Rejected
    assert AppSettings.open(app_paths).values == StudioSettings()


def test_key_source_follows_the_store(qtbot: QtBot, app_paths: AppPaths) -> None:
    store = KeyStore(env={}, backend=fail.Keyring())
    store.set_key(fake_key())
    dialog = make_dialog(qtbot, app_paths, store)
    stored = store.get_key()
    assert stored is not None and stored.source is KeySource.SESSION
    assert field(dialog).text() == stored.value
    assert button(dialog, "removeKeyButton").isEnabled()
