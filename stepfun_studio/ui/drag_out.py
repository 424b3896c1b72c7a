"""`image_drag_mime()`: what leaves the app when an image is dragged out or copied.

The original file (as a file URL, so Finder, Explorer, a browser upload, Krita or Figma receive
the real PNG with its metadata), its exact bytes under their own image type (for apps that read
image/png from a drag), and the decoded pixels (for apps that only take a bitmap). The gallery, the
detail view and "Copy image" all build their QMimeData here.
"""

from __future__ import annotations

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


def image_drag_mime(paths: Sequence[Path], ids: Sequence[int] = ()) -> QMimeData:
    """File URLs for every path; raw bytes and pixels of the first; our ids when given."""
    mime = QMimeData()
    existing = [Path(p) for p in paths if Path(p).is_file()]
    if ids:
        mime.setData(IMAGE_IDS_MIME, ("[" + ",".join(str(int(i)) for i in ids) + "]").encode())
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
