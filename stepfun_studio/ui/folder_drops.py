"""A folder dropped on the window opens the Batch dialog with its pictures (issue 14).

Its own module: the window installs it at start-up, and the Batch dialog's module (its panel,
the batch runner, the picture lists) is imported when a folder is actually dropped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDropEvent

from stepfun_studio.ui.background import run_in_background
from stepfun_studio.ui.image_drop import PayloadKind, read_payload


class FolderDrops(QObject):
    """A folder dropped on the window opens the Batch dialog with its pictures.

    Whether a dropped name without a suffix is a folder takes a look at the disk, so that look
    runs in the background; anything else dropped goes on to the window's usual drop choices.
    Installed after those, so it sees a drop first.
    """

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self._window or event.type() != QEvent.Type.Drop:
            return False
        assert isinstance(event, QDropEvent)
        payload = read_payload(event.mimeData())
        if payload is None or payload.kind is not PayloadKind.FILES:
            return False
        if all(path.suffix for path in payload.paths):
            return False  # files with suffixes: the window's own choices
        event.acceptProposedAction()

        def folders() -> list[Path]:
            return [path for path in payload.paths if path.is_dir()]

        def done(found: Any, error: BaseException | None) -> None:
            if found:
                from stepfun_studio.ui.batch_dialog import show_batch_dialog

                show_batch_dialog(self._window, list(payload.paths))
            else:
                self._window.drops.offer(payload)

        run_in_background(self, folders, done, "batch-folder-drop")
        return True
