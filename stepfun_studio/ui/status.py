"""The status bar (objectName `statusBar`): errors in words, the queue's counts, the server in use.

Every failure that reaches the window passes through `StatusReporter.show_error`, so the user
always reads the same shape: what went wrong and what to do, then the support details (HTTP status,
the server's words, the trace id). Never a traceback.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from stepfun_studio.core.errors import AppError
from stepfun_studio.jobs.queue import JobQueue
from stepfun_studio.library.jobs import JobState

ERROR_SHOWN_MS = 30_000
INFO_SHOWN_MS = 6_000
# The queue's counts are shown at most this often: a batch changes a job thirty times a second,
# and each new text lays the status bar (and the window's bottom edge) out again.
COUNTS_EVERY_MS = 100


def error_text(error: AppError) -> str:
    """The one line a person reads: the actionable message, then the support details."""
    details = error.details()
    if not details:
        return error.message
    # Through the translator: Chinese puts the details in full-width brackets.
    return QCoreApplication.translate("StatusReporter", "{message} ({details})").format(
        message=error.message, details=details
    )


class StatusReporter(QObject):
    """Owns the window's status bar and its two permanent labels."""

    def __init__(self, bar: QStatusBar, queue: JobQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = bar
        bar.setObjectName("statusBar")
        self._queue = queue
        self._server = QLabel(bar)
        self._server.setObjectName("serverLabel")
        self._counts = QLabel(bar)
        self._counts.setObjectName("queueCountsLabel")
        bar.addPermanentWidget(self._counts)
        bar.addPermanentWidget(self._server)
        self._demo = False
        self._host = ""
        self.last_error: AppError | None = None
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(COUNTS_EVERY_MS)
        self._counts_timer.timeout.connect(self.update_counts)
        queue.job_changed.connect(self._counts_soon)
        self.update_counts()

    def show_error(self, error: AppError, prompt: str | None = None) -> None:
        self.last_error = error
        text = error_text(error)
        if prompt:
            short = " ".join(prompt.split())
            short = short if len(short) <= 40 else short[:39] + "…"
            text = self.tr("“{prompt}”: {error}").format(prompt=short, error=text)
        self.bar.showMessage(text, ERROR_SHOWN_MS)

    def show_info(self, text: str) -> None:
        self.bar.showMessage(text, INFO_SHOWN_MS)

    def set_server(self, host: str, demo: bool) -> None:
        self._host, self._demo = host, demo
        self.retranslate()

    def _counts_soon(self, *_args: object) -> None:
        if not self._counts_timer.isActive():  # not restarted: a long run still shows counts
            self._counts_timer.start()

    def update_counts(self, *_args: object) -> None:
        # Asked at every job change: the queue keeps the counts, nothing is walked here.
        running = self._queue.count(JobState.RUNNING)
        waiting = self._queue.count(JobState.WAITING)
        if running or waiting:
            self._counts.setText(
                self.tr("{running} running, {waiting} waiting").format(
                    running=running, waiting=waiting
                )
            )
        else:
            self._counts.setText(self.tr("Queue idle"))

    def retranslate(self) -> None:
        if self._demo:
            self._server.setText(self.tr("Demo: local stand-in server"))
        elif self._host:
            self._server.setText(self.tr("Server: {host}").format(host=self._host))
        else:
            self._server.setText("")
        self.update_counts()
