"""The X/Y grid dialog (`xyGridDialog`): two axes over the request being edited, the count and the
cost shown before anything is sent, then every cell made through the job queue and one labelled
grid picture stored with them in a collection.

The axes offered are the ones the model takes (`core.xy_grid.axes_for`, read from its
capabilities). Planning is pure and fast, so it runs as the user types; everything that reads or
writes the library (the cells' pictures, the sheet, the collection) runs off the GUI thread.
"""

from __future__ import annotations

import random
import time

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stepfun_studio.core.cost import format_sums
from stepfun_studio.core.errors import AppError
from stepfun_studio.core.model_table import ModelTable
from stepfun_studio.core.request import MAX_SEED, GenerationRequest
from stepfun_studio.core.xy_grid import (
    Axis,
    AxisKind,
    GridError,
    GridPlan,
    axes_for,
    parse_axis,
    plan_grid,
)
from stepfun_studio.jobs.queue import JobQueue
from stepfun_studio.library.jobs import JobState
from stepfun_studio.library.library import Library
from stepfun_studio.library.xy_sheet import store_grid
from stepfun_studio.ui.background import run_in_background

# What the values field suggests for each axis, as the command line writes it.
EXAMPLES = {
    AxisKind.SEED: "1, 2, 3",
    AxisKind.STEPS: "20, 30, 40",
    AxisKind.CFG: "3, 5, 7.5",
    AxisKind.WEIGHT: "0.3, 0.5, 0.7",
    AxisKind.MODEL: "",
    AxisKind.PROMPT: "",
}


