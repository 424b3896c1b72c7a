"""`CompareDialog`: two to four images side by side with zoom and pan in step, or one result
against its source image with a wipe slider.

`load_side_by_side` / `load_wipe` read and decode the pictures off the GUI thread
(`ui.background`, Pillow's decoder, which lets go of the GIL) and show them when they arrive;
`problem` says in words why not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QWheelEvent
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QSlider, QVBoxLayout, QWidget

from stepfun_studio.core.errors import AppError, ErrorKind
from stepfun_studio.library.library import Library
from stepfun_studio.ui.background import run_in_background
from stepfun_studio.ui.gallery.filmstrip import fitted
from stepfun_studio.ui.image_decoding import decode


class ImagePane(QWidget):
    """One image, drawn fitted and then zoomed/panned as the dialog says; wipe is optional."""

    def __init__(self, image: QImage, dialog: CompareDialog, caption: str) -> None:
        super().__init__(dialog)
        self.image = image
        self.under: QImage | None = None  # drawn left of the wipe line
        self.wipe = 0.5
        self._dialog = dialog
        self._caption = caption
        self._drag_from = QPointF()
        dialog.panes.append(self)
        self.setMinimumSize(200, 200)

    def image_rect(self) -> QRectF:
        if self.image.isNull():
            return QRectF()
        frame = QRectF(self.rect())
        rect = QRectF(QPointF(0, 0), fitted(self.image, frame).size())
        rect.setSize(rect.size() * self._dialog.zoom)
        rect.moveCenter(frame.center() + self._dialog.pan)
        return rect

    def set_wipe(self, per_mille: int) -> None:
        self.wipe = per_mille / 1000
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(18, 18, 20))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        target = self.image_rect()
        painter.drawImage(target, self.image)
        if self.under is not None and not self.under.isNull():
            split = target.left() + target.width() * self.wipe
            painter.setClipRect(target.adjusted(0, 0, split - target.right(), 0))
            # The source keeps its own shape, fitted into the result's frame: stretched to the
            # result's shape, a 3:2 source against a square result looked wrong at the wipe.
            painter.fillRect(target, QColor(18, 18, 20))
            painter.drawImage(fitted(self.under, target), self.under)
            painter.setClipping(False)
            painter.setPen(QPen(QColor("white"), 2))
            painter.drawLine(QPointF(split, target.top()), QPointF(split, target.bottom()))
        painter.setPen(QColor(235, 235, 240))
        painter.drawText(
            QRect(8, 8, self.width() - 16, 24), int(Qt.AlignmentFlag.AlignLeft), self._caption
        )

    def wheelEvent(self, event: QWheelEvent) -> None:
        factor = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
        self._dialog.zoom = min(16.0, max(1.0, self._dialog.zoom * factor))
        if self._dialog.zoom == 1.0:
            self._dialog.pan = QPointF(0, 0)
        self._dialog.changed()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._drag_from = event.position()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        # Without mouse tracking Qt sends moves only while a button is held, after its press.
        self._dialog.pan += event.position() - self._drag_from
        self._drag_from = event.position()
        self._dialog.changed()


class CompareDialog(QDialog):
    """Side by side (2-4 images) or a wipe between a result and its source."""

    problem = Signal(str)  # why they cannot be (the dialog closes itself)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(self.tr("Compare"))
        self.resize(1200, 760)
        # Zoom and pan shared by every pane, so they move in step.
        self.zoom = 1.0
        self.pan = QPointF(0.0, 0.0)
        self.panes: list[ImagePane] = []  # each pane adds itself
        self.wipe_slider: QSlider | None = None
        self._layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Wheel zooms and dragging pans, in step across all images."), self)
        hint.setObjectName("compareHint")
        self._layout.addWidget(hint)

    def changed(self) -> None:
        for pane in self.panes:
            pane.update()

    def show_side_by_side(self, images: list[tuple[QImage, str]]) -> None:
        grid = QGridLayout()
        columns = 2 if len(images) == 4 else len(images)
        for n, (image, caption) in enumerate(images):
            grid.addWidget(ImagePane(image, self, caption), n // columns, n % columns)
        self._layout.addLayout(grid, 1)

    def show_wipe(self, result: QImage, source: QImage, caption: str) -> None:
        pane = ImagePane(result, self, caption)
        pane.under = source
        self._layout.addWidget(pane, 1)
        slider = self.wipe_slider = QSlider(Qt.Orientation.Horizontal, self)
        slider.setObjectName("wipeSlider")
        slider.setRange(0, 1000)
        slider.setValue(500)
        slider.setToolTip(self.tr("Left of the line: the source image. Right: the result."))
        slider.valueChanged.connect(pane.set_wipe)
        self._layout.addWidget(slider)

    def load_side_by_side(self, library: Library, ids: list[int], captions: list[str]) -> None:
        """Reads and decodes the originals off the GUI thread, then shows them side by side."""
        self._load(
            lambda: [decode(library.original_path(image_id)) for image_id in ids],
            lambda images: self.show_side_by_side(list(zip(images, captions, strict=True))),
        )

    def load_wipe(self, library: Library, image_id: int, caption: str) -> None:
        """Reads the result and its source off the GUI thread, then shows the wipe; a picture
        made without a source is a `problem`."""
        # The gallery's words (and their translation) from before this moved here.
        no_source = QCoreApplication.translate(
            "GalleryPanel", "This image was not made from a source image."
        )

        def read() -> tuple[QImage, QImage]:
            source = library.request_for(image_id).source
            if source is None:
                raise AppError(ErrorKind.NOT_FOUND, no_source)
            return decode(library.original_path(image_id)), decode(source.data)

        self._load(read, lambda pair: self.show_wipe(pair[0], pair[1], caption))

    def _load(self, read: Callable[[], Any], show: Callable[[Any], None]) -> None:
        """`read()` off the GUI thread, then `show(its result)`; a failure is a `problem`."""

        def done(pictures: object, error: BaseException | None) -> None:
            if error is None:
                show(pictures)
            elif isinstance(error, (AppError, KeyError, OSError)):
                self.problem.emit(error.message if isinstance(error, AppError) else str(error))
                self.close()
            else:
                raise error

        run_in_background(self, read, done, "compare")
