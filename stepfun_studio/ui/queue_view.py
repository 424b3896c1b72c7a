"""The job queue panel (objectName `queueView`): every job with its thumbnail, state and time.

A tree over `JobQueue.jobs()` (`ui/queue_model.py`): newest first like the gallery, the jobs of
one submit (a Generate of n pictures, a batch or grid run) under one header with the prompt's
start and the count, the whole prompt as the tooltip. Buttons act on the selection (Cancel,
Retry; a header stands for its whole group) or on everything (Cancel all, Clear finished).
Running jobs tick their elapsed time twice a second; a failed job shows its reason in the row and
in full as the tooltip.
"""

from __future__ import annotations

import collections

from PySide6.QtCore import QModelIndex, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
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
from stepfun_studio.ui.gallery.thumbnails import ThumbnailLoader
from stepfun_studio.ui.queue_model import (
    JOB_ID_ROLE,
    PROMPT,
    STATE,
    THUMBNAIL_PX,
    TIME,
    QueueModel,
    format_seconds,
)
from stepfun_studio.ui.retranslated import Retranslated

__all__ = ["JOB_ID_ROLE", "QueueModel", "QueueView", "format_seconds"]


# What a push button needs around its text: the theme's 12 px padding each side, the border,
# and a few pixels of the style's own margin. With less, "Cancel" showed as "Cance".
BUTTON_CHROME_PX = 36
TIME_PADDING_PX = 10


class QueueView(Retranslated, QWidget):
    """objectName `queueView`: the table plus Cancel, Retry and Cancel all.

    Double-click (or Enter on) a finished job to show its picture; Delete cancels the selection.
    """

    image_requested = Signal(int)  # image id of a done job the user opened

    def __init__(
        self,
        queue: JobQueue,
        parent: QWidget | None = None,
        thumbnails: ThumbnailLoader | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("queueView")
        self._queue = queue
        self.model = QueueModel(queue, self, thumbnails, self.devicePixelRatioF())
        self.table = QTreeView(self)
        self.table.setObjectName("queueTable")
        self.table.setModel(self.model)
        self.table.setIconSize(QSize(THUMBNAIL_PX, THUMBNAIL_PX))
        self.table.setIndentation(14)
        self.table.setExpandsOnDoubleClick(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(PROMPT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATE, QHeaderView.ResizeMode.Interactive)
        # A fixed width for the time, not "resize to contents": that measures every row of the
        # list again at each change (half a second per tick at 1,000 jobs).
        header.setSectionResizeMode(TIME, QHeaderView.ResizeMode.Fixed)
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
        self.model.rowsInserted.connect(self._expand_new_group)
        self.table.expandAll()
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
        time_header = self.table.header()
        widest = max(
            time_header.fontMetrics().horizontalAdvance(
                str(self.model.headerData(TIME, Qt.Orientation.Horizontal))
            ),
            self.table.fontMetrics().horizontalAdvance("88:88"),
        )
        time_header.resizeSection(TIME, widest + 2 * TIME_PADDING_PX)
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

    def selected_jobs(self) -> list[JobInfo]:
        """The selected jobs; a group's header stands for all of its jobs."""
        found: dict[int, JobInfo] = {}
        for index in self.table.selectionModel().selectedRows():
            for info in self.model.jobs_for(index):
                found[info.job_id] = info
        return [found[job_id] for job_id in sorted(found)]

    def select_job(self, job_id: int) -> None:
        index = self.model.index_of(job_id)
        if index.isValid():
            self.table.setCurrentIndex(index)

    def _expand_new_group(self, parent: QModelIndex, first: int, last: int) -> None:
        # New groups open, so their thumbnails show; a group the user closed stays closed
        # unless it has just become a group (a job alone gaining a second).
        if not parent.isValid():
            for row in range(first, last + 1):
                self.table.expand(self.model.index(row, 0))
        elif self.model.rowCount(parent) == last - first + 1:
            self.table.expand(parent)

    def cancel_selected(self) -> None:
        self._cancel([info.job_id for info in self.selected_jobs()])

    def retry_selected(self) -> None:
        self._retry([info.job_id for info in self.selected_jobs()])

    def _cancel(self, job_ids: list[int]) -> None:
        for job_id in job_ids:
            self._queue.cancel(job_id)

    def _retry(self, job_ids: list[int]) -> None:
        for job_id in job_ids:
            self._queue.retry(job_id)

    def _on_activated(self, index: QModelIndex) -> None:
        # A header opens its group's newest picture.
        finished = [info.image_id for info in self.model.jobs_for(index) if info.image_id]
        if finished:
            self.image_requested.emit(finished[-1])

    def error_details(self, info: JobInfo) -> str:
        """What support asks for: the message, the HTTP status, the server's words, trace id."""
        if info.error is None:
            return info.error_text
        details = info.error.details()
        return info.error.message + (f"\n{details}" if details else "")

    def _context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        jobs = self.model.jobs_for(index)
        if not jobs:
            return
        # On a group's header: Cancel and Retry act on the whole group.
        info = self.model.job_for(index) or jobs[-1]
        active = [job.job_id for job in jobs if job.state in ACTIVE]
        retryable = [job.job_id for job in jobs if job.state in RETRYABLE]
        finished = [job.image_id for job in jobs if job.image_id is not None]
        menu = QMenu(self)
        if active:
            menu.addAction(self.tr("Cancel"), lambda: self._cancel(active))
        if retryable:
            menu.addAction(self.tr("Retry"), lambda: self._retry(retryable))
        if finished:
            image_id = finished[-1]
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
        # At every job change: the selected rows' state counts, not their jobs (a selected
        # batch header stands for hundreds).
        states: collections.Counter[JobState] = collections.Counter()
        for index in self.table.selectionModel().selectedRows():
            states.update(self.model.states_in(index))
        self.cancel_button.setEnabled(any(states[state] > 0 for state in ACTIVE))
        self.retry_button.setEnabled(any(states[state] > 0 for state in RETRYABLE))
        self.cancel_all_button.setEnabled(self._queue.active_count() > 0)
        self.clear_button.setEnabled(self.model.job_count() > self._queue.active_count())
