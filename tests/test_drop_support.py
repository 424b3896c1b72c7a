"""Shared pieces of the drag-and-drop tests: real drag events, a local image server, payloads.

Imported by tests/test_drop_*.py. The few tests at the bottom check the helpers themselves.
"""

from __future__ import annotations

import http.server
import io
import struct
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

COPY = Qt.DropAction.CopyAction
LEFT = Qt.MouseButton.LeftButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def png_bytes(size: tuple[int, int] = (320, 240), color: tuple[int, ...] = (200, 60, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGBA" if len(color) == 4 else "RGB", size, color).save(out, "PNG")
    return out.getvalue()


def jpeg_bytes(
    size: tuple[int, int] = (320, 240), color: tuple[int, int, int] = (30, 90, 200)
) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "JPEG", quality=90)
    return out.getvalue()


def file_mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def link_mime(url: str) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl(url)])
    return mime


def raw_mime(data: bytes, mime_type: str = "image/png") -> QMimeData:
    mime = QMimeData()
    mime.setData(mime_type, data)
    return mime


def gallery_mime(*ids: int) -> QMimeData:
    mime = QMimeData()
    mime.setData(
        "application/x-stepfun-studio-image-ids", ("[" + ",".join(map(str, ids)) + "]").encode()
    )
    return mime


def text_mime(text: str) -> QMimeData:
    mime = QMimeData()
    mime.setText(text)
    return mime


def drag_enter(widget: QWidget, mime: QMimeData) -> QDragEnterEvent:
    """Posts a drag-enter and a drag-move at the widget's centre; returns the enter event."""
    pos = QPointF(widget.rect().center())
    enter = QDragEnterEvent(pos, COPY, mime, LEFT, NO_MODIFIER)
    QApplication.sendEvent(widget, enter)
    move = QDragMoveEvent(pos, COPY, mime, LEFT, NO_MODIFIER)
    QApplication.sendEvent(widget, move)
    return move


def drag_leave(widget: QWidget) -> None:
    QApplication.sendEvent(widget, QDragLeaveEvent())


def drop(widget: QWidget, mime: QMimeData) -> QDropEvent:
    """A full drag: enter, move, then the drop itself."""
    drag_enter(widget, mime)
    event = QDropEvent(QPointF(widget.rect().center()), COPY, mime, LEFT, NO_MODIFIER)
    QApplication.sendEvent(widget, event)
    return event


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, str, bytes]]] = {}

    def do_GET(self) -> None:
        status, content_type, body = self.routes.get(self.path, (404, "text/plain", b"not found"))
        if content_type == "stall":
            threading.Event().wait(float(body or b"5"))
            return
        if content_type == "trickle":  # headers at once, then one byte every 50 ms
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            for i in range(len(body)):
                self.wfile.write(body[i : i + 1])
                self.wfile.flush()
                threading.Event().wait(0.05)
            return
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return  # keep test output clean


