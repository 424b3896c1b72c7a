"""Copy image and paste image: the clipboard side of drag and drop.

"Copy image" puts the same things on the clipboard as a drag out (`drag_out.image_drag_mime`):
the file, its bytes and its pixels. Paste reads the clipboard like a drop (`image_drop`), so Ctrl+V
in a reference slot fills it, and Ctrl+V elsewhere in the window opens the drop choices
(`window_drops`). Text fields keep their own Ctrl+V: they claim the shortcut first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QClipboard, QGuiApplication

from stepfun_studio.ui.drag_out import image_drag_mime
from stepfun_studio.ui.image_drop import DropPayload, read_payload


def _clipboard(clipboard: QClipboard | None) -> QClipboard:
    return clipboard if clipboard is not None else QGuiApplication.clipboard()


def copy_image_to_clipboard(path: Path, clipboard: QClipboard | None = None) -> bool:
    """Puts the image file at `path` (URL, bytes and pixels) on the clipboard; False if missing."""
    mime = image_drag_mime([Path(path)])
    if not mime.hasUrls():
        return False
    _clipboard(clipboard).setMimeData(mime)
    return True


# Platforms with no clipboard shared with other programs: what we put there dies with us anyway.
_PRIVATE_CLIPBOARD_PLATFORMS = ("offscreen", "minimal")


def release_private_clipboard() -> None:
    """Empties the clipboard before Qt is torn down, where no other program can read it.

    On the offscreen and minimal platforms a QMimeData still on the clipboard when the
    application object is destroyed crashes the process at exit (a segfault after the last
    line of work). On real desktops the clipboard is left alone: the user may paste later.
    """
    app = QGuiApplication.instance()
    if app is not None and QGuiApplication.platformName() in _PRIVATE_CLIPBOARD_PLATFORMS:
        QGuiApplication.clipboard().clear()


def clipboard_payload(clipboard: QClipboard | None = None) -> DropPayload | None:
    """What a paste would bring in, read like a drop; None when the clipboard holds no image."""
    return read_payload(_clipboard(clipboard).mimeData())
