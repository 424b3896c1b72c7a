"""The settings dialog, driven like a person would: real widgets, real keyring, real stand-in."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from adapter_servers import StrictServer
from keyring.backends import fail
from keyring_support import fake_key, real_secret_service, unique_service
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from stepfun_studio.api.client import StepFunClient
from stepfun_studio.api.credentials import KeySource, KeyStore, ProviderKeys
from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.settings.connection import resolve_connection
from stepfun_studio.settings.store import AppSettings
from stepfun_studio.settings.values import DeclaredModel, ProviderConnection, StudioSettings
from stepfun_studio.standin import StandinServer
from stepfun_studio.ui.provider_panel import ProviderPanel
from stepfun_studio.ui.settings_dialog import SettingsDialog

GOOD_KEY = "sk-GOODKEY0123456789abcdefXYZ"


@pytest.fixture
def standin() -> Iterator[StandinServer]:
    server = StandinServer(accepted_keys={GOOD_KEY}).start()
    yield server
    server.stop()


def make_dialog(
    qtbot: QtBot,
    paths: AppPaths,
    keys: KeyStore | ProviderKeys,
    env: dict[str, str] | None = None,
) -> SettingsDialog:
    dialog = SettingsDialog(AppSettings.open(paths), keys, env=env or {})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def panel(dialog: SettingsDialog, provider: str = "stepfun") -> ProviderPanel:
    return dialog.providers.panel(provider)


def field(dialog: SettingsDialog, provider: str = "stepfun") -> QLineEdit:
    return panel(dialog, provider).findChild(QLineEdit, "apiKeyField")  # type: ignore[return-value]


def button(dialog: SettingsDialog, name: str, provider: str = "stepfun") -> QPushButton:
    return panel(dialog, provider).findChild(QPushButton, name)  # type: ignore[return-value]


def label(dialog: SettingsDialog, name: str, provider: str = "stepfun") -> QLabel:
    return panel(dialog, provider).findChild(QLabel, name)  # type: ignore[return-value]


def type_key(qtbot: QtBot, dialog: SettingsDialog, key: str, provider: str = "stepfun") -> None:
    field(dialog, provider).clear()
    qtbot.keyClicks(field(dialog, provider), key)


def press(qtbot: QtBot, dialog: SettingsDialog, which: QDialogButtonBox.StandardButton) -> None:
    qtbot.mouseClick(dialog.buttons.button(which), Qt.MouseButton.LeftButton)


OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel
APPLY = QDialogButtonBox.StandardButton.Apply


def test_set_read_replace_remove_through_the_dialog(qtbot: QtBot, app_paths: AppPaths) -> None:
    backend = real_secret_service()
    service = unique_service()

    def keys() -> ProviderKeys:  # a new collection is a new run of the app
        return ProviderKeys(env={}, backend=backend, service=service)

    dialog = make_dialog(qtbot, app_paths, keys())
    assert dialog.objectName() == "settingsDialog"
    assert "demo" in label(dialog, "keySourceLabel").text()
    first = fake_key()
    type_key(qtbot, dialog, first)
    assert field(dialog).echoMode() is QLineEdit.EchoMode.Password
    assert "OK" in label(dialog, "keySourceLabel").text()
    # Nothing reaches the keyring before OK.
    assert backend.get_password(service, "api-key") is None
    with qtbot.waitSignal(dialog.connection_changed):
        press(qtbot, dialog, OK)
    assert backend.get_password(service, "api-key") == first

    # Read: the next run's dialog shows the stored key, masked until asked.
    dialog = make_dialog(qtbot, app_paths, keys())
    assert field(dialog).text() == first
    assert "keyring" in label(dialog, "keySourceLabel").text()
    assert field(dialog).echoMode() is QLineEdit.EchoMode.Password
    qtbot.mouseClick(panel(dialog).findChild(object, "showKeyButton"), Qt.MouseButton.LeftButton)
    assert field(dialog).echoMode() is QLineEdit.EchoMode.Normal

    # Replace; Cancel undoes it, OK keeps it.
    second = fake_key()
    type_key(qtbot, dialog, second)
    press(qtbot, dialog, CANCEL)
    assert dialog.result() == SettingsDialog.DialogCode.Rejected
    assert backend.get_password(service, "api-key") == first
    assert field(dialog).text() == first, "reopened, the dialog shows the stored key again"
    type_key(qtbot, dialog, second)
    press(qtbot, dialog, OK)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert backend.get_password(service, "api-key") == second

    # Remove: staged by the button, done by OK.
    dialog = make_dialog(qtbot, app_paths, keys())
    qtbot.mouseClick(button(dialog, "removeKeyButton"), Qt.MouseButton.LeftButton)
    assert field(dialog).text() == ""
    assert "removed when you press OK" in label(dialog, "keySourceLabel").text()
    assert backend.get_password(service, "api-key") == second
    press(qtbot, dialog, OK)
    assert backend.get_password(service, "api-key") is None
    assert keys().store("stepfun").get_key() is None


def test_each_provider_keeps_its_own_key(qtbot: QtBot, app_paths: AppPaths) -> None:
    backend = real_secret_service()
    service = unique_service()
    keys = ProviderKeys(env={}, backend=backend, service=service)
    dialog = make_dialog(qtbot, app_paths, keys)
    openai, ark = fake_key("sk-OPENAI"), fake_key("ark-")
    dialog.providers.select("openai")
    type_key(qtbot, dialog, openai, "openai")
    dialog.providers.select("ark")
    type_key(qtbot, dialog, ark, "ark")
    press(qtbot, dialog, OK)
    assert backend.get_password(service, "api-key-openai") == openai
    assert backend.get_password(service, "api-key-ark") == ark
    assert backend.get_password(service, "api-key") is None
    again = ProviderKeys(env={}, backend=backend, service=service)
    found = again.store("ark").get_key()
    assert found is not None and found.value == ark
    for provider in ("openai", "ark"):
        again.store(provider).remove_key()


def test_environment_key_is_shown_as_coming_from_the_environment(
    qtbot: QtBot, app_paths: AppPaths
) -> None:
    env_key = fake_key()
    env = {"ARK_API_KEY": env_key}
    dialog = make_dialog(qtbot, app_paths, ProviderKeys(env=env, backend=fail.Keyring()), env)
    assert "ARK_API_KEY" in label(dialog, "keySourceLabel", "ark").text()
    assert field(dialog, "ark").isReadOnly()
    assert field(dialog, "ark").text() == ""  # the environment's key is not put on screen
    assert not button(dialog, "removeKeyButton", "ark").isEnabled()
    # Another provider is untouched by it.
    assert not field(dialog, "openai").isReadOnly()
    assert "demo" in label(dialog, "keySourceLabel", "openai").text()


def test_without_a_keyring_the_key_holds_for_the_session_and_nothing_is_written(
    qtbot: QtBot, app_paths: AppPaths, standin: StandinServer, tmp_path: Path
) -> None:
    store = KeyStore(env={}, backend=fail.Keyring())
    dialog = make_dialog(qtbot, app_paths, store)
    message = label(dialog, "keyringMessage")
    assert message.isVisible()
    assert "STEPFUN_API_KEY" in message.text() and "session" in message.text()

    type_key(qtbot, dialog, GOOD_KEY)
    panel(dialog).base_url_field.setText(standin.base_url)
    press(qtbot, dialog, OK)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert "session only" in label(dialog, "keySourceLabel").text()

    # Generation works for this session with the key kept in memory.
    settings = AppSettings.open(app_paths)
    connection = resolve_connection("stepfun", settings.values, store, env={})
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
            assert GOOD_KEY.encode() not in path.read_bytes(), path


def test_test_connection_says_it_works_at_no_cost(
    qtbot: QtBot, app_paths: AppPaths, standin: StandinServer
) -> None:
    dialog = make_dialog(qtbot, app_paths, KeyStore(env={}, backend=fail.Keyring()))
    panel(dialog).base_url_field.setText(standin.base_url)
    type_key(qtbot, dialog, GOOD_KEY)
    with qtbot.waitSignal(panel(dialog).test_finished, timeout=20_000) as blocker:
        qtbot.mouseClick(button(dialog, "testConnectionButton"), Qt.MouseButton.LeftButton)
    assert blocker.args == [True]
    assert "works" in label(dialog, "connectionTestResult").text()
    assert standin.request_count("/models") == 1
    assert standin.request_count("/generations") == 0, "a test never makes a paid picture"
    assert standin.requests[0].headers.get("Authorization") == "<present, value not recorded>"
    # Tested, not saved: the key is still only typed.
    assert panel(dialog).key_panel.store.get_key() is None


def test_test_connection_shows_stepfuns_balance(
    qtbot: QtBot, app_paths: AppPaths, standin: StandinServer
) -> None:
    standin.balance = 12.5
    dialog = make_dialog(qtbot, app_paths, KeyStore(env={}, backend=fail.Keyring()))
    panel(dialog).base_url_field.setText(standin.base_url)
    type_key(qtbot, dialog, GOOD_KEY)
    with qtbot.waitSignal(panel(dialog).test_finished, timeout=20_000):
        qtbot.mouseClick(button(dialog, "testConnectionButton"), Qt.MouseButton.LeftButton)
    balance = label(dialog, "balanceLabel")
    assert balance.isVisible() and balance.text() == "Balance: 12.50 CNY"
    assert standin.request_count("/v1/accounts") == 1
    assert standin.request_count("/generations") == 0


@pytest.mark.parametrize("provider", ["openai", "siliconflow", "compatible"])
def test_test_connection_asks_each_providers_model_list(
    qtbot: QtBot, app_paths: AppPaths, standin: StandinServer, provider: str
) -> None:
    dialog = make_dialog(qtbot, app_paths, ProviderKeys(env={}, backend=fail.Keyring()))
    dialog.providers.select(provider)
    panel(dialog, provider).base_url_field.setText(standin.base_url_for(provider))
    type_key(qtbot, dialog, GOOD_KEY, provider)
    with qtbot.waitSignal(panel(dialog, provider).test_finished, timeout=20_000) as blocker:
        qtbot.mouseClick(
            button(dialog, "testConnectionButton", provider), Qt.MouseButton.LeftButton
        )
    assert blocker.args == [True], label(dialog, "connectionTestResult", provider).text()
    assert "works" in label(dialog, "connectionTestResult", provider).text()
    prefix = model_table().require_provider(provider).standin_prefix
    assert [r.path for r in standin.requests] == [f"{prefix}/models"]
    assert not label(dialog, "balanceLabel", provider).isVisible()


def test_a_server_of_ones_own_is_tested_without_a_key(qtbot: QtBot, app_paths: AppPaths) -> None:
    with StrictServer() as strict:
        dialog = make_dialog(qtbot, app_paths, ProviderKeys(env={}, backend=fail.Keyring()))
        dialog.providers.select("compatible")
        compatible = panel(dialog, "compatible")
        assert not button(dialog, "testConnectionButton", "compatible").isEnabled()
        compatible.base_url_field.setText(strict.base_url_for("compatible"))
        assert button(dialog, "testConnectionButton", "compatible").isEnabled()
        with qtbot.waitSignal(compatible.test_finished, timeout=20_000) as blocker:
            qtbot.mouseClick(
                button(dialog, "testConnectionButton", "compatible"), Qt.MouseButton.LeftButton
            )
        assert blocker.args == [True]
        assert strict.count("/compatible/v1/models") == 1
        # An OpenAI key is needed before OpenAI is asked anything.
        assert not button(dialog, "testConnectionButton", "openai").isEnabled()


def test_test_connection_shows_the_servers_reason(
    qtbot: QtBot, app_paths: AppPaths, standin: StandinServer
) -> None:
    # A key from the other region: the server answers 401.
    dialog = make_dialog(qtbot, app_paths, KeyStore(env={}, backend=fail.Keyring()))
    panel(dialog).base_url_field.setText(standin.base_url)
    wrong = fake_key("sk-OTHERREGION")
    type_key(qtbot, dialog, wrong)
    with qtbot.waitSignal(panel(dialog).test_finished, timeout=20_000) as blocker:
        qtbot.mouseClick(button(dialog, "testConnectionButton"), Qt.MouseButton.LeftButton)
    assert blocker.args == [False]
    text = label(dialog, "connectionTestResult").text()
    assert "Incorrect API key provided" in text
    assert "401" in text
    assert wrong not in text
    assert label(dialog, "connectionTestResult").property("role") == "error"


@pytest.mark.parametrize("provider", ["stepfun", "openai"])
def test_a_refused_key_inside_settings_points_at_the_key_field(
    qtbot: QtBot, app_paths: AppPaths, standin: StandinServer, provider: str
) -> None:
    dialog = make_dialog(qtbot, app_paths, ProviderKeys(env={}, backend=fail.Keyring()))
    dialog.providers.select(provider)
    panel(dialog, provider).base_url_field.setText(standin.base_url_for(provider))
    type_key(qtbot, dialog, fake_key("sk-WRONG"), provider)
    with qtbot.waitSignal(panel(dialog, provider).test_finished, timeout=20_000) as blocker:
        qtbot.mouseClick(
            button(dialog, "testConnectionButton", provider), Qt.MouseButton.LeftButton
        )
    assert blocker.args == [False]
    text = label(dialog, "connectionTestResult", provider).text()
    assert "Check the key above" in text
    assert "in Settings" not in text  # the user is in Settings already
    assert "HTTP 401" in text


def test_a_provider_without_a_free_check_says_the_first_picture_checks_the_key(
    qtbot: QtBot, app_paths: AppPaths
) -> None:
    dialog = make_dialog(qtbot, app_paths, ProviderKeys(env={}, backend=fail.Keyring()))
    dialog.providers.select("ark")
    type_key(qtbot, dialog, fake_key(), "ark")
    assert not button(dialog, "testConnectionButton", "ark").isVisible()
    note = label(dialog, "noFreeCheckNote", "ark")
    assert note.isVisible() and "first picture" in note.text()
    dialog.providers.select("openai")
    assert button(dialog, "testConnectionButton", "openai").isVisible()


def test_plain_http_to_another_machine_is_refused_before_any_request(
    qtbot: QtBot, app_paths: AppPaths, standin: StandinServer
) -> None:
    dialog = make_dialog(qtbot, app_paths, KeyStore(env={}, backend=fail.Keyring()))
    # The stand-in's port on a non-loopback name: were it sent, it would arrive in clear text.
    panel(dialog).base_url_field.setText(f"http://stand-in.example:{standin.port}/v1")
    assert label(dialog, "baseUrlNote").property("role") == "error"
    type_key(qtbot, dialog, GOOD_KEY)
    qtbot.mouseClick(button(dialog, "testConnectionButton"), Qt.MouseButton.LeftButton)
    assert "http" in label(dialog, "connectionTestResult").text()
    assert not panel(dialog).is_testing()
    press(qtbot, dialog, OK)
    assert dialog.isVisible(), "a refused address keeps the dialog open"
    assert dialog.findChild(QLabel, "settingsProblem").isVisible()
    assert standin.request_count() == 0
    assert AppSettings.open(app_paths).values.connection("stepfun").base_url == ""
    # Nothing was saved, the typed key included.
    assert panel(dialog).key_panel.store.get_key() is None


def test_apply_saves_every_field_and_reports_changes(qtbot: QtBot, app_paths: AppPaths) -> None:
    settings = AppSettings.open(app_paths)
    dialog = SettingsDialog(settings, ProviderKeys(env={}, backend=fail.Keyring()), env={})
    qtbot.addWidget(dialog)
    stepfun, ark = panel(dialog), panel(dialog, "ark")
    stepfun.region_combo.setCurrentIndex(stepfun.region_combo.findData("intl"))
    ark.region_combo.setCurrentIndex(ark.region_combo.findData("byteplus"))
    panel(dialog, "openai").base_url_field.setText("https://proxy.example.com/v1")
    dialog.tier_combo.setCurrentIndex(dialog.tier_combo.findData("V2"))
    generation = dialog.generation
    generation.provider_combo.setCurrentIndex(generation.provider_combo.findData("siliconflow"))
    assert generation.model_combo.currentData() == "Kwai-Kolors/Kolors"
    generation.model_combo.setCurrentIndex(generation.model_combo.findData("Qwen/Qwen-Image"))
    assert generation.size_combo.currentText() == "1328x1328"
    assert generation.steps_spin.maximum() == 100
    generation.steps_spin.setValue(12)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    dialog.library_field.setText("/tmp/elsewhere")
    with (
        qtbot.waitSignal(dialog.settings_applied) as applied,
        qtbot.waitSignal(dialog.connection_changed),
    ):
        press(qtbot, dialog, APPLY)
    values: StudioSettings = applied.args[0]
    reopened = AppSettings.open(app_paths).values
    assert reopened == values
    assert (reopened.region("stepfun"), reopened.region("ark"), reopened.tier) == (
        "intl",
        "byteplus",
        "V2",
    )
    assert reopened.connection("openai").base_url == "https://proxy.example.com/v1"
    assert (reopened.default_provider, reopened.default_model, reopened.default_steps) == (
        "siliconflow",
        "Qwen/Qwen-Image",
        12,
    )
    assert (reopened.language, reopened.theme) == ("zh_CN", "dark")
    assert reopened.library_location == "/tmp/elsewhere"
    assert "api.stepfun.ai" in stepfun.base_url_note.text()


def test_a_model_without_steps_or_cfg_shows_neither(qtbot: QtBot, app_paths: AppPaths) -> None:
    dialog = make_dialog(qtbot, app_paths, ProviderKeys(env={}, backend=fail.Keyring()))
    generation = dialog.generation
    dialog.tabs.setCurrentWidget(generation)
    assert generation.steps_spin.isVisible()
    generation.provider_combo.setCurrentIndex(generation.provider_combo.findData("openai"))
    assert generation.model_combo.currentData() == "gpt-image-1"
    assert not generation.steps_spin.isVisible() and not generation.cfg_spin.isVisible()
    # A retired model says so where it is chosen.
    generation.provider_combo.setCurrentIndex(generation.provider_combo.findData("stepfun"))
    assert "retired 2026-07-08" in generation.model_combo.itemText(0)


def test_declared_models_of_a_compatible_server(qtbot: QtBot, app_paths: AppPaths) -> None:
    dialog = make_dialog(qtbot, app_paths, ProviderKeys(env={}, backend=fail.Keyring()))
    dialog.providers.select("compatible")
    compatible = panel(dialog, "compatible")
    assert not compatible.region_combo.isVisible()
    editor = compatible.models_editor
    assert editor is not None
    compatible.base_url_field.setText("http://127.0.0.1:8000/v1")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    editor.name_field.clear()
    qtbot.keyClicks(editor.name_field, "flux-dev")
    editor.field_boxes["seed"].setChecked(True)
    editor.field_boxes["negative_prompt"].setChecked(True)
    qtbot.keyClicks(editor.sizes_field, "1024x1024, 768x1344")
    # The Generation tab knows the new model before anything is saved.
    generation = dialog.generation
    generation.provider_combo.setCurrentIndex(generation.provider_combo.findData("compatible"))
    assert generation.model_combo.currentData() == "flux-dev"
    assert generation.size_combo.currentText() == "1024x1024"
    press(qtbot, dialog, OK)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    saved = AppSettings.open(app_paths).values
    assert saved.compatible_models == (
        DeclaredModel("flux-dev", ("seed", "negative_prompt"), ("1024x1024", "768x1344")),
    )
    assert saved.connection("compatible") == ProviderConnection("", "http://127.0.0.1:8000/v1")
    assert saved.default_provider == "compatible"
    spec = saved.model_table().require("flux-dev")
    assert spec.supports_seed and spec.steps is None and spec.supports_negative_prompt


def test_a_bad_declared_model_keeps_the_dialog_open_on_its_provider(
    qtbot: QtBot, app_paths: AppPaths
) -> None:
    dialog = make_dialog(qtbot, app_paths, ProviderKeys(env={}, backend=fail.Keyring()))
    editor = panel(dialog, "compatible").models_editor
    assert editor is not None
    editor.add_model()
    editor.name_field.setText("gpt-image-1")
    editor.name_field.textEdited.emit("gpt-image-1")
    press(qtbot, dialog, OK)
    assert dialog.isVisible()
    assert dialog.providers.current_provider() == "compatible"
    assert "another provider" in dialog.findChild(QLabel, "settingsProblem").text()
    assert AppSettings.open(app_paths).values == StudioSettings()


def test_cancel_changes_nothing(qtbot: QtBot, app_paths: AppPaths) -> None:
    keys = ProviderKeys(env={}, backend=fail.Keyring())
    dialog = make_dialog(qtbot, app_paths, keys)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("light"))
    type_key(qtbot, dialog, fake_key(), "openai")
    panel(dialog, "siliconflow").base_url_field.setText("https://proxy.example.com/v1")
    press(qtbot, dialog, CANCEL)
    assert dialog.result() == SettingsDialog.DialogCode.Rejected
    assert AppSettings.open(app_paths).values == StudioSettings()
    assert keys.store("openai").get_key() is None
    assert field(dialog, "openai").text() == ""


def test_key_source_follows_the_store(qtbot: QtBot, app_paths: AppPaths) -> None:
    store = KeyStore(env={}, backend=fail.Keyring())
    store.set_key(fake_key())
    dialog = make_dialog(qtbot, app_paths, store)
    stored = store.get_key()
    assert stored is not None and stored.source is KeySource.SESSION
    assert field(dialog).text() == stored.value
    assert button(dialog, "removeKeyButton").isEnabled()


def test_the_retired_provider_is_marked_in_the_list(qtbot: QtBot, app_paths: AppPaths) -> None:
    dialog = make_dialog(qtbot, app_paths, ProviderKeys(env={}, backend=fail.Keyring()))
    items = [dialog.providers.list.item(row) for row in range(dialog.providers.list.count())]
    texts = [item.text() for item in items if item is not None]
    assert texts[0] == "StepFun (retired)"
    assert texts[1:] == [
        "OpenAI",
        "Volcengine Ark (Seedream)",
        "SiliconFlow",
        "OpenAI-compatible server",
    ]
    lifecycle = label(dialog, "providerLifecycle")
    assert "2026-10-10" in lifecycle.text() and "StepFun-compatible" in lifecycle.text()
    assert not label(dialog, "providerLifecycle", "openai").text()
