"""The Picture toolbar shows every action without an overflow chevron: the most used as buttons,
the rest in its "More" menu, at a laptop's and a wide screen's width, in English and Chinese,
on the real main window (issue 15, item 6)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.ui.i18n import LanguageSwitcher, translations_dir
from stepfun_studio.ui.main_window import MainWindow
from stepfun_studio.ui.studio import Studio, StudioOptions
from stepfun_studio.ui.theme import Theme

ROOT = Path(__file__).resolve().parent.parent
TOOLBAR_ACTIONS = (
    "reuseParametersAction",
    "useAsSourceAction",
    "useAsStyleAction",
    "reuseSeedAction",
    "copyImageAction",
    "copyPromptAction",
    "saveAsAction",
    "showInFolderAction",
    "moveToTrashAction",
    # One-click iteration (ui/iterate_actions.py): in More, and behind the "Vary" button.
    "varySubtleAction",
    "varyStrongAction",
    "moreLikeThisAction",
    "useAsReferenceAction",
    # The prompt assistant (ui/creative_tools.py): in More.
    "describeAction",
    "editCaptionAction",
)


@pytest.fixture(scope="module", autouse=True)
def built_translations() -> None:
    if not (translations_dir() / "stepfun_studio_zh_CN.qm").exists():
        subprocess.run([sys.executable, str(ROOT / "tools" / "build_translations.py")], check=True)


@pytest.fixture
def languages() -> Iterator[LanguageSwitcher]:
    switcher = LanguageSwitcher()
    switcher.apply("en")
    yield switcher
    switcher.apply("en")


def _fully_inside(button: QToolButton, window: MainWindow) -> bool:
    """On screen and whole: inside the toolbar and inside the window."""
    if not button.isVisible() or button.width() < button.sizeHint().width():
        return False
    top_left = button.mapTo(window, QPoint(0, 0))
    return top_left.x() >= 0 and top_left.x() + button.width() <= window.width()


@pytest.mark.parametrize("width", [1366, 2560])
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_picture_action_is_a_visible_button_or_in_the_more_menu(
    app_paths: AppPaths, qtbot: QtBot, languages: LanguageSwitcher, language: str, width: int
) -> None:
    languages.apply(language)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = MainWindow(Studio(StudioOptions(paths=app_paths)), languages, Theme(app, "light"))
    qtbot.addWidget(window)
    window.resize(width, 768 if width == 1366 else 1440)
    window.show()
    qtbot.waitUntil(lambda: window.width() == width)
    painted: list[bool] = []
    window.run_after_first_paint(lambda: painted.append(True))
    qtbot.waitUntil(lambda: bool(painted))  # the detail view's panes are made after the paint
    detail = window.detail
    # The docks take their first-start sizes a turn or two later (longer on a loaded machine);
    # a More button that never fits fails here.
    qtbot.waitUntil(lambda: _fully_inside(detail.more_button, window))
    assert detail.findChildren(QToolBar) == []  # no toolbar, so no "»" to hide actions behind
    buttons = detail.toolbar.findChildren(QToolButton)
    shown = {
        b.defaultAction().objectName()
        for b in buttons
        if b.defaultAction() is not None and _fully_inside(b, window)
    }
    assert _fully_inside(window.iterate.vary_button, window)
    in_menu = {a.objectName() for a in detail.more_menu.actions() if not a.isSeparator()}
    assert shown, "no action is a button"
    assert shown | in_menu == set(TOOLBAR_ACTIONS)
    # Every action keeps its shortcut, on the view, wherever it is shown.
    trash = detail.action("moveToTrashAction")
    assert trash.shortcut().toString() == "Del" and trash in detail.actions()
    assert detail.more_button.menu() is detail.more_menu
    # The menu shows each shortcut beside its text, as the toolbar's tooltips did.
    assert detail.action("saveAsAction").shortcut().toString() == "Ctrl+Shift+S"
    window.close()
