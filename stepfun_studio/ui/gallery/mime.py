"""The drag-and-drop format shared by the grid, the sidebar and other panels: image ids as JSON."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData

IMAGE_IDS_MIME = "application/x-stepfun-studio-image-ids"


def encode_ids(ids: list[int]) -> bytes:
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
