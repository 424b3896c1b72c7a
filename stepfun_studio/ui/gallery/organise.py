"""Small dialogs behind the context menu and the toolbar: tags, note, import, export.

Each asks, then has the library written off the GUI thread (tags and notes through the
culling lane, in order with the grid's other changes) and says what was done on the status bar.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from stepfun_studio.core.errors import AppError
from stepfun_studio.library.library import Library
from stepfun_studio.library.records import ImageRecord, ImportReport
from stepfun_studio.ui.background import run_in_background
from stepfun_studio.ui.library_writes import change_library

if TYPE_CHECKING:
    from stepfun_studio.ui.gallery.panel import GalleryPanel


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("GalleryOrganise", text, None, n)


def edit_tags(panel: GalleryPanel, ids: list[int]) -> None:
    """Add tags (comma separated); a leading minus removes one: "sunset, -draft"."""
    known = ", ".join(panel.filters.known_tags()[:30])  # as the filter bar last read them
    text, ok = QInputDialog.getText(
        panel,
        _tr("Tags"),
        _tr("Tags to add, separated by commas (prefix with - to remove):")
        + (f"\n{_tr('Known:')} {known}" if known else ""),
    )
    if not ok:
        return
    words = [w.strip() for w in text.replace("，", ",").split(",") if w.strip()]
    add = [w for w in words if not w.startswith("-")]
    remove = [w[1:].strip() for w in words if w.startswith("-") and w[1:].strip()]

    def work(library: Library) -> None:
        library.add_tags(ids, add)
        library.remove_tags(ids, remove)

    said = _tr("Tags updated on %n image(s)", len(ids))
    panel.culling.write(work, ids, "organised", lambda _none: panel.status_message.emit(said))


def edit_note(panel: GalleryPanel, record: ImageRecord) -> None:
    """Asks for the note of `record` (read off the GUI thread by the caller), then writes it."""
    text, ok = QInputDialog.getMultiLineText(
        panel, _tr("Note"), _tr("Note for this image:"), record.note
    )
    if ok:
        work = lambda library: library.set_note(record.id, text)  # noqa: E731
        said = lambda _none: panel.status_message.emit(_tr("Note saved"))  # noqa: E731
        panel.culling.write(work, [record.id], "organised", said)


def import_report_text(report: ImportReport) -> str:
    text = _tr("Imported %n image(s)", len(report.imported))
    if report.duplicates:
        text += "; " + _tr("%n already in the library", len(report.duplicates))
    if report.failures:
        text += "; " + _tr("%n not imported", len(report.failures))
    return text


def import_dialog(panel: GalleryPanel, folder: bool) -> None:
    """Asks for files or a folder and imports them on a worker thread, then shows them.

    Every file is read and decoded whole, which takes seconds for a folder of photos: never on
    the GUI thread. A list of the refused files, if any, comes before the grid is read again.
    """
    library = panel.library
    if library is None:
        return
    if folder:
        chosen = QFileDialog.getExistingDirectory(panel, _tr("Import a folder"))
        paths = [Path(chosen)] if chosen else []
    else:
        files, _filter = QFileDialog.getOpenFileNames(
            panel, _tr("Import images"), "", _tr("Images (*.png *.jpg *.jpeg *.webp)")
        )
        paths = [Path(f) for f in files]
    if not paths:
        return

    def finished(report: ImportReport | None, error: BaseException | None) -> None:
        if report is None:
            reason = error.message if isinstance(error, AppError) else str(error)
            QMessageBox.warning(panel, _tr("Import"), _tr("Nothing was imported: ") + reason)
            return
        if failures := report.failures:  # a line for each of the first 20: its name and why
            lines = [import_report_text(report), ""]
            lines += [f"{failure.path.name}: {failure.reason}" for failure in failures[:20]]
            if len(failures) > 20:
                lines.append(_tr("…and %n more", len(failures) - 20))
            QMessageBox.warning(panel, _tr("Import"), "\n".join(lines))
        panel.refresh()
        panel.status_message.emit(import_report_text(report))

    run_in_background(panel, lambda: library.import_files(paths), finished, "import-files")


def export_dialog(panel: GalleryPanel, ids: list[int]) -> None:
    """Copies the originals to a chosen folder on a thread of its own (not the culling lane)."""
    folder = QFileDialog.getExistingDirectory(panel, _tr("Export to folder"))
    library = panel.library
    if not folder or library is None:
        return

    def exported(written: list[Path]) -> None:
        panel.status_message.emit(_tr("Exported %n image(s)", len(written)) + f" → {folder}")

    def failed(error: AppError) -> None:
        panel.culling.notice.show_problem(error.message, None)

    work = lambda: library.export(ids, Path(folder))  # noqa: E731
    change_library(panel, work, exported, failed, "export")
