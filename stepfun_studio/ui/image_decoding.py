"""Decoding pictures off the GUI thread: `decode` (detail view, compare, lightbox, reference
thumbnails) and the detail view's `ImageDecoder` (`ui.background`).

A 1024×1024 PNG takes tens of milliseconds to decode; doing that for the result and its source on
every selection change would stall the window while the user arrows through the gallery. The
work reads and decodes both into `QImage`s (safe outside the GUI thread) and hands them back
on the GUI thread, tagged with a token so the view can drop answers for an image the user
has already left.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtGui import QImage

from stepfun_studio.ui.background import Worker, run_in_background

log = logging.getLogger(__name__)


def decode(file: Path | bytes, fit: QSize | None = None) -> QImage:
    """A picture file (or its bytes) as a QImage, upright as its EXIF orientation says; with
    `fit`, scaled down (never up) to fit inside it. A null QImage when it cannot be read.

    Pillow, not QImage's own reader: Pillow lets go of Python's GIL while it decodes, QImage's
    reader does not, and a GIL held for 50 ms in a worker stalls the GUI thread just the same.
    """
    # Here, not at the top: the way to the first painted window has no use for Pillow.
    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(file) if isinstance(file, bytes) else file) as image:
            if fit is not None:
                # A JPEG decodes at 1/2, 1/4 or 1/8 scale when that still covers `fit` (turned
                # either way: the EXIF rotation comes after), far cheaper than in full.
                side = max(fit.width(), fit.height())
                image.draft(None, (side, side))
            ImageOps.exif_transpose(image, in_place=True)
            alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
            converted = image.convert("RGBA" if alpha else "RGB")
            if fit is not None:
                converted.thumbnail((max(1, fit.width()), max(1, fit.height())))
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        log.warning("could not decode %s: %s", file if isinstance(file, Path) else "bytes", error)
        return QImage()
    fmt = QImage.Format.Format_RGBA8888 if alpha else QImage.Format.Format_RGB888
    width, height = converted.size
    data = converted.tobytes()
    # copy(): the QImage must own its pixels, not borrow the bytes object that goes out of scope.
    return QImage(data, width, height, width * len(converted.mode), fmt).copy()


class ImageDecoder(QObject):
    """Decodes off the GUI thread, one lane in order, and reports each on the GUI thread."""

    # token, the result picture, the source picture (a null QImage when there is none)
    decoded = Signal(int, QImage, QImage)

    LANE = "decode"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker: Worker | None = None

    def start(self, token: int, path: Path | None, source: bytes | None) -> None:
        """Decodes for `token`; a decode asked earlier and not begun yet is dropped (only the
        newest picture is wanted: its token is the only one the view still takes)."""
        if self._worker is not None:
            self._worker.cancel()

        def work() -> tuple[QImage, QImage]:
            result = decode(path) if path is not None else QImage()
            picture = decode(source) if source else QImage()
            # In the screen's format here, so that QPixmap.fromImage on the GUI thread is a
            # copy, not a conversion of every pixel (milliseconds for a 1024 px picture).
            return _for_screen(result), _for_screen(picture)

        def done(pictures: object, error: BaseException | None) -> None:
            if error is not None:  # decode() itself catches what a bad file raises: a bug
                log.error("decoding image %s failed", token, exc_info=error)
                pictures = (QImage(), QImage())
            assert isinstance(pictures, tuple)
            self.decoded.emit(token, *pictures)

        # Delivered only while this decoder (and so its view) lives.
        self._worker = run_in_background(self, work, done, "decode", lane=self.LANE)


def _for_screen(image: QImage) -> QImage:
    if image.isNull():
        return image
    alpha = image.hasAlphaChannel()
    return image.convertToFormat(
        QImage.Format.Format_ARGB32_Premultiplied if alpha else QImage.Format.Format_RGB32
    )
