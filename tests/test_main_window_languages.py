"""The window's languages, look, shortcuts, settings entry and crash dialog, on the real window."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.text import tr
from stepfun_studio.ui.application import install_excepthook
from stepfun_studio.ui.i18n import LanguageSwitcher, translations_dir
from stepfun_studio.ui.main_window import MainWindow
from stepfun_studio.ui.shortcuts import shortcut_rows
from stepfun_studio.ui.studio import Studio, StudioOptions
from stepfun_studio.ui.theme import Theme

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def built_translations() -> None:
    """`make test` builds the .qm files first; a bare pytest run builds them here."""
    if not (translations_dir() / "stepfun_studio_zh_CN.qm").exists():
        subprocess.run([sys.executable, str(ROOT / "tools" / "build_translations.py")], check=True)


@pytest.fixture
def window(app_paths: AppPaths, qtbot: QtBot) -> Iterator[MainWindow]:
    studio = Studio(StudioOptions(paths=app_paths))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    languages = LanguageSwitcher(studio.settings)
    languages.apply("en")
    built = MainWindow(studio, languages, Theme(app, force="light"))
    qtbot.addWidget(built)
    built.show()
    studio.start(None)  # demo mode: the stand-in runs inside the app
    yield built
    built.close()
    languages.apply("en")
    assert built.theme is not None
    built.theme.force(None)


def test_switching_to_chinese_retranslates_the_window_live(
    window: MainWindow, qtbot: QtBot
) -> None:
    menu_titles = [action.text() for action in window.menuBar().actions()]
    assert "&File" in menu_titles

    window.menus.language_actions["zh_CN"].trigger()

    # Qt posts the LanguageChange events; the window re-sets its texts when they arrive.
    qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "文件(&F)")
    assert window.queue_dock.windowTitle() == "队列"
    banner = window.findChild(QLabel, "demoBannerText")
    assert banner is not None and "演示模式" in banner.text()
    # Strings of the layers below the UI go through the same translator.
    assert tr("Validation", "Write a prompt first.") == "请先写提示词。"
    # Qt's own strings (standard buttons) come from qtbase_zh_CN.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    # The choice is remembered for the next start.
    assert window.studio.settings.values.language == "zh_CN"

    window.menus.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.queue_dock.windowTitle() == "Queue")
    assert tr("Validation", "Write a prompt first.") == "Write a prompt first."


def test_every_action_has_a_shortcut_and_help_lists_them(window: MainWindow) -> None:
    every = [
        *window.menus.actions.values(),
        *window.menus.language_actions.values(),
        *window.menus.theme_actions.values(),
    ]
    for action in every:
        assert not action.shortcut().isEmpty(), f"{action.objectName()} has no shortcut"
    rows = dict(shortcut_rows(window))
    native = QKeySequence.SequenceFormat.NativeText
    assert rows["Generate"] == QKeySequence("Ctrl+Return").toString(native)
    assert rows["Cancel All Jobs"] == QKeySequence("Ctrl+Shift+Backspace").toString(native)
    assert "Keyboard Shortcuts" in rows


def test_the_appearance_menu_switches_light_and_dark(window: MainWindow) -> None:
    window.menus.theme_actions["dark"].trigger()
    dark = QApplication.palette().color(QPalette.ColorRole.Window)
    assert window.studio.settings.values.theme == "dark"
    window.menus.theme_actions["light"].trigger()
    light = QApplication.palette().color(QPalette.ColorRole.Window)
    assert window.studio.settings.values.theme == "light"
    assert dark.lightness() < 80
    assert light.lightness() > 200


def test_the_demo_banner_opens_the_settings_dialog(window: MainWindow, qtbot: QtBot) -> None:
    button = window.findChild(QPushButton, "enterKeyButton")
    assert button is not None and button.isVisible()
    button.click()
    dialog = window.findChild(QDialog, "settingsDialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.reject()


def test_an_uncaught_exception_shows_a_dialog_not_a_crash(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    hook = install_excepthook(lambda: window)
    seen: list[tuple[str, str]] = []

    def close_dialog() -> None:
        box = window.findChild(QMessageBox, "crashDialog")
        if box is None or not box.isVisible():
            QTimer.singleShot(20, close_dialog)
            return
        seen.append((box.text(), box.detailedText()))
        box.accept()

    QTimer.singleShot(20, close_dialog)
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as error:
        hook(type(error), error, error.__traceback__)

    assert seen, "no dialog was shown"
    text, details = seen[0]
    assert "ZeroDivisionError" in text and "Traceback" not in text
    assert "boom" in details
    assert sys.excepthook is hook
