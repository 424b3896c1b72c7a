"""`image_drag_mime()`: what leaves the app when an image is dragged out or copied.

The original file (as a file URL, so Finder, Explorer, a browser upload, Krita or Figma receive
the real PNG with its metadata), its exact bytes under their own image type (for apps that read
image/png from a drag), and the decoded pixels (for apps that only take a bitmap). The gallery, the
detail view and "Copy image" all build their QMimeData here.

The bytes and pixels are announced at once but read and decoded off the GUI thread
(`ui.background`): a drag or a Copy starts without waiting on the disk or a decode (a large PNG
took the GUI thread tens of milliseconds, a slow disk far longer). Another app asks for them only
when the picture is dropped or pasted there, by which time they are almost always ready; one
that asks sooner gets the file URL alone, which every real target reads (browsers, Photoshop,
chat apps, file managers), rather than a frozen window.

Inside the app, a drag also carries the images' ids as JSON (`IMAGE_IDS_MIME`): the grid, the
sidebar and the reference slots read them with `decode_ids`. The format lives here, not in the
gallery: importing the gallery package loads all of it, which a reference slot does not need.
"""

from __future__ import annotations

import json
import logging
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QByteArray, QMetaType, QMimeData, QUrl
from PySide6.QtGui import QImage

from stepfun_studio.ui.background import create_worker

log = logging.getLogger(__name__)

IMAGE_IDS_MIME = "application/x-stepfun-studio-image-ids"
_RAW_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
# Bytes beyond this are not copied into the drag as raw data; the file URL still carries them.
MAX_RAW_BYTES = 64 * 1024 * 1024


def encode_ids(ids: Sequence[int]) -> bytes:
    return json.dumps([int(i) for i in ids]).encode("utf-8")


def decode_ids(mime: QMimeData) -> list[int]:
    """The ids in `mime`, or [] when it holds none or something malformed (a foreign drop)."""
    if not mime.hasFormat(IMAGE_IDS_MIME):
        return []
    try:
        value = json.loads(bytes(mime.data(IMAGE_IDS_MIME).data()).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return []
    if not isinstance(value, list):
        return []
    return [int(v) for v in value if isinstance(v, int) and not isinstance(v, bool)]


# Qt's name for decoded pixels in a QMimeData (what `setImageData` stores and `hasImage` asks).
PIXELS_MIME = "application/x-qt-image"


class _FirstPicture:
    """The first file's bytes and pixels, filled in by a background worker.

    A plain object, not a QObject: the worker writes it from its own thread, and the mime data
    (a QObject, which must die on the GUI thread) is never held there.
    """

    def __init__(self, path: Path, carry_raw: bool) -> None:
        self.path = path
        self.carry_raw = carry_raw
        self.raw: bytes | None = None
        self.pixels: QImage | None = None

    def read(self) -> None:
        # Here, not at the top: the first frame has no use for Pillow.
        from stepfun_studio.ui.image_decoding import decode

        try:
            data = self.path.read_bytes()
        except OSError as exc:
            log.warning("could not read %s for a drag: %s", self.path, exc)
            return
        if self.carry_raw:
            self.raw = data
        pixels = decode(data)
        if not pixels.isNull():
            self.pixels = pixels


class _PictureMime(QMimeData):
    """File URLs and ids as set; the first picture's bytes and pixels served when ready."""

    def __init__(self, first: _FirstPicture, raw_type: str | None) -> None:
        super().__init__()
        self._first = first
        self._lazy = [name for name in (raw_type, PIXELS_MIME) if name]

    def formats(self) -> list[str]:
        # Announced before they are read: a target sees at drag start what it may ask for.
        own = super().formats()
        return own + [name for name in self._lazy if name not in own]

    def retrieveData(self, mimetype: str, preferred: QMetaType | QMetaType.Type, /) -> object:
        # Asked by Qt for `data()`, `imageData()` and a target's request; on the GUI thread.
        if mimetype not in self._lazy:
            return super().retrieveData(mimetype, preferred)
        first = self._first
        if mimetype == PIXELS_MIME:
            return first.pixels  # None until decoded: the target takes the file URL
        return QByteArray(first.raw) if first.raw is not None else QByteArray()


def image_drag_mime(paths: Sequence[Path], ids: Sequence[int] = ()) -> QMimeData:
    """File URLs for every path; raw bytes and pixels of the first (read in the background, see
    the module's docstring); our ids when given."""
    files = [(path, info) for path, info in ((Path(p), _stat(Path(p))) for p in paths) if info]
    if not files:
        mime = QMimeData()
    else:
        first, info = files[0]
        raw_type = _RAW_TYPES.get(first.suffix.lower())
        if info.st_size > MAX_RAW_BYTES:
            raw_type = None  # not copied into the drag; the file URL still carries them
        picture = _FirstPicture(first, carry_raw=raw_type is not None)
        mime = _PictureMime(picture, raw_type)
        mime.setUrls([QUrl.fromLocalFile(str(path.resolve())) for path, _ in files])
        create_worker(picture.read, _name="drag-out-read").start()
    if ids:
        mime.setData(IMAGE_IDS_MIME, encode_ids(ids))
    return mime


def _stat(path: Path) -> os.stat_result | None:
    """The file's facts when it is a regular file (one stat: a name, not a read)."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info if stat.S_ISREG(info.st_mode) else None
