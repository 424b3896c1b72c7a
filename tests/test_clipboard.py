"""Copy image and drag out: the real file, its exact bytes and its pixels; paste reads them back."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
from pathlib import Path

from PIL import Image, PngImagePlugin
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication, QImage
from pytestqt.qtbot import QtBot
from test_drop_support import drop, jpeg_bytes, png_bytes

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.ui.clipboard import clipboard_payload, copy_image_to_clipboard
from stepfun_studio.ui.drag_out import IMAGE_IDS_MIME, image_drag_mime
from stepfun_studio.ui.image_drop import PayloadKind, decode_ids, read_payload
from stepfun_studio.ui.reference_slot import ReferenceSlot


def png_with_metadata(path: Path) -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("parameters", "a boat\nSteps: 20, Seed: 3, Size: 256x256")
    out = io.BytesIO()
    Image.new("RGB", (256, 256), (0, 90, 180)).save(out, "PNG", pnginfo=info)
    path.write_bytes(out.getvalue())
    return out.getvalue()


def read_in_background(qtbot: QtBot, mime: QMimeData) -> None:
    """Waits for the bytes and pixels a drag out reads off the GUI thread."""
    qtbot.waitUntil(lambda: mime.imageData() is not None, timeout=10_000)


def test_drag_out_carries_the_file_its_bytes_and_its_pixels(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "result.png"
    data = png_with_metadata(path)
    mime = image_drag_mime([path], ids=[12])
    assert [url.toLocalFile() for url in mime.urls()] == [str(path.resolve())]
    # Announced at once, so a target sees them from the drag's start; read in the background.
    assert mime.hasImage() and mime.hasFormat("image/png")
    read_in_background(qtbot, mime)
    assert bytes(mime.data("image/png").data()) == data  # metadata intact, not re-encoded
    pixels = mime.imageData()
    assert isinstance(pixels, QImage) and (pixels.width(), pixels.height()) == (256, 256)
    assert decode_ids(mime) == [12]
    assert mime.hasFormat(IMAGE_IDS_MIME)


def test_drag_out_of_several_files_lists_them_all(qtbot: QtBot, tmp_path: Path) -> None:
    paths = []
    for i in range(3):
        path = tmp_path / f"p{i}.jpg"
        path.write_bytes(jpeg_bytes((100, 100)))
        paths.append(path)
    mime = image_drag_mime(paths)
    assert len(mime.urls()) == 3
    read_in_background(qtbot, mime)
    assert bytes(mime.data("image/jpeg").data()) == paths[0].read_bytes()


# (thread, path) of every file opened while `watching` is set: an audit hook (it cannot be
# removed, so it does nothing unless a test sets the flag).
_opened: list[tuple[int, str]] = []
_watching = threading.Event()


def _note_open(event: str, args: tuple[object, ...]) -> None:
    if event == "open" and _watching.is_set() and isinstance(args[0], str | Path):
        _opened.append((threading.get_ident(), str(args[0])))


sys.addaudithook(_note_open)


def test_drag_out_reads_the_picture_off_the_gui_thread(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    data = png_with_metadata(path)
    _opened.clear()
    _watching.set()
    try:
        mime = image_drag_mime([path], ids=[3])
        read_in_background(qtbot, mime)
        assert bytes(mime.data("image/png").data()) == data
    finally:
        _watching.clear()
    readers = {thread for thread, name in _opened if name == str(path)}
    assert readers, "the picture was never read"
    assert threading.get_ident() not in readers  # the GUI thread never waited on the disk


def test_drag_out_of_a_missing_file_carries_no_url(qtbot: QtBot, tmp_path: Path) -> None:
    mime = image_drag_mime([tmp_path / "gone.png"])
    assert not mime.hasUrls()
    assert not mime.hasImage()


def test_copy_image_puts_file_and_pixels_on_the_clipboard(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "copy.png"
    data = png_with_metadata(path)
    assert copy_image_to_clipboard(path)
    mime = QGuiApplication.clipboard().mimeData()
    assert mime is not None
    assert [url.toLocalFile() for url in mime.urls()] == [str(path.resolve())]
    assert mime.hasImage()
    read_in_background(qtbot, mime)
    assert bytes(mime.data("image/png").data()) == data


def test_copy_of_a_missing_file_is_refused(qtbot: QtBot, tmp_path: Path) -> None:
    assert not copy_image_to_clipboard(tmp_path / "nope.png")


def test_what_was_copied_pastes_back_as_the_file(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "again.png"
    png_with_metadata(path)
    copy_image_to_clipboard(path)
    payload = clipboard_payload()
    assert payload is not None
    assert payload.kind is PayloadKind.FILES
    assert payload.paths == (path.resolve(),)


def test_a_drag_out_dropped_on_a_slot_lands_as_the_same_file(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "round.png"
    path.write_bytes(png_bytes((300, 200)))
    slot = ReferenceSlot("source")
    qtbot.addWidget(slot)
    slot.show()
    with qtbot.waitSignal(slot.image_changed, timeout=10_000) as blocker:
        drop(slot, image_drag_mime([path]))
    assert blocker.args[0].data == path.read_bytes()


def test_a_gallery_drag_is_read_as_ids_first(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "g.png"
    path.write_bytes(png_bytes())
    payload = read_payload(image_drag_mime([path], ids=[4, 5]))
    assert payload is not None
    assert payload.kind is PayloadKind.GALLERY
    assert payload.ids == (4, 5)


def test_malformed_gallery_ids_fall_back_to_the_files(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "g.png"
    path.write_bytes(png_bytes())
    mime = image_drag_mime([path])
    mime.setData(IMAGE_IDS_MIME, b"{not json")
    payload = read_payload(mime)
    assert payload is not None and payload.kind is PayloadKind.FILES


def test_the_detail_view_drags_out_the_original_file(
    qtbot: QtBot, tmp_path: Path, app_paths: AppPaths
) -> None:
    from stepfun_studio.core.request import GenerationRequest
    from stepfun_studio.core.result import GenerationResult
    from stepfun_studio.library import Library
    from stepfun_studio.ui.detail_view import DetailView

    with Library.open(app_paths) as library:
        image_id = library.ingest_result(
            GenerationResult(
                GenerationRequest(prompt="a kite", size="256x256"),
                png_bytes((256, 256)),
                3,
                "success",
                256,
                256,
            )
        )
        view = DetailView()
        qtbot.addWidget(view)
        view.resize(900, 600)
        view.set_library(library)
        view.show()
        with qtbot.waitSignal(view.image_loaded, timeout=10_000):
            view.show_image(image_id)
        result = view.result_view()
        assert result.can_drag_out()  # fitted: nothing to pan, so a drag takes the file out
        mime = result.drag_out_mime()
        assert mime is not None
        original = library.original_path(image_id)
        assert [url.toLocalFile() for url in mime.urls()] == [str(original.resolve())]
        read_in_background(qtbot, mime)
        assert bytes(mime.data("image/png").data()) == original.read_bytes()
        assert decode_ids(mime) == [image_id]
        result.set_zoom(8.0)  # zoomed in: a drag pans instead
        assert not result.can_drag_out()
        view.show_image(None)
        assert result.drag_out_mime() is None
        view.set_library(None)


def test_payload_kind_tells_the_kind_without_reading_it(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData

    from stepfun_studio.ui.image_drop import payload_kind

    raw = QMimeData()
    raw.setData("image/png", png_bytes())
    pixels = QMimeData()
    pixels.setImageData(QImage(64, 64, QImage.Format.Format_RGB32))
    text = QMimeData()
    text.setText("words")
    path = tmp_path / "k.png"
    path.write_bytes(png_bytes())
    assert payload_kind(raw) is PayloadKind.RAW
    assert payload_kind(pixels) is PayloadKind.RAW
    assert payload_kind(image_drag_mime([path])) is PayloadKind.FILES
    assert payload_kind(image_drag_mime([path], ids=[1])) is PayloadKind.GALLERY
    assert payload_kind(text) is None
    assert payload_kind(None) is None


def test_an_image_left_on_the_clipboard_does_not_crash_the_app_at_exit(tmp_path: Path) -> None:
    picture = tmp_path / "left-behind.png"
    Image.new("RGB", (8, 8), "red").save(picture)
    child = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QTimer\n"
        "from stepfun_studio.ui.application import create_application\n"
        "from stepfun_studio.ui.clipboard import copy_image_to_clipboard\n"
        "app = create_application([])\n"
        "assert copy_image_to_clipboard(Path(sys.argv[1]))\n"
        "QTimer.singleShot(0, app.quit)\n"
        "app.exec()\n"
        "print('quit cleanly', flush=True)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", child, str(picture)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "quit cleanly" in done.stdout, done.stderr
    assert done.returncode == 0, f"exit status {done.returncode}: {done.stderr[-500:]}"
