"""The Batch dialog (`batchDialog`): one redraw, edit or reference job per picture.

Pictures come from a dropped folder or files, the Add buttons, or a collection. The job is the
window's current request moved to the model chosen here, in a mode that model takes (asked of
its `ModelSpec`), with one prompt (`{filename}` becomes each file's name) or each picture's
sidecar `.txt`. Before anything is sent the dialog shows the count, the estimated cost and the
time within the account's limits, and refuses a plan over the budget. The run itself belongs to
the studio's `BatchRunner`, so closing the dialog does not stop it; Pause, Resume, Cancel and
"send again" act on it, and an earlier batch (one interrupted by a restart) can be reopened.

Every file, folder and database look happens on a background thread (`run_in_background`).
"""

from __future__ import annotations

from pathlib import Path
from time import strftime
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stepfun_studio.api.batch_pictures import list_pictures, read_pictures, sidecar_path
from stepfun_studio.core.adapt import adapt_request
from stepfun_studio.core.batch import (
    BatchMode,
    batch_modes,
    budget_problem,
    estimate,
    picture_prompt,
    plan_text,
    request_for,
    takes_source_weight,
)
from stepfun_studio.core.model_table import ModelSpec, ModelTable, model_table
from stepfun_studio.core.request import GenerationRequest
from stepfun_studio.core.validation import validate
from stepfun_studio.jobs.batch_runner import BatchRunner
from stepfun_studio.library.batches import BatchSettings, BatchState, NewItem
from stepfun_studio.library.records import ImageQuery
from stepfun_studio.ui.background import run_in_background
from stepfun_studio.ui.batch_run_panel import BatchRunPanel, show_items
from stepfun_studio.ui.model_picker import fill_model_combo, retranslate_model_combo
from stepfun_studio.ui.retranslated import Retranslated
from stepfun_studio.ui.studio import Studio

# A collection's pictures are listed up to this many (a batch of more is a folder's job).
MAX_COLLECTION_PICTURES = 2000


def batch_runner_for(studio: Studio) -> BatchRunner:
    """The studio's one batch runner, made on first use; it outlives any dialog."""
    runner = studio.findChild(BatchRunner, "batchRunner")
    if runner is None:
        runner = BatchRunner(studio.queue, studio.library, studio.limits_for, parent=studio)
    return runner


_W = TypeVar("_W", bound=QWidget)


def _named(widget: _W, name: str) -> _W:
    widget.setObjectName(name)
    return widget


def _mode_text(mode: BatchMode) -> str:
    texts = {
        BatchMode.REDRAW: QCoreApplication.translate("BatchDialog", "Redraw each picture"),
        BatchMode.EDIT: QCoreApplication.translate("BatchDialog", "Edit each picture"),
        BatchMode.REFERENCE: QCoreApplication.translate(
            "BatchDialog", "Use each picture as a reference"
        ),
    }
    return texts[mode]


