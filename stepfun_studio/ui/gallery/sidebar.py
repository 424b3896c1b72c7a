"""`CollectionsSidebar`: All images, Favourites, Trash and the user's collections.

Choosing an entry changes the gallery's scope. Images dropped from the grid (our id-list mime
type) onto a collection, Favourites or Trash are handed to the panel (`collection_dropped`,
`favourites_dropped`, `trash_dropped`), whose culling writes them in order with its other steps.

Every read and write of the library runs off the GUI thread, on one lane (`ui.background`), so a
write and the listing after it come back in order; the list is rebuilt when the listing arrives.
A library that cannot be read or written (locked by another program, a full disk) is said on
the status line, and the list keeps what it showed.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from stepfun_studio.core.errors import AppError
from stepfun_studio.library.library import Library
from stepfun_studio.library.records import CollectionInfo
from stepfun_studio.ui.drag_out import IMAGE_IDS_MIME, decode_ids
from stepfun_studio.ui.library_notice import LibraryNotice
from stepfun_studio.ui.library_writes import change_library

KindRole = int(Qt.ItemDataRole.UserRole) + 1
CollectionRole = int(Qt.ItemDataRole.UserRole) + 2


class Scope(StrEnum):
    ALL = "all"
    FAVOURITES = "favourites"
    TRASH = "trash"
    COLLECTION = "collection"


DROP_TARGETS = (Scope.FAVOURITES, Scope.TRASH, Scope.COLLECTION)
LIST_STYLE = """
QListWidget#collectionsView { border: none; background: transparent; }
QListWidget#collectionsView::item { padding: 5px 8px; border-radius: 5px; }
QListWidget#collectionsView::item:selected {
    background: palette(highlight); color: palette(highlighted-text);
}
"""


class _DropList(QListWidget):
    """A list that accepts our image ids on the row under the cursor."""

    ids_dropped = Signal(object, list)  # the item dropped on, the ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)  # accepts drops, drags none

    def _accept(self, event: QDropEvent, ok: bool) -> QListWidgetItem | None:
        """Takes the drag (as a copy) when `ok` and over a drop target; that row, or None."""
        item = self.itemAt(event.position().toPoint())
        if not ok or item is None or item.data(KindRole) not in DROP_TARGETS:
            event.ignore()
            return None
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        return item

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        event.setAccepted(event.mimeData().hasFormat(IMAGE_IDS_MIME))  # the row decides on moves

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._accept(event, event.mimeData().hasFormat(IMAGE_IDS_MIME))

    def dropEvent(self, event: QDropEvent) -> None:
        ids = decode_ids(event.mimeData())
        if (item := self._accept(event, bool(ids))) is not None:
            self.ids_dropped.emit(item, ids)


class CollectionsSidebar(QWidget):
    """The scope chooser beside the grid; it creates, renames and deletes collections itself."""

    scope_changed = Signal(str, object)  # Scope, collection id or None
    collection_dropped = Signal(list, int)  # ids, the collection's id
    # Ids dropped on Favourites / on Trash: for the panel's culling, so Ctrl+Z undoes them.
    favourites_dropped = Signal(list)
    trash_dropped = Signal(list)
    status_message = Signal(str)
    collection_created = Signal(int)  # its id, once it is listed
    listed = Signal()  # the collections were read and the list rebuilt

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library: Library | None = None
        self.collections: list[CollectionInfo] = []  # as last read
        self.list = _DropList(self)
        self.list.setObjectName("collectionsView")
        self.list.setStyleSheet(LIST_STYLE)
        # Narrow enough for a 1366 px screen; the splitter gives it more when there is room.
        self.setMinimumWidth(140)
        # A long collection name is elided ("客户提案 Client…", full name in its tooltip), not
        # given a horizontal scroll bar.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemDoubleClicked.connect(lambda _item: self.rename_current())
        self.list.ids_dropped.connect(self._on_drop)

        self._add_button = QToolButton(self)
        self._add_button.setObjectName("newCollection")
        self._add_button.setText("+")
        # A lambda: `clicked(bool)` would be the name.
        self._add_button.clicked.connect(lambda: self.create_collection())  # noqa: PLW0108
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        self.notice = LibraryNotice(self, stacked=True)
        layout.addWidget(self.notice)
        layout.addWidget(self._add_button, 0, Qt.AlignmentFlag.AlignRight)
        self.reload()

    def set_library(self, library: Library | None) -> None:
        self._library = library
        self.reload()

    def changeEvent(self, event: QEvent) -> None:
        # A live language switch, or light to dark: the fixed rows take the new words and colours.
        changes = (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange)
        if event.type() in changes and hasattr(self, "_add_button") and self.list.count():
            self._retitle()
        super().changeEvent(event)

    def reload(self) -> None:
        """Reads the collections (counts included) off the GUI thread, then rebuilds the list,
        keeping the current entry selected. Without a library: at once, with none."""
        self._change(lambda _library: None)

    def _change(
        self, work: Callable[[Library], Any], then: Callable[[Any], None] = lambda _result: None
    ) -> None:
        """`work(library)` and then the listing, off the GUI thread; here, the list rebuilt and
        `then(work's result)`. A failure is said on the status line. No library: no work, no
        collections listed."""
        library = self._library
        if library is None:
            self.collections = []
            self._rebuild()
            return

        def run() -> tuple[Any, list[CollectionInfo]]:
            result = work(library)
            return result, library.list_collections()

        def done(outcome: tuple[Any, list[CollectionInfo]]) -> None:
            if library is self._library:  # not another library since
                result, self.collections = outcome
                self._rebuild()
                self.listed.emit()
                then(result)

        def failed(error: AppError) -> None:
            # Locked by another program, a full disk: said here, and done again on Retry.
            self.notice.show_problem(error.message, partial(self._change, work, then))
            self.status_message.emit(error.message)

        change_library(self, run, done, failed, "sidebar", lane="sidebar")

    def _rebuild(self) -> None:
        kind, collection_id = self.current_scope()
        # Re-selecting the same entry must not look like a change of scope to the panel.
        with QSignalBlocker(self.list):
            self.list.clear()
            for fixed in (None, Scope.ALL, Scope.FAVOURITES, Scope.TRASH, None):  # None: a heading
                self._add("", fixed, None)
            for info in self.collections:
                self._add(f"{info.name}  ({info.count})", Scope.COLLECTION, info.id)
            self._retitle()
            self.select(kind, collection_id)
        if self.current_scope() != (kind, collection_id):
            self._on_current()

    def _add(self, text: str, scope: Scope | None, collection_id: int | None) -> None:
        item = QListWidgetItem(text, self.list)
        item.setToolTip(text)
        item.setData(KindRole, scope)
        item.setData(CollectionRole, collection_id)
        if scope is None:
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            font = QFont(self.list.font())
            font.setBold(True)
            font.setPointSizeF(max(8.0, font.pointSizeF() * 0.9))
            item.setFont(font)

    def _retitle(self) -> None:
        """The five fixed rows' words (and the + button's), in place: the library may be closed at
        a language switch."""
        self._add_button.setToolTip(self.tr("New collection"))
        # The muted colour at 80 % size read as tiny and dim in the dark scheme: the headings
        # are the sidebar's landmarks, so they take the text colour.
        colour = self.palette().color(QPalette.ColorRole.WindowText)
        words = (self.tr("LIBRARY"), self.tr("All images"), self.tr("♥ Favourites"))
        for row, text in enumerate((*words, self.tr("Trash"), self.tr("COLLECTIONS"))):
            item = self.list.item(row)
            item.setText(text)
            if item.data(KindRole) is None:
                item.setForeground(colour)
            else:
                item.setToolTip(text)

    def current_scope(self) -> tuple[Scope, int | None]:
        item = self.list.currentItem() if hasattr(self, "list") else None
        if item is None:
            return Scope.ALL, None
        return Scope(item.data(KindRole)), item.data(CollectionRole)

    def select(self, kind: Scope, collection_id: int | None = None) -> None:
        """That entry made current; All images when it is not listed."""
        item = self._item(kind, collection_id) or self._item(Scope.ALL)
        if item is not None:  # None only before the first rebuild
            self.list.setCurrentItem(item)

    def item_for_collection(self, collection_id: int) -> QListWidgetItem | None:
        return self._item(Scope.COLLECTION, collection_id)

    def _item(self, kind: Scope, collection_id: int | None = None) -> QListWidgetItem | None:
        for item in map(self.list.item, range(self.list.count())):
            if item.data(KindRole) == kind and item.data(CollectionRole) == collection_id:
                return item
        return None

    def _on_current(self, *_items: QListWidgetItem | None) -> None:
        kind, collection_id = self.current_scope()
        self.scope_changed.emit(kind, collection_id)

    # -- editing -------------------------------------------------------------------------

    def create_collection(
        self, name: str | None = None, then: Callable[[int], None] = lambda _id: None
    ) -> None:
        """Asks for a name (unless given), creates the collection off the GUI thread; once it is
        listed, `collection_created` and `then(id)`."""
        if self._library is None:
            return
        if name is None:  # asked: "" when cancelled
            name, _ok = QInputDialog.getText(self, self.tr("New collection"), self.tr("Name:"))
        name = name.strip()
        if not name:
            return

        def created(collection_id: int) -> None:
            self.collection_created.emit(collection_id)
            then(collection_id)

        self._change(lambda library: library.create_collection(name), created)

    def rename_current(self) -> None:
        collection_id = self.current_scope()[1]  # None but on a collection's row
        if collection_id is None:
            return
        old = next(info.name for info in self.collections if info.id == collection_id)
        name, _ok = QInputDialog.getText(
            self, self.tr("Rename collection"), self.tr("Name:"), text=old
        )
        new = name.strip()  # "" when cancelled
        if new:
            self._change(lambda library: library.rename_collection(collection_id, new))

    def delete_current(self) -> None:
        collection_id = self.current_scope()[1]  # None but on a collection's row
        if collection_id is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete collection"),
            self.tr("Delete this collection? Its images stay in the library."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.select(Scope.ALL)
            self._change(lambda library: library.delete_collection(collection_id))

    def _menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("New collection…"), self._add_button.click)  # as the + button
        if self.current_scope()[1] is not None:  # a collection's row
            menu.addAction(self.tr("Rename…"), self.rename_current)
            menu.addAction(self.tr("Delete"), self.delete_current)
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def _on_drop(self, item: QListWidgetItem, ids: list[int]) -> None:
        kind = Scope(item.data(KindRole))
        if kind == Scope.COLLECTION:
            self.collection_dropped.emit(ids, int(item.data(CollectionRole)))
        else:
            (self.favourites_dropped if kind == Scope.FAVOURITES else self.trash_dropped).emit(ids)
