"""The first start and the studio's connections: a demo that asks which provider, one connection
per provider, and a key lookup that outlives the window without an error at quit."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring_support import fake_key
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtWidgets import QLabel, QRadioButton
from pytestqt.qtbot import QtBot

from stepfun_studio.api.credentials import ProviderKeys
from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.settings.store import AppSettings
from stepfun_studio.settings.values import DeclaredModel, ProviderConnection
from stepfun_studio.ui.background import wait_until_idle
from stepfun_studio.ui.i18n import LanguageSwitcher
from stepfun_studio.ui.main_window import MainWindow
from stepfun_studio.ui.provider_chooser import ProviderChooser
from stepfun_studio.ui.settings_dialog import SettingsDialog
from stepfun_studio.ui.studio import DEMO_LIMITS, Studio, StudioOptions

PROVIDERS = model_table().providers


def open_window(qtbot: QtBot, paths: AppPaths, env: dict[str, str] | None = None) -> MainWindow:
    studio = Studio(StudioOptions(paths=paths))
    studio.use_keys(ProviderKeys(env=env or {}, backend=fail.Keyring()))
    languages = LanguageSwitcher()
    languages.apply("en")
    window = MainWindow(studio, languages)
    qtbot.addWidget(window)
    window.show()
    window.start_studio()
    qtbot.waitUntil(lambda: studio.started, timeout=15_000)
    return window


@pytest.fixture
def windows() -> Iterator[list[MainWindow]]:
    opened: list[MainWindow] = []
    yield opened
    for window in opened:
        window.close()


def chooser_of(window: MainWindow, qtbot: QtBot) -> ProviderChooser:
    qtbot.waitUntil(lambda: window.findChild(ProviderChooser, "providerChooser") is not None)
    chooser = window.findChild(ProviderChooser, "providerChooser")
    assert chooser is not None
    qtbot.waitUntil(chooser.isVisible)
    return chooser


def pick(qtbot: QtBot, radio: QRadioButton) -> None:
    """A click on the radio's circle, where a person clicks (not the middle of its row)."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert radio.isChecked()


def test_the_first_start_without_a_key_opens_the_demo_and_asks_which_provider(
    qtbot: QtBot, app_paths: AppPaths, windows: list[MainWindow]
) -> None:
    window = open_window(qtbot, app_paths)
    windows.append(window)
    assert window.studio.demo and window.banner.isVisible()
    chooser = chooser_of(window, qtbot)
    texts = {pid: radio.text() for pid, radio in chooser.radios.items()}
    assert list(texts) == [p.id for p in PROVIDERS]
    assert texts["stepfun"] == (
        "StepFun (image API retired on 2026-10-10, works with StepFun-compatible servers)"
    )
    assert texts["openai"] == "OpenAI"
    assert all(chooser.summaries[p.id].text() for p in PROVIDERS), "one line on each"
    # Nothing is assumed: no provider is chosen until the user picks one.
    assert chooser.choice() is None and not chooser.demo_button.isEnabled()

    pick(qtbot, chooser.radios["siliconflow"])
    assert not chooser.server_box.isVisible()
    with qtbot.waitSignal(window.studio.settings.changed):
        qtbot.mouseClick(chooser.demo_button, Qt.MouseButton.LeftButton)
    assert wait_until_idle(5000)  # the settings file is written off the GUI thread
    values = AppSettings.open(app_paths).values
    assert (values.default_provider, values.provider_chosen) == ("siliconflow", True)
    assert values.default_model == "Kwai-Kolors/Kolors"
    banner = window.findChild(QLabel, "demoBannerText")
    assert banner is not None and "No SiliconFlow key is set" in banner.text()
    assert window.studio.base_url.endswith("/siliconflow/v1")
    window.close()

    # The next start does not ask again.
    again = open_window(qtbot, app_paths)
    windows.append(again)
    qtbot.wait(300)
    assert again.findChild(ProviderChooser, "providerChooser") is None


def test_with_a_key_for_any_provider_nothing_is_asked(
    qtbot: QtBot, app_paths: AppPaths, windows: list[MainWindow]
) -> None:
    window = open_window(qtbot, app_paths, env={"OPENAI_API_KEY": fake_key()})
    windows.append(window)
    qtbot.wait(300)
    assert window.findChild(ProviderChooser, "providerChooser") is None
    assert not window.studio.is_demo("openai")
    # The default provider (StepFun, as before) still has no key: its demo goes on.
    assert window.studio.demo and window.studio.is_demo("ark")