class _AxisRow(QWidget):
    """One axis: what it varies and its values."""

    edited = Signal()

    def __init__(self, kinds: list[AxisKind], optional: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.kind = QComboBox(self)
        if optional:
            self.kind.addItem(self.tr("(none)"), None)
        for kind in kinds:
            self.kind.addItem(kind.label(), kind.value)
        self.values = QLineEdit(self)
        self.values.setClearButtonEnabled(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(self.values, 1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.values.textChanged.connect(self.edited)

    def set_examples(self, request: GenerationRequest, table: ModelTable) -> None:
        self._request, self._table = request, table
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        self.values.setEnabled(kind is not None)
        if kind is AxisKind.MODEL:
            same = [m.name for m in self._table.models if m.provider == self._request.provider]
            example = ", ".join(same[:3])
        elif kind is AxisKind.PROMPT:
            first = self._request.prompt.split()[:1]
            example = (
                self.tr("word in the prompt, replacement, …") if not first else (f"{first[0]}, …")
            )
        else:
            example = EXAMPLES.get(kind, "") if kind else ""
        self.values.setPlaceholderText(example)
        self.edited.emit()

    def current_kind(self) -> AxisKind | None:
        value = self.kind.currentData()
        return AxisKind(value) if value else None

    def axis(self) -> Axis | None:
        kind = self.current_kind()
        if kind is None:
            return None
        return parse_axis(f"{kind.value}={self.values.text()}")


class XYGridDialog(QDialog):
    """Plans a grid over `request`, shows its count and cost, runs it, stores the sheet."""

    grid_stored = Signal(int)  # the labelled sheet's image id

    def __init__(
        self,
        request: GenerationRequest,
        table: ModelTable,
        queue: JobQueue,
        library: Library,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("xyGridDialog")
        self.setWindowTitle(self.tr("X/Y Grid"))
        self._request = request.with_changes(n=1)
        self._table = table
        self._queue = queue
        self._library = library
        self._plan: GridPlan | None = None
        self._jobs: dict[int, int] = {}  # job id -> cell index
        self._made: dict[int, int] = {}  # cell index -> image id
        self._ended = 0
        # Made first: the axis rows report their first values as soon as they are built.
        self.preview = QLabel(self)
        self.preview.setObjectName("xyGridPreview")
        self.preview.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.run_button = QPushButton(self.tr("Make Grid"), self)
        self.run_button.setObjectName("xyGridRun")
        spec = table.get(request.model)
        kinds = axes_for(spec, request.mode) if spec else [AxisKind.PROMPT]
        self.x_row = _AxisRow(kinds, False, self)
        self.y_row = _AxisRow(kinds, True, self)
        for row in (self.x_row, self.y_row):
            row.set_examples(self._request, table)
            row.edited.connect(self._replan)
        about = QLabel(self)
        about.setWordWrap(True)
        about.setText(
            self.tr("Model: {model}. Prompt: {prompt}").format(
                model=request.model, prompt=_short(request.prompt, 80)
            )
        )
        about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Columns (X):"), self.x_row)
        form.addRow(self.tr("Rows (Y):"), self.y_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.run_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.run_button.clicked.connect(self.run_grid)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(560, 280)
        self._replan()

    # --- planning ---------------------------------------------------------------------------

    def _replan(self) -> None:
        if self._jobs:
            return  # running: the plan is fixed
        self._plan = None
        try:
            x = self.x_row.axis()
            y = self.y_row.axis()
            if x is None:
                raise GridError(self.tr("Choose what the columns vary."))
            plan = plan_grid(self._request, x, y, self._table)
        except GridError as error:
            self._show_problem(str(error))
            return
        self._plan = plan
        cost = plan.cost(self._table)
        self.preview.setText(
            self.tr("{count} pictures ({columns} × {rows}), estimated {cost}.").format(
                count=len(plan.cells),
                columns=plan.columns,
                rows=plan.rows,
                cost=format_sums(cost) if cost else self.tr("price unknown"),
            )
        )
        self.run_button.setEnabled(True)

    def _show_problem(self, text: str) -> None:
        self.preview.setText(text)
        self.run_button.setEnabled(False)

    # --- running ----------------------------------------------------------------------------

    def run_grid(self) -> None:
        """Submits every cell; the same random seed for all when no axis varies the seed."""
        if self._plan is None or self._jobs:
            return
        x, y = self._plan.x, self._plan.y
        self._plan = plan_grid(
            self._request, x, y, self._table, shared_seed=random.randint(1, MAX_SEED)
        )
        self.run_button.setEnabled(False)
        for row in (self.x_row, self.y_row):
            row.setEnabled(False)
        self._queue.image_ready.connect(self._on_image_ready)
        self._queue.job_failed.connect(self._on_job_ended)
        self._queue.job_changed.connect(self._on_job_changed)
        for index, cell in enumerate(self._plan.cells):
            for job_id in self._queue.submit(cell.request):
                self._jobs[job_id] = index
        self.progress.setRange(0, len(self._plan.cells))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.preview.setText(self.tr("Making the grid…"))

    def _on_image_ready(self, job_id: int, image_id: int) -> None:
        index = self._jobs.get(job_id)
        if index is not None and index not in self._made:
            self._made[index] = image_id
            self._ended += 1
            self._step()

    def _on_job_ended(self, job_id: int, _error: AppError | None = None) -> None:
        if job_id in self._jobs and self._jobs[job_id] not in self._made:
            self._ended += 1
            self._step()

    def _on_job_changed(self, job_id: int) -> None:
        info = self._queue.get(job_id)
        if info is not None and info.state is JobState.CANCELLED:
            self._on_job_ended(job_id)

    def _step(self) -> None:
        assert self._plan is not None
        self.progress.setValue(self._ended)
        if self._ended < len(self._plan.cells):
            return
        for signal, slot in (
            (self._queue.image_ready, self._on_image_ready),
            (self._queue.job_failed, self._on_job_ended),
            (self._queue.job_changed, self._on_job_changed),
        ):
            signal.disconnect(slot)
        if not self._made:
            self.preview.setText(self.tr("No picture of the grid was made; see the queue."))
            return
        plan, made, library, table = self._plan, dict(self._made), self._library, self._table
        when = time.strftime("%Y%m%d-%H%M%S")
        self.preview.setText(self.tr("Drawing the grid picture…"))
        run_in_background(
            self, lambda: store_grid(library, plan, made, when, table), self._stored, "xy-grid"
        )

    def _stored(self, result: object, error: BaseException | None) -> None:
        if error is not None or not isinstance(result, tuple):
            message = error.message if isinstance(error, AppError) else str(error)
            self.preview.setText(
                self.tr("The pictures are kept, but the grid picture failed: {error}").format(
                    error=message
                )
            )
            return
        sheet_id, collection = result
        self.preview.setText(
            self.tr("Done: the grid and its pictures are in the collection “{name}”.").format(
                name=collection
            )
        )
        self.grid_stored.emit(int(sheet_id))


def _short(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"
