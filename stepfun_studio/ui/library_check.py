"""File ▸ Check library…: what the check found, and Rebuild, all off the GUI thread.

The check (a read of every row and a listing of every file) and the rebuild (reading every
picture file, minutes at 100,000 pictures) run on a thread of their own through
`run_in_background`; the dialog shows progress and the window keeps painting. The dialog is
window-modal while it works, so nobody rates a picture whose id is about to change.

Rebuild is always offered, with its warning in plain view; when the check finds problems the
dialog says that Rebuild is the repair. It rebuilds the open library in place
(`Library.rebuild_in_place`): a copy of the database is kept beside it first, and the edits
journal brings back ratings, favourites, tags, notes and collections. Ids change, so whoever
shows pictures is told (`rebuilt`) and reads everything again.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stepfun_studio.core.errors import AppError
from stepfun_studio.library.library import Library
from stepfun_studio.library.rebuild import RebuildReport
from stepfun_studio.library.records import CheckReport
from stepfun_studio.ui.background import run_in_background

log = logging.getLogger(__name__)


class _Progress(QObject):
    """Carries (done, total) from the rebuild's thread to the GUI thread.

    It lives as long as the application (its parent), so the thread never emits on a deleted
    object; the dialog's connection goes when the dialog does.
    """

    moved = Signal(int, int)


def _tr(text: str, n: int = -1) -> str:
    # The gallery's context: these lines were the gallery's before the dialog had a module.
    return QCoreApplication.translate("GalleryOrganise", text, None, n)


def check_report_text(report: CheckReport) -> str:
    if report.ok:
        return _tr("The library is in order: every image has its file.")
    lines = []
    if report.missing_files:
        lines.append(_tr("%n image(s) whose file is missing", len(report.missing_files)))
    if report.missing_references:
        lines.append(_tr("%n reference image(s) missing", len(report.missing_references)))
    if report.files_without_row:
        lines.append(_tr("%n file(s) not in the library", len(report.files_without_row)))
        lines.extend(f"  {p}" for p in report.files_without_row[:10])
    lines.append(_tr("Nothing was deleted. Import stray files to bring them back."))
    return "\n".join(lines)


class CheckLibraryDialog(QDialog):
    """Checks on open; offers Rebuild; reports the rebuild's outcome. Non-blocking."""

    checked = Signal(object)  # CheckReport
    rebuilt = Signal(object)  # RebuildReport: every id changed
    failed = Signal(str)  # the rebuild stopped; the message says what is kept

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkLibraryDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._library = library
        self._working = False
        self.report: CheckReport | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("checkSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy until the first count
        self.warning = QLabel(self)
        self.warning.setObjectName("rebuildWarning")
        self.warning.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.rebuild_button = QPushButton(self)
        self.rebuild_button.setObjectName("rebuildLibrary")
        self.rebuild_button.setEnabled(False)
        self.buttons.addButton(self.rebuild_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.rebuild_button.clicked.connect(self.start_rebuild)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addSpacing(8)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        # A fixed width lets the wrapped labels know their height; the height follows the text.
        self.setFixedWidth(560)
        self._progress = _Progress(QCoreApplication.instance())
        self._progress.moved.connect(self._on_progress)
        self.destroyed.connect(self._progress.deleteLater)
        self.retranslate()
        self.summary.setText(self.tr("Checking the library…"))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Check library"))
        self.rebuild_button.setText(self.tr("Rebuild library…"))
        self.warning.setText(
            self.tr(
                "Rebuild reads every picture file and builds the library's database anew. "
                "Ratings, favourites, tags, notes and collections come back from the edits "
                "journal kept beside the pictures; the current database is kept as a copy "
                "beside it. It can take minutes for a large library, and the gallery reloads "
                "afterwards."
            )
        )

    # -- checking ---------------------------------------------------------------------

    def start_check(self) -> None:
        self._working = True
        self.progress.setVisible(True)
        library = self._library
        run_in_background(self, library.check, self._on_checked, "check-library")

    def _on_checked(self, report: CheckReport | None, error: BaseException | None) -> None:
        self._working = False
        self.progress.setVisible(False)
        self.rebuild_button.setEnabled(True)
        self._fit_height()
        if error is not None or report is None:
            self._show(self._error_text(error))
            return
        self.report = report
        text = check_report_text(report)
        if not report.ok:
            text += "\n\n" + self.tr(
                "Rebuild library repairs this: it reads the database again from the pictures."
            )
            self.rebuild_button.setDefault(True)
        self._show(text)
        self.checked.emit(report)

    # -- rebuilding -------------------------------------------------------------------

    def start_rebuild(self) -> None:
        if self._working:
            return
        self._working = True
        self.rebuild_button.setEnabled(False)
        self.close_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.summary.setText(self.tr("Rebuilding the library…"))
        self._fit_height()
        library, progress = self._library, self._progress

        def moved(done: int, total: int) -> None:
            # At the very end of the process the carrier may be gone: nobody is left to tell.
            with contextlib.suppress(RuntimeError):
                progress.moved.emit(done, total)

        def work() -> RebuildReport:
            return library.rebuild_in_place(moved)

        run_in_background(self, work, self._on_rebuilt, "rebuild-library")

    def _on_progress(self, done: int, total: int) -> None:
        if not self._working:
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.summary.setText(
            self.tr("Rebuilding the library: %1 of %2 pictures read…")
            .replace("%1", str(done))
            .replace("%2", str(total))
        )

    def _on_rebuilt(self, report: RebuildReport | None, error: BaseException | None) -> None:
        self._working = False
        self.close_button.setEnabled(True)
        self.progress.setVisible(False)
        if error is not None or report is None:
            log.error("rebuild failed: %r", error)
            text = (
                self._error_text(error)
                + "\n\n"
                + self.tr(
                    "Quit Studio and run `stepfun-studio library rebuild` to try again; the "
                    "database copy made before the rebuild (library.db.before-rebuild-…) is beside "
                    "the pictures."
                )
            )
            self._show(text)
            self.rebuild_button.setEnabled(True)
            self.failed.emit(text)
            return
        # Done: the warning and the button have said what they had to.
        self.warning.setVisible(False)
        self.rebuild_button.setVisible(False)
        self._show(report.message())
        self.rebuilt.emit(report)

    def _show(self, text: str) -> None:
        # The text may be several lines longer than the last: the dialog grows to show it all.
        # A zero-width space after each slash lets a long path wrap instead of being cut off.
        self.summary.setText(text.replace("/", "/\u200b"))
        self._fit_height()

    def _fit_height(self) -> None:
        layout = self.layout()
        assert layout is not None  # made in __init__
        layout.activate()
        height = layout.totalHeightForWidth(self.width())
        self.setFixedHeight(max(height, layout.totalMinimumSize().height()))

    def _error_text(self, error: BaseException | None) -> str:
        if isinstance(error, AppError):
            return error.message
        return self.tr("The library could not be read: %1").replace("%1", str(error))

    def reject(self) -> None:
        # Closing mid-rebuild would leave the window unaware of the new ids: wait for it.
        if self._working and not self.close_button.isEnabled():
            return
        super().reject()


def open_check_dialog(
    parent: QWidget, library: Library, on_rebuilt: Callable[[], None] | None = None
) -> CheckLibraryDialog:
    """Shows the dialog and starts the check; `on_rebuilt()` runs after a rebuild."""
    dialog = CheckLibraryDialog(library, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_rebuilt is not None:
        dialog.rebuilt.connect(lambda _report: on_rebuilt())
    dialog.show()
    dialog.start_check()
    return dialog
