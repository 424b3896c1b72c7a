"""Drops and pastes on the window: the overlay's choices follow the model, and each one works."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot
from test_drop_support import (
    drag_enter,
    drop,
    file_mime,
    gallery_mime,
    png_bytes,
    raw_mime,
    text_mime,
)

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest, Mode, ReferenceImage
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.library import Library
from stepfun_studio.ui.background import wait_until_idle
from stepfun_studio.ui.drop_overlay import DropChoice
from stepfun_studio.ui.parameter_dock import ParameterDock
from stepfun_studio.ui.reference_slot import ReferenceSlot
from stepfun_studio.ui.reference_strip import ReferenceStrip
from stepfun_studio.ui.window_drops import WindowDrops, install_window_drops

WAIT_MS = 10_000


class Window(QMainWindow):
    """A main window as small as the drops need: a central area with a text field, the dock."""

    def __init__(self, library: Library) -> None:
        super().__init__()
        central = QWidget(self)
        central.setObjectName("centralArea")
        layout = QVBoxLayout(central)
        self.text = QPlainTextEdit(central)
        self.text.setObjectName("promptText")
        self.plain = QPushButton("gallery stand-in", central)
        self.plain.setObjectName("plainButton")
        layout.addWidget(self.text)
        layout.addWidget(self.plain)
        self.setCentralWidget(central)
        self.dock = ParameterDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.reused: list[GenerationRequest] = []
        self.drops: WindowDrops = install_window_drops(self, self.dock, library, self.reused.append)
        self.resize(1100, 800)


@pytest.fixture
def library(app_paths: AppPaths) -> Iterator[Library]:
    with Library.open(app_paths) as opened:
        yield opened


@pytest.fixture
def window(qtbot: QtBot, library: Library) -> Iterator[Window]:
    shown = Window(library)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    QThreadPoolWait.wait()


class QThreadPoolWait:
    @staticmethod
    def wait() -> None:
        wait_until_idle(WAIT_MS)


def slot(window: Window, name: str) -> ReferenceSlot:
    found = window.dock.findChild(ReferenceSlot, name)
    assert isinstance(found, ReferenceSlot)
    return found


def strip(window: Window) -> ReferenceStrip:
    found = window.dock.findChild(ReferenceStrip, "referenceStrip")
    assert isinstance(found, ReferenceStrip)
    return found


def choose_model(window: Window, name: str) -> None:
    combo = window.dock.findChild(QComboBox, "modelCombo")
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(name))


def offered(window: Window) -> set[DropChoice]:
    return set(window.drops.overlay.offered())


def click(qtbot: QtBot, window: Window, choice: DropChoice) -> None:
    button = window.drops.overlay.button(choice)
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def tagged_png(text: dict[str, str]) -> bytes:
    info = PngImagePlugin.PngInfo()
    for key, value in text.items():
        info.add_text(key, value)
    out = io.BytesIO()
    Image.new("RGB", (256, 256), (20, 120, 220)).save(out, "PNG", pnginfo=info)
    return out.getvalue()


def test_a_drop_on_the_window_offers_what_step_1x_medium_can_do(
    qtbot: QtBot, window: Window, tmp_path: Path
) -> None:
    path = tmp_path / "plain.png"
    path.write_bytes(png_bytes())
    choose_model(window, "step-1x-medium")
    move = drag_enter(window, file_mime(path))
    assert move.isAccepted()
    drop(window, file_mime(path))
    assert window.drops.overlay.isVisible()
    assert window.drops.overlay.objectName() == "dropOverlay"
    assert offered(window) == {DropChoice.REDRAW, DropChoice.STYLE}
    assert "plain.png" in window.drops.overlay.findChild(QWidget, "dropOverlayTitle").text()  # type: ignore[union-attr]


def test_text_is_not_taken_by_the_window(window: Window) -> None:
    move = drag_enter(window, text_mime("hello"))
    assert not move.isAccepted()
    drop(window, text_mime("hello"))
    assert not window.drops.overlay.isVisible()


def test_step_2x_large_offers_no_style_reference_and_says_why(
    window: Window, tmp_path: Path
) -> None:
    path = tmp_path / "plain.png"
    path.write_bytes(png_bytes())
    choose_model(window, "step-2x-large")
    drop(window, file_mime(path))
    assert offered(window) == {DropChoice.REDRAW}
    missing = window.drops.overlay.missing()
    assert missing[DropChoice.STYLE] == "This model takes no style reference."
    label = window.drops.overlay.findChild(QLabel, "dropOverlayMissing")
    assert label is not None and label.isVisible()
    assert "no style reference" in label.text()


def test_with_a_source_set_its_style_is_not_offered(window: Window, tmp_path: Path) -> None:
    """Issue 15 item 3: the style choice led to a disabled Generate while a source was set."""
    path = tmp_path / "plain.png"
    path.write_bytes(png_bytes())
    choose_model(window, "step-1x-medium")
    window.dock.set_source_image(
        ReferenceImage(png_bytes((64, 64)), "image/png", 64, 64, name="s.png")
    )
    drop(window, file_mime(path))
    assert offered(window) == {DropChoice.REDRAW}
    assert "remove the source" in window.drops.overlay.missing()[DropChoice.STYLE]


def test_seedream_takes_a_dropped_picture_as_a_reference(
    qtbot: QtBot, window: Window, tmp_path: Path
) -> None:
    path = tmp_path / "dress.png"
    path.write_bytes(png_bytes((300, 400)))
    choose_model(window, "doubao-seedream-4-0-250828")
    drop(window, file_mime(path))
    assert offered(window) == {DropChoice.EDIT, DropChoice.REFERENCE}
    assert DropChoice.STYLE in window.drops.overlay.missing()
    with qtbot.waitSignal(strip(window).value_changed, timeout=WAIT_MS):
        click(qtbot, window, DropChoice.REFERENCE)
    request = window.dock.current_request()
    assert [r.name for r in request.references] == ["dress.png"]
    assert request.mode is Mode.EDIT and request.source is None


def test_several_pictures_become_references_in_the_order_dropped(
    qtbot: QtBot, window: Window, tmp_path: Path
) -> None:
    paths = []
    # Big first: it takes longest to prepare, yet stays first.
    for i, size in enumerate(((2400, 1800), (64, 64), (128, 96))):
        path = tmp_path / f"ref{i}.png"
        path.write_bytes(png_bytes(size, (i * 60, 20, 20)))
        paths.append(path)
    choose_model(window, "doubao-seedream-4-0-250828")
    drop(window, file_mime(*paths))
    assert offered(window) == {DropChoice.REFERENCE, DropChoice.IMPORT}
    click(qtbot, window, DropChoice.REFERENCE)
    qtbot.waitUntil(lambda: len(window.dock.current_request().references) == 3, timeout=WAIT_MS)
    names = [r.name for r in window.dock.current_request().references]
    assert names == ["ref0.png", "ref1.png", "ref2.png"]


def test_a_full_strip_offers_no_more_references(window: Window, tmp_path: Path) -> None:
    path = tmp_path / "one-more.png"
    path.write_bytes(png_bytes())
    choose_model(window, "Qwen/Qwen-Image-Edit-2509")  # takes two references
    window.dock.request_model.references = tuple(
        ReferenceImage(png_bytes((32, 32), (i, i, i)), "image/png", 32, 32, name=f"{i}.png")
        for i in range(2)
    )
    drop(window, file_mime(path))
    assert DropChoice.REFERENCE not in offered(window)
    assert window.drops.overlay.missing()[DropChoice.REFERENCE] == (
        "The reference pictures are full (2 / 2)."
    )


def test_redraw_from_this_fills_the_source_slot(
    qtbot: QtBot, window: Window, tmp_path: Path
) -> None:
    path = tmp_path / "source.png"
    path.write_bytes(png_bytes((400, 300)))
    choose_model(window, "step-1x-medium")
    drop(window, file_mime(path))
    with qtbot.waitSignal(slot(window, "sourceSlot").image_changed, timeout=WAIT_MS):
        click(qtbot, window, DropChoice.REDRAW)
    assert not window.drops.overlay.isVisible()
    assert window.dock.current_request().mode is Mode.REDRAW
    assert window.dock.current_request().source.name == "source.png"  # type: ignore[union-attr]


def test_use_its_style_fills_the_style_slot(qtbot: QtBot, window: Window) -> None:
    choose_model(window, "step-1x-medium")
    drop(window, raw_mime(png_bytes((300, 300), (250, 200, 0))))
    with qtbot.waitSignal(slot(window, "styleSlot").image_changed, timeout=WAIT_MS):
        click(qtbot, window, DropChoice.STYLE)
    request = window.dock.current_request()
    assert request.style is not None and request.mode is Mode.TEXT_TO_IMAGE


def test_edit_this_image_fills_the_picture_to_edit(
    qtbot: QtBot, window: Window, tmp_path: Path
) -> None:
    path = tmp_path / "big.png"
    Image.new("RGB", (3000, 2000), (1, 2, 3)).save(path)
    choose_model(window, "step-image-edit-2")
    drop(window, file_mime(path))
    with qtbot.waitSignal(slot(window, "sourceSlot").image_changed, timeout=WAIT_MS) as blocker:
        click(qtbot, window, DropChoice.EDIT)
    request = window.dock.current_request()
    assert request.model == "step-image-edit-2"
    assert request.mode is Mode.EDIT
    # Prepared for an edit (4096 limit), not for a redraw (2048): kept at full size.
    assert (blocker.args[0].width, blocker.args[0].height) == (3000, 2000)


def test_a_png_with_our_metadata_offers_to_restore_its_parameters(
    qtbot: QtBot, window: Window, library: Library
) -> None:
    request = GenerationRequest(prompt="a lighthouse at dawn", size="768x768", steps=33, seed=99)
    image_id = library.ingest_result(
        GenerationResult(request, png_bytes((768, 768)), 99, "success", 768, 768)
    )
    path = library.original_path(image_id)
    drop(window, file_mime(path))
    qtbot.waitUntil(lambda: DropChoice.RESTORE in offered(window), timeout=WAIT_MS)
    click(qtbot, window, DropChoice.RESTORE)
    assert [(r.prompt, r.steps, r.size) for r in window.reused] == [
        ("a lighthouse at dawn", 33, "768x768")
    ]


def test_a1111_parameters_are_restored_too(qtbot: QtBot, window: Window, tmp_path: Path) -> None:
    text = (
        "a cat in a hat\nNegative prompt: blurry\n"
        "Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 1234, Size: 512x512"
    )
    path = tmp_path / "a1111.png"
    path.write_bytes(tagged_png({"parameters": text}))
    drop(window, file_mime(path))
    qtbot.waitUntil(lambda: DropChoice.RESTORE in offered(window), timeout=WAIT_MS)
    click(qtbot, window, DropChoice.RESTORE)
    assert window.reused[0].prompt == "a cat in a hat"
    assert window.reused[0].seed == 1234


def test_a_plain_png_offers_no_restore(qtbot: QtBot, window: Window, tmp_path: Path) -> None:
    path = tmp_path / "plain.png"
    path.write_bytes(png_bytes())
    drop(window, file_mime(path))
    QThreadPoolWait.wait()
    qtbot.wait(50)  # the probe's queued answer
    assert DropChoice.RESTORE not in offered(window)


def test_a_gallery_image_dropped_on_the_window_can_restore_its_request(
    qtbot: QtBot, window: Window, library: Library
) -> None:
    request = GenerationRequest(prompt="moss on stone", size="512x512")
    image_id = library.ingest_result(
        GenerationResult(request, png_bytes((512, 512)), 5, "success", 512, 512)
    )
    drop(window, gallery_mime(image_id))
    qtbot.waitUntil(lambda: DropChoice.RESTORE in offered(window), timeout=WAIT_MS)
    click(qtbot, window, DropChoice.RESTORE)
    assert window.reused[0].prompt == "moss on stone"


def test_several_files_are_offered_for_import(
    qtbot: QtBot, window: Window, library: Library, tmp_path: Path
) -> None:
    paths = []
    for i in range(3):
        path = tmp_path / f"shot{i}.png"
        path.write_bytes(png_bytes((128, 128), (i * 40, 10, 10)))
        paths.append(path)
    choose_model(window, "step-2x-large")  # takes no references: import is all there is
    drop(window, file_mime(*paths))
    assert offered(window) == {DropChoice.IMPORT}
    with qtbot.waitSignal(window.drops.imported, timeout=WAIT_MS) as blocker:
        click(qtbot, window, DropChoice.IMPORT)
    assert len(blocker.args[0].imported) == 3
    assert all(library.original_path(i).exists() for i in blocker.args[0].imported)


def test_escape_cancels_and_nothing_changes(qtbot: QtBot, window: Window, tmp_path: Path) -> None:
    path = tmp_path / "plain.png"
    path.write_bytes(png_bytes())
    drop(window, file_mime(path))
    qtbot.keyClick(window.drops.overlay, Qt.Key.Key_Escape)
    assert not window.drops.overlay.isVisible()
    assert slot(window, "sourceSlot").image() is None


def test_ctrl_v_in_the_window_opens_the_choices(qtbot: QtBot, window: Window) -> None:
    QApplication.clipboard().setMimeData(raw_mime(png_bytes((200, 200))))
    window.plain.setFocus()
    qtbot.keyClick(window.plain, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.drops.overlay.isVisible()
    assert DropChoice.EDIT in offered(window)


def test_ctrl_v_in_a_focused_slot_fills_it_without_the_overlay(
    qtbot: QtBot, window: Window
) -> None:
    QApplication.clipboard().setMimeData(raw_mime(png_bytes((200, 160))))
    source = slot(window, "sourceSlot")
    source.setFocus()
    with qtbot.waitSignal(source.image_changed, timeout=WAIT_MS) as blocker:
        qtbot.keyClick(source, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert (blocker.args[0].width, blocker.args[0].height) == (200, 160)
    assert not window.drops.overlay.isVisible()


def test_ctrl_v_in_a_text_field_pastes_text(qtbot: QtBot, window: Window) -> None:
    QApplication.clipboard().setText("a prompt from elsewhere")
    window.text.setFocus()
    qtbot.keyClick(window.text, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.text.toPlainText() == "a prompt from elsewhere"
    assert not window.drops.overlay.isVisible()


def test_the_real_main_window_takes_drops_on_its_gallery(
    qtbot: QtBot, app_paths: AppPaths, tmp_path: Path
) -> None:
    from stepfun_studio.ui.i18n import LanguageSwitcher
    from stepfun_studio.ui.main_window import MainWindow
    from stepfun_studio.ui.studio import Studio, StudioOptions

    studio = Studio(StudioOptions(paths=app_paths))
    main = MainWindow(studio, LanguageSwitcher())
    qtbot.addWidget(main)
    main.show()
    # The parameter dock makes its fields (the slots) after the window's first paint.
    qtbot.waitUntil(main.parameter_dock.form_built)
    try:
        path = tmp_path / "from-finder.png"
        path.write_bytes(png_bytes((500, 400)))
        gallery = main.findChild(QWidget, "galleryView")
        assert gallery is not None
        # The gallery takes no drops itself, so the drop travels up to the window.
        assert not gallery.acceptDrops()
        drop(main, file_mime(path))
        overlay = main.findChild(QWidget, "dropOverlay")
        assert overlay is not None and overlay.isVisible()
        source = main.findChild(ReferenceSlot, "sourceSlot")
        assert isinstance(source, ReferenceSlot)
        with qtbot.waitSignal(source.image_changed, timeout=WAIT_MS):
            click_button = main.findChild(QPushButton, "dropRedrawButton")
            assert isinstance(click_button, QPushButton)
            qtbot.mouseClick(click_button, Qt.MouseButton.LeftButton)
        assert main.current_request().mode is Mode.REDRAW
    finally:
        QThreadPoolWait.wait()
        main.shutdown()


def test_a_picture_dropped_on_a_text_field_opens_the_choices(
    window: Window, tmp_path: Path
) -> None:
    path = tmp_path / "onto-text.png"
    path.write_bytes(png_bytes())
    viewport = window.text.viewport()
    move = drag_enter(viewport, file_mime(path))
    assert move.isAccepted()
    drop(viewport, file_mime(path))
    assert window.drops.overlay.isVisible()
    assert window.text.toPlainText() == ""  # not the file's path as text


def test_text_dropped_on_a_text_field_stays_text(window: Window) -> None:
    viewport = window.text.viewport()
    drop(viewport, text_mime("dropped words"))
    assert not window.drops.overlay.isVisible()
    assert "dropped words" in window.text.toPlainText()