def test_choosing_a_compatible_server_asks_for_a_model_and_opens_its_settings(
    qtbot: QtBot, app_paths: AppPaths, windows: list[MainWindow]
) -> None:
    window = open_window(qtbot, app_paths)
    windows.append(window)
    chooser = chooser_of(window, qtbot)
    pick(qtbot, chooser.radios["compatible"])
    assert chooser.server_box.isVisible()
    assert not chooser.key_button.isEnabled() and "model" in chooser.problem.text()
    qtbot.keyClicks(chooser.model_field, "flux-dev")
    qtbot.keyClicks(chooser.address_field, "http://192.168.1.9:8000/v1")
    assert not chooser.key_button.isEnabled() and "http" in chooser.problem.text()
    chooser.address_field.clear()
    qtbot.keyClicks(chooser.address_field, "http://127.0.0.1:8000/v1")
    assert chooser.key_button.isEnabled()
    qtbot.mouseClick(chooser.key_button, Qt.MouseButton.LeftButton)

    values = window.studio.settings.values
    assert values.compatible_models == (DeclaredModel("flux-dev"),)
    assert values.connection("compatible") == ProviderConnection("", "http://127.0.0.1:8000/v1")
    assert (values.default_provider, values.default_model) == ("compatible", "flux-dev")
    dialog = window.findChild(SettingsDialog, "settingsDialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.providers.current_provider() == "compatible"
    dialog.reject()


def test_the_demo_plays_every_provider_and_a_key_moves_only_its_own(
    qtbot: QtBot, app_paths: AppPaths
) -> None:
    studio = Studio(StudioOptions(paths=app_paths))
    try:
        studio.use_keys(ProviderKeys(env={}, backend=fail.Keyring()))
        studio.start(None)
        origin = f"http://127.0.0.1:{studio.standin.port}"
        for provider in PROVIDERS:
            assert studio.is_demo(provider.id)
            assert studio.base_url_for(provider.id) == origin + provider.standin_prefix
        with qtbot.waitSignal(studio.connections_changed):
            studio.use_key(fake_key(), "https://ark.example.com/api/v3", provider="ark")
        assert not studio.is_demo("ark") and studio.demo  # the default is still StepFun
        assert studio.base_url_for("ark") == "https://ark.example.com/api/v3"
        assert studio.is_demo("openai")
        with qtbot.waitSignal(studio.demo_changed) as changed:
            studio.settings.update(
                default_provider="ark", default_model="doubao-seedream-4-0-250828"
            )
        assert changed.args == [False] and not studio.demo
    finally:
        studio.close()
    assert DEMO_LIMITS[1] > 10  # the demo is not paced like a V0 account


class SlowKeyring(KeyringBackend):
    """A keyring that takes its time, as one waiting for an unlock prompt does."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        time.sleep(0.4)
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise NotImplementedError

    def delete_password(self, service: str, username: str) -> None:
        raise NotImplementedError


def test_quitting_while_the_keys_are_looked_up_leaves_no_error_behind(
    qtbot: QtBot, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: "Exception in thread resolve-connection: RuntimeError: Signal source has been
    deleted" when the app quit before the keyring answered."""
    errors: list[str] = []
    previous = threading.excepthook

    def record(args: threading.ExceptHookArgs) -> None:
        errors.append(f"{args.thread.name if args.thread else '?'}: {args.exc_value!r}")
        previous(args)

    monkeypatch.setattr(threading, "excepthook", record)
    studio = Studio(StudioOptions(paths=app_paths))
    studio.use_keys(ProviderKeys(env={}, backend=SlowKeyring(), timeout_s=5.0))
    studio.resolve_and_start()
    studio.close()
    studio.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    resolvers = [t for t in threading.enumerate() if t.name == "resolve-connection"]
    assert resolvers, "the lookup was still under way when the studio went"
    for thread in resolvers:
        thread.join(timeout=10)
    qtbot.wait(200)  # the relay's queued delivery, to nobody
    assert errors == []


def test_the_demo_banner_waits_for_the_keys_then_appears_once(
    qtbot: QtBot, app_paths: AppPaths, windows: list[MainWindow]
) -> None:
    """Before: the banner was in the first frame and went once a key was found, moving the
    prompt and the gallery at every start; now nothing is said until the keys are known."""
    studio = Studio(StudioOptions(paths=app_paths))
    studio.use_keys(ProviderKeys(env={}, backend=SlowKeyring(), timeout_s=5.0))
    languages = LanguageSwitcher()
    languages.apply("en")
    window = MainWindow(studio, languages)
    qtbot.addWidget(window)
    windows.append(window)
    window.show()
    window.start_studio()
    server = window.statusBar().findChild(QLabel, "serverLabel")
    assert server is not None
    seen: list[bool] = []
    while not studio.started:  # the keyring takes 0.4 s a provider
        seen.append(window.banner.isVisible())
        assert seen[-1] or server.text() == ""
        qtbot.wait(20)
    assert seen[:3] == [False] * 3 and seen == sorted(seen)  # hidden, then shown for good
    assert window.banner.isVisible()  # no key: the demo, said once
    assert server.text() == "Demo: local stand-in server"
