"""`QuitGrace`: quitting with pictures on their way waits a little for them, and keeps them.

A request already sent may be billed; its answer usually arrives within seconds. So after the
user chose to quit, waiting jobs are held (they stay waiting and go at the next start), and the
window waits up to a grace period for the answers already on their way, each stored as usual
(spool, then library). A progress dialog shows the time left and offers "Quit now"; the event
loop runs all the while (a timer, not a sleep), so the window keeps painting.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QWidget

from stepfun_studio.jobs.queue import JobQueue

TICK_MS = 200


class QuitGrace(QObject):
    """Emits `finished` once nothing is on its way any more, the time is up, or the user
    chose "Quit now"; the window then quits for real."""

    finished = Signal()

    def __init__(self, window: QWidget, queue: JobQueue, grace_s: float) -> None:
        super().__init__(window)
        self.setObjectName("quitGrace")
        self._queue = queue
        self._grace_s = max(0.0, grace_s)
        self._deadline = time.monotonic() + self._grace_s
        self._done = False
        queue.hold_waiting()
        self.dialog = QProgressDialog(window)
        self.dialog.setObjectName("quitGraceDialog")
        self.dialog.setWindowTitle(self.tr("Quitting StepFun Studio"))
        self.dialog.setCancelButtonText(self.tr("Quit now"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumDuration(0)
        # The seconds left are in the label; a percentage of a wait says nothing more.
        bar = QProgressBar(self.dialog)
        bar.setTextVisible(False)
        self.dialog.setBar(bar)
        self.dialog.setRange(0, max(1, int(self._grace_s * 1000)))
        self.dialog.canceled.connect(self._finish)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        queue.job_changed.connect(self._tick)
        self._timer.start()
        self._tick()
        if not self._done:
            self.dialog.show()

    @property
    def done(self) -> bool:
        return self._done

    def _tick(self, *_args: object) -> None:
        if self._done:
            return
        on_their_way = self._queue.in_flight_count()
        left_s = self._deadline - time.monotonic()
        if on_their_way == 0 or left_s <= 0:
            self._finish()
            return
        self.dialog.setLabelText(
            self.tr(
                "Waiting for %n picture(s) already on their way, to keep them (%1 s left).\n"
                "Pictures not sent yet are sent at the next start.",
                "",
                on_their_way,
            ).replace("%1", str(math.ceil(left_s)))
        )
        self.dialog.setValue(int((self._grace_s - left_s) * 1000))

    def _finish(self) -> None:
        if self._done:
            return
        self._done = True
        self._timer.stop()
        self._queue.job_changed.disconnect(self._tick)
        self.dialog.hide()
        self.dialog.deleteLater()
        # After the signal that brought us here has reached everyone (the picture that just
        # arrived is still being shown): only then may the window close the library.
        QTimer.singleShot(0, self, self.finished.emit)
