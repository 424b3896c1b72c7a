"""The grid for screen readers: a list whose items are the pictures, by their prompts.

Qt describes its own QListView to assistive tools, but not a custom `QAbstractItemView`; this
factory does it for `GalleryView`. An item is a row number asked about when the tool asks, so it
costs nothing until a screen reader is running, and nothing per row even then.
"""

from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAbstractItemView, QAccessibleWidget

Role, Text = QAccessible.Role, QAccessible.Text


class _Item(QAccessibleInterface):
    def __init__(self, grid: _Grid, row: int) -> None:
        super().__init__()
        self._grid, self.row = grid, row

    def _index(self) -> QModelIndex:
        model = self._grid.view.model()
        return model.index(self.row, 0) if model is not None else QModelIndex()

    def isValid(self) -> bool:
        return self._index().isValid()

    def object(self) -> QObject | None:  # type: ignore[override]  # Qt takes a null
        return None

    def parent(self) -> QAccessibleInterface:
        return self._grid

    def child(self, _number: int) -> None:  # type: ignore[override]  # Qt takes a null
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, _child: Any) -> int:
        return -1

    def childAt(self, _x: int, _y: int) -> None:  # type: ignore[override]  # Qt takes a null
        return None

    def role(self) -> QAccessible.Role:
        return Role.ListItem

    def text(self, kind: QAccessible.Text) -> str:
        index = self._index()
        if kind != Text.Name or not index.isValid():
            return ""
        return str(index.data(Qt.ItemDataRole.AccessibleTextRole) or "")

    def setText(self, _kind: QAccessible.Text, _text: str) -> None:
        return None

    def rect(self) -> QRect:
        view = self._grid.view
        local = view.visualRect(self._index())
        return QRect(view.viewport().mapToGlobal(local.topLeft()), local.size())

    def state(self) -> QAccessible.State:
        view, index, state = self._grid.view, self._index(), QAccessible.State()
        state.selectable = state.focusable = True
        state.selected = view.selectionModel().isSelected(index)
        state.focused = view.hasFocus() and view.currentIndex() == index
        state.invisible = not view.viewport().rect().intersects(view.visualRect(index))
        return state


class _Grid(QAccessibleWidget):
    """The view as Qt describes any widget (name, place, parent, focus), with rows as items."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view, Role.List)
        self.view = view
        self._items: dict[int, _Item] = {}

    def childCount(self) -> int:
        model = self.view.model()
        return model.rowCount() if model is not None else 0

    def child(self, number: int) -> _Item | None:  # type: ignore[override]  # Qt takes a null
        if not 0 <= number < self.childCount():
            return None
        item = self._items.get(number)
        if item is None:
            item = self._items[number] = _Item(self, number)
            QAccessible.registerAccessibleInterface(item)
        return item

    def indexOfChild(self, child: Any) -> int:
        return child.row if isinstance(child, _Item) else -1

    def childAt(self, x: int, y: int) -> _Item | None:  # type: ignore[override]  # Qt takes a null
        return self.child(self.view.indexAt(self.view.viewport().mapFromGlobal(QPoint(x, y))).row())

    def focusChild(self) -> _Item | None:  # type: ignore[override]  # Qt takes a null
        return self.child(self.view.currentIndex().row())

    def state(self) -> QAccessible.State:
        state = super().state()
        state.multiSelectable = state.extSelectable = True
        return state


@functools.cache
def install(view_type: type[QAbstractItemView]) -> None:
    """Describe every `view_type` to assistive tools (once per process). Qt owns the interfaces
    the factory returns (PySide keeps their Python side alive) and deletes them with the view."""

    def factory(_class_name: str, target: QObject) -> QAccessibleInterface | None:
        return _Grid(target) if isinstance(target, view_type) else None

    QAccessible.installFactory(factory)
