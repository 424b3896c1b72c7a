"""One picture, fitted to the view or at any zoom, panned by dragging.

Used by the detail view for the result and, beside it, its source image. The view keeps "fit"
while it is resized until the user zooms; wheel, +/-, 0 (fit) and 1 (100 %) work as in other
image tools. `link_views` ties two views together, so a source and its result are compared
part for part.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QPoint, QSize, Qt, Signal
from PySide6.QtGui import (
    QDrag,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QScrollBar,
    QWidget,
)

MIN_ZOOM = 0.02
MAX_ZOOM = 16.0
ZOOM_STEP = 1.25


def link_views(first: ZoomableImageView, second: ZoomableImageView) -> None:
    """Zooming or panning either view moves the other the same way."""
    first.view_changed.connect(lambda: second.follow(first))
    second.view_changed.connect(lambda: first.follow(second))


class ZoomableImageView(QGraphicsView):
    """A QGraphicsView over one pixmap with fit / 100 % / zoom and drag-to-pan."""

    zoom_changed = Signal(float)  # the scale, 1.0 = 100 %
    view_changed = Signal()  # zoom or scroll position moved; a linked view follows

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scene = QGraphicsScene(self)
        self._item = QGraphicsPixmapItem()
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        # Smoothly scaling a large picture costs milliseconds per paint; caching the scaled
        # result makes panning free and leaves the cost to zoom changes only.
        self._item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._scene.addItem(self._item)
        self.setScene(self._scene)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._fitting = True
        self._following = False
        self._drag_out: Callable[[], QMimeData | None] | None = None
        self._drag_start: QPoint | None = None
        self._follow_palette()
        self.horizontalScrollBar().valueChanged.connect(self._moved)
        self.verticalScrollBar().valueChanged.connect(self._moved)

    def _follow_palette(self) -> None:
        # A neutral backdrop a shade darker than the window, so a picture's edges stay visible
        # in the light and in the dark scheme alike.
        self.setBackgroundBrush(self.palette().color(QPalette.ColorRole.Window).darker(125))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._follow_palette()
        super().changeEvent(event)

    def set_pixmap(
        self, pixmap: QPixmap | None, size: QSize | None = None, *, keep_zoom: bool = False
    ) -> None:
        """Shows `pixmap`, drawn at `size` when given: a small preview standing in for the full
        picture keeps the picture's real size, so nothing jumps when the full one arrives and
        replaces it with `keep_zoom=True`. Otherwise the new picture is fitted.
        """
        pixmap = pixmap if pixmap is not None else QPixmap()
        self._item.setPixmap(pixmap)
        scale = 1.0
        if size is not None and pixmap.width() > 0:
            scale = size.width() / pixmap.width()
        self._item.setScale(scale)
        self._scene.setSceneRect(self._item.sceneBoundingRect())
        if self._fitting or not keep_zoom:
            self.fit()

    def pixmap(self) -> QPixmap:
        return self._item.pixmap()

    def has_image(self) -> bool:
        return not self._item.pixmap().isNull()

    def zoom(self) -> float:
        return self.transform().m11()

    def is_fitting(self) -> bool:
        return self._fitting

    def fit(self) -> None:
        """The whole picture in the view, never enlarged beyond 100 %."""
        self._fitting = True
        self._apply_fit()

    def actual_size(self) -> None:
        self.set_zoom(1.0)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def set_zoom(self, scale: float) -> None:
        self._fitting = False
        scale = max(MIN_ZOOM, min(MAX_ZOOM, scale))
        self.setTransform(self.transform().fromScale(scale, scale))
        self.zoom_changed.emit(scale)
        self._moved()

    def _apply_fit(self) -> None:
        if not self.has_image():
            self.resetTransform()
            return
        rect = self._item.sceneBoundingRect()
        viewport = self.viewport().rect()
        if rect.width() <= 0 or viewport.width() <= 0 or viewport.height() <= 0:
            return
        scale = min(viewport.width() / rect.width(), viewport.height() / rect.height(), 1.0)
        self.setTransform(self.transform().fromScale(scale, scale))
        self.centerOn(self._item)
        self.zoom_changed.emit(scale)
        self._moved()

    # --- linking: a source and its result show the same part at the same relative zoom --------

    def fit_scale(self) -> float:
        rect = self._item.sceneBoundingRect()
        viewport = self.viewport().rect()
        if rect.width() <= 0 or rect.height() <= 0 or viewport.width() <= 0:
            return 1.0
        return min(viewport.width() / rect.width(), viewport.height() / rect.height(), 1.0)

    def _fractions(self) -> tuple[float, float]:
        def fraction(bar: QScrollBar) -> float:
            span = bar.maximum() - bar.minimum()
            return (bar.value() - bar.minimum()) / span if span > 0 else 0.5

        return fraction(self.horizontalScrollBar()), fraction(self.verticalScrollBar())

    def follow(self, leader: ZoomableImageView) -> None:
        """Takes `leader`'s fit, zoom (relative to each picture's fit) and scroll position."""
        if self._following or not self.has_image() or not leader.has_image():
            return
        self._following = True
        try:
            if leader.is_fitting():
                self.fit()
            else:
                self.set_zoom(self.fit_scale() * leader.zoom() / leader.fit_scale())
            fx, fy = leader._fractions()
            for bar, part in ((self.horizontalScrollBar(), fx), (self.verticalScrollBar(), fy)):
                bar.setValue(round(bar.minimum() + part * (bar.maximum() - bar.minimum())))
        finally:
            self._following = False

    def _moved(self, *_args: object) -> None:
        if not self._following:
            self.view_changed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitting:
            self._apply_fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y()
        if delta == 0:
            super().wheelEvent(event)
            return
        self.set_zoom(self.zoom() * (ZOOM_STEP if delta > 0 else 1 / ZOOM_STEP))
        event.accept()

    # --- dragging the picture out of the app (see ui/drag_out.py) ------------------------------

    def set_drag_out(self, provider: Callable[[], QMimeData | None] | None) -> None:
        """While the whole picture is in view there is nothing to pan, so a drag carries
        `provider()` (the original file) out of the app; zoomed in, a drag pans as before."""
        self._drag_out = provider

    def drag_out_mime(self) -> QMimeData | None:
        return self._drag_out() if self._drag_out is not None else None

    def can_drag_out(self) -> bool:
        bars = (self.horizontalScrollBar(), self.verticalScrollBar())
        nothing_to_pan = all(bar.maximum() == bar.minimum() for bar in bars)
        return self._drag_out is not None and self.has_image() and nothing_to_pan

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.can_drag_out():
            self._drag_start = event.position().toPoint()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_start is not None:
            moved = (event.position().toPoint() - self._drag_start).manhattanLength()
            if moved >= QApplication.startDragDistance():
                self._drag_start = None
                mime = self.drag_out_mime()
                if mime is not None:
                    drag = QDrag(self)
                    drag.setMimeData(mime)
                    drag.setPixmap(
                        self.pixmap().scaled(128, 128, Qt.AspectRatioMode.KeepAspectRatio)
                    )
                    drag.exec(Qt.DropAction.CopyAction)
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag_start is not None:
            self._drag_start = None
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        # As in most image viewers: double-click swaps between the whole picture and 100 %.
        if event.button() == Qt.MouseButton.LeftButton and self.has_image():
            self.actual_size() if self.is_fitting() else self.fit()
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.fit()
        elif key == Qt.Key.Key_1:
            self.actual_size()
        else:
            super().keyPressEvent(event)
