"""Links and files that misbehave: too big, too slow, unreadable, unsupported; never a hang."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from test_drop_support import drop, file_mime, image_server, link_mime, png_bytes

from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.ui.image_drop import DropPayload, PayloadKind, download, fetch_one, read_file
from stepfun_studio.ui.reference_slot import ReferenceSlot


def test_a_download_over_the_cap_is_refused() -> None:
    body = png_bytes((400, 400)) + bytes(5000)
    with (
        image_server({"/big.png": (200, "image/png", body)}) as base,
        pytest.raises(AppError) as caught,
    ):
        download(f"{base}/big.png", limit=1000)
    assert caught.value.kind is ErrorKind.BAD_IMAGE
    assert "big.png" in caught.value.message


def test_a_stalled_server_times_out_quickly() -> None:
    with image_server({"/slow.png": (200, "stall", b"3")}) as base:
        started = time.perf_counter()
        with pytest.raises(AppError) as caught:
            download(f"{base}/slow.png", timeout=0.5)
        assert time.perf_counter() - started < 2.5
    assert caught.value.kind is ErrorKind.TIMEOUT
    assert "slow.png" in caught.value.message


def test_a_refused_connection_is_named() -> None:
    with image_server({}) as base:
        dead = base  # the port is free again once the server has stopped
    with pytest.raises(AppError) as caught:
        download(f"{dead}/gone.png", timeout=2)
    assert caught.value.kind is ErrorKind.NETWORK
    assert "gone.png" in caught.value.message


def test_only_http_links_are_fetched() -> None:
    with pytest.raises(AppError):
        download("ftp://example.invalid/x.png")


def test_a_missing_file_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(AppError) as caught:
        read_file(tmp_path / "vanished.png")
    assert "vanished.png" in caught.value.message


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "album.png"
    folder.mkdir()
    with pytest.raises(AppError) as caught:
        fetch_one(DropPayload(PayloadKind.FILES, paths=(folder,)), 0, None)
    assert "album.png" in caught.value.message


def test_gallery_ids_without_a_library_are_refused() -> None:
    with pytest.raises(AppError):
        fetch_one(DropPayload(PayloadKind.GALLERY, ids=(1,)), 0, None)


def test_a_heic_file_is_taken_while_dragging_and_refused_with_the_reason(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "iphone.heic"
    path.write_bytes(b"\x00\x00\x00\x18ftypheic" + bytes(200))
    slot = ReferenceSlot("source")
    qtbot.addWidget(slot)
    slot.show()
    with qtbot.waitSignal(slot.error, timeout=10_000) as blocker:
        drop(slot, file_mime(path))
    assert "iphone.heic" in blocker.args[0]
    assert "not a format Studio reads" in blocker.args[0]


def test_a_slow_link_leaves_the_window_responsive(qtbot: QtBot) -> None:
    slot = ReferenceSlot("source")
    qtbot.addWidget(slot)
    slot.show()
    with image_server({"/slow.png": (200, "stall", b"1")}) as base:
        started = time.perf_counter()
        drop(slot, link_mime(f"{base}/slow.png"))
        assert time.perf_counter() - started < 0.2  # the drop returned at once
        assert slot.is_busy()
        qtbot.wait(100)  # the event loop turns while the download waits
        qtbot.waitUntil(lambda: not slot.is_busy(), timeout=20_000)


def test_a_trickling_server_is_cut_off_at_the_deadline() -> None:
    with image_server({"/drip.png": (200, "trickle", png_bytes()[:200])}) as base:
        started = time.perf_counter()
        with pytest.raises(AppError) as caught:
            download(f"{base}/drip.png", timeout=0.5)
        assert time.perf_counter() - started < 2.0  # 200 bytes would take 10 s
    assert caught.value.kind is ErrorKind.TIMEOUT
