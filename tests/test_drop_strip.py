"""The reference strip: pictures dropped, pasted or chosen, in order, up to the model's maximum."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QToolButton, QWidget
from pytestqt.qtbot import QtBot
from test_drop_support import drop, file_mime, gallery_mime, png_bytes, raw_mime, text_mime

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest, ReferenceImage
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.library import Library
from stepfun_studio.ui.background import wait_until_idle
from stepfun_studio.ui.reference_strip import ReferenceStrip

WAIT_MS = 10_000


@pytest.fixture
def strip(qtbot: QtBot) -> Iterator[ReferenceStrip]:
    widget = ReferenceStrip()
    widget.set_limit(14)
    widget.resize(320, 240)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    wait_until_idle(WAIT_MS)


def pictures(tmp_path: Path, *sizes: tuple[int, int]) -> list[Path]:
    paths = []
    for i, size in enumerate(sizes):
        path = tmp_path / f"pic{i}.png"
        path.write_bytes(png_bytes(size, (i * 50 % 256, 80, 120)))
        paths.append(path)
    return paths


def names(strip: ReferenceStrip) -> list[str]:
    return [image.name for image in strip.value()]


def count_text(strip: ReferenceStrip) -> str:
    label = strip.findChild(QLabel, "referenceCount")
    assert label is not None
    return label.text()


def button(strip: ReferenceStrip, name: str) -> QToolButton:
    found = strip.findChild(QToolButton, name)
    assert isinstance(found, QToolButton)
    return found


def test_an_empty_strip_says_what_it_takes(strip: ReferenceStrip) -> None:
    empty = strip.findChild(QLabel, "referenceEmpty")
    assert empty is not None and empty.isVisible()
    assert "14" in empty.text()
    assert count_text(strip) == "0 / 14"
    assert not button(strip, "referenceRemoveButton").isEnabled()


def test_dropped_files_land_in_the_order_dropped(
    qtbot: QtBot, strip: ReferenceStrip, tmp_path: Path
) -> None:
    # The first is the slowest to prepare; it still comes first.
    paths = pictures(tmp_path, (3000, 2000), (64, 64), (96, 128))
    drop(strip, file_mime(*paths))
    qtbot.waitUntil(lambda: len(strip.value()) == 3, timeout=WAIT_MS)
    assert names(strip) == ["pic0.png", "pic1.png", "pic2.png"]
    assert count_text(strip) == "3 / 14"
    # Prepared for an edit's limit (4096 px): the 3000 px picture is kept whole.
    assert (strip.value()[0].width, strip.value()[0].height) == (3000, 2000)


def test_no_more_than_the_limit_and_it_says_how_many_were_left_out(
    qtbot: QtBot, strip: ReferenceStrip, tmp_path: Path
) -> None:
    strip.set_limit(2)
    drop(strip, file_mime(*pictures(tmp_path, (64, 64), (70, 70), (80, 80))))
    assert "1 left out" in strip.message()
    qtbot.waitUntil(lambda: len(strip.value()) == 2, timeout=WAIT_MS)
    assert names(strip) == ["pic0.png", "pic1.png"]
    assert not button(strip, "referenceAddButton").isEnabled()


def test_buttons_move_and_remove_the_chosen_picture(
    qtbot: QtBot, strip: ReferenceStrip, tmp_path: Path
) -> None:
    drop(strip, file_mime(*pictures(tmp_path, (64, 64), (70, 70), (80, 80))))
    qtbot.waitUntil(lambda: len(strip.value()) == 3, timeout=WAIT_MS)
    strip.select(0)
    assert not button(strip, "referenceEarlierButton").isEnabled()
    with qtbot.waitSignal(strip.value_changed) as moved:
        button(strip, "referenceLaterButton").click()
    assert [image.name for image in moved.args[0]] == ["pic1.png", "pic0.png", "pic2.png"]
    assert strip.selected() == 1  # the chosen picture stays chosen where it went
    button(strip, "referenceRemoveButton").click()
    assert names(strip) == ["pic1.png", "pic2.png"]
    # Delete on the strip removes the chosen one too.
    strip.select(1)
    strip.setFocus()
    qtbot.keyClick(strip, Qt.Key.Key_Delete)
    assert names(strip) == ["pic1.png"]


def test_dragging_a_tile_reorders_the_pictures(
    qtbot: QtBot, strip: ReferenceStrip, tmp_path: Path
) -> None:
    drop(strip, file_mime(*pictures(tmp_path, (64, 64), (70, 70), (80, 80))))
    qtbot.waitUntil(lambda: len(strip.value()) == 3, timeout=WAIT_MS)
    tiles = strip.findChild(QWidget, "referenceList")
    assert tiles is not None
    # What the list view's own drop does with a dragged tile: it moves the row.
    with qtbot.waitSignal(strip.value_changed, timeout=WAIT_MS):
        tiles.model().moveRow(QModelIndex(), 2, QModelIndex(), 0)  # type: ignore[attr-defined]
    assert names(strip) == ["pic2.png", "pic0.png", "pic1.png"]


def test_paste_and_a_gallery_picture_add_to_the_strip(
    qtbot: QtBot, strip: ReferenceStrip, app_paths: AppPaths
) -> None:
    QApplication.clipboard().setMimeData(raw_mime(png_bytes((120, 80))))
    strip.setFocus()
    with qtbot.waitSignal(strip.value_changed, timeout=WAIT_MS):
        qtbot.keyClick(strip, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    with Library.open(app_paths) as library:
        request = GenerationRequest(prompt="a kite")
        image_id = library.ingest_result(
            GenerationResult(request, png_bytes((256, 256)), 1, "success", 256, 256)
        )
        strip.set_library(library)
        with qtbot.waitSignal(strip.value_changed, timeout=WAIT_MS):
            drop(strip, gallery_mime(image_id))
    assert [(r.width, r.height) for r in strip.value()] == [(120, 80), (256, 256)]


def test_the_add_button_opens_a_dialog_for_several_files(
    qtbot: QtBot, strip: ReferenceStrip, tmp_path: Path
) -> None:
    paths = pictures(tmp_path, (64, 64), (70, 70))
    button(strip, "referenceAddButton").click()
    dialog = strip.findChild(QFileDialog, "referenceFilesDialog")
    assert isinstance(dialog, QFileDialog)
    assert dialog.fileMode() is QFileDialog.FileMode.ExistingFiles
    dialog.filesSelected.emit([str(p) for p in paths])
    qtbot.waitUntil(lambda: len(strip.value()) == 2, timeout=WAIT_MS)


def test_a_broken_file_is_refused_and_the_others_still_land(
    qtbot: QtBot, strip: ReferenceStrip, tmp_path: Path
) -> None:
    good = pictures(tmp_path, (64, 64))[0]
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    with qtbot.waitSignal(strip.error, timeout=WAIT_MS):
        drop(strip, file_mime(broken, good))
    qtbot.waitUntil(lambda: names(strip) == ["pic0.png"], timeout=WAIT_MS)
    assert "broken.png" in strip.message()


def test_text_is_not_taken(strip: ReferenceStrip) -> None:
    event = drop(strip, text_mime("hello"))
    assert not event.isAccepted()
    assert strip.value() == ()


def test_a_new_value_forgets_pictures_still_loading(
    qtbot: QtBot, strip: ReferenceStrip, tmp_path: Path
) -> None:
    drop(strip, file_mime(*pictures(tmp_path, (2000, 2000))))
    assert strip.is_busy()
    kept = ReferenceImage(png_bytes((32, 32)), "image/png", 32, 32, name="kept.png")
    strip.set_value((kept,))
    wait_until_idle(WAIT_MS)
    qtbot.wait(50)  # the loader's queued answer
    assert names(strip) == ["kept.png"]
