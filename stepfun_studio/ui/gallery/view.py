"""`GalleryView`: the grid of uniform cells, laid out by arithmetic, with the culling keys.

A row's place is `divmod(row + phase, columns)`, so the cell under the mouse, a row's rectangle,
arrow keys, a rubber band's rows and the rows to paint are a few multiplications, and inserting,
removing or resetting rows costs the same at 1,000 rows and at 1,000,000 (QListView laid out
every row again at each change). `phase` counts the blank cells before row 0: rows inserted
above what the user looks at are taken up by it, so every picture on screen stays exactly where
it was (the blanks sit at the very top, out of sight, until the next reset).

Arrows, Shift/Ctrl selection, Enter, drag start and the selection model are Qt's
(`QAbstractItemView`); the photographer's keys (Space, 0-5, F, X, Delete) and Ctrl+wheel are
turned into signals.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QCursor,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QRegion,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QWidget

from stepfun_studio.ui.gallery import accessible

# Space, the ratings 0-5, favourite (F), reject (X) and both delete keys.
_CULLING_NAMES = ("Space", *"012345", "F", "X", "Delete", "Backspace")
CULLING_KEYS = {getattr(Qt.Key, f"Key_{name}") for name in _CULLING_NAMES}
Cursor = QAbstractItemView.CursorAction
Hint = QAbstractItemView.ScrollHint
AnyIndex = QModelIndex | QPersistentModelIndex


class GalleryView(QAbstractItemView):
    culling_key = Signal(int)  # a Qt.Key from CULLING_KEYS
    zoom_requested = Signal(int)  # +1 bigger, -1 smaller
    undo_requested = Signal()
    resized = Signal()
    redo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("galleryView")
        self.setAccessibleName(self.tr("Pictures"))
        accessible.install(GalleryView)
        self._base = QSize(100, 100)  # the smallest cell; columns share the spare width
        self._columns = 1
        self._cell = QSize(100, 100)
        self._phase = 0
        self._pending_shift: int | None = None  # px to scroll once rows above are removed
        self._anchoring = False  # rows landed above: the scroll follows, nothing on screen moves
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always shown: a bar that came and went with the count would change the width, the
        # columns and so every cell's place (the old "one pixel spare" dance).
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setMouseTracking(True)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.verticalScrollBar().setSingleStep(24)

    # -- layout ----------------------------------------------------------------------------

    def set_cell(self, base: QSize) -> None:
        """The smallest cell: as many columns as fit, each widened to fill the row."""
        self._base = QSize(base)
        self._relayout()

    def _relayout(self) -> None:
        width = max(1, self.viewport().width())
        columns = max(1, width // max(1, self._base.width()))
        cell = QSize(max(self._base.width(), width // columns), self._base.height())
        if columns != self._columns or cell != self._cell:
            # Keep the row at the top in view; the blanks of the phase go with a new layout.
            top = self.visible_rows()[0]
            self._columns, self._cell, self._phase = columns, cell, 0
            self.updateGeometries()
            self.verticalScrollBar().setValue((top // columns) * cell.height())
            self.viewport().update()

    def columns(self) -> int:
        return self._columns

    def gridSize(self) -> QSize:
        return QSize(self._cell)

    def _count(self) -> int:
        model = self.model()
        return model.rowCount() if model is not None else 0

    def visible_rows(self, top: int = 0, bottom: int | None = None) -> tuple[int, int]:
        """First and last row on screen now, or with a cell between heights `top` and `bottom`
        of the viewport (exact, from the arithmetic); (0, -1) if none."""
        count, height, offset = self._count(), self._cell.height(), self.verticalOffset()
        bottom = self.viewport().height() - 1 if bottom is None else bottom
        if count == 0:
            return (0, -1)
        first = max(0, (top + offset) // height * self._columns - self._phase)
        last = min(count - 1, ((bottom + offset) // height + 1) * self._columns - 1 - self._phase)
        return (min(first, count - 1), last)

    def updateGeometries(self) -> None:
        bar = self.verticalScrollBar()
        page = self.viewport().height()
        lines = -(-(self._count() + self._phase) // self._columns)
        bar.setRange(0, max(0, lines * self._cell.height() - page))
        bar.setPageStep(page)
        super().updateGeometries()

    def _slot_rect(self, slot: int) -> QRect:
        line, column = divmod(slot, self._columns)
        width, height = self._cell.width(), self._cell.height()
        return QRect(column * width, line * height - self.verticalOffset(), width, height)

    # -- QAbstractItemView's arithmetic ----------------------------------------------------

    def visualRect(self, index: AnyIndex) -> QRect:
        if not index.isValid():
            return QRect()
        return self._slot_rect(index.row() + self._phase)

    def _line_column(self, point: QPoint) -> tuple[int, int]:
        """The grid line and the column under `point` (the viewport's coordinates)."""
        line = (point.y() + self.verticalOffset()) // self._cell.height()
        return line, point.x() // self._cell.width()

    def indexAt(self, point: QPoint) -> QModelIndex:
        model, (line, column) = self.model(), self._line_column(point)
        row = line * self._columns + column - self._phase
        inside = point.x() >= 0 and point.y() >= 0 and column < self._columns
        if model is None or not inside or not 0 <= row < self._count():
            return QModelIndex()
        return model.index(row, 0)

    def scrollTo(self, index: AnyIndex, hint: Hint = Hint.EnsureVisible) -> None:
        if not index.isValid():
            return
        rect = self.visualRect(index)
        bar, page = self.verticalScrollBar(), self.viewport().height()
        top = rect.top() + bar.value()
        ensure = hint == Hint.EnsureVisible
        if hint == Hint.PositionAtTop or (ensure and rect.top() < 0):
            bar.setValue(top)
        elif hint == Hint.PositionAtBottom or (ensure and rect.bottom() >= page):
            bar.setValue(top + rect.height() - page)
        elif hint == Hint.PositionAtCenter:
            bar.setValue(top + rect.height() // 2 - page // 2)

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        model, count = self.model(), self._count()
        if model is None or count == 0:
            return QModelIndex()
        current = self.currentIndex()
        if not current.isValid():
            return model.index(0, 0)
        row, columns = current.row(), self._columns
        page = max(1, self.viewport().height() // self._cell.height()) * columns
        steps = {
            Cursor.MoveLeft: -1,
            Cursor.MovePrevious: -1,
            Cursor.MoveRight: 1,
            Cursor.MoveNext: 1,
            Cursor.MoveUp: -columns,
            Cursor.MoveDown: columns,
            Cursor.MovePageUp: -page,
            Cursor.MovePageDown: page,
            Cursor.MoveHome: -count,
            Cursor.MoveEnd: count,
        }
        moved = row + steps.get(action, 0)
        # Up or down off the grid stays put; a page, a step sideways, Home or End stops at the end.
        if action in (Cursor.MoveUp, Cursor.MoveDown) and not 0 <= moved < count:
            moved = row
        return model.index(max(0, min(count - 1, moved)), 0)

    def horizontalOffset(self) -> int:
        return 0

    def verticalOffset(self) -> int:
        return self.verticalScrollBar().value()

    def isIndexHidden(self, index: AnyIndex) -> bool:
        return False

    def setSelection(self, rect: QRect, command: QItemSelectionModel.SelectionFlag) -> None:
        """A rubber band selects the cells it covers (a range per grid line); Shift with a key
        or a click selects every picture from the anchor to the new one, in reading order."""
        model, count = self.model(), self._count()
        if model is None or count == 0:
            return
        selection = QItemSelection()
        if self.state() == QAbstractItemView.State.DragSelectingState:
            rect = rect.normalized()
            (top, left), (bottom, right) = map(
                self._line_column, (rect.topLeft(), rect.bottomRight())
            )
            left, right = max(0, left), min(self._columns - 1, right)
            # One range per grid line: the rows of a line are consecutive.
            for line in range(max(0, top), bottom + 1):
                row = line * self._columns - self._phase  # the row in the line's first cell
                start, end = max(0, row + left), min(count - 1, row + right)
                if start <= end:
                    selection.select(model.index(start, 0), model.index(end, 0))
        else:
            # Qt passes QRect(anchor, new current): its corners, not its area, matter here.
            ends = [self.indexAt(p).row() for p in (rect.topLeft(), rect.bottomRight())]
            ends = [row for row in ends if row >= 0]
            if ends:
                selection.select(model.index(min(ends), 0), model.index(max(ends), 0))
        self.selectionModel().select(selection, command)

    @staticmethod
    def _selected_between(selection: QItemSelection, first: int, last: int) -> Iterator[int]:
        for number in range(selection.size()):
            chosen = selection.at(number)
            yield from range(max(first, chosen.top()), min(last, chosen.bottom()) + 1)

    def visualRegionForSelection(self, selection: QItemSelection) -> QRegion:
        region = QRegion()
        for row in self._selected_between(selection, *self.visible_rows()):
            region += self._slot_rect(row + self._phase)
        return region

    # -- changes ---------------------------------------------------------------------------

    def dataChanged(self, top_left: AnyIndex, bottom_right: AnyIndex, roles: object = ()) -> None:
        # Only the changed cells on screen are painted again (Qt's own repaints the viewport
        # for any range, on screen or not).
        first, last = self.visible_rows()
        top, bottom = max(first, top_left.row()), min(last, bottom_right.row())
        if top <= bottom:
            area = self._slot_rect(top + self._phase).united(self._slot_rect(bottom + self._phase))
            self.viewport().update(QRect(0, area.top(), self.viewport().width(), area.height()))

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        # Only the strip scrolled in is painted (QAbstractScrollArea's repaints all). While rows
        # land above the screen, the scroll follows them and nothing on screen moves.
        if not self._anchoring:
            self.viewport().scroll(dx, dy)

    def _take_up(self, added: int) -> int:
        """Rows `added` above the screen (removed, if negative): blanks at the top take up their
        cells, so every picture on screen stays in its column. Returns the scroll's shift (px,
        whole lines) that keeps them where they are."""
        first = self.visible_rows()[0]
        before = (first + self._phase) // self._columns
        self._phase = (self._phase - added) % self._columns
        after = (first + added + self._phase) // self._columns
        return (after - before) * self._cell.height()

    def _keep_place(self, shift: int | None) -> None:
        """The range for the new count; with a `shift` (rows changed above the screen) the
        scroll follows them, so nothing on screen moves or is painted again."""
        bar = self.verticalScrollBar()
        target = bar.value() + (shift or 0)  # before a shorter range clamps the value
        self._anchoring = shift is not None
        try:
            self.updateGeometries()
            bar.setValue(target)
        finally:
            self._anchoring = False
        if shift is None:
            self.viewport().update()

    def rowsInserted(self, parent: AnyIndex, start: int, end: int) -> None:
        above = start < self.visible_rows()[0] and self.verticalOffset() > 0
        self._keep_place(self._take_up(end - start + 1) if above else None)
        super().rowsInserted(parent, start, end)

    def rowsAboutToBeRemoved(self, parent: AnyIndex, start: int, end: int) -> None:
        if end < self.visible_rows()[0] and self.verticalOffset() > 0:
            self._pending_shift = self._take_up(start - end - 1)
        super().rowsAboutToBeRemoved(parent, start, end)

    def _rows_removed(self) -> None:
        shift, self._pending_shift = self._pending_shift, None
        self._keep_place(shift)

    def reset(self) -> None:
        self._phase = 0
        super().reset()

    def setModel(self, model: object) -> None:
        super().setModel(model)  # type: ignore[arg-type]
        self.model().rowsRemoved.connect(self._rows_removed)

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        model, delegate = self.model(), self.itemDelegate()
        if model is None or not hasattr(delegate, "paint_cell"):
            return
        exposed, box = event.region(), event.rect()  # the region and its bounding rectangle
        first, last = self.visible_rows(box.top(), box.bottom())  # a scroll step: a strip
        selected = set(self._selected_between(self.selectionModel().selection(), first, last))
        current = self.currentIndex().row() if self.hasFocus() else -1
        # Qt's own hover tracking repaints the cells the mouse enters and leaves.
        viewport = self.viewport()
        hovered = -1
        if viewport.underMouse():
            hovered = self.indexAt(viewport.mapFromGlobal(QCursor.pos())).row()
        look = (viewport.palette(), self.devicePixelRatioF())
        painter = QPainter(viewport)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for row in range(first, last + 1):
            rect = self._slot_rect(row + self._phase)
            if exposed.intersects(rect):
                flags = (row in selected, row == hovered, row == current)
                delegate.paint_cell(painter, rect, look, model.cell(row), flags)  # type: ignore[attr-defined]
        painter.end()

    # -- keys, wheel, size -----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Undo is handled here rather than by a window-wide shortcut: Ctrl+Z in the prompt
        # editor must undo typing, and only in the grid should it undo culling.
        key = Qt.Key(event.key())
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo_requested.emit()
        elif event.matches(QKeySequence.StandardKey.Redo):
            self.redo_requested.emit()
        elif key in CULLING_KEYS and modifiers == Qt.KeyboardModifier.NoModifier:
            self.culling_key.emit(int(key.value))
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # sets the range for the new height
        self._relayout()
        self.resized.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        if delta := event.angleDelta().y():
            self.zoom_requested.emit(1 if delta > 0 else -1)
        event.accept()
