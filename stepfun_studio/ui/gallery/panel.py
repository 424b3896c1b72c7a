"""`GalleryPanel`: the gallery as the main window places it.

Sidebar (scopes and collections), search field, filter bar, match count, thumbnail size, and the
grid with its large preview. The panel wires the parts together and turns the user's intents into
library calls; painting, listing, decoding and undo live in their own modules.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSlider,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from stepfun_studio.library.library import Library
from stepfun_studio.library.records import ImageQuery
from stepfun_studio.ui.gallery.culling import CullingController
from stepfun_studio.ui.gallery.delegate import GalleryDelegate, thumbnail_pixels
from stepfun_studio.ui.gallery.empty_state import EmptyState
from stepfun_studio.ui.gallery.filter_bar import FilterBar
from stepfun_studio.ui.gallery.model import GalleryModel
from stepfun_studio.ui.gallery.placeholders import JobPlaceholders
from stepfun_studio.ui.gallery.sidebar import CollectionsSidebar, Scope
from stepfun_studio.ui.gallery.thumbnails import ThumbnailLoader
from stepfun_studio.ui.gallery.view import GalleryView
from stepfun_studio.ui.library_reads import LibraryReads
from stepfun_studio.ui.retranslated import Retranslated
from stepfun_studio.ui.timers import single_shot

if TYPE_CHECKING:
    from stepfun_studio.ui.gallery.compare import CompareDialog
    from stepfun_studio.ui.gallery.lightbox import Lightbox

# organise, compare, context_menu and library_check are imported where first used: none is in
# the first frame.

SEARCH_QUIET_MS = 120
CELL_MIN, CELL_MAX, CELL_DEFAULT, CELL_STEP = 96, 320, 176, 16
# How many columns a wide grid aims at: about 270 px cells in a 2560 px window's gallery.
AUTO_COLUMNS = 5


def auto_cell(width: int, smallest: int, largest: int, step: int) -> int:
    """The cell size for a grid `width` px wide: `AUTO_COLUMNS` columns, within the bounds, on
    the slider's steps (a window dragged wider re-decodes thumbnails every step, not every px)."""
    wanted = max(smallest, min(largest, width // AUTO_COLUMNS))
    return max(smallest, wanted - (wanted - smallest) % step)


class GalleryPanel(Retranslated, QWidget):
    current_image_changed = Signal(object)  # int | None
    image_activated = Signal(int)
    reuse_parameters_requested = Signal(int)
    use_as_source_requested = Signal(int)
    use_as_style_requested = Signal(int)
    status_message = Signal(str)
    library_rebuilt = Signal()  # File ▸ Check library ▸ Rebuild: every id changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("galleryPanel")
        self.library: Library | None = None  # set through set_library, which tells every part
        self.loader = ThumbnailLoader(self)
        # Sections the window adds to the context menu of one picture (menu, image id).
        self.menu_extensions: list[Callable[[QMenu, int], None]] = []
        self.model = GalleryModel(self)
        self.culling = CullingController(self.model, self)
        self.sidebar = CollectionsSidebar(self)
        self.sidebar.setObjectName("collectionsSidebar")

        self.search = QLineEdit(self)
        self.search.setObjectName("searchField")
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("matchCount")
        self.size_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.size_slider.setObjectName("thumbnailSize")
        self.size_slider.setRange(CELL_MIN, CELL_MAX)
        self.size_slider.setValue(CELL_DEFAULT)
        self.size_slider.setFixedWidth(90)
        # A fixed cell left most of a 2560 px grid empty: cells follow the grid's width (auto_cell)
        # until the slider is set to any size but the last one set here: the user's, which wins.
        self.auto_size: int | None = CELL_DEFAULT
        self.empty_trash_button = QPushButton(self)
        self.empty_trash_button.setObjectName("emptyTrash")
        self.empty_trash_button.hide()
        # One split button instead of two push buttons keeps the search field wide on a 1366 px
        # screen: a click imports files, its menu imports a folder or checks the library.
        self._import_button = QToolButton(self)
        self._import_button.setObjectName("importImages")
        self._import_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self._import_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._import_button.clicked.connect(lambda: self.import_images(folder=False))
        library_menu = QMenu(self._import_button)
        self._import_folder_action = library_menu.addAction("", lambda: self.import_images(True))
        self._check_action = library_menu.addAction("", self.check_library)
        self._import_button.setMenu(library_menu)
        self._total = 0
        # The current image across a reload whose list arrives later (see reload_keeping_place).
        self._place_to_keep: int | None = None
        self.filters = FilterBar(self)
        # The filters' choices (tags, providers present) are read on a worker thread.
        self._reads = LibraryReads(self)

        self.view = GalleryView(self)
        self.delegate = GalleryDelegate(self.loader, self.view)
        self.view.setModel(self.model)
        self.view.setItemDelegate(self.delegate)
        self.placeholders = JobPlaceholders(self)
        self.delegate.placeholder_progress = self.placeholders.progress
        self._preview: Lightbox | None = None  # made when Space first opens it

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        top.addSpacing(12)
        for widget in (self.size_slider, self.empty_trash_button, self._import_button):
            top.addWidget(widget)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(6, 6, 6, 0)
        column.addLayout(top)
        column.addWidget(self.filters)
        column.addWidget(self.culling.notice)
        column.addWidget(self.view, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.sidebar)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([160, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        # Throttled search: the first key of a pause searches at once, later keys within the
        # quiet period are folded into one search when it ends.
        self._search_timer = single_shot(self, SEARCH_QUIET_MS, self._on_search_quiet)
        self.search.textChanged.connect(self._on_search_typed)
        self.filters.changed.connect(self.apply_query)
        self.sidebar.scope_changed.connect(self._on_scope)
        self.sidebar.status_message.connect(self.status_message)
        self.sidebar.collection_dropped.connect(self.add_to_collection)
        # Drops on Favourites and Trash are culling steps: undone by Ctrl+Z like the keys.
        self.sidebar.favourites_dropped.connect(self.culling.favourite)
        self.sidebar.trash_dropped.connect(self.culling.trash)
        self.size_slider.valueChanged.connect(self.set_thumbnail_size)
        self.view.resized.connect(self._follow_width)
        self.view.zoom_requested.connect(
            lambda step: self.size_slider.setValue(self.size_slider.value() + step * CELL_STEP)
        )
        self.view.culling_key.connect(self._on_culling_key)
        self.view.activated.connect(self._on_activated)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().currentChanged.connect(
            lambda *_indexes: self.current_image_changed.emit(self.current_id())
        )
        self.culling.changed.connect(self._on_culled)
        self.culling.status_message.connect(self.status_message)
        self.model.total_changed.connect(self._show_count)
        self.model.count_known.connect(self._show_count)
        self.model.total_changed.connect(self._restore_place)
        self.model.modelReset.connect(self._current_to_top)
        self.loader.thumbnail_ready.connect(self._on_thumbnail)
        self.empty_trash_button.clicked.connect(self.empty_trash)

        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.loader.shutdown)

        self._prefetch_timer = single_shot(self, 0, self.prefetch)
        self.view.verticalScrollBar().valueChanged.connect(self._schedule_prefetch)
        for change in (self.model.rowsInserted, self.model.modelReset, self.model.rowsRemoved):
            change.connect(self._schedule_prefetch)
        self.set_thumbnail_size(CELL_DEFAULT)
        self.empty_state = EmptyState(self)  # what to do when the grid has no rows
        self.retranslate()
        self.view.undo_requested.connect(self.culling.undo_stack.undo)
        self.view.redo_requested.connect(self.culling.undo_stack.redo)

    # -- public API -------------------------------------------------------------------

    def set_library(self, library: Library | None) -> None:
        self.library = library
        self.loader.set_library(library)
        self.culling.set_library(library)
        self.sidebar.set_library(library)
        self.filters.load_choices(self.library, self._reads)
        self.model.set_library(library)
        self.model.set_query(self.query())

    def shutdown(self) -> None:
        """Stop background work; the main window calls this before closing the library."""
        self._reads.shutdown()
        self.culling.set_library(None)  # its writes end first
        if self._preview is not None:
            self._preview.shutdown()
        self.loader.shutdown()
        self.model.shutdown()

    def query(self) -> ImageQuery:
        kind, collection_id = self.sidebar.current_scope()
        query = self.filters.apply_to(ImageQuery(text=self.search.text().strip()))
        return dataclasses.replace(
            query,
            favourites_only=query.favourites_only or kind == Scope.FAVOURITES,
            collection_id=collection_id if kind == Scope.COLLECTION else None,
            trash=kind == Scope.TRASH,
        )

    def apply_query(self) -> None:
        self._place_to_keep = None  # a new query starts at its top
        self.model.set_query(self.query())

    def _current_to_top(self) -> None:
        # New rows with no current picture (a new query): the keys start from the first one.
        if self._place_to_keep is not None or self.view.currentIndex().isValid():
            return
        first = next((r for r, i in enumerate(self.model.ids_in(0, 63)) if i >= 0), None)
        if first is not None:
            self.make_current(self.model.index(first, 0), select=False)

    def make_current(self, index: QModelIndex, select: bool = True) -> None:
        """`index` becomes the current picture, and the only one selected if `select`."""
        flag = QItemSelectionModel.SelectionFlag
        self.view.selectionModel().setCurrentIndex(
            index, flag.ClearAndSelect if select else flag.NoUpdate
        )

    def refresh(self) -> None:
        """Read everything again (after changes made elsewhere), keeping the scroll position."""
        self.filters.load_choices(self.library, self._reads)
        self.sidebar.reload()
        self.reload_keeping_place()

    def reload_keeping_place(self) -> None:
        """Read the query again; the current image stays current (and selected) if it is there.

        A reset forgets the selection; the scroll position survives it on its own. The place
        is restored when the count comes: at once, or when the lister has read the list.
        """
        self._place_to_keep = self.current_id()
        self.model.reload()

    def _restore_place(self, _total: int = 0) -> None:
        image_id, self._place_to_keep = self._place_to_keep, None
        # Only after a reset took the current image away: if the rows stayed, so did the
        # cursor, and the user may have moved it while the list was read.
        if image_id is None or self.view.currentIndex().isValid():
            return
        index = self.model.index_of(image_id)
        if index.isValid():
            self.make_current(index)

    def add_image(self, image_id: int, job_id: int | None = None) -> None:
        """A new image is in the library: at the top if it matches (see `JobPlaceholders.land`)."""
        self.placeholders.land(image_id, job_id)

    def selected_ids(self) -> list[int]:
        """The selected pictures in grid order (the view's rows are the model's rows)."""
        rows = sorted(i.row() for i in self.view.selectionModel().selectedIndexes())
        return [i for i in (self.model.image_id(r) for r in rows) if i >= 0]

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        image_id = self.model.image_id(index.row()) if index.isValid() else -1
        return image_id if image_id >= 0 else None

    def in_trash(self) -> bool:
        return self.sidebar.current_scope()[0] == Scope.TRASH

    def set_thumbnail_size(self, size: int) -> None:
        size = max(CELL_MIN, min(CELL_MAX, size))
        if size != self.auto_size:
            self.auto_size = None
        self.delegate.set_cell_size(size)
        self.view.set_cell(self.delegate.grid_size())
        self.loader.cancel_all()
        self.size_slider.setValue(size)  # no signal if it shows the size already
        self._schedule_prefetch()

    def _follow_width(self) -> None:
        if self.auto_size is None:
            return
        # The grid cell is the thumbnail plus its margins: size the thumbnail so cells fit.
        margins = self.delegate.grid_size().width() - self.delegate.cell_size
        # The scroll bar is always shown: the viewport's width is a stable one.
        width = self.view.viewport().width() - AUTO_COLUMNS * margins
        self.auto_size = auto_cell(width, CELL_DEFAULT, CELL_MAX, CELL_STEP)
        self.size_slider.setValue(self.auto_size)  # which sets the size

    # -- thumbnails ----------------------------------------------------------------------

    def _schedule_prefetch(self) -> None:
        if not self._prefetch_timer.isActive():
            self._prefetch_timer.start()

    def prefetch(self) -> None:
        """Ask for the thumbnails on screen, then a screen either side; drop requests beyond."""
        if self.model.rowCount() == 0 or self.library is None:
            self.loader.cancel_all()
            return
        first, last = self.view.visible_rows()
        span = max(1, last - first + 1)
        # Marks and badges are painted from summaries: read two screens either way ahead.
        self.model.read_summaries_ahead(first - 2 * span, last + 2 * span)
        dpr = self.view.devicePixelRatioF()
        size_px = thumbnail_pixels(self.delegate.cell_size, dpr)
        on_screen = [i for i in self.model.ids_in(first, last) if i >= 0]
        below = [i for i in self.model.ids_in(last + 1, last + span) if i >= 0]
        above = [i for i in self.model.ids_in(first - span, first - 1) if i >= 0]
        above.reverse()  # nearest first
        for image_id in (*on_screen, *below, *above):  # in the order wanted
            self.loader.request(image_id, size_px, dpr)
        self.loader.retain({*on_screen, *below, *above})

    def _on_thumbnail(self, image_id: int, _size_px: int) -> None:
        # Only a cell on screen needs painting again; one scrolled away is painted from the
        # cache when it comes back. Looked for among the visible rows only.
        first, last = self.view.visible_rows()
        visible = self.model.ids_in(first, last)
        if image_id in visible:
            self.view.update(self.model.index(first + visible.index(image_id), 0))

    # -- search, scope -------------------------------------------------------------------

    def _on_search_typed(self, _text: str) -> None:
        if not self._search_timer.isActive():
            self.apply_query()
            self._search_timer.start()

    def _on_search_quiet(self) -> None:
        if self.search.text().strip() != self.model.query.text:  # typed since the search
            self.apply_query()

    def _on_scope(self, kind: str, _collection_id: object) -> None:
        self.empty_trash_button.setVisible(kind == Scope.TRASH)
        self.apply_query()

    def retranslate(self) -> None:
        # Also at each live language switch; the filter bar and the sidebar re-set their own.
        self.search.setPlaceholderText(self.tr("Search prompts, tags and notes…"))
        self.size_slider.setToolTip(self.tr("Thumbnail size (Ctrl+wheel)"))
        self.empty_trash_button.setText(self.tr("Empty trash…"))
        self._show_count(self._total)
        self._import_button.setText(self.tr("Import…"))
        self._import_button.setToolTip(self.tr("Import pictures into the library"))
        self._import_folder_action.setText(self.tr("Import folder…"))
        self._check_action.setText(self.tr("Check library"))
        self.empty_state.refresh()  # in the new language if shown

    def _show_count(self, total: int) -> None:
        self._total = total
        many = self.tr("{count} images").format(count=f"{total:,}")
        self.count_label.setText(self.tr("1 image") if total == 1 else many)

    # -- culling -------------------------------------------------------------------------

    def _on_culling_key(self, key: int) -> None:
        if key == Qt.Key.Key_Space.value:
            self.preview.toggle()
            return
        current = self.current_id()
        # Nothing selected and no current picture: no ids, and culling does nothing.
        self.cull(key, self.selected_ids() or ([current] if current is not None else []))

    def cull(self, key: int, ids: list[int]) -> None:
        """A culling key (0-5, F, X, Delete, Backspace) on `ids`, from the grid or the lightbox."""
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_5:
            self.culling.rate(ids, key - Qt.Key.Key_0)
        elif key == Qt.Key.Key_F:
            self.culling.toggle_favourite(ids)
        elif key == Qt.Key.Key_X:
            self.culling.toggle_rejected(ids)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            (self.culling.restore if self.in_trash() else self.culling.trash)(ids)

    def _on_culled(self, ids: list[int], kind: str) -> None:
        query = self.model.query
        if kind == "flags":
            shown = (self.model.cached_summary(i) for i in ids)
            self._remove_keeping_place([s.id for s in shown if s and not query.marks_pass(s)])
        elif (kind == "trashed") != query.trash and kind in ("trashed", "restored"):
            self._remove_keeping_place(ids)
        elif kind == "organised":  # tags, notes: the filters' choices may change
            self.filters.load_choices(self.library, self._reads)
        else:  # restored, emptied, collected (drops come from beyond the grid too), failed: re-read
            self.reload_keeping_place()
        self.sidebar.reload()
        if self._preview is not None:
            self._preview.refresh()

    def _remove_keeping_place(self, ids: list[int]) -> None:
        """Remove rows; the cursor lands on the image after the first one removed."""
        rows = [r for r in self.model.rows_of(ids) if r is not None]
        if not rows:
            return
        self.model.remove_ids(ids)
        if count := self.model.rowCount():
            self.make_current(self.model.index(min(*rows, count - 1), 0))

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid() and self.model.image_id(index.row()) >= 0:
            self.image_activated.emit(self.model.image_id(index.row()))

    # -- preview -------------------------------------------------------------------------

    @property
    def preview(self) -> Lightbox:
        """The lightbox over the window; its module and widgets wait for its first use."""
        if self._preview is None:
            from stepfun_studio.ui.gallery.lightbox import Lightbox

            self._preview = Lightbox(self)
            self._preview.closed.connect(self.view.setFocus)
            self._preview.key_forwarded.connect(self._on_preview_key)
        return self._preview

    def _on_preview_key(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_activated(self.view.currentIndex())
        else:
            self.view.keyPressEvent(event)

    # -- organising ----------------------------------------------------------------------

    def _context_menu(self, pos: QPoint) -> None:
        from stepfun_studio.ui.gallery.context_menu import build_context_menu

        build_context_menu(self, self).exec(self.view.viewport().mapToGlobal(pos))

    def add_to_collection(self, ids: list[int], collection_id: int) -> None:
        name = next((c.name for c in self.sidebar.collections if c.id == collection_id), None)
        said = self.tr("Added %n image(s) to the collection", "", len(ids))
        if name is not None:  # as the sidebar last listed it: the user's own word for it
            said = self.tr("Added %n image(s) to “{name}”", "", len(ids)).format(name=name)
        work = lambda library: library.add_to_collection(ids, collection_id)  # noqa: E731
        self.culling.write(work, ids, "collected", lambda _none: self.status_message.emit(said))

    def add_to_new_collection(self, ids: list[int]) -> None:
        # The sidebar creates it off the GUI thread; the ids follow once it exists.
        self.sidebar.create_collection(
            then=lambda collection_id: self.add_to_collection(ids, collection_id)
        )

    def edit_note(self, image_id: int) -> None:
        from stepfun_studio.ui.gallery import organise

        if (library := self.library) is not None:
            ask = lambda record: organise.edit_note(self, record)  # noqa: E731
            self._reads.submit(lambda: library.get(image_id), ask, "reading a picture's note")

    def import_images(self, folder: bool) -> None:
        from stepfun_studio.ui.gallery import organise

        organise.import_dialog(self, folder)

    def check_library(self) -> None:
        from stepfun_studio.ui.library_check import open_check_dialog  # not in the first frame

        if self.library is not None:
            open_check_dialog(self, self.library, self._after_rebuild)  # checks off the GUI thread

    def _after_rebuild(self) -> None:
        # Every id changed: caches, undo steps and the list are read anew, as for a new library.
        self.set_library(self.library)  # the sidebar's list too
        self.library_rebuilt.emit()

    def empty_trash(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Empty trash"),
            self.tr("Delete every image in the trash for good? This cannot be undone."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.culling.empty_trash()

    def copy_selection(self) -> None:
        indexes = self.view.selectionModel().selectedIndexes()
        if indexes:
            QGuiApplication.clipboard().setMimeData(self.model.mimeData(indexes))
            self.status_message.emit(self.tr("Copied %n image(s)", "", len(indexes)))

    def show_in_folder(self, image_id: int) -> None:
        if (library := self.library) is not None:
            where = lambda: QUrl.fromLocalFile(str(library.original_path(image_id).parent))  # noqa: E731
            self._reads.submit(where, QDesktopServices.openUrl, "finding a picture's folder")

    def compare_selection(self) -> CompareDialog | None:
        ids = self.selected_ids()[:4]
        if len(ids) < 2 or (library := self.library) is None:
            return None
        captions = [s.prompt[:60] if (s := self.model.cached_summary(i)) else str(i) for i in ids]
        return self._compare(lambda dialog: dialog.load_side_by_side(library, ids, captions))

    def compare_with_source(self) -> CompareDialog | None:
        image_id, caption = self.current_id(), self.tr("Source ◀ ▶ Result")
        if image_id is None or (library := self.library) is None:
            return None
        return self._compare(lambda dialog: dialog.load_wipe(library, image_id, caption))

    def _compare(self, load: Callable[[CompareDialog], None]) -> CompareDialog:
        # Read and decoded off the GUI thread; what cannot be shown (no source, a missing file)
        # is said on the status line as the dialog closes.
        from stepfun_studio.ui.gallery.compare import CompareDialog

        dialog = CompareDialog(self)
        dialog.problem.connect(self.status_message)
        load(dialog)
        dialog.show()
        return dialog

    def sizeHint(self) -> QSize:
        return QSize(1100, 720)