class BatchDialog(Retranslated, QDialog):
    def __init__(
        self,
        studio: Studio,
        template: GenerationRequest,
        table: ModelTable | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("batchDialog")
        self.setAcceptDrops(True)
        self.studio = studio
        self.runner = batch_runner_for(studio)
        self._table = table or model_table()
        self._base = template
        self.paths: list[Path] = []
        self._sidecars: set[Path] = set()
        self._collections: list[tuple[int, str]] = []
        self._problem = ""
        # The list shows the pictures to send until a batch runs; then that batch's states.
        self._listing_batch = False
        self._build()
        self.retranslate()
        self._choose_model(template.model)
        self.runner.changed.connect(self._show_run)
        self.runner.problem.connect(self._show_problem)
        self._refresh_lists()
        self._show_run()

    # --- building -------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.drop_label = QLabel(self)
        self.drop_label.setObjectName("batchDropArea")
        self.drop_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.drop_label.setFrameShape(QLabel.Shape.StyledPanel)
        self.drop_label.setMinimumHeight(44)
        self.drop_label.setWordWrap(True)
        layout.addWidget(self.drop_label)
        sources = QHBoxLayout()
        self.add_folder_button = _named(QPushButton(self), "batchAddFolderButton")
        self.add_files_button = _named(QPushButton(self), "batchAddFilesButton")
        self.collection_combo = _named(QComboBox(self), "batchCollectionCombo")
        self.collection_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.collection_combo.setMinimumContentsLength(16)
        self.clear_button = _named(QPushButton(self), "batchClearButton")
        for widget in (self.add_folder_button, self.add_files_button, self.collection_combo):
            sources.addWidget(widget)
        sources.addStretch(1)
        sources.addWidget(self.clear_button)
        layout.addLayout(sources)
        self.picture_list = _named(QListWidget(self), "batchPictureList")
        self.picture_list.setMinimumHeight(90)
        layout.addWidget(self.picture_list, 1)  # the room the dialog has to spare

        form = QFormLayout()
        self.model_combo = _named(QComboBox(self), "batchModelCombo")
        fill_model_combo(self.model_combo, self._table)
        self.mode_combo = _named(QComboBox(self), "batchModeCombo")
        self.weight_spin = _named(QDoubleSpinBox(self), "batchSourceWeight")
        self.weight_spin.setMaximumWidth(120)
        self.weight_spin.setRange(0.01, 1.0)
        self.weight_spin.setSingleStep(0.05)
        self.weight_spin.setValue(self._base.source_weight or 0.5)
        self.prompt_edit = _named(QPlainTextEdit(self), "batchPromptEdit")
        self.prompt_edit.setTabChangesFocus(True)
        self.prompt_edit.setFixedHeight(64)
        self.prompt_edit.setPlainText(self._base.prompt)
        self.sidecar_check = _named(QCheckBox(self), "batchSidecarCheck")
        budget_row = QHBoxLayout()
        self.budget_check = _named(QCheckBox(self), "batchBudgetCheck")
        self.budget_spin = _named(QDoubleSpinBox(self), "batchBudgetSpin")
        self.budget_spin.setRange(0.01, 100_000.0)
        self.budget_spin.setDecimals(2)
        self.budget_spin.setValue(1.0)
        self.budget_spin.setEnabled(False)
        budget_row.addWidget(self.budget_check)
        budget_row.addWidget(self.budget_spin)
        budget_row.addStretch(1)
        self.model_label, self.mode_label = QLabel(self), QLabel(self)
        self.weight_label, self.prompt_label = QLabel(self), QLabel(self)
        self.budget_label = QLabel(self)
        form.addRow(self.model_label, self.model_combo)
        form.addRow(self.mode_label, self.mode_combo)
        form.addRow(self.weight_label, self.weight_spin)
        form.addRow(self.prompt_label, self.prompt_edit)
        form.addRow("", self.sidecar_check)
        form.addRow(self.budget_label, budget_row)
        layout.addLayout(form)

        self.plan_label = _named(QLabel(self), "batchPlanLabel")
        font = self.plan_label.font()
        font.setBold(True)
        self.plan_label.setFont(font)
        self.problem_label = _named(QLabel(self), "batchProblemLabel")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: palette(link);")
        for shown in (self.plan_label, self.problem_label):
            layout.addWidget(shown)
        self.run_panel = BatchRunPanel(self.runner, self.budget, self)
        layout.addWidget(self.run_panel)
        buttons = QHBoxLayout()
        self.start_button = _named(QPushButton(self), "batchStartButton")
        self.close_button = _named(QPushButton(self), "batchCloseButton")
        self.hint_label = _named(QLabel(self), "batchHintLabel")
        self.hint_label.setWordWrap(True)
        buttons.addWidget(self.hint_label, 1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.start_button.setDefault(True)

        self.add_folder_button.clicked.connect(self._add_folder)
        self.add_files_button.clicked.connect(self._add_files)
        self.clear_button.clicked.connect(lambda: self.set_pictures([]))
        self.collection_combo.activated.connect(self._pick_collection)
        self.run_panel.earlier_chosen.connect(lambda _id: self._show_batch_items())
        self.model_combo.currentIndexChanged.connect(self._on_model_changed)
        self.mode_combo.currentIndexChanged.connect(self._on_mode_changed)
        for signal in (
            self.weight_spin.valueChanged, self.prompt_edit.textChanged,
            self.sidecar_check.toggled, self.budget_spin.valueChanged,
        ):  # fmt: skip
            signal.connect(self.update_plan)
        self.budget_check.toggled.connect(self.budget_spin.setEnabled)
        self.budget_check.toggled.connect(self.update_plan)
        self.start_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.close)
        self.resize(720, 640)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Batch"))
        self.drop_label.setText(
            self.tr("Drop a folder or pictures here, or add them below. {count} pictures.").format(
                count=len(self.paths)
            )
        )
        self.add_folder_button.setText(self.tr("Add Folder…"))
        self.add_files_button.setText(self.tr("Add Pictures…"))
        self.clear_button.setText(self.tr("Clear"))
        self.model_label.setText(self.tr("Model"))
        self.mode_label.setText(self.tr("Each picture"))
        self.weight_label.setText(self.tr("Source weight"))
        self.weight_spin.setToolTip(self.tr("Small stays close to the picture; 1 ignores it."))
        self.prompt_label.setText(self.tr("Prompt"))
        self.prompt_edit.setPlaceholderText(self.tr("a watercolour of the {filename}"))
        self.prompt_edit.setToolTip(self.tr("{filename} becomes each picture's file name."))
        self.sidecar_check.setText(self.tr("Use the .txt beside a picture as its prompt"))
        self.budget_label.setText(self.tr("Budget"))
        self.budget_check.setText(self.tr("Stop before passing"))
        self.start_button.setText(self.tr("Start"))
        self.close_button.setText(self.tr("Close"))
        retranslate_model_combo(self.model_combo, self._table)
        for index in range(self.mode_combo.count()):
            self.mode_combo.setItemText(
                index, _mode_text(BatchMode(self.mode_combo.itemData(index)))
            )
        self._fill_collections()
        self.update_plan()
        self._show_run()

    # --- the job --------------------------------------------------------------------------------

    def _choose_model(self, name: str) -> None:
        index = self.model_combo.findData(name)
        self.model_combo.setCurrentIndex(index if index >= 0 else 1)
        self._on_model_changed()

    def spec(self) -> ModelSpec | None:
        return self._table.get(str(self.model_combo.currentData()))

    def mode(self) -> BatchMode | None:
        data = self.mode_combo.currentData()
        return BatchMode(data) if data else None

    def _on_model_changed(self, *_args: object) -> None:
        spec, wanted = self.spec(), self.mode()
        blocked = self.mode_combo.blockSignals(True)
        self.mode_combo.clear()
        for mode in batch_modes(spec) if spec else ():
            self.mode_combo.addItem(_mode_text(mode), mode.value)
        if wanted is not None and self.mode_combo.findData(wanted.value) >= 0:
            self.mode_combo.setCurrentIndex(self.mode_combo.findData(wanted.value))
        self.mode_combo.blockSignals(blocked)
        self._on_mode_changed()

    def _on_mode_changed(self, *_args: object) -> None:
        spec, mode = self.spec(), self.mode()
        shown = spec is not None and mode is not None and takes_source_weight(spec, mode)
        self.weight_spin.setVisible(shown)
        self.weight_label.setVisible(shown)
        self.update_plan()

    def template(self) -> GenerationRequest | None:
        """The window's request moved to the chosen model, with no pictures of its own."""
        spec = self.spec()
        if spec is None:
            return None
        moved, _dropped = adapt_request(self._base, spec)
        return moved.with_changes(
            n=1, source=None, style=None, references=(), mask=None,
            source_weight=round(self.weight_spin.value(), 2),
        )  # fmt: skip

    def budget(self) -> float | None:
        return self.budget_spin.value() if self.budget_check.isChecked() else None

    def update_plan(self, *_args: object) -> None:
        """The count, cost and time of what Start would send, and why it may not start."""
        template, spec = self.template(), self.spec()
        problem = ""
        if template is None or spec is None:
            self.plan_label.setText(self.tr("Choose a model."))
            self.start_button.setEnabled(False)
            return
        at_once, per_minute = self.studio.limits_for(spec.provider)
        plan = estimate(
            template, len(self.paths), concurrency=at_once, per_minute=per_minute,
            table=self._table,
        )  # fmt: skip
        self.plan_label.setText(plan_text(plan))
        self.hint_label.setText(
            self.tr(
                "At the model table's price; the time at {at_once} at once and {per_minute} a "
                "minute, the limits Studio keeps for this provider."
            ).format(at_once=at_once, per_minute=per_minute)
        )
        price = spec.price
        self.budget_spin.setSuffix(f" {price.currency}" if price else "")
        if self.mode() is None:
            problem = self.tr("{model} takes no pictures; choose another model.").format(
                model=spec.label
            )
        elif not self.paths:
            problem = self.tr("Add pictures to make a batch.")
        elif not self.prompt_edit.toPlainText().strip() and not self.sidecar_check.isChecked():
            problem = self.tr("Write a prompt, or use the .txt beside each picture.")
        else:
            problem = budget_problem(plan, self.budget()) or ""
        self._problem = problem
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        self._show_run()

    # --- pictures -------------------------------------------------------------------------------

    def add_paths(self, paths: list[Path]) -> None:
        """Folders and files (dropped, chosen) join the batch: listed off the GUI thread."""
        wanted = [*self.paths, *paths]

        def work() -> tuple[list[Path], set[Path]]:
            found = list_pictures(wanted)
            return found, {path for path in found if sidecar_path(path).is_file()}

        run_in_background(self, work, self._on_listed, "batch-list")

    def set_pictures(self, paths: list[Path]) -> None:
        self.paths = []
        self.add_paths(paths)

    def _on_listed(self, result: Any, error: BaseException | None) -> None:
        if error is not None:
            self._show_problem(str(error))
            return
        self.paths, self._sidecars = result
        self._listing_batch = False
        self.picture_list.clear()
        for path in self.paths:
            marker = "  ✎" if path in self._sidecars else ""
            self.picture_list.addItem(path.name + marker)
        self.retranslate()

    def _add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a Folder of Pictures"))
        if folder:
            self.add_paths([Path(folder)])

    def _add_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add Pictures"), "", self.tr("Pictures (*.png *.jpg *.jpeg *.webp)")
        )
        self.add_paths([Path(name) for name in files])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    def _refresh_lists(self) -> None:
        library = self.studio.library

        def work() -> tuple[list[tuple[int, str]], list[tuple[int, str, BatchState]]]:
            collections = [(c.id, c.name) for c in library.list_collections()]
            return collections, library.batches.list_batches()

        run_in_background(self, work, self._on_lists, "batch-lists")

    def _on_lists(self, result: Any, error: BaseException | None) -> None:
        if error is not None:
            self._show_problem(str(error))
            return
        self._collections, earlier = result
        self._fill_collections()
        self.run_panel.set_earlier(earlier)

    def _fill_collections(self) -> None:
        self.collection_combo.clear()
        self.collection_combo.addItem(self.tr("From a collection…"), None)
        for collection_id, name in self._collections:
            self.collection_combo.addItem(name, collection_id)

    def _pick_collection(self, index: int) -> None:
        collection_id = self.collection_combo.itemData(index)
        if collection_id is None:
            return
        library = self.studio.library

        def work() -> list[Path]:
            ids = library.query_ids(
                ImageQuery(collection_id=int(collection_id)), limit=MAX_COLLECTION_PICTURES
            )
            return [library.original_path(image_id) for image_id in ids]

        run_in_background(self, work, self._on_collection, "batch-collection")

    def _on_collection(self, paths: Any, error: BaseException | None) -> None:
        if error is not None:
            self._show_problem(str(error))
            return
        self.set_pictures(list(paths))

    # --- running --------------------------------------------------------------------------------

    def start(self) -> None:
        """Reads and checks every picture (off the GUI thread), then stores and runs the batch."""
        template, spec, mode = self.template(), self.spec(), self.mode()
        if template is None or spec is None or mode is None or self._problem:
            return
        paths, prompt = list(self.paths), self.prompt_edit.toPlainText().strip()
        sidecars, table = self.sidecar_check.isChecked(), self._table
        self.start_button.setEnabled(False)
        self.run_panel.status_label.setText(self.tr("Reading the pictures…"))

        def work() -> tuple[list[NewItem], list[str]]:
            pictures, refused = read_pictures(paths, mode, sidecars=sidecars)
            problems = [r.reason for r in refused]
            items = []
            for picture in pictures:
                text = picture_prompt(prompt, picture.stem, picture.sidecar)
                request = request_for(template, spec, mode, picture.image, text)
                problems += [f"{picture.path.name}: {p.message}" for p in validate(request, table)]
                items.append(NewItem(picture.image, picture.path.name, text))
            return items, problems

        settings = BatchSettings(template, mode, prompt, sidecars, self.budget())
        run_in_background(
            self, work, lambda result, error: self._on_read(settings, result, error), "batch-read"
        )

    def _on_read(self, settings: BatchSettings, result: Any, error: BaseException | None) -> None:
        if error is not None:
            self._show_problem(str(error))
            return
        items, problems = result
        if problems:
            self._show_problem("\n".join([*problems[:5], self.tr("Nothing was sent.")]))
            return
        folder = self.paths[0].parent.name if self.paths else ""
        name = self.tr("Batch {time} · {folder}").format(
            time=strftime("%Y-%m-%d %H:%M"), folder=folder
        )
        self.runner.create(name, settings, items, start=True)
        self._show_batch_items()
        self._refresh_lists()

    def _show_problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.setVisible(bool(text))
        self._show_run()

    def _show_batch_items(self) -> None:
        """The list shows the open batch's pictures and their states from now on."""
        self._listing_batch = True
        self._show_run()

    def _show_run(self) -> None:
        runner = self.runner
        self.run_panel.refresh()
        self.start_button.setEnabled(runner.state is not BatchState.RUNNING and not self._problem)
        if self._listing_batch and runner.batch is not None:
            show_items(self.picture_list, runner.items())
        if runner.batch is None and self.paths:
            self.run_panel.status_label.setText(self.tr("Nothing is sent before you press Start."))


def show_batch_dialog(window: Any, paths: list[Path] | None = None) -> BatchDialog:
    """The window's Batch dialog (one at most), on the request the window holds now."""
    dialog: BatchDialog | None = window.findChild(BatchDialog)
    if dialog is None:
        table = window.parameter_dock.request_model.table
        dialog = BatchDialog(window.studio, window.current_request(), table, window)
    if paths:
        dialog.add_paths(paths)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
