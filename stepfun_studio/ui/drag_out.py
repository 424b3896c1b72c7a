"""`image_drag_mime()`: what leaves the app when an image is dragged out or copied.

The original file (as a file URL, so Finder, Explorer, a browser upload, Krita or Figma receive
the real PNG with its metadata), its exact bytes under their own image type (for apps that read
image/png from a drag), and the decoded pixels (for apps that only take a bitmap). The gallery, the
detail view and "Copy image" all build their QMimeData here.

Inside the app, a drag also carries the images' ids as JSON (`IMAGE_IDS_MIME`): the grid, the
sidebar and the reference slots read them with `decode_ids`. The format lives here, not in the
gallery: importing the gallery package loads all of it, which a reference slot does not need.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QImage

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


def image_drag_mime(paths: Sequence[Path], ids: Sequence[int] = ()) -> QMimeData:
    """File URLs for every path; raw bytes and pixels of the first; our ids when given."""
    mime = QMimeData()
    existing = [Path(p) for p in paths if Path(p).is_file()]
    if ids:
        mime.setData(IMAGE_IDS_MIME, encode_ids(ids))
    if not existing:
        return mime
    mime.setUrls([QUrl.fromLocalFile(str(p.resolve())) for p in existing])
    first = existing[0]
    raw_type = _RAW_TYPES.get(first.suffix.lower())
    try:
        if raw_type and first.stat().st_size <= MAX_RAW_BYTES:
            mime.setData(raw_type, first.read_bytes())
    except OSError as exc:
        log.warning("could not read %s for a drag: %s", first, exc)
    image = QImage(str(first))
    if not image.isNull():
        mime.setImageData(image)
    return mime
