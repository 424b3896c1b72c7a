"""Settings that must reach the running app: the library's folder, the dock's defaults, and the
window's keys (none that AltGr types, none twice), all on the real window, library and files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from test_library_support import full_request, result_for

from stepfun_studio.core.model_table import model_table
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import ResponseFormat
from stepfun_studio.settings.store import AppSettings
from stepfun_studio.settings.values import StudioSettings, problems_with
from stepfun_studio.ui.i18n import LanguageSwitcher
from stepfun_studio.ui.main_window import MainWindow
from stepfun_studio.ui.shortcuts import shortcut_rows
from stepfun_studio.ui.studio import Studio, StudioOptions
from stepfun_studio.ui.theme import Theme

MODIFIERS = Qt.KeyboardModifier


def _window(paths: AppPaths, qtbot: QtBot) -> MainWindow:
    studio = Studio(StudioOptions(paths=paths))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    languages = LanguageSwitcher(studio.settings)
    languages.apply("en")
    built = MainWindow(studio, languages, Theme(app, force="light"))
    qtbot.addWidget(built)
    return built


@pytest.fixture
def window(app_paths: AppPaths, qtbot: QtBot) -> Iterator[MainWindow]:
    built = _window(app_paths, qtbot)
    built.show()
    yield built
    built.close()
    assert built.theme is not None
    built.theme.force(None)


# --- keys ---------------------------------------------------------------------------------


Scope = QWidget | None  # None: the whole window


def _scope(context: Qt.ShortcutContext, widgets: list[QWidget]) -> Scope:
    # A widget-bound key (the detail view's Delete, the queue's Delete) is live only with the
    # focus in that widget; a window or application key is live everywhere in the window.
    if context in (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut):
        return None
    return widgets[0] if widgets else None


def _window_keys(window: MainWindow) -> list[tuple[str, QKeySequence, Scope]]:
    """(owner, key, scope) for every shortcut of every action and QShortcut in the window."""
    keys: list[tuple[str, QKeySequence, Scope]] = []
    for action in window.findChildren(QAction):
        owner = action.objectName() or action.text()
        widgets = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
        scope = _scope(action.shortcutContext(), widgets)
        keys.extend((owner, key, scope) for key in action.shortcuts() if not key.isEmpty())
    for shortcut in window.findChildren(QShortcut):
        owner = shortcut.objectName() or "QShortcut"
        parent = shortcut.parent()
        scope = _scope(shortcut.context(), [parent] if isinstance(parent, QWidget) else [])
        keys.extend((owner, key, scope) for key in list(shortcut.keys()) if not key.isEmpty())
    return keys


def _overlap(one: Scope, other: Scope) -> bool:
    """Whether both can be live at once: one scope is the window or holds the other."""
    if one is None or other is None:
        return True
    return one is other or one.isAncestorOf(other) or other.isAncestorOf(one)


def test_no_window_key_is_ctrl_alt_letter(window: MainWindow) -> None:
    keys = _window_keys(window)
    # The dock's presets, the menus and the detail view's keys are all in the list.
    owners = {owner for owner, _key, _where in keys}
    assert {"presetFastAction", "presetQualityAction", "generateAction"} <= owners
    for owner, key, _where in keys:
        for index in range(key.count()):
            combination = key[index]  # type: ignore[index]  # the stubs lack __getitem__
            modifiers = combination.keyboardModifiers()
            letter = Qt.Key.Key_A.value <= combination.key().value <= Qt.Key.Key_Z.value
            altgr = modifiers & MODIFIERS.ControlModifier and modifiers & MODIFIERS.AltModifier
            assert not (altgr and letter), f"{owner}: {key.toString()} is AltGr on Windows"


def _clashes(keys: list[tuple[str, QKeySequence, Scope]]) -> list[str]:
    return [
        f"{key.toString()}: {owner} and {other_owner}"
        for index, (owner, key, scope) in enumerate(keys)
        for other_owner, other_key, other_scope in keys[index + 1 :]
        if key.matches(other_key) == QKeySequence.SequenceMatch.ExactMatch
        and owner != other_owner
        and _overlap(scope, other_scope)
    ]


def test_no_two_window_shortcuts_share_a_key(window: MainWindow) -> None:
    keys = _window_keys(window)
    assert _clashes(keys) == []
    # The check does see a clash: a second window-wide Ctrl+Return, or a widget key that is
    # also a window key.
    generate = next(key for owner, key, _where in keys if owner == "generateAction")
    assert _clashes([*keys, ("secondGenerate", generate, None)]) != []
    assert _clashes([*keys, ("detailGenerate", generate, window.detail)]) != []


def test_help_lists_the_presets_under_their_new_keys(window: MainWindow) -> None:
    rows = dict(shortcut_rows(window))
    native = QKeySequence.SequenceFormat.NativeText
    assert rows["Fast preset"] == QKeySequence("Ctrl+Shift+F").toString(native)
    assert rows["Quality preset"] == QKeySequence("Ctrl+Shift+Q").toString(native)


# --- the library's folder -----------------------------------------------------------------


def test_the_library_opens_in_the_folder_the_settings_name(
    app_paths: AppPaths, tmp_path: Path, qapp: QApplication
) -> None:
    # `qapp`: the Studio opens its library on a worker, which needs the application (first in a
    # run's random order, no other test has made it yet).
    chosen = tmp_path / "My Pictures" / "StepFun library"
    AppSettings.open(app_paths).update(library_location=str(chosen))

    studio = Studio(StudioOptions(paths=app_paths))
    try:
        assert studio.library.paths.library_dir == chosen
        image_id = studio.library.ingest_result(result_for(full_request()))
        original = studio.library.original_path(image_id)
        assert original.is_file() and original.is_relative_to(chosen)
        assert (chosen / "library.sqlite3").is_file()
    finally:
        studio.close()
    # Nothing landed in the default place under the data folder.
    assert not (app_paths.data_dir / "library" / "library.sqlite3").exists()

    reopened = Studio(StudioOptions(paths=app_paths))
    try:
        record = reopened.library.get(image_id)
        assert record is not None
        assert reopened.library.request_for(image_id).prompt == full_request().prompt
    finally:
        reopened.close()


def test_without_a_location_the_library_stays_under_the_data_folder(
    app_paths: AppPaths, qapp: QApplication
) -> None:  # `qapp`: see above
    studio = Studio(StudioOptions(paths=app_paths))
    try:
        studio.library.ingest_result(result_for(full_request()))
        assert studio.paths.library_dir == app_paths.data_dir / "library"
        assert (app_paths.data_dir / "library" / "library.sqlite3").is_file()
    finally:
        studio.close()


# --- the dock's first values --------------------------------------------------------------


def _custom_defaults() -> StudioSettings:
    first = model_table().models[0].name
    other = next(spec for spec in model_table().models if spec.name != first)
    size = other.sizes[-1]
    steps = int(other.steps.minimum) + 1
    cfg = float(other.cfg_scale.minimum) + 0.5
    chosen = StudioSettings().with_changes(
        default_model=other.name,
        default_size=size,
        default_steps=steps,
        default_cfg_scale=cfg,
        default_response_format=ResponseFormat.URL.value,
    )
    assert problems_with(chosen) == {}
    return chosen


def test_a_first_start_fills_the_dock_from_the_settings_defaults(
    app_paths: AppPaths, qtbot: QtBot
) -> None:
    chosen = _custom_defaults()
    AppSettings.open(app_paths).save(chosen)
    window = _window(app_paths, qtbot)
    try:
        request = window.parameter_dock.current_request()
        assert (request.model, request.size, request.steps, request.cfg_scale) == (
            chosen.default_model,
            chosen.default_size,
            chosen.default_steps,
            chosen.default_cfg_scale,
        )
        assert request.response_format is ResponseFormat.URL
    finally:
        window.close()


def test_the_last_session_s_dock_values_win_over_the_defaults(
    app_paths: AppPaths, qtbot: QtBot
) -> None:
    first = _window(app_paths, qtbot)  # no settings: the built-in first values
    before = first.parameter_dock.current_request()
    first.parameter_dock.apply_request(before.with_changes(steps=before.steps + 1))
    first.close()
    first.studio.close()

    chosen = _custom_defaults()
    AppSettings.open(app_paths).save(chosen)
    second = _window(app_paths, qtbot)
    try:
        request = second.parameter_dock.current_request()
        assert (request.model, request.steps) == (before.model, before.steps + 1)
        assert request.model != chosen.default_model
    finally:
        second.close()
