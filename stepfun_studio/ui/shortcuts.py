"""Keyboard shortcuts: the one table of default keys, and the Help dialog that lists them.

The dialog reads the window's actions rather than a second list, so a new action with a shortcut
shows up in Help without anyone remembering to add it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

StandardKey = QKeySequence.StandardKey
MNEMONIC = re.compile(r"\s*\(&\w\)")

# Action name -> its key. Standard keys follow the platform (Cmd on macOS, Ctrl elsewhere).
# Kept as data, not QKeySequence objects: those need a QGuiApplication, and this is imported first.
DEFAULT_KEYS: dict[str, str | QKeySequence.StandardKey] = {
    "generate": "Ctrl+Return",
    "cancelAll": "Ctrl+Shift+Backspace",
    "retryFailed": "Ctrl+Shift+R",
    "focusPrompt": "Ctrl+L",
    "focusSearch": StandardKey.Find,
    "checkLibrary": "Ctrl+Shift+K",  # K for checK: C, H and L are taken
    "settings": StandardKey.Preferences,
    "quit": StandardKey.Quit,
    "toggleParameters": "Ctrl+1",
    "toggleQueue": "Ctrl+2",
    "toggleDetail": "Ctrl+3",
    "fullScreen": StandardKey.FullScreen,
    "promptLibrary": "Ctrl+Shift+H",  # H for history: the prompt library
    "describe": "Ctrl+Shift+I",  # I for interrogate, as A1111 calls it
    "xyGrid": "Ctrl+Shift+G",
    "captions": "Ctrl+Shift+T",  # T for text: captions for search
    "spend": "Ctrl+Shift+E",  # E for expenses: Ctrl+Shift+S saves a picture in the detail view
    "batch": "Ctrl+Shift+B",  # issue 14: File ▸ Batch…
    # Not Ctrl+Alt+letter: on Windows that is AltGr, which types €, @, ć… into the prompt.
    "languageEnglish": "Ctrl+F8",
    "languageChinese": "Ctrl+F9",
    "themeSystem": "Ctrl+Shift+F8",
    "themeLight": "Ctrl+Shift+F9",
    "themeDark": "Ctrl+Shift+F10",
    "shortcuts": "Ctrl+/",
    "about": "Ctrl+Shift+/",
    # One-click iteration (ui/iterate_actions.py): single keys, live only while the gallery or
    # the detail view has the keyboard, on the picture shown there.
    "varySubtle": "V",
    "varyStrong": "Shift+V",
    "moreLikeThis": "M",
    "useAsReference": "A",
}

# Where a platform has no standard key for an action (Preferences on Linux, for one).
FALLBACK_KEYS = {
    "settings": "Ctrl+,",
    "fullScreen": "F11",
    "quit": "Ctrl+Q",
    "focusSearch": "Ctrl+F",
}


def key_for(name: str) -> QKeySequence:
    spec = DEFAULT_KEYS.get(name)
    key = QKeySequence() if spec is None else QKeySequence(spec)
    if key.isEmpty() and name in FALLBACK_KEYS:
        return QKeySequence(FALLBACK_KEYS[name])
    return key


def shortcut_rows(window: QWidget, names: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(what it does, its keys) for every action of `window` that has a shortcut.

    An action whose text is a symbol ("+", "100%") is listed by `names[objectName]` instead.
    """
    names = names or {}
    rows: set[tuple[str, str]] = set()
    for action in window.findChildren(QAction):
        keys = action.shortcuts()
        # "全屏(&F)" and "&Full Screen" both lose their mnemonic marks.
        text = MNEMONIC.sub("", action.text()).replace("&", "").rstrip("…").strip()
        if not any(character.isalpha() for character in text):
            text = names.get(action.objectName(), text)
        if keys and text:
            native = QKeySequence.SequenceFormat.NativeText
            rows.add((text, ", ".join(k.toString(native) for k in keys)))
    return sorted(rows, key=lambda row: row[0].lower())


class ShortcutsDialog(QDialog):
    """Help ▸ Keyboard Shortcuts: a two-column table built from the window's actions."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        rows = shortcut_rows(
            window,
            {
                "zoomInAction": self.tr("Zoom in"),
                "zoomOutAction": self.tr("Zoom out"),
                "zoomActualAction": self.tr("Actual size (100%)"),
                "zoomFitAction": self.tr("Fit to the view"),
            },
        )
        table = QTableWidget(len(rows), 2, self)
        table.setObjectName("shortcutsTable")
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for row, (text, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(text))
            key_item = QTableWidgetItem(keys)
            key_item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(row, 1, key_item)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(460, 520)
