"""The reference slot: click, drop (file, link, raw data, gallery id), paste, clear, refusals."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot
from test_drop_support import (
    drag_enter,
    drag_leave,
    drop,
    file_mime,
    gallery_mime,
    image_server,
    jpeg_bytes,
    link_mime,
    png_bytes,
    raw_mime,
    text_mime,
)

from stepfun_studio.api.reference_image import ReferencePurpose
from stepfun_studio.core.paths import AppPaths
from stepfun_studio.core.request import GenerationRequest, ReferenceImage
from stepfun_studio.core.result import GenerationResult
from stepfun_studio.library import Library
from stepfun_studio.ui.reference_slot import DropState, ReferenceSlot

WAIT_MS = 10_000


@pytest.fixture
def slot(qtbot: QtBot) -> ReferenceSlot:
    widget = ReferenceSlot("source")
    widget.setObjectName("sourceSlot")
    widget.resize(360, 140)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def landed(qtbot: QtBot, slot: ReferenceSlot, mime: QMimeData) -> ReferenceImage:
    with qtbot.waitSignal(slot.image_changed, timeout=WAIT_MS) as blocker:
        drop(slot, mime)
    image = blocker.args[0]
    assert isinstance(image, ReferenceImage)
    assert slot.image() is image
    return image


def refused(qtbot: QtBot, slot: ReferenceSlot, mime: QMimeData) -> str:
    with qtbot.waitSignal(slot.error, timeout=WAIT_MS) as blocker:
        drop(slot, mime)
    message = blocker.args[0]
    assert isinstance(message, str)
    assert slot.message() == message
    return message


def test_empty_slot_invites_a_drop(slot: ReferenceSlot) -> None:
    assert slot.image() is None
    title = slot.findChild(QLabel, "slotTitle")
    assert isinstance(title, QLabel)
    assert "Source image" in title.text()
    assert slot.acceptDrops()


def test_click_opens_a_file_dialog_and_the_chosen_file_fills_the_slot(
    qtbot: QtBot, slot: ReferenceSlot, tmp_path: Path
) -> None:
    path = tmp_path / "cat.png"
    path.write_bytes(png_bytes((300, 200)))
    qtbot.mouseClick(slot, Qt.MouseButton.LeftButton)
    dialog = slot.findChild(QFileDialog, "referenceFileDialog")
    assert isinstance(dialog, QFileDialog)
    assert dialog.isVisible()
    with qtbot.waitSignal(slot.image_changed, timeout=WAIT_MS) as blocker:
        dialog.fileSelected.emit(str(path))
        dialog.close()
    image = blocker.args[0]
    assert (image.name, image.width, image.height, image.mime) == ("cat.png", 300, 200, "image/png")
    assert image.data == path.read_bytes()  # a PNG already fine is sent as it is


def test_a_local_file_drop_is_accepted_while_dragging_and_lands(
    qtbot: QtBot, slot: ReferenceSlot, tmp_path: Path
) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(jpeg_bytes((640, 480)))
    move = drag_enter(slot, file_mime(path))
    assert move.isAccepted()
    assert slot.drop_state() == DropState.ACCEPT
    drag_leave(slot)
    assert slot.drop_state() == DropState.IDLE
    image = landed(qtbot, slot, file_mime(path))
    assert (image.mime, image.width, image.height) == ("image/jpeg", 640, 480)
    assert image.data == path.read_bytes()
    assert "640×480 JPEG" in slot.details()


def test_a_drag_of_plain_text_is_refused_while_dragging_and_on_drop(
    qtbot: QtBot, slot: ReferenceSlot
) -> None:
    move = drag_enter(slot, text_mime("just some words"))
    assert not move.isAccepted()
    assert slot.drop_state() == DropState.REFUSE
    drag_leave(slot)
    message = refused(qtbot, slot, text_mime("just some words"))
    assert "not a picture" in message
    assert slot.image() is None


def test_a_text_file_is_named_and_the_refusal_does_not_stay(
    qtbot: QtBot, slot: ReferenceSlot, tmp_path: Path
) -> None:
    """Issue 15 item 12: it said "not an image, a file or a link" of a file, and stayed."""
    notes = tmp_path / "notes.txt"
    notes.write_text("a list of things")
    message = refused(qtbot, slot, file_mime(notes))
    assert message == "“notes.txt” is not a picture Studio can use."
    # The next drag is news of its own: the old refusal goes.
    drag_enter(slot, file_mime(notes))
    assert slot.message() == ""
    drag_leave(slot)
    refused(qtbot, slot, file_mime(notes))
    # And by itself after a while.
    slot._message_timer.setInterval(10)
    slot._message_timer.start()
    qtbot.waitUntil(lambda: slot.message() == "", timeout=2000)


def test_raw_png_data_from_another_app_lands(qtbot: QtBot, slot: ReferenceSlot) -> None:
    data = png_bytes((256, 256), (10, 200, 10, 128))
    image = landed(qtbot, slot, raw_mime(data))
    assert image.mime == "image/png"
    assert image.data == data
    opened = Image.open(io.BytesIO(image.data))
    assert opened.getpixel((5, 5)) == (10, 200, 10, 128)


def test_raw_webp_data_is_converted_and_the_change_is_shown(
    qtbot: QtBot, slot: ReferenceSlot
) -> None:
    out = io.BytesIO()
    Image.new("RGB", (200, 150), (90, 90, 250)).save(out, "WEBP")
    image = landed(qtbot, slot, raw_mime(out.getvalue(), "image/webp"))
    assert image.mime == "image/png"
    assert "Converted from WebP to PNG" in slot.details()


def test_an_http_link_is_downloaded_from_a_local_server(qtbot: QtBot, slot: ReferenceSlot) -> None:
    body = jpeg_bytes((500, 400))
    with image_server({"/pics/sunset.jpg": (200, "image/jpeg", body)}) as base:
        image = landed(qtbot, slot, link_mime(f"{base}/pics/sunset.jpg"))
    assert image.name == "sunset.jpg"
    assert image.data == body


def test_an_unreachable_link_is_refused_and_the_current_image_stays(
    qtbot: QtBot, slot: ReferenceSlot, tmp_path: Path
) -> None:
    path = tmp_path / "keep.png"
    path.write_bytes(png_bytes())
    kept = landed(qtbot, slot, file_mime(path))
    with image_server({}) as base:
        message = refused(qtbot, slot, link_mime(f"{base}/gone.png"))
    assert "gone.png" in message
    assert "404" in message
    assert slot.image() is kept


def test_a_link_to_a_web_page_is_refused_as_not_an_image(qtbot: QtBot, slot: ReferenceSlot) -> None:
    with image_server({"/page": (200, "text/html", b"<html>hello</html>")}) as base:
        message = refused(qtbot, slot, link_mime(f"{base}/page"))
    assert "not an image" in message


def test_a_gallery_drag_uses_the_stored_original(
    qtbot: QtBot, slot: ReferenceSlot, app_paths: AppPaths
) -> None:
    original = png_bytes((512, 512), (1, 2, 3))
    with Library.open(app_paths) as library:
        image_id = library.ingest_result(
            GenerationResult(
                request=GenerationRequest(prompt="a red fox", size="512x512"),
                image_bytes=original,
                seed=7,
                finish_reason="success",
                width=512,
                height=512,
            )
        )
        slot.set_library(library)
        image = landed(qtbot, slot, gallery_mime(image_id))
        stored = library.original_path(image_id).read_bytes()
    assert image.data == stored  # the stored file itself, metadata and all, not a re-encode
    assert (image.width, image.height) == (512, 512)


def test_a_gallery_drag_of_a_deleted_id_is_refused(
    qtbot: QtBot, slot: ReferenceSlot, app_paths: AppPaths
) -> None:
    with Library.open(app_paths) as library:
        slot.set_library(library)
        message = refused(qtbot, slot, gallery_mime(999))
    assert "#999" in message


def test_a_broken_file_is_refused_by_name_and_never_replaces_the_image(
    qtbot: QtBot, slot: ReferenceSlot, tmp_path: Path
) -> None:
    good = tmp_path / "good.png"
    good.write_bytes(png_bytes())
    kept = landed(qtbot, slot, file_mime(good))
    broken = tmp_path / "broken.png"
    broken.write_bytes(png_bytes()[:60])
    message = refused(qtbot, slot, file_mime(broken))
    assert "broken.png" in message
    assert slot.image() is kept


def test_clear_empties_the_slot_and_says_so(
    qtbot: QtBot, slot: ReferenceSlot, tmp_path: Path
) -> None:
    path = tmp_path / "x.png"
    path.write_bytes(png_bytes())
    landed(qtbot, slot, file_mime(path))
    with qtbot.waitSignal(slot.image_changed) as blocker:
        slot.clear()
    assert blocker.args == [None]
    assert slot.image() is None


def test_paste_takes_the_clipboard_image(qtbot: QtBot, slot: ReferenceSlot) -> None:
    QApplication.clipboard().setMimeData(raw_mime(png_bytes((128, 96))))
    slot.setFocus()
    with qtbot.waitSignal(slot.image_changed, timeout=WAIT_MS) as blocker:
        qtbot.keyClick(slot, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert (blocker.args[0].width, blocker.args[0].height) == (128, 96)


def test_the_purpose_sets_the_size_limit(qtbot: QtBot, slot: ReferenceSlot, tmp_path: Path) -> None:
    path = tmp_path / "wide.png"
    Image.new("RGB", (3000, 1000), (50, 50, 50)).save(path)
    image = landed(qtbot, slot, file_mime(path))
    assert (image.width, image.height) == (2048, 683)
    slot.set_purpose(ReferencePurpose.EDIT)
    path2 = tmp_path / "wide2.png"
    Image.new("RGB", (3000, 1000), (60, 50, 50)).save(path2)
    image = landed(qtbot, slot, file_mime(path2))
    assert (image.width, image.height) == (3000, 1000)


def test_a_newer_drop_wins_over_one_still_converting(
    qtbot: QtBot, slot: ReferenceSlot, tmp_path: Path
) -> None:
    slow = tmp_path / "slow.png"
    Image.effect_noise((2600, 2600), 80).convert("RGB").save(slow)
    quick = tmp_path / "quick.png"
    quick.write_bytes(png_bytes((100, 100)))
    drop(slot, file_mime(slow))
    drop(slot, file_mime(quick))
    qtbot.waitUntil(lambda: not slot.is_busy(), timeout=WAIT_MS)
    image = slot.image()
    assert image is not None
    assert image.name == "quick.png"


def test_a_stricter_purpose_prepares_the_current_image_again(
    qtbot: QtBot, slot: ReferenceSlot, tmp_path: Path
) -> None:
    slot.set_purpose(ReferencePurpose.EDIT)
    path = tmp_path / "wide.png"
    Image.new("RGB", (3000, 1000), (80, 50, 50)).save(path)
    image = landed(qtbot, slot, file_mime(path))
    assert (image.width, image.height) == (3000, 1000)
    with qtbot.waitSignal(slot.image_changed, timeout=WAIT_MS) as blocker:
        slot.set_purpose(ReferencePurpose.REDRAW)
    again = blocker.args[0]
    assert (again.width, again.height, again.name) == (2048, 683, "wide.png")
    assert "Scaled down" in slot.details()
    # The same purpose again changes nothing.
    slot.set_purpose(ReferencePurpose.REDRAW)
    assert not slot.is_busy()
