"""`Filmstrip`: the lightbox's row of neighbouring thumbnails, in the gallery's order.

It paints the rows around the current one from the gallery's `ThumbnailLoader`: a cell whose
thumbnail is not cached asks the loader for it (decoded on the loader's pool, never here) and is
painted again when it arrives. A click on a cell asks to jump to its row.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from stepfun_studio.ui.gallery.delegate import thumbnail_pixels
from stepfun_studio.ui.gallery.thumbnails import ThumbnailLoader
from stepfun_studio.ui.timers import single_shot

CELL = 84  # logical pixels; the strip is one cell high plus a margin
GAP = 6
MARGIN = 8
# The panel's prefetch may drop a request of ours for a row it does not show: while a cell
# still waits, the strip asks again this often (and so also sees a thumbnail that failed).
RETRY_MS = 200


def fitted(picture: QPixmap | QImage, frame: QRectF) -> QRectF:
    """Where `picture` fits inside `frame`, keeping its aspect ratio, centred."""
    size = picture.deviceIndependentSize()
    rect = QRectF(QPointF(), size.scaled(frame.size(), Qt.AspectRatioMode.KeepAspectRatio))
    rect.moveCenter(frame.center())
    return rect


class Filmstrip(QWidget):
    """Thumbnails of rows `current - k .. current + k`; `row_clicked(row)` on a click."""

    row_clicked = Signal(int)

    def __init__(
        self,
        loader: ThumbnailLoader,
        image_id_at: Callable[[int], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lightboxFilmstrip")
        self.setFixedHeight(CELL + 2 * MARGIN)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._loader = loader
        self._image_id_at = image_id_at
        self._current = -1
        self._count = 0
        self._retry = single_shot(self, RETRY_MS, self.update)
        loader.thumbnail_ready.connect(self._on_thumbnail)

    def set_rows(self, current: int, count: int) -> None:
        self._current, self._count = current, count
        self.update()

    def size_px(self) -> int:
        return thumbnail_pixels(CELL, self.devicePixelRatioF())

    def cells(self) -> list[tuple[int, QRect]]:
        """(row, rectangle) of every cell shown, the current row in the middle."""
        pitch = CELL + GAP
        side = max(0, (self.width() - CELL) // 2 // pitch)
        middle = QRect((self.width() - CELL) // 2, MARGIN, CELL, CELL)
        rows = range(max(0, self._current - side), min(self._count, self._current + side + 1))
        return [(row, middle.translated((row - self._current) * pitch, 0)) for row in rows]

    def shown_ids(self) -> list[int]:
        return [self._image_id_at(row) for row, _rect in self.cells()]

    def _on_thumbnail(self, image_id: int, size_px: int) -> None:
        if self.isVisible() and size_px == self.size_px() and image_id in self.shown_ids():
            self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        for row, rect in self.cells():
            if rect.contains(event.position().toPoint()):
                if row != self._current:
                    self.row_clicked.emit(row)
                event.accept()
                return
        super().mousePressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        size_px, dpr = self.size_px(), self.devicePixelRatioF()
        waiting = False
        for row, rect in self.cells():
            image_id = self._image_id_at(row)
            pixmap = self._loader.cached(image_id, size_px)
            if pixmap is None:
                painter.fillRect(rect, QColor(40, 40, 44))
                if not self._loader.has_failed(image_id, size_px):
                    self._loader.request(image_id, size_px, dpr)
                    waiting = True
            else:
                # The neighbours recede; the current one stands out.
                painter.setOpacity(1.0 if row == self._current else 0.6)
                painter.drawPixmap(fitted(pixmap, rect.toRectF()).toRect(), pixmap)
                painter.setOpacity(1.0)
            if row == self._current:
                painter.setPen(QPen(QColor(255, 255, 255), 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(rect.adjusted(-3, -3, 3, 3))
        painter.end()
        if waiting and not self._retry.isActive():
            self._retry.start()