@contextmanager
def image_server(routes: dict[str, tuple[int, str, bytes]]) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 serving `routes` (path -> status, type, body)."""
    handler = type("Handler", (_Handler,), {"routes": routes})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# -- the corpus of odd and broken images ---------------------------------------------------------


@dataclass(frozen=True)
class CorpusCase:
    """One file and what must become of it: accepted with `changes` (substrings), or refused."""

    name: str
    data: bytes = field(repr=False)
    refusal: str = ""  # a substring of the message; empty = must be accepted
    changes: tuple[str, ...] = ()
    mime: str = ""  # expected output type when accepted; "" = either
    alpha: bool = False  # the result keeps an alpha channel
    unchanged: bool = False  # the bytes go out exactly as they came in
    upright: tuple[int, int] | None = None  # (width, height) after EXIF rotation, redraw limit


def _encode(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def raw_png(width: int, height: int, bit_depth: int, color_type: int, row: bytes) -> bytes:
    """A PNG written by hand (Pillow cannot write 16-bit RGB, nor a bomb cheaply): every row the
    same `row` of pixel bytes, compressed in a stream so a huge image costs little memory."""
    compressor = zlib.compressobj(9)
    line = b"\x00" + row
    parts = [compressor.compress(line) for _ in range(height)]
    idat = b"".join(parts) + compressor.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")
    )


def _gradient(size: tuple[int, int]) -> Image.Image:
    """A picture with some content (flat colours hide resampling and rotation mistakes)."""
    horizontal = Image.linear_gradient("L").resize(size)
    vertical = Image.linear_gradient("L").rotate(90).resize(size)
    return Image.merge("RGB", (horizontal, vertical, Image.new("L", size, 128)))


def build_corpus() -> list[CorpusCase]:
    """At least 25 odd or broken image files, made here so the test owns every byte."""
    cases: list[CorpusCase] = []
    add = cases.append
    photo = _gradient((400, 300))

    add(
        CorpusCase(
            "cmyk.jpg", _encode(photo.convert("CMYK"), "JPEG"), changes=("CMYK",), mime="image/jpeg"
        )
    )
    rgb16_row = struct.pack(">HHH", 60000, 30000, 1000) * 200
    add(
        CorpusCase(
            "rgb16.png", raw_png(200, 150, 16, 2, rgb16_row), changes=("16-bit",), mime="image/png"
        )
    )
    add(
        CorpusCase(
            "gray16.png",
            _encode(Image.new("I;16", (200, 150), 50000), "PNG"),
            changes=("16-bit",),
            mime="image/png",
        )
    )
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways: the camera was turned
    add(
        CorpusCase(
            "rotated.jpg",
            _encode(photo, "JPEG", exif=exif.tobytes()),
            changes=("EXIF rotation",),
            mime="image/jpeg",
            upright=(300, 400),
        )
    )
    big_sideways = _gradient((4000, 3000))
    add(
        CorpusCase(
            "rotated_big.jpg",
            _encode(big_sideways, "JPEG", exif=exif.tobytes()),
            changes=("EXIF rotation",),
            mime="image/jpeg",
            upright=(1500, 2000),
        )
    )
    frames = [
        Image.new("RGB", (160, 120), color) for color in ((255, 0, 0), (0, 255, 0), (0, 0, 255))
    ]
    add(
        CorpusCase(
            "animated.gif",
            _encode(
                frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0
            ),
            changes=("first frame", "Converted from GIF"),
            mime="image/png",
        )
    )
    add(
        CorpusCase(
            "still.gif",
            _encode(photo.convert("P"), "GIF"),
            changes=("Palette", "Converted from GIF"),
            mime="image/png",
        )
    )
    add(
        CorpusCase(
            "photo.webp",
            _encode(photo, "WEBP", quality=90),
            changes=("Converted from WebP",),
            mime="image/png",
        )
    )
    add(
        CorpusCase(
            "alpha.webp",
            _encode(Image.new("RGBA", (200, 200), (10, 20, 30, 100)), "WEBP", lossless=True),
            changes=("Transparency kept",),
            mime="image/png",
            alpha=True,
        )
    )
    palette = Image.new("P", (128, 128), 0)
    palette.putpalette([255, 0, 0, 0, 255, 0] + [0] * 762)
    palette.paste(1, (32, 32, 96, 96))
    add(
        CorpusCase(
            "palette_transparent.png",
            _encode(palette, "PNG", transparency=0),
            changes=("Palette", "Transparency kept"),
            mime="image/png",
            alpha=True,
        )
    )
    add(CorpusCase("one_pixel.png", _encode(Image.new("RGB", (1, 1)), "PNG"), refusal="1×1"))
    add(CorpusCase("narrow.png", _encode(Image.new("RGB", (60, 400)), "PNG"), refusal="60×400"))
    add(
        CorpusCase("panorama.png", _encode(Image.new("RGB", (8000, 70)), "PNG"), refusal="under 64")
    )
    add(
        CorpusCase(
            "huge_10000.jpg",
            _encode(Image.new("RGB", (10000, 10000), (90, 120, 150)), "JPEG", quality=80),
            changes=("Scaled down",),
            mime="image/jpeg",
        )
    )
    add(
        CorpusCase(
            "large.png",
            _encode(_gradient((6000, 4000)), "PNG", compress_level=1),
            changes=("Scaled down",),
            mime="image/png",
        )
    )
    full = _encode(photo, "PNG")
    add(CorpusCase("truncated.png", full[: len(full) // 2], refusal="damaged or truncated"))
    jpeg = _encode(_gradient((800, 600)), "JPEG")
    add(CorpusCase("truncated.jpg", jpeg[: len(jpeg) // 2], refusal="damaged or truncated"))
    garbage = bytearray(full)
    garbage[60:400] = bytes(range(256)) + bytes(84)
    add(CorpusCase("garbled.png", bytes(garbage), refusal="damaged or truncated"))
    add(CorpusCase("empty.png", b"", refusal="empty"))
    add(
        CorpusCase(
            "notes.png", b"These are my notes, not a picture.\n" * 20, refusal="not an image"
        )
    )
    add(
        CorpusCase(
            "page.jpg", b"<!doctype html><html><body>404</body></html>", refusal="not an image"
        )
    )
    add(
        CorpusCase(
            "bomb.png", raw_png(20000, 20000, 1, 0, bytes(2500)), refusal="decompression bomb"
        )
    )
    add(
        CorpusCase(
            "bomb_small.png", raw_png(11000, 10000, 1, 0, bytes(1375)), refusal="11000×10000"
        )
    )
    add(
        CorpusCase(
            "bitmap.bmp", _encode(photo, "BMP"), changes=("Converted from BMP",), mime="image/png"
        )
    )
    add(
        CorpusCase(
            "scan.tiff",
            _encode(photo, "TIFF", compression="tiff_lzw"),
            changes=("Converted from TIFF",),
            mime="image/png",
        )
    )
    add(
        CorpusCase(
            "float.tiff",
            _encode(Image.linear_gradient("L").resize((200, 200)).convert("F"), "TIFF"),
            changes=("32-bit",),
            mime="image/png",
        )
    )
    add(
        CorpusCase(
            "gray.png", _encode(photo.convert("L"), "PNG"), changes=("Grayscale",), mime="image/png"
        )
    )
    gray_alpha = Image.merge(
        "LA", (photo.convert("L"), Image.linear_gradient("L").resize((400, 300)))
    )
    add(
        CorpusCase(
            "gray_alpha.png",
            _encode(gray_alpha, "PNG"),
            changes=("Grayscale", "Transparency kept"),
            mime="image/png",
            alpha=True,
        )
    )
    add(
        CorpusCase(
            "bilevel.png",
            _encode(photo.convert("1"), "PNG"),
            changes=("Grayscale",),
            mime="image/png",
        )
    )
    noise = Image.merge("RGB", [Image.effect_noise((3000, 2500), 120 + i * 5) for i in range(3)])
    add(
        CorpusCase(
            "heavy.jpg",
            _encode(noise, "JPEG", quality=100, subsampling=0),
            changes=(),
            mime="image/jpeg",
        )
    )
    add(
        CorpusCase(
            "progressive.jpg",
            _encode(photo, "JPEG", progressive=True, quality=85),
            mime="image/jpeg",
            unchanged=True,
        )
    )
    add(
        CorpusCase(
            "opaque_rgba.png",
            _encode(photo.convert("RGBA"), "PNG"),
            mime="image/png",
            unchanged=True,
        )
    )
    add(
        CorpusCase(
            "photo.avif",
            _encode(photo, "AVIF", quality=80),
            changes=("Converted from AVIF",),
            mime="image/png",
        )
    )
    add(
        CorpusCase(
            "animated.png",
            _encode(frames[0], "PNG", save_all=True, append_images=frames[1:], duration=100),
            changes=("first frame",),
            mime="image/png",
        )
    )
    add(CorpusCase("text_bomb.png", _text_bomb(full), refusal="damaged or truncated"))
    add(CorpusCase("giant.gif", _giant_gif(), refusal="decompression bomb"))
    return cases


def _text_bomb(png: bytes) -> bytes:
    """A valid picture with a compressed text chunk that inflates to 64 MB of zeros."""
    text = b"Comment\x00\x00" + zlib.compress(bytes(64 * 1024 * 1024), 9)
    return png[:33] + _chunk(b"zTXt", text) + png[33:]


def _giant_gif() -> bytes:
    """A GIF whose header claims 60000×60000 pixels, with one tiny frame."""
    header = b"GIF89a" + struct.pack("<HHBBB", 60000, 60000, 0, 0, 0)
    frame = b"\x2c" + struct.pack("<HHHHB", 0, 0, 60000, 60000, 0) + b"\x02\x02\x44\x01\x00"
    return header + frame + b"\x3b"


def test_the_image_server_serves_what_it_is_given() -> None:
    import urllib.request

    body = png_bytes()
    with image_server({"/a.png": (200, "image/png", body)}) as base:
        response = urllib.request.urlopen(f"{base}/a.png", timeout=5)
        with response:
            assert response.read() == body


def test_payload_builders_carry_their_data() -> None:
    assert raw_mime(b"x").data("image/png").data() == b"x"
    assert file_mime(Path("/tmp/a.png")).urls()[0].toLocalFile() == "/tmp/a.png"
    assert (
        bytes(gallery_mime(3, 4).data("application/x-stepfun-studio-image-ids").data()) == b"[3,4]"
    )


def test_the_corpus_is_big_and_varied() -> None:
    corpus = build_corpus()
    assert len(corpus) >= 25
    assert len({case.name for case in corpus}) == len(corpus)
    assert sum(1 for case in corpus if case.refusal) >= 10
    heavy = next(case for case in corpus if case.name == "heavy.jpg")
    assert len(heavy.data) > 10 * 1024 * 1024  # the huge-but-valid JPEG really is over the limit
