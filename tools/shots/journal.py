"""Screenshots of File ▸ Check Library…: in order, a problem found, rebuilding, rebuilt."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


def shoot(
    window: Any,
    studio: Any,
    pump: Callable[[float], None],
    save: Callable[[Any, str], None],
    language: str,
) -> None:
    from stepfun_studio.library.records import ImageQuery
    from stepfun_studio.ui.library_check import CheckLibraryDialog

    def open_dialog() -> CheckLibraryDialog:
        window.menus.actions["checkLibrary"].trigger()
        dialog = window.findChild(CheckLibraryDialog, "checkLibraryDialog")
        deadline = time.monotonic() + 10
        while dialog.report is None and time.monotonic() < deadline:
            pump(0.1)
        pump(0.4)
        return dialog

    window.resize(1366, 768)
    dialog = open_dialog()
    save(dialog, "check-library-in-order-light")
    dialog.close()
    pump(0.3)
    # A picture file the database does not know: what a lost row looks like to the check.
    ids = studio.library.query_ids(ImageQuery(), 0, 1)
    if not ids:
        return
    original = studio.library.original_path(ids[0])
    letter = "e" if language == "zh_CN" else "f"  # one stray per language's run
    stray = studio.paths.images_dir / (letter * 2) / (letter * 64 + original.suffix)
    if not stray.exists():
        stray.parent.mkdir(parents=True, exist_ok=True)
        stray.write_bytes(original.read_bytes())
    dialog = open_dialog()
    save(dialog, "check-library-problem-light")
    # What the dialog shows mid-way through a large library (this one rebuilds too fast).
    dialog._working = True
    dialog.progress.setVisible(True)
    dialog._on_progress(1500, 4200)
    pump(0.3)
    save(dialog, "check-library-rebuilding-light")
    dialog._working = False
    dialog.start_rebuild()
    deadline = time.monotonic() + 30
    while dialog._working and time.monotonic() < deadline:
        pump(0.1)
    pump(0.4)
    save(dialog, "check-library-rebuilt-light")
    dialog.close()
    pump(0.3)
