"""The wipe between a result and its source keeps the source's own shape."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library import Library
from stepfun_studio.library.samples import fill_library
from stepfun_studio.ui.gallery.compare import CompareDialog


def _filled(width: int, height: int, color: str) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    return image


def test_a_wide_source_is_letterboxed_not_stretched(qtbot: QtBot) -> None:
    dialog = CompareDialog()
    qtbot.addWidget(dialog)
    dialog.show_wipe(_filled(256, 256, "#00c000"), _filled(300, 150, "#ff0000"), "")
    assert dialog.wipe_slider is not None
    dialog.wipe_slider.setValue(1000)  # the whole frame shows the source
    pane = dialog.panes[0]
    pane.resize(400, 400)
    shot = pane.grab().toImage()
    frame = pane.image_rect()
    centre_x = int(frame.center().x())
    # A 2:1 source in a square frame fills only the middle half of its height.
    near_top = shot.pixelColor(centre_x, int(frame.top() + frame.height() * 0.1))
    middle = shot.pixelColor(centre_x, int(frame.center().y()))
    assert middle.red() > 200 and middle.green() < 60
    assert near_top.red() < 60, "the source was stretched over the whole frame"
    assert near_top.green() < 60, "the result shows through where the source is letterboxed"


def test_no_source_or_no_image_is_said_in_words_and_the_dialog_closes(
    qtbot: QtBot, app_paths: AppPaths
) -> None:
    library = Library.open(app_paths)
    try:
        ids = fill_library(library, 5, max_side=64)  # the fifth is a redraw of a source image
        for load, said in (
            (lambda d: d.load_wipe(library, ids[0], ""), "not made from a source image"),
            (lambda d: d.load_side_by_side(library, [ids[1], -7], ["", ""]), "no image -7"),
        ):
            dialog = CompareDialog()
            qtbot.addWidget(dialog)
            dialog.show()
            with qtbot.waitSignal(dialog.problem) as problem:
                load(dialog)
            assert said in problem.args[0]
            qtbot.waitUntil(lambda: not dialog.isVisible())  # noqa: B023 - waited on at once
            assert not dialog.panes
        dialog = CompareDialog()
        qtbot.addWidget(dialog)
        dialog.load_wipe(library, ids[4], "")
        qtbot.waitUntil(lambda: dialog.wipe_slider is not None)
        assert not dialog.panes[0].image.isNull() and dialog.panes[0].under is not None
    finally:
        library.close()
