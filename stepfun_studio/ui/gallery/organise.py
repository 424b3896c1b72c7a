"""Small dialogs behind the context menu and the toolbar: tags, note, import, export, check.

Each takes the library and the ids it works on, writes through the library, and returns a
message for the status bar (or None when the user cancelled).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from stepfun_studio.library.library import Library
from stepfun_studio.library.records import ImportReport
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
        text += "; " + _tr("%n could not be read", len(report.failures))
    return text


def import_dialog(parent: QWidget, library: Library, folder: bool) -> ImportReport | None:
    if folder:
        chosen = QFileDialog.getExistingDirectory(parent, _tr("Import a folder"))
        paths = [Path(chosen)] if chosen else []
    else:
        files, _filter = QFileDialog.getOpenFileNames(
            parent, _tr("Import images"), "", _tr("Images (*.png *.jpg *.jpeg *.webp)")
        )
        paths = [Path(f) for f in files]
    if not paths:
        return None
    report = library.import_files(paths)
    if report.failures:
        details = "\n".join(f"{f.path.name}: {f.reason}" for f in report.failures[:20])
        QMessageBox.warning(parent, _tr("Import"), import_report_text(report) + "\n\n" + details)
    return report


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
