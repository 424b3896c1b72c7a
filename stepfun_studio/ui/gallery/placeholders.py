"""`JobPlaceholders`: a cell at the top of the grid for each picture being made, and new pictures.

When a job is queued, a placeholder row (`-job_id`) goes in at the top of the grid at once, so
Generate answers where the user is looking. It shows the job's progress as the time elapsed
against the model's typical time (`ModelSpec.typical_seconds`, an estimate: the providers give
no progress). When the picture lands, the panel puts it in the placeholder's row (no row moves);
a failed, cancelled or interrupted job takes its placeholder away.

Only the queue's signals are used (`job_changed`, `image_ready`); whether a new picture matches
a search is asked on the model's worker. The GUI thread reads nothing from the library here.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen

from stepfun_studio.core.model_table import model_table
from stepfun_studio.library.jobs import JobState
from stepfun_studio.library.records import ImageQuery
from stepfun_studio.ui.timers import single_shot

if TYPE_CHECKING:
    from stepfun_studio.jobs.queue import JobQueue
    from stepfun_studio.ui.gallery.panel import GalleryPanel

TICK_MS = 250
DEFAULT_TYPICAL_S = 20.0
# The bar never claims to be done before the picture is: past the typical time it waits here.
MOST_SHOWN = 0.95


def _tr(text: str) -> str:
    return QCoreApplication.translate("JobPlaceholder", text)


class JobPlaceholders(QObject):
    """Keeps one placeholder row per active job in the panel's model."""

    def __init__(self, panel: GalleryPanel) -> None:
        super().__init__(panel)
        self._panel = panel
        self._queue: JobQueue | None = None
        self._shown: set[int] = set()  # job ids with a placeholder row
        self._timer = single_shot(self, TICK_MS, self._tick)  # started again while rows show

    def set_queue(self, queue: JobQueue) -> None:
        self._queue = queue
        queue.job_changed.connect(self._on_job_changed)
        queue.image_ready.connect(self._on_image_ready)

    def _on_job_changed(self, job_id: int) -> None:
        info = self._queue.get(job_id) if self._queue is not None else None
        state = info.state if info is not None else None
        if state in (JobState.WAITING, JobState.RUNNING):
            if job_id not in self._shown:
                self._shown.add(job_id)
                self._panel.model.insert_top([-job_id])
                self._timer.start()
            else:
                self._repaint(job_id)
        elif state is not JobState.DONE and job_id in self._shown:
            # Failed, cancelled, interrupted or gone: no picture will take the row.
            self._shown.discard(job_id)
            self._panel.model.remove_ids([-job_id])
        # DONE: the row waits for `image_ready`, which follows at once.

    def _on_image_ready(self, job_id: int, image_id: int) -> None:
        self._shown.discard(job_id)
        self.land(image_id, job_id)

    def land(self, image_id: int, job_id: int | None = None) -> None:
        """A new picture is in the library: shown at the top when it matches the grid's query.

        A job's picture takes its placeholder's row (nothing moves). The plain newest-first
        view takes every new picture at once; for a search or a filter the worker is asked.
        """
        model, library = self._panel.model, self._panel.library
        placeholder = -job_id if job_id is not None and model.row_of(-job_id) is not None else None
        query = model.query
        if library is None:
            return
        if query.sort != "newest" or query.trash:
            self._put(image_id, placeholder, shown=False)
            self._panel.reload_keeping_place()
        elif query == ImageQuery():
            self._put(image_id, placeholder, shown=True)
        else:
            # Newest first: one that matches is among the first few of the query.
            model.reads.submit(
                lambda: library.query_ids(query, 0, 64),
                lambda newest: self._put(
                    image_id, placeholder, query == model.query and image_id in newest
                ),
                "checking whether a new picture matches the gallery's search",
            )

    def _put(self, image_id: int, placeholder: int | None, shown: bool) -> None:
        """A picture `shown` takes its placeholder's row, or a new one at the top; a picture
        not shown (or shown in a row of its own) takes its placeholder away."""
        model = self._panel.model
        if shown and placeholder is not None and model.replace_id(placeholder, image_id):
            return
        if placeholder is not None:
            model.remove_ids([placeholder])
        if shown:
            model.insert_top([image_id])

    def _repaint(self, job_id: int) -> None:
        # A row not there gives an invalid index, which the view's update() passes by.
        self._panel.view.update(self._panel.model.index_of(-job_id))

    def _tick(self) -> None:
        for job_id in self._shown:
            self._repaint(job_id)
        if self._shown:
            self._timer.start()

    # -- what a cell shows ---------------------------------------------------------------------

    def progress(self, job_id: int) -> tuple[float | None, str]:
        """The bar's share (None while waiting) and the words under it."""
        info = self._queue.get(job_id) if self._queue is not None else None
        if info is None or info.state is JobState.WAITING:
            return None, _tr("Waiting…")
        elapsed = info.elapsed_s() or 0.0
        spec = model_table().get(info.request.model) if info.request is not None else None
        typical = spec.typical_seconds if spec is not None else DEFAULT_TYPICAL_S
        share = min(MOST_SHOWN, elapsed / typical)
        if elapsed > typical:
            text = _tr("{elapsed} s · longer than the usual ~{typical} s")
        else:
            text = _tr("{elapsed} s of about {typical} s")
        return share, text.format(elapsed=int(elapsed), typical=round(typical))


def paint_placeholder(
    painter: QPainter, palette: QPalette, cell: QRectF, share: float | None, text: str
) -> None:
    """A dashed cell with a progress bar and the time, in the grid's colours."""
    base = palette.color(QPalette.ColorRole.Base)
    dark = base.lightness() < 128
    fill = base.lighter(125) if dark else base.darker(104)
    accent = palette.color(QPalette.ColorRole.Highlight)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(fill)
    painter.setPen(QPen(accent, 1.5, Qt.PenStyle.DashLine))
    painter.drawRoundedRect(cell.adjusted(1, 1, -1, -1), 6, 6)
    bar = QRectF(cell.left() + 14, cell.center().y() - 3, cell.width() - 28, 6)
    track = QColor(palette.color(QPalette.ColorRole.Text))
    track.setAlpha(40)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(track)
    painter.drawRoundedRect(bar, 3, 3)
    if share is None:
        # Waiting: a short stripe that moves with the clock, so the cell is visibly alive.
        phase = (time.monotonic() % 1.6) / 1.6
        part = QRectF(bar.left() + phase * bar.width() * 0.75, bar.top(), bar.width() / 4, 6)
    else:
        part = QRectF(bar.left(), bar.top(), bar.width() * share, 6)
    painter.setBrush(accent)
    painter.drawRoundedRect(part, 3, 3)
    painter.setPen(palette.color(QPalette.ColorRole.Text))
    words = QRectF(cell.left() + 8, bar.bottom() + 6, cell.width() - 16, cell.height() / 3)
    flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
    painter.drawText(words, int(flags), text)
    title = QRectF(cell.left() + 8, cell.top() + 8, cell.width() - 16, bar.top() - cell.top() - 14)
    bottom = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
    painter.drawText(title, int(bottom | Qt.TextFlag.TextWordWrap), _tr("Making a picture…"))
    painter.restore()
