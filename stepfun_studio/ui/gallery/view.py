"""`GalleryView`: the one `QListView` of the grid, in icon mode, with the culling keys.

Keys the list view already knows (arrows, Shift/Ctrl selection, Enter to activate) stay with
Qt; the photographer's keys (Space, 0-5, F, X, Delete) and Ctrl+wheel are turned into signals.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QWidget

CULLING_KEYS = {
    Qt.Key.Key_Space,
    Qt.Key.Key_0,
    Qt.Key.Key_1,
    Qt.Key.Key_2,
    Qt.Key.Key_3,
    Qt.Key.Key_4,
    Qt.Key.Key_5,
    Qt.Key.Key_F,
    Qt.Key.Key_X,
    Qt.Key.Key_Delete,
    Qt.Key.Key_Backspace,
}


class GalleryView(QListView):
    culling_key = Signal(int)  # a Qt.Key from CULLING_KEYS
    zoom_requested = Signal(int)  # +1 bigger, -1 smaller
    undo_requested = Signal()
    resized = Signal()
    redo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("galleryView")
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setUniformItemSizes(True)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWrapping(True)
        self.setSpacing(0)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setMouseTracking(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.verticalScrollBar().setSingleStep(24)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Undo is handled here rather than by a window-wide shortcut: Ctrl+Z in the prompt
        # editor must undo typing, and only in the grid should it undo culling.
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_requested.emit()
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Redo):
            self.redo_requested.emit()
            event.accept()
            return
        key = Qt.Key(event.key())
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in CULLING_KEYS and modifiers == Qt.KeyboardModifier.NoModifier:
            self.culling_key.emit(int(key.value))
            event.accept()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_requested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def visible_rows(self) -> tuple[int, int]:
        """First and last row that can be on screen now (a cheap estimate from the grid)."""
        count = self.model().rowCount() if self.model() is not None else 0
        grid = self.gridSize()
        if count == 0 or grid.isEmpty():
            first = self.indexAt(QPoint(1, 1)).row()
            return (max(0, first), max(0, first))
        columns = self.columns()
        top_line = self.verticalScrollBar().value() // grid.height()
        lines = self.viewport().height() // grid.height() + 2
        first = min(count - 1, top_line * columns)
        last = min(count - 1, (top_line + lines) * columns - 1)
        return first, last

    def columns(self) -> int:
        grid = self.gridSize()
        return max(1, self.viewport().width() // max(1, grid.width()))

    def set_cell(self, grid: QSize) -> None:
        self.setGridSize(grid)

    def fit_grid(self, grid: QSize) -> None:
        """Share the row's spare width among the columns of `grid`, so the cells fill the view."""
        # QListView lays out as if its scroll bar were shown whenever one may be needed; sizing
        # to the bare viewport made the last column wrap, leaving one column and a wide gap.
        scroll_bar = self.style().pixelMetric(
            QStyle.PixelMetric.PM_ScrollBarExtent, None, self.verticalScrollBar()
        )
        width = self.maximumViewportSize().width() - scroll_bar
        columns = max(1, width // grid.width())
        # One pixel spare: a row whose cells end exactly on the edge wraps its last cell.
        fitted = QSize(max(grid.width(), (width - 1) // columns), grid.height())
        if fitted != self.gridSize():
            self.setGridSize(fitted)
