"""The job queue panel (objectName `queueView`): every job with its prompt, state and time.

A table model over `JobQueue.jobs()`, a tree view, and three buttons acting on the selection
(Cancel, Retry) or on everything (Cancel all). Running jobs tick their elapsed time twice a
second; a failed job shows its reason in the row and in full as the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from stepfun_studio.jobs.queue import ACTIVE, RETRYABLE, JobInfo, JobQueue
from stepfun_studio.library.jobs import JobState

PROMPT, STATE, TIME = range(3)
JOB_ID_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


def format_seconds(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s" if seconds < 10 else f"{seconds:.0f} s"
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes}:{rest:02d}"


class QueueModel(QAbstractTableModel):
    """Rows are jobs, newest last; kept in step with the queue by `job_changed`."""

    def __init__(self, queue: JobQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._queue = queue
        self._rows: list[JobInfo] = queue.jobs()
        queue.job_changed.connect(self._on_job_changed)

    def state_text(self, info: JobInfo) -> str:
        labels = {
            JobState.WAITING: self.tr("Waiting"),
            JobState.RUNNING: self.tr("Running"),
            JobState.DONE: self.tr("Done"),
            JobState.FAILED: self.tr("Failed"),
            JobState.CANCELLED: self.tr("Cancelled"),
            JobState.INTERRUPTED: self.tr("Interrupted, may have been billed"),
        }
        label = labels[info.state]
        if info.state is JobState.FAILED and info.error_text:
            return self.tr("Failed: {reason}").format(reason=info.error_text)
        return label

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Prompt"), self.tr("State"), self.tr("Time"))[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        info = self._rows[index.row()]
        column = index.column()
        if role == JOB_ID_ROLE:
            return info.job_id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == PROMPT:
                return " ".join(info.prompt.split())
            if column == STATE:
                return self.state_text(info)
            elapsed = info.elapsed_s()
            return "" if elapsed is None else format_seconds(elapsed)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == STATE and info.error is not None:
                details = info.error.details()
                return info.error.message + (f"\n\n{details}" if details else "")
            return self.state_text(info) if column == STATE else info.prompt
        failed = info.state in (JobState.FAILED, JobState.INTERRUPTED)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATE and failed:
            return QColor("#d64550")
        return None

    def job_at(self, row: int) -> JobInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, job_id: int) -> int:
        for row, info in enumerate(self._rows):
            if info.job_id == job_id:
                return row
        return -1

    def tick(self) -> None:
        """Re-reads the time column of running jobs."""
        for row, info in enumerate(self._rows):
            if info.state is JobState.RUNNING:
                index = self.index(row, TIME)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])

    def _on_job_changed(self, job_id: int) -> None:
        info = self._queue.get(job_id)
        row = self.row_of(job_id)
        if info is None and row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        elif info is not None and row < 0:
            end = len(self._rows)
            self.beginInsertRows(QModelIndex(), end, end)
            self._rows.append(info)
            self.endInsertRows()
        elif info is not None:
            self._rows[row] = info
            self.dataChanged.emit(self.index(row, 0), self.index(row, 2))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 2))


# What a push button needs around its text: the theme's 12 px padding each side, the border,
# and a few pixels of the style's own margin. With less, "Cancel" showed as "Cance".
BUTTON_CHROME_PX = 36


class QueueView(QWidget):
    """objectName `queueView`: the table plus Cancel, Retry and Cancel all.

    Double-click (or Enter on) a finished job to show its picture; Delete cancels the selection.
    """

    image_requested = Signal(int)  # image id of a done job the user opened

    def __init__(self, queue: JobQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queueView")
        self._queue = queue
        self.model = QueueModel(queue, self)
        self.table = QTreeView(self)
        self.table.setObjectName("queueTable")
        self.table.setModel(self.model)
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(PROMPT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TIME, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(STATE, 150)

        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelJobButton")
        self.retry_button = QPushButton(self)
        self.retry_button.setObjectName("retryJobButton")
        self.cancel_all_button = QPushButton(self)
        self.cancel_all_button.setObjectName("cancelAllButton")
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("clearFinishedButton")
        self.clear_button.clicked.connect(queue.clear_finished)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.retry_button.clicked.connect(self.retry_selected)
        self.cancel_all_button.clicked.connect(queue.cancel_all)

        # Two rows: the selection's actions, then the whole list's. In one row the four whole
        # texts made the right-hand docks wider than a 1366 px laptop leaves them.
        for_selection = QHBoxLayout()
        for_selection.addWidget(self.cancel_button)
        for_selection.addWidget(self.retry_button)
        for_selection.addStretch(1)
        for_list = QHBoxLayout()
        for_list.addWidget(self.clear_button)
        for_list.addWidget(self.cancel_all_button)
        for_list.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.table, 1)
        layout.addLayout(for_selection)
        layout.addLayout(for_list)

        self._ticker = QTimer(self)
        self._ticker.setInterval(500)
        self._ticker.timeout.connect(self.model.tick)
        self._ticker.start()
        self.table.activated.connect(self._on_activated)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self._cancel_key = QAction(self)
        self._cancel_key.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self._cancel_key.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._cancel_key.triggered.connect(self.cancel_selected)
        self.table.addAction(self._cancel_key)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        queue.job_changed.connect(self._update_buttons)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the selected jobs now (Delete)"))
        self._cancel_key.setText(self.tr("Cancel the selected jobs"))
        self.retry_button.setText(self.tr("Retry"))
        self.retry_button.setToolTip(
            self.tr("Send the selected failed, cancelled or interrupted jobs again (billed again)")
        )
        self.cancel_all_button.setText(self.tr("Cancel all"))
        self.clear_button.setText(self.tr("Clear finished"))
        self.clear_button.setToolTip(
            self.tr("Remove done, failed and cancelled jobs from this list (pictures stay)")
        )
        self.model.retranslate()
        # A push button's minimum is the style's 80 px or so even for "Retry"; let the row shrink
        # to the texts, so the queue dock does not hold a 1366 px window wider than its screen.
        for button in (
            self.cancel_button,
            self.retry_button,
            self.cancel_all_button,
            self.clear_button,
        ):
            button.setMinimumWidth(
                button.fontMetrics().horizontalAdvance(button.text()) + BUTTON_CHROME_PX
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def selected_jobs(self) -> list[JobInfo]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return [info for row in sorted(rows) if (info := self.model.job_at(row)) is not None]

    def select_job(self, job_id: int) -> None:
        row = self.model.row_of(job_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def cancel_selected(self) -> None:
        for info in self.selected_jobs():
            self._queue.cancel(info.job_id)

    def retry_selected(self) -> None:
        for info in self.selected_jobs():
            self._queue.retry(info.job_id)

    def _on_activated(self, index: QModelIndex) -> None:
        info = self.model.job_at(index.row())
        if info is not None and info.image_id is not None:
            self.image_requested.emit(info.image_id)

    def error_details(self, info: JobInfo) -> str:
        """What support asks for: the message, the HTTP status, the server's words, trace id."""
        if info.error is None:
            return info.error_text
        details = info.error.details()
        return info.error.message + (f"\n{details}" if details else "")

    def _context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        info = self.model.job_at(index.row()) if index.isValid() else None
        if info is None:
            return
        menu = QMenu(self)
        if info.state in ACTIVE:
            menu.addAction(self.tr("Cancel"), lambda: self._queue.cancel(info.job_id))
        if info.state in RETRYABLE:
            menu.addAction(self.tr("Retry"), lambda: self._queue.retry(info.job_id))
        if info.image_id is not None:
            image_id = info.image_id
            menu.addAction(self.tr("Show the picture"), lambda: self.image_requested.emit(image_id))
        if info.error_text:
            text = self.error_details(info)
            menu.addAction(
                self.tr("Copy the error details"),
                lambda: QGuiApplication.clipboard().setText(text),
            )
        menu.addAction(
            self.tr("Copy the prompt"), lambda: QGuiApplication.clipboard().setText(info.prompt)
        )
        menu.exec(self.table.viewport().mapToGlobal(position))

    def _update_buttons(self, *_args: object) -> None:
        selected = self.selected_jobs()
        self.cancel_button.setEnabled(any(info.state in ACTIVE for info in selected))
        self.retry_button.setEnabled(any(info.state in RETRYABLE for info in selected))
        self.cancel_all_button.setEnabled(self._queue.active_count() > 0)
        self.clear_button.setEnabled(self.model.rowCount() > self._queue.active_count())
