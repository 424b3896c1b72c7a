"""Import is per file: a hostile or broken file is refused in words and the batch goes on.

Real files built here (Pillow, and hand-made bytes for what Pillow will not write), a real
library, and a second SQLite connection that keeps writing while a 20 MB text chunk is in the
batch: the write lock must never be held for long.
"""

from __future__ import annotations

import io
import os
import sqlite3
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from stepfun_studio.core.paths import AppPaths
from stepfun_studio.library.import_checks import MAX_PARAMETER_TEXT
from stepfun_studio.library.library import Library
from stepfun_studio.library.records import ImageQuery


def _chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def _png(colour: tuple[int, int, int], size: tuple[int, int] = (64, 48)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


def _before_idat(data: bytes, extra: bytes) -> bytes:
    at = data.index(b"IDAT") - 4
    return data[:at] + extra + data[at:]


def apng_without_fctl() -> bytes:
    """acTL says two frames, then an fdAT with no fcTL: Pillow raises SyntaxError on load."""
    data = _png((200, 10, 10))
    start, end = data.index(b"IDAT") - 4, data.index(b"IEND") - 4
    idat = data[start:end]
    frame = _chunk(b"fdAT", struct.pack(">I", 0) + idat[8:-4])
    return data[:start] + _chunk(b"acTL", struct.pack(">II", 2, 0)) + idat + frame + data[end:]


def truncated_png() -> bytes:
    data = _png((10, 10, 200), (300, 200))
    out = io.BytesIO()
    Image.frombytes("RGB", (300, 200), os.urandom(300 * 200 * 3)).save(out, "PNG")
    data = out.getvalue()
    return data[: len(data) // 2]


def truncated_jpeg() -> bytes:
    out = io.BytesIO()
    Image.frombytes("RGB", (300, 200), os.urandom(300 * 200 * 3)).save(out, "JPEG")
    data = out.getvalue()
    return data[: len(data) // 2]


def text_chunk_png(size: int) -> bytes:
    """A picture with an A1111 `parameters` text chunk of `size` bytes (a prompt to index)."""
    words = b"cat dog sunset portrait mountain " * (size // 32 + 1)
    text = words[:size] + b"\nSteps: 20, Seed: 1, Size: 64x48"
    return _before_idat(_png((1, 2, 3)), _chunk(b"tEXt", b"parameters\x00" + text))


def huge_header_png() -> bytes:
    """A header claiming 10000×9000 pixels over a few bytes of data: a decompression bomb."""
    header = struct.pack(">IIBBBBB", 10_000, 9_000, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 1000))
        + _chunk(b"IEND", b"")
    )


@pytest.fixture
def library(app_paths: AppPaths) -> Iterator[Library]:
    with Library.open(app_paths) as opened:
        yield opened


def test_one_bad_file_never_stops_the_batch(library: Library, tmp_path: Path) -> None:
    files = {
        "good-1.png": _png((1, 200, 1)),
        "apng-no-fctl.png": apng_without_fctl(),
        "truncated.png": truncated_png(),
        "truncated.jpg": truncated_jpeg(),
        "text-20mb.png": text_chunk_png(20 * 1024 * 1024),
        "long-prompt.png": text_chunk_png(MAX_PARAMETER_TEXT + 1000),
        "bomb.png": huge_header_png(),
        "empty.png": b"",
        "not-a-picture.png": b"hello, I am text",
        "good-2.png": _png((1, 1, 200)),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    paths = [tmp_path / name for name in files]
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.png")
        paths.insert(1, tmp_path / "pipe.png")

    report = library.import_files(paths)

    assert len(report.imported) == 2
    reasons = {failure.path.name: failure.reason for failure in report.failures}
    assert "damaged or truncated" in reasons["apng-no-fctl.png"]
    assert "damaged or truncated" in reasons["truncated.png"]
    assert "damaged or truncated" in reasons["truncated.jpg"]
    assert "text chunk “parameters” of 20.0 MB" in reasons["text-20mb.png"]
    assert "at most 64 KB" in reasons["long-prompt.png"]
    assert "10000×9000 pixels" in reasons["bomb.png"]
    assert "empty" in reasons["empty.png"]
    assert "not a PNG, JPEG or WebP" in reasons["not-a-picture.png"]
    if hasattr(os, "mkfifo"):
        assert "not a regular file" in reasons["pipe.png"]
    assert len(reasons) == len(paths) - 2
    # Nothing refused left a row behind, and both good pictures have their thumbnails.
    assert library.count(ImageQuery()) == 2
    for image_id in report.imported:
        assert library.thumbnail_path(image_id).exists()


def test_the_write_lock_stays_free_with_a_20_mb_text_chunk(
    library: Library, app_paths: AppPaths, tmp_path: Path
) -> None:
    big = tmp_path / "text-20mb.png"
    big.write_bytes(text_chunk_png(20 * 1024 * 1024))
    others = []
    for n in range(6):
        path = tmp_path / f"fine-{n}.png"
        path.write_bytes(_png((n * 30, 5, 5)))
        others.append(path)

    waits: list[float] = []
    stop = threading.Event()

    def write_meanwhile() -> None:
        # Another process's writer: takes the write lock over and over, timing each wait.
        other = sqlite3.connect(app_paths.database_path, timeout=30, isolation_level=None)
        try:
            while not stop.is_set():
                started = time.perf_counter()
                other.execute("BEGIN IMMEDIATE")
                waits.append(time.perf_counter() - started)
                other.execute("COMMIT")
                time.sleep(0.005)
        finally:
            other.close()

    writer = threading.Thread(target=write_meanwhile)
    writer.start()
    try:
        started = time.perf_counter()
        report = library.import_files([others[0], big, *others[1:]])
        elapsed = time.perf_counter() - started
    finally:
        stop.set()
        writer.join()
    assert len(report.imported) == 6 and len(report.failures) == 1
    assert len(waits) > 3
    print(f"import {elapsed:.2f} s, longest wait for the write lock {max(waits) * 1000:.0f} ms")
    assert max(waits) < 1.0
