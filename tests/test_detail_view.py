"""The detail view over a real library with real ingested images; every action checked."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage
from PySide6.QtWidgets import QTextBrowser, QWidget
from pytestqt.qtbot import QtBot

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest, Mode, ReferenceImage
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.library.library import Library
from stepfun_studio.ui.detail_view import DetailView


def _png_bytes(width: int, height: int, color: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def library(app_paths: AppPaths) -> Iterator[Library]:
    lib = Library.open(app_paths)
    yield lib
    lib.close()


def _ingest_redraw(library: Library) -> tuple[int, GenerationRequest]:
    source_bytes = _png_bytes(64, 40, (20, 140, 220))
    request = GenerationRequest(
        prompt="a lighthouse on a rock, <b>stormy</b> sea",
        model="step-1x-medium",
        mode=Mode.REDRAW,
        size="1280x800",
        steps=60,
        cfg_scale=6.5,
        seed=0,
        source=ReferenceImage(source_bytes, "image/png", 64, 40, name="rock.png"),
        source_weight=0.4,
    )
    result = GenerationResult(
        request=request,
        image_bytes=_png_bytes(128, 80, (230, 120, 30)),
        seed=1764275706,
        finish_reason="success",
        width=128,
        height=80,
        trace_id="trace-5c1e-77ab",
        elapsed_s=3.25,
    )
    return library.ingest_result(result), request


def _view(qtbot: QtBot, library: Library) -> DetailView:
    view = DetailView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.set_library(library)
    view.show()
    return view


def _show(qtbot: QtBot, view: DetailView, image_id: int) -> None:
    """Shows an image and waits until the thread pool has decoded the full picture."""
    with qtbot.waitSignal(view.image_loaded, timeout=10_000) as loaded:
        view.show_image(image_id)
    assert loaded.args == [image_id]


def _info(view: DetailView) -> str:
    info = view.findChild(QTextBrowser, "detailInfo")
    assert info is not None
    return info.toPlainText()


def test_shows_every_parameter_of_an_ingested_image(qtbot: QtBot, library: Library) -> None:
    image_id, _request = _ingest_redraw(library)
    view = _view(qtbot, library)
    assert view.objectName() == "detailView"
    assert not view.action("copyPromptAction").isEnabled()
    _show(qtbot, view, image_id)
    text = _info(view)
    for expected in (
        "a lighthouse on a rock, <b>stormy</b> sea",  # shown as text, not taken as markup
        "step-1x-medium",
        "Redraw",
        "128 × 80",
        "60",
        "6.5",
        "1764275706",
        "0.4",
        "3.2 s",
        "trace-5c1e-77ab",
    ):
        assert expected in text, expected
    assert view.result_view().has_image()
    source_view = view.findChild(QWidget, "detailSourceView")
    assert source_view is not None and source_view.isVisible()
    assert view.action("copyPromptAction").isEnabled()


def test_text_to_image_has_no_source_panel(qtbot: QtBot, library: Library) -> None:
    request = GenerationRequest(prompt="plain", model="step-2x-large", seed=99)
    result = GenerationResult(request, _png_bytes(32, 32, (0, 0, 0)), 99, "success", 32, 32)
    image_id = library.ingest_result(result)
    view = _view(qtbot, library)
    _show(qtbot, view, image_id)
    source_view = view.findChild(QWidget, "detailSourceView")
    assert source_view is not None and not source_view.isVisible()
    assert "Text to image" in _info(view)


def test_reuse_actions_emit_the_request_the_seed_and_the_image(
    qtbot: QtBot, library: Library
) -> None:
    image_id, request = _ingest_redraw(library)
    view = _view(qtbot, library)
    _show(qtbot, view, image_id)

    with qtbot.waitSignal(view.reuse_parameters_requested) as reuse:
        view.action("reuseParametersAction").trigger()
    reused = reuse.args[0]
    assert isinstance(reused, GenerationRequest)
    assert (reused.prompt, reused.steps, reused.cfg_scale, reused.source_weight) == (
        request.prompt,
        60,
        6.5,
        0.4,
    )
    assert reused.source is not None and reused.source.data == request.source.data  # type: ignore[union-attr]

    with qtbot.waitSignal(view.reuse_seed_requested) as seed:
        view.action("reuseSeedAction").trigger()
    assert seed.args == [1764275706]

    for action, signal in (
        ("useAsSourceAction", view.use_as_source_requested),
        ("useAsStyleAction", view.use_as_style_requested),
    ):
        # The id only: the window reads and prepares it off the GUI thread (test_one_road.py).
        with qtbot.waitSignal(signal) as used:
            view.action(action).trigger()
        assert used.args == [image_id]


def test_copy_save_show_and_trash(qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    image_id, request = _ingest_redraw(library)
    view = _view(qtbot, library)
    _show(qtbot, view, image_id)
    clipboard = QGuiApplication.clipboard()

    view.action("copyPromptAction").trigger()
    assert clipboard.text() == request.prompt

    view.action("copyImageAction").trigger()
    mime = clipboard.mimeData()
    assert mime.hasImage()
    copied = QImage(mime.imageData())
    assert (copied.width(), copied.height()) == (128, 80)
    assert copied.pixelColor(5, 5).red() == 230  # the picture's own colour, not a preview
    assert [url.toLocalFile() for url in mime.urls()] == [str(library.original_path(image_id))]

    target = tmp_path / "saved.png"
    with qtbot.waitSignal(view.saved, timeout=10_000):
        assert view.save_as(target) == target
    assert target.read_bytes() == library.original_path(image_id).read_bytes()

    class FolderOpener(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.opened: list[str] = []

        @Slot(QUrl)
        def open(self, url: QUrl) -> None:
            self.opened.append(url.toLocalFile())

    opener = FolderOpener()
    # Qt's own hook for file URLs: the view really calls QDesktopServices, nothing is launched.
    QDesktopServices.setUrlHandler("file", opener, "open")
    try:
        view.action("showInFolderAction").trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert opener.opened == [str(library.original_path(image_id).parent)]

    with qtbot.waitSignal(view.moved_to_trash) as trashed:
        view.action("moveToTrashAction").trigger()
    assert trashed.args == [[image_id]]
    record = library.get(image_id)
    assert record is not None and record.trashed_at is not None
    assert view.image_id() is None
    assert not view.action("moveToTrashAction").isEnabled()


def test_zoom_fit_and_actual_size(qtbot: QtBot, library: Library) -> None:
    image_id, _ = _ingest_redraw(library)
    view = _view(qtbot, library)
    _show(qtbot, view, image_id)
    result = view.result_view()
    assert result.is_fitting()
    view.action("zoomActualAction").trigger()
    assert result.zoom() == 1.0
    result.zoom_in()
    assert result.zoom() > 1.0
    assert not result.is_fitting()
    view.action("zoomFitAction").trigger()
    assert result.is_fitting()
    assert result.zoom() <= 1.0


def test_a_missing_image_id_shows_nothing(qtbot: QtBot, library: Library) -> None:
    view = _view(qtbot, library)
    view.show_image(12345)
    assert view.image_id() is None
    assert not view.result_view().has_image()


def test_source_follows_the_result_zoom(qtbot: QtBot, library: Library) -> None:
    from stepfun_studio.ui.zoomable_image_view import ZoomableImageView

    image_id, _ = _ingest_redraw(library)
    view = _view(qtbot, library)
    _show(qtbot, view, image_id)
    source = view.findChild(ZoomableImageView, "detailSourceView")
    assert source is not None
    result = view.result_view()
    result.zoom_in()
    result.zoom_in()
    assert not source.is_fitting()
    expected = source.fit_scale() * result.zoom() / result.fit_scale()
    assert abs(source.zoom() - expected) < 1e-6
    view.action("zoomFitAction").trigger()
    assert source.is_fitting()


def test_narrow_view_puts_the_facts_under_the_picture(qtbot: QtBot, library: Library) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QSplitter

    view = _view(qtbot, library)
    splitter = view.findChild(QSplitter, "detailSplitter")
    assert splitter is not None
    view.resize(1000, 500)
    qtbot.waitUntil(lambda: splitter.orientation() == Qt.Orientation.Horizontal)
    view.resize(380, 800)
    qtbot.waitUntil(lambda: splitter.orientation() == Qt.Orientation.Vertical)


def test_double_click_swaps_fit_and_actual_size(qtbot: QtBot, library: Library) -> None:
    from PySide6.QtCore import QPoint, Qt

    image_id, _ = _ingest_redraw(library)
    view = _view(qtbot, library)
    _show(qtbot, view, image_id)
    result = view.result_view()
    centre = result.viewport().rect().center()
    qtbot.mouseDClick(result.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(centre))
    assert not result.is_fitting() and result.zoom() == 1.0
    qtbot.mouseDClick(result.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(centre))
    assert result.is_fitting()


def test_only_the_last_chosen_image_is_loaded(qtbot: QtBot, library: Library) -> None:
    first, _ = _ingest_redraw(library)
    request = GenerationRequest(prompt="second", model="step-2x-large")
    second = library.ingest_result(
        GenerationResult(request, _png_bytes(96, 96, (9, 200, 9)), 42, "success", 96, 96)
    )
    view = _view(qtbot, library)
    loaded: list[int] = []
    view.image_loaded.connect(loaded.append)
    view.show_image(first)
    view.show_image(second)  # before the first one's pixels arrive
    qtbot.waitUntil(lambda: loaded == [second], timeout=10_000)
    qtbot.wait(200)
    assert loaded == [second]
    pixmap = view.result_view().pixmap()
    assert (pixmap.width(), pixmap.height()) == (96, 96)
    assert pixmap.toImage().pixelColor(10, 10).green() == 200


def _info_rows(view: DetailView) -> dict[str, str]:
    """The fact table as label -> value: in plain text each cell is a line of its own."""
    lines = [line.strip() for line in _info(view).splitlines() if line.strip()]
    return dict(itertools.pairwise(lines))


def test_provider_and_cost_shown_with_the_model(qtbot: QtBot, library: Library) -> None:
    reference = ReferenceImage(_png_bytes(16, 16, (9, 9, 9)), "image/png", 16, 16, "瓶子.png")
    request = GenerationRequest(
        prompt="a poster",
        provider="openai",
        model="gpt-image-1",
        size="1024x1536",
        references=(reference,),
        options=(("quality", "high"), ("background", "opaque")),
    )
    result = GenerationResult(request, _png_bytes(24, 36, (1, 2, 3)), 0, "success", 24, 36)
    openai_id = library.ingest_result(result)
    stepfun_id, _request = _ingest_redraw(library)
    view = _view(qtbot, library)
    _show(qtbot, view, openai_id)
    rows = _info_rows(view)
    assert rows["Provider"] == "OpenAI" and rows["Model"] == "gpt-image-1"
    assert rows["Cost"] == "$0.167"  # the table's price for quality high
    assert rows["Options"] == "quality high · background opaque"
    assert rows["References"] == "1: 瓶子.png"
    # gpt-image takes no steps, CFG or seed: they are not listed as if they meant something.
    assert not {"Steps", "CFG scale", "Seed asked"} & set(rows)
    _show(qtbot, view, stepfun_id)
    rows = _info_rows(view)
    assert rows["Provider"] == "StepFun" and rows["Steps"] == "60"
    assert rows["Cost"] == "unknown"  # step-1x-medium has no price in the table
