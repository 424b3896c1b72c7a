"""`CollectionsSidebar`: All images, Favourites, Trash and the user's collections.

Choosing an entry changes the gallery's scope. Dropping images from the grid (our id-list mime
type) onto a collection adds them to it; onto Favourites marks them; onto Trash trashes them.

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

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
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
from stepfun_studio.ui.gallery.mime import IMAGE_IDS_MIME, decode_ids
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
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(True)

    def _target(self, pos: QPoint) -> QListWidgetItem | None:
        item = self.itemAt(pos)
        if item is None or item.data(KindRole) not in DROP_TARGETS:
            return None
        return item

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        event.setAccepted(event.mimeData().hasFormat(IMAGE_IDS_MIME))  # the row decides on moves

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        ok = event.mimeData().hasFormat(IMAGE_IDS_MIME)
        if ok and self._target(event.position().toPoint()) is not None:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        item = self._target(event.position().toPoint())
        ids = decode_ids(event.mimeData())
        if item is None or not ids:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.ids_dropped.emit(item, ids)


class CollectionsSidebar(QWidget):
    """The scope chooser beside the grid; it writes collection changes to the library itself."""

    scope_changed = Signal(str, object)  # Scope, collection id or None
    images_changed = Signal(list)  # ids whose flags changed through a drop
    status_message = Signal(str)
    collection_created = Signal(int)  # its id, once it is listed
    listed = Signal()  # the collections were read and the list rebuilt

    LANE = "sidebar"

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

        add = QToolButton(self)
        add.setObjectName("newCollection")
        add.setText("+")
        add.setToolTip(self.tr("New collection"))
        add.clicked.connect(self._ask_collection)
        self._add_button = add
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        self.notice = LibraryNotice(self, stacked=True)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self.reload()

    def set_library(self, library: Library | None) -> None:
        self._library = library
        self.reload()

    def changeEvent(self, event: QEvent) -> None:
        # A live language switch, or light to dark: the fixed rows take the new words and colours.
        changes = (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange)
        if event.type() in changes and hasattr(self, "_add_button") and self.list.count():
            self._add_button.setToolTip(self.tr("New collection"))
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

        change_library(self, run, done, failed, "sidebar", lane=self.LANE)

    def _rebuild(self) -> None:
        kind, collection_id = self.current_scope()
        self.list.blockSignals(True)
        self.list.clear()
        for fixed in (None, Scope.ALL, Scope.FAVOURITES, Scope.TRASH, None):  # None: a heading
            self._add("", fixed, None)
        for info in self.collections:
            self._add(f"{info.name}  ({info.count})", Scope.COLLECTION, info.id)
        self._retitle()
        # Re-selecting the same entry must not look like a change of scope to the panel.
        self.select(kind, collection_id)
        self.list.blockSignals(False)
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
        """The five fixed rows' words, in place: the library may be closed at a language switch."""
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
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(KindRole) == kind and item.data(CollectionRole) == collection_id:
                self.list.setCurrentItem(item)
                return
        if kind != Scope.ALL:
            self.select(Scope.ALL)

    def item_for_collection(self, collection_id: int) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(CollectionRole) == collection_id:
                return item
        return None

    def _on_current(self, *_items: QListWidgetItem | None) -> None:
        kind, collection_id = self.current_scope()
        self.scope_changed.emit(kind, collection_id)

    # -- editing -------------------------------------------------------------------------

    def create_collection(
        self, name: str | None = None, then: Callable[[int], None] | None = None
    ) -> None:
        """Asks for a name (unless given), creates the collection off the GUI thread; once it is
        listed, `collection_created` and `then(id)`."""
        if self._library is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("New collection"), self.tr("Name:"))
            if not ok:
                return
        name = name.strip()
        if not name:
            return

        def created(collection_id: int) -> None:
            self.collection_created.emit(collection_id)
            if then is not None:
                then(collection_id)

        self._change(lambda library: library.create_collection(name), created)

    def _ask_collection(self) -> None:
        self.create_collection()  # not connected directly: `clicked(bool)` would be the name

    def _current_collection(self) -> int | None:
        kind, collection_id = self.current_scope()
        return collection_id if self._library is not None and kind == Scope.COLLECTION else None

    def rename_current(self) -> None:
        collection_id = self._current_collection()
        if collection_id is None:
            return
        old = self.list.currentItem().text().rsplit("  (", 1)[0]
        name, ok = QInputDialog.getText(
            self, self.tr("Rename collection"), self.tr("Name:"), text=old
        )
        if ok and name.strip():
            new = name.strip()
            self._change(lambda library: library.rename_collection(collection_id, new))

    def delete_current(self) -> None:
        collection_id = self._current_collection()
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
        menu.addAction(self.tr("New collection…"), self._ask_collection)
        if self.current_scope()[0] == Scope.COLLECTION:
            menu.addAction(self.tr("Rename…"), self.rename_current)
            menu.addAction(self.tr("Delete"), self.delete_current)
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def _on_drop(self, item: QListWidgetItem, ids: list[int]) -> None:
        if self._library is None:
            return
        kind = Scope(item.data(KindRole))
        work: Callable[[Library], Any]
        if kind == Scope.COLLECTION:
            collection_id = int(item.data(CollectionRole))
            work = lambda library: library.add_to_collection(ids, collection_id)  # noqa: E731
            name = item.text().rsplit("  (", 1)[0]
            message = self.tr("Added %n image(s) to “{name}”", "", len(ids)).format(name=name)
        elif kind == Scope.FAVOURITES:
            work = lambda library: library.set_favourite(ids, True)  # noqa: E731
            message = self.tr("Marked %n image(s) as favourite", "", len(ids))
        elif kind == Scope.TRASH:
            work = lambda library: library.move_to_trash(ids)  # noqa: E731
            message = self.tr("Moved %n image(s) to the trash", "", len(ids))
        else:
            return

        def changed(_result: object) -> None:
            self.images_changed.emit(ids)
            self.status_message.emit(message)

        self._change(work, changed)
