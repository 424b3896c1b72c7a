"""The window's actions and menus: File, Generate, View, Language, Help.

Each action has an objectName (its key in `shortcuts.DEFAULT_KEYS`), a shortcut, and a text set
in `retranslate()`, so switching the language re-labels the menus without rebuilding them. The
window connects the actions; this module only makes and names them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from stepfun_studio.ui.i18n import LANGUAGES
from stepfun_studio.ui.shortcuts import key_for

# The settings' theme values -> action names (keys in shortcuts.DEFAULT_KEYS).
THEME_ACTIONS = {"system": "themeSystem", "light": "themeLight", "dark": "themeDark"}


class WindowActions(QObject):
    """All actions of the main window, by name."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.actions: dict[str, QAction] = {}
        for name in (
            "generate",
            "cancelAll",
            "retryFailed",
            "xyGrid",
            "promptLibrary",
            "describe",
            "captions",
            "focusPrompt",
            "focusSearch",
            "checkLibrary",
            "settings",
            "quit",
            "fullScreen",
            "spend",
            "batch",
            "shortcuts",
            "about",
        ):
            self._make(name)
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code, native in LANGUAGES.items():
            name = "languageChinese" if code == "zh_CN" else "languageEnglish"
            action = self._make(name)
            action.setText(native)  # a language is always listed by its own name
            action.setCheckable(True)
            action.setData(code)
            self.language_group.addAction(action)
            self.language_actions[code] = action
        self.actions["fullScreen"].setCheckable(True)
        self.theme_group = QActionGroup(self)
        self.theme_group.setExclusive(True)
        self.theme_actions: dict[str, QAction] = {}
        for scheme, name in THEME_ACTIONS.items():
            action = self._make(name)
            action.setCheckable(True)
            action.setData(scheme)
            self.theme_group.addAction(action)
            self.theme_actions[scheme] = action

        bar = window.menuBar()
        self.file_menu = QMenu(bar)
        self.generate_menu = QMenu(bar)
        self.view_menu = QMenu(bar)
        self.language_menu = QMenu(bar)
        self.theme_menu = QMenu(bar)
        self.help_menu = QMenu(bar)
        self.file_menu.addAction(self.actions["batch"])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.actions["checkLibrary"])
        self.file_menu.addAction(self.actions["settings"])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.actions["quit"])
        for name in ("generate", "cancelAll", "retryFailed"):
            self.generate_menu.addAction(self.actions[name])
        self.generate_menu.addSeparator()
        self.generate_menu.addAction(self.actions["xyGrid"])
        self.generate_menu.addAction(self.actions["promptLibrary"])
        self.generate_menu.addAction(self.actions["describe"])
        self.file_menu.insertAction(self.actions["quit"], self.actions["captions"])
        self.generate_menu.addSeparator()
        self.generate_menu.addAction(self.actions["focusPrompt"])
        self.generate_menu.addAction(self.actions["focusSearch"])
        self.language_menu.addActions(list(self.language_actions.values()))
        self.view_menu.addMenu(self.language_menu)
        self.theme_menu.addActions(list(self.theme_actions.values()))
        self.view_menu.addMenu(self.theme_menu)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.actions["fullScreen"])
        self.view_menu.addAction(self.actions["spend"])
        self.help_menu.addAction(self.actions["shortcuts"])
        self.help_menu.addAction(self.actions["about"])
        for menu in (
            self.file_menu,
            self.generate_menu,
            self.view_menu,
            self.help_menu,
        ):
            bar.addMenu(menu)
        self.retranslate()

    def _make(self, name: str) -> QAction:
        action = QAction(self._window)
        action.setObjectName(name + "Action")
        key = key_for(name)
        if not key.isEmpty():
            action.setShortcut(key)
        self._window.addAction(action)  # shortcuts work even while the menu bar is hidden
        self.actions[name] = action
        return action

    def add_dock_toggle(self, name: str, action: QAction) -> None:
        """Docks give their own toggle action; it gets our key and a place in View."""
        key = key_for(name)
        if not key.isEmpty():
            action.setShortcut(key)
        action.setObjectName(name + "Action")
        self.actions[name] = action
        self.view_menu.insertAction(self.view_menu.actions()[0], action)

    def retranslate(self) -> None:
        texts = {
            "generate": self.tr("&Generate"),
            "cancelAll": self.tr("&Cancel All Jobs"),
            "retryFailed": self.tr("&Retry Failed Jobs"),
            "xyGrid": self.tr("&X/Y Grid…"),
            "promptLibrary": self.tr("Prompt &Library…"),
            "describe": self.tr("&Describe Picture…"),
            "captions": self.tr("&Caption Pictures for Search…"),
            "focusPrompt": self.tr("Go to &Prompt"),
            "focusSearch": self.tr("&Search Library"),
            "checkLibrary": self.tr("&Check Library…"),
            "settings": self.tr("&Settings…"),
            "quit": self.tr("&Quit"),
            "fullScreen": self.tr("&Full Screen"),
            "spend": self.tr("S&pend…"),
            "batch": self.tr("&Batch…"),
            "shortcuts": self.tr("&Keyboard Shortcuts"),
            "about": self.tr("&About StepFun Studio"),
        }
        for name, text in texts.items():
            self.actions[name].setText(text)
        self.file_menu.setTitle(self.tr("&File"))
        self.generate_menu.setTitle(self.tr("&Generate"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.theme_menu.setTitle(self.tr("&Appearance"))
        self.theme_actions["system"].setText(self.tr("Follow the &System"))
        self.theme_actions["light"].setText(self.tr("&Light"))
        self.theme_actions["dark"].setText(self.tr("&Dark"))
        self.help_menu.setTitle(self.tr("&Help"))
