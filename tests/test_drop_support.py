"""Shared pieces of the drag-and-drop tests: real drag events, a local image server, payloads.

Imported by tests/test_drop_*.py. The few tests at the bottom check the helpers themselves.
"""

from __future__ import annotations

import http.server
import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
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
