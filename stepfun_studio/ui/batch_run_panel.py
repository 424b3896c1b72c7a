"""The running half of the Batch dialog: progress, each picture's state, Pause / Resume / Cancel.

It shows the studio's `BatchRunner` (which outlives the dialog) and acts on it. "Send Again…"
is the only road by which a picture that may have been billed is sent a second time, and it asks
first. Earlier batches (one a restart interrupted) can be reopened from the list at the left.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stepfun_studio.jobs.batch_runner import BatchRunner
from stepfun_studio.library.batches import BatchItem, BatchState, ItemState
from stepfun_studio.ui.retranslated import Retranslated

SETTLED = (ItemState.DONE, ItemState.FAILED, ItemState.CANCELLED, ItemState.MAYBE_BILLED)
UNCERTAIN = (ItemState.MAYBE_BILLED, ItemState.FAILED, ItemState.CANCELLED)


def _tr(text: str) -> str:
    return QCoreApplication.translate("BatchRunPanel", text)


def state_text(state: BatchState) -> str:
    return {
        BatchState.READY: _tr("ready"),
        BatchState.RUNNING: _tr("running"),
        BatchState.PAUSED: _tr("paused"),
        BatchState.DONE: _tr("done"),
        BatchState.CANCELLED: _tr("cancelled"),
        BatchState.OVER_BUDGET: _tr("stopped at the budget"),
    }[state]


def _item_words() -> dict[ItemState, str]:
    return {
        ItemState.PENDING: _tr("waiting"),
        ItemState.SUBMITTING: _tr("on its way"),
        ItemState.QUEUED: _tr("on its way"),
        ItemState.DONE: _tr("done"),
        ItemState.FAILED: _tr("failed"),
        ItemState.CANCELLED: _tr("cancelled"),
        ItemState.MAYBE_BILLED: _tr("may have been billed"),
    }


def item_text(item: BatchItem, words: dict[ItemState, str] | None = None) -> str:
    return f"{item.name} — {(words or _item_words())[item.state]}"


def show_items(view: QListWidget, items: list[BatchItem]) -> None:
    """The items' states in `view`, touching only the rows that changed (a batch may be long).

    Runs at every item's change: the words are translated once per call, not per item (seven
    lookups for each of 500 pictures made it 2.6 ms of the GUI thread per change, now 0.6)."""
    words = _item_words()
    if view.count() != len(items):
        view.clear()
        view.addItems([item_text(item, words) for item in items])
    for row, item in enumerate(items):
        entry = view.item(row)
        text = item_text(item, words)
        if entry.text() != text:
            entry.setText(text)
            entry.setToolTip(item.error or item.prompt)


class BatchRunPanel(Retranslated, QWidget):
    """Progress, status and the run's buttons, for the runner's open batch."""

    earlier_chosen = Signal(int)  # a batch id

    def __init__(
        self, runner: BatchRunner, budget: Callable[[], float | None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("batchRunPanel")
        self.runner = runner
        self._budget = budget
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("batchProgress")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("batchStatusLabel")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        row = QHBoxLayout()
        self.earlier_combo = QComboBox(self)
        self.earlier_combo.setObjectName("batchEarlierCombo")
        self.earlier_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.earlier_combo.setMinimumContentsLength(14)
        row.addWidget(self.earlier_combo, 1)
        self.pause_button = QPushButton(self)
        self.resume_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        self.resend_button = QPushButton(self)
        for button, name in (
            (self.pause_button, "batchPauseButton"),
            (self.resume_button, "batchResumeButton"),
            (self.cancel_button, "batchCancelButton"),
            (self.resend_button, "batchResendButton"),
        ):
            button.setObjectName(name)
            row.addWidget(button)
        layout.addLayout(row)
        self.pause_button.clicked.connect(runner.pause)
        self.resume_button.clicked.connect(self.resume)
        self.cancel_button.clicked.connect(runner.cancel)
        self.resend_button.clicked.connect(self.resend_uncertain)
        self.earlier_combo.activated.connect(self._on_earlier)
        self._earlier: list[tuple[int, str, BatchState]] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.pause_button.setText(self.tr("Pause"))
        self.resume_button.setText(self.tr("Resume"))
        self.cancel_button.setText(self.tr("Cancel Batch"))
        self.resend_button.setText(self.tr("Send Again…"))
        self.resend_button.setToolTip(
            self.tr("Send the pictures that may have been billed, failed or were cancelled.")
        )
        self.set_earlier(self._earlier)
        self.refresh()

    def set_earlier(self, earlier: list[tuple[int, str, BatchState]]) -> None:
        self._earlier = earlier
        self.earlier_combo.clear()
        self.earlier_combo.addItem(self.tr("Earlier batches…"), None)
        for batch_id, name, state in earlier:
            self.earlier_combo.addItem(f"{name} · {state_text(state)}", batch_id)
        self.earlier_combo.setVisible(bool(earlier))

    def _on_earlier(self, index: int) -> None:
        batch_id = self.earlier_combo.itemData(index)
        if batch_id is not None:
            self.runner.open(int(batch_id))
            self.earlier_chosen.emit(int(batch_id))

    def resume(self) -> None:
        """Carries on, under the budget the dialog shows now (it may have been raised)."""
        if self.runner.state in (BatchState.OVER_BUDGET, BatchState.PAUSED):
            self.runner.set_budget(self._budget())
        self.runner.resume()

    def resend_uncertain(self) -> None:
        count = self.runner.count(*UNCERTAIN)
        if not count:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Send Again"),
            self.tr(
                "{count} pictures may have been made and billed already, failed or were "
                "cancelled. Send them again? Each may be billed again."
            ).format(count=count),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.runner.resend_uncertain()
            self.resume()

    def refresh(self) -> None:
        runner, state = self.runner, self.runner.state
        total = runner.total()  # not the sorted items: this runs at every item's change
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(runner.count(*SETTLED))
        self.progress.setVisible(bool(total))
        running = state is BatchState.RUNNING
        can_continue = state in (BatchState.PAUSED, BatchState.OVER_BUDGET, BatchState.CANCELLED)
        self.pause_button.setEnabled(running)
        # Another batch opened now would leave this one's jobs untracked until reopened.
        self.earlier_combo.setEnabled(not running)
        self.resume_button.setEnabled(can_continue and runner.count(ItemState.PENDING) > 0)
        self.cancel_button.setEnabled(state in (BatchState.RUNNING, BatchState.PAUSED))
        self.resend_button.setEnabled(not running and runner.count(*UNCERTAIN) > 0)
        if runner.batch is None:
            return
        parts = [
            self.tr("{name}: {state}").format(
                name=runner.batch.name, state=state_text(state or BatchState.READY)
            ),
            self.tr("{done} of {total} done").format(
                done=runner.count(ItemState.DONE), total=total
            ),
        ]
        on_way = runner.count(ItemState.QUEUED, ItemState.SUBMITTING)
        if on_way:
            parts.append(self.tr("{count} on their way").format(count=on_way))
        billed = runner.count(ItemState.MAYBE_BILLED)
        if billed:
            parts.append(
                self.tr("{count} may have been billed (not sent again unless you ask)").format(
                    count=billed
                )
            )
        failed = runner.count(ItemState.FAILED)
        if failed:
            parts.append(self.tr("{count} failed").format(count=failed))
        self.status_label.setText(" · ".join(parts))
