"""Small dialogs behind the context menu and the toolbar: tags, note, import, export, check.

Each takes the library and the ids it works on, writes through the library, and returns a
message for the status bar (or None when the user cancelled).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from stepfun_studio.core.errors import AppError
from stepfun_studio.library.library import Library
from stepfun_studio.library.records import ImportReport
from stepfun_studio.ui.background import run_in_background
from stepfun_studio.ui.library_check import (
    CheckLibraryDialog,
    open_check_dialog,
)


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("GalleryOrganise", text, None, n)


def edit_tags(parent: QWidget, library: Library, ids: list[int]) -> str | None:
    """Add tags (comma separated); a leading minus removes one: "sunset, -draft"."""
    known = ", ".join(tag for tag, _count in library.list_tags()[:30])
    text, ok = QInputDialog.getText(
        parent,
        _tr("Tags"),
        _tr("Tags to add, separated by commas (prefix with - to remove):")
        + (f"\n{_tr('Known:')} {known}" if known else ""),
    )
    if not ok:
        return None
    words = [w.strip() for w in text.replace("，", ",").split(",") if w.strip()]
    add = [w for w in words if not w.startswith("-")]
    remove = [w[1:].strip() for w in words if w.startswith("-") and w[1:].strip()]
    if add:
        library.add_tags(ids, add)
    if remove:
        library.remove_tags(ids, remove)
    return _tr("Tags updated on %n image(s)", len(ids))


def edit_note(parent: QWidget, library: Library, image_id: int) -> str | None:
    record = library.get(image_id)
    old = record.note if record is not None else ""
    text, ok = QInputDialog.getMultiLineText(parent, _tr("Note"), _tr("Note for this image:"), old)
    if not ok:
        return None
    library.set_note(image_id, text)
    return _tr("Note saved")


def import_report_text(report: ImportReport) -> str:
    text = _tr("Imported %n image(s)", len(report.imported))
    if report.duplicates:
        text += "; " + _tr("%n already in the library", len(report.duplicates))
    if report.failures:
        text += "; " + _tr("%n not imported", len(report.failures))
    return text


def import_failures_text(report: ImportReport, shown: int = 20) -> str:
    """One line per refused file, its name and the reason in words."""
    lines = [f"{failure.path.name}: {failure.reason}" for failure in report.failures[:shown]]
    if len(report.failures) > shown:
        lines.append(_tr("…and %n more", len(report.failures) - shown))
    return "\n".join(lines)


def import_dialog(
    parent: QWidget,
    library: Library,
    folder: bool,
    done: Callable[[ImportReport], None] | None = None,
) -> bool:
    """Asks for files or a folder and imports them on a worker thread; False if cancelled.

    Every file is read and decoded whole, which takes seconds for a folder of photos: never on
    the GUI thread. `done(report)` follows, after a list of the refused files if any.
    """
    if folder:
        chosen = QFileDialog.getExistingDirectory(parent, _tr("Import a folder"))
        paths = [Path(chosen)] if chosen else []
    else:
        files, _filter = QFileDialog.getOpenFileNames(
            parent, _tr("Import images"), "", _tr("Images (*.png *.jpg *.jpeg *.webp)")
        )
        paths = [Path(f) for f in files]
    if not paths:
        return False

    def finished(report: ImportReport | None, error: BaseException | None) -> None:
        if report is None:
            reason = error.message if isinstance(error, AppError) else str(error)
            QMessageBox.warning(parent, _tr("Import"), _tr("Nothing was imported: ") + reason)
            return
        if report.failures:
            text = import_report_text(report) + "\n\n" + import_failures_text(report)
            QMessageBox.warning(parent, _tr("Import"), text)
        if done is not None:
            done(report)

    run_in_background(parent, lambda: library.import_files(paths), finished, "import-files")
    return True


def export_dialog(parent: QWidget, library: Library, ids: list[int]) -> str | None:
    folder = QFileDialog.getExistingDirectory(parent, _tr("Export to folder"))
    if not folder:
        return None
    written = library.export(ids, Path(folder))
    return _tr("Exported %n image(s)", len(written)) + f" → {folder}"


def check_dialog(
    parent: QWidget, library: Library, on_rebuilt: Callable[[], None] | None = None
) -> CheckLibraryDialog:
    """File ▸ Check library…: checks off the GUI thread and offers Rebuild (library_check.py)."""
    return open_check_dialog(parent, library, on_rebuilt)
