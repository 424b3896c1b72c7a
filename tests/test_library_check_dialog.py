"""File ▸ Check library… in the real window: the check finds a problem, Rebuild repairs it off
the GUI thread with progress, edits come back from the journal, and the gallery reloads."""

from __future__ import annotations

import io
import itertools
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library.library import Library
from stepfun_studio.library.records import ImageQuery
from stepfun_studio.ui.i18n import LanguageSwitcher
from stepfun_studio.ui.library_check import CheckLibraryDialog
from stepfun_studio.ui.main_window import MainWindow
from stepfun_studio.ui.studio import Studio, StudioOptions

PICTURES = 120


def _pictures(folder: Path) -> list[Path]:
    folder.mkdir()
    paths = []
    for n in range(PICTURES):
        out = io.BytesIO()
        Image.new("RGB", (48, 32), (n, 255 - n, (n * 7) % 256)).save(out, "PNG")
        path = folder / f"p{n:03}.png"
        path.write_bytes(out.getvalue())
        paths.append(path)
    return paths


@pytest.fixture
def prepared(app_paths: AppPaths, tmp_path: Path) -> dict[str, object]:
    """A library with edits, and one picture whose file has gone (a problem to find)."""
    with Library.open(app_paths) as library:
        report = library.import_files(_pictures(tmp_path / "in"))
        ids = sorted(report.imported)
        library.set_rating(ids[:3], 5)
        library.set_favourite([ids[1]], True)
        library.add_tags([ids[0]], ["keeper"])
        library.set_note(ids[2], "print this")
        collection = library.create_collection("Portfolio")
        library.add_to_collection(ids[:2], collection)
        library.original_path(ids[-1]).unlink()
        shas = {library.original_path(i).stem: i for i in ids[:3]}
    return {"shas": shas}


@pytest.fixture
def window(app_paths: AppPaths, qtbot: QtBot) -> Iterator[MainWindow]:
    studio = Studio(StudioOptions(paths=app_paths))
    opened = MainWindow(studio, LanguageSwitcher())
    qtbot.addWidget(opened)
    opened.show()
    yield opened
    opened.close()


def _open_dialog(window: MainWindow, qtbot: QtBot) -> CheckLibraryDialog:
    window.menus.actions["checkLibrary"].trigger()
    qtbot.waitUntil(lambda: window.findChild(CheckLibraryDialog, "checkLibraryDialog") is not None)
    dialog = window.findChild(CheckLibraryDialog, "checkLibraryDialog")
    assert isinstance(dialog, CheckLibraryDialog)
    return dialog


def test_check_finds_the_problem_and_rebuild_repairs_it(
    window: MainWindow, qtbot: QtBot, prepared: dict[str, object], app_paths: AppPaths
) -> None:
    assert window.menus.actions["checkLibrary"] in window.menus.file_menu.actions()
    dialog = _open_dialog(window, qtbot)
    assert dialog.isModal() or dialog.windowModality() is not None
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    assert dialog.report is not None and dialog.report.missing_files
    assert "missing" in dialog.summary.text() and "Rebuild library" in dialog.summary.text()
    assert dialog.rebuild_button.isEnabled()
    assert "edits journal" in dialog.warning.text()  # the warning is in plain view

    # The GUI thread must keep turning while the rebuild works: a timer counts its ticks.
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    seen_progress: list[int] = []
    dialog.progress.valueChanged.connect(seen_progress.append)
    timer.start()
    started = time.perf_counter()
    with qtbot.waitSignal(dialog.rebuilt, timeout=60_000) as rebuilt:
        dialog.rebuild_button.click()
        assert not dialog.close_button.isEnabled()  # it cannot be closed mid-rebuild
    took = time.perf_counter() - started
    timer.stop()
    report = rebuilt.args[0]
    assert report.images == PICTURES - 1
    assert report.kept_at is not None and report.kept_at.exists()
    assert max(seen_progress) == PICTURES - 1
    longest = max((b - a for a, b in itertools.pairwise(ticks)), default=0.0)
    print(f"GUI ticks during rebuild: {len(ticks)}, longest gap {longest * 1000:.0f} ms")
    # A quick rebuild may end before the timer ticks twice; a slow one must not hold the thread.
    if took > 0.2:
        assert len(ticks) >= 2
    assert longest < 0.5
    assert "rebuilt from" in dialog.summary.text()
    assert dialog.close_button.isEnabled()

    # The gallery read everything again, and the edits are back.
    library = window.studio.library
    qtbot.waitUntil(lambda: window.gallery.model.rowCount() == PICTURES - 1, timeout=10_000)
    assert library.check().ok
    rated = library.query_ids(ImageQuery(min_rating=5))
    shas = prepared["shas"]
    assert isinstance(shas, dict)
    assert {library.original_path(i).stem for i in rated} == set(shas)
    assert [c.name for c in library.list_collections()] == ["Portfolio"]
    assert library.list_collections()[0].count == 2
    assert library.list_tags() == [("keeper", 1)]
    assert len(library.query_ids(ImageQuery(text="print this"))) == 1
    dialog.close()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)


def test_rebuild_is_offered_when_all_is_in_order(
    window: MainWindow, qtbot: QtBot, app_paths: AppPaths
) -> None:
    dialog = _open_dialog(window, qtbot)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    assert dialog.report is not None and dialog.report.ok
    assert "in order" in dialog.summary.text()
    assert dialog.rebuild_button.isEnabled() and dialog.rebuild_button.isVisible()
    dialog.close()
