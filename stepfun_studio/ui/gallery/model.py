"""`GalleryModel`: the grid's list of image ids, every one of them read off the GUI thread.

The model holds ids and `ImageSummary` rows, never pictures. A query shows its first page as
soon as it is read (a screen and a bit, a few ms); its count follows (a COUNT), then its whole
list, whose rows not shown yet are inserted in one go (the grid's layout is arithmetic: an insert
costs the same at any count). Painting only looks in the summaries read ahead (`SummaryCache`).

A row may also be a job's placeholder (a negative id, `-job_id`): a picture being made, shown
at the top until `replace_id` puts the picture in its place.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from stepfun_studio.core.text import tr
from stepfun_studio.library.library import Library
from stepfun_studio.library.records import ImageQuery, ImageSummary
from stepfun_studio.ui.drag_out import IMAGE_IDS_MIME, image_drag_mime
from stepfun_studio.ui.gallery.summaries import SummaryCache
from stepfun_studio.ui.library_reads import LibraryReads
from stepfun_studio.ui.provider_names import provider_label

ImageIdRole = int(Qt.ItemDataRole.UserRole) + 1
SummaryRole = int(Qt.ItemDataRole.UserRole) + 2

AnyIndex = QModelIndex | QPersistentModelIndex


class GalleryModel(QAbstractListModel):
    """Image ids of one `ImageQuery`, newest first unless the query sorts otherwise."""

    # The first page of a query: a large screen of cells twice over.
    FIRST_PAGE = 240
    # A reload of up to this many loaded rows reads them again as a first page (a few ms); a
    # larger one keeps the rows on screen and swaps in the lister's list when it is read.
    RELOAD_AT_ONCE = 2000
    # Every id of a query, at most: far beyond any library, so "all" is one query.
    ALL = 1 << 40
    SUMMARY_BLOCK = 120

    total_changed = Signal(int)
    # The count of a query whose whole list is still being read (a COUNT, `Library.count`:
    # known in milliseconds, while a broad search's list takes hundreds).
    count_known = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library: Library | None = None
        self._query = ImageQuery()
        self._ids: list[int] = []
        # The loaded ids as a set, kept in step with _ids: "is it loaded?" must not rebuild a
        # 100,000-entry row map each time a new picture arrives at the top.
        self._id_set: set[int] = set()
        # None until the whole list is in: the grid shows its first page before (a broad search
        # takes a while to gather), and the count follows when the lister is done.
        self._total: int | None = 0
        # Two lanes (two threads): a first page and its count never wait behind a broad
        # search's whole list, read on the summaries' lane. The pages and the list have reads
        # of their own, cancelled when a change supersedes them; the summaries' are not.
        self.reads = LibraryReads(self, lane="gallery-list")
        self._lister = LibraryReads(self, lane="gallery-list")
        self._pages = LibraryReads(self, lane="gallery-pages")
        self._page_limit: int | None = None  # the first page being read, until it is shown
        self._summaries = SummaryCache(self.reads.submit, self._on_summaries)
        self._bare: set[int] = set()  # painted before their summary came: painted again then

    # -- state ---------------------------------------------------------------------------

    @property
    def library(self) -> Library | None:
        return self._library

    @property
    def query(self) -> ImageQuery:
        return self._query

    @property
    def total(self) -> int:
        """How many images match the query; until the list is read, how many are shown."""
        return self._total if self._total is not None else len(self.loaded_ids())

    @property
    def total_known(self) -> bool:
        return self._total is not None

    def _start_listing(self) -> None:
        """Reads every id of the current query on the reader's thread."""
        library, query = self._library, self._query
        if library is None:
            return
        self._lister.cancel_all()  # a list read before a change may not hold it
        read = lambda: library.query_ids(query, 0, self.ALL)  # noqa: E731
        self._lister.submit(read, self._take_full_list, "listing the gallery's images")

    def _take_full_list(self, ids: list[int]) -> None:
        """Every id of the query: the count, and the rows not loaded yet, inserted at once."""
        real = self.loaded_ids()
        rest = ids[len(real) :]
        if ids[: len(real)] != real:
            # The library changed since the rows were read: the new list wins.
            self._replace_rows(ids)
        elif rest:
            end = len(self._ids)
            self.beginInsertRows(QModelIndex(), end, end + len(rest) - 1)
            self._ids.extend(rest)
            self._id_set.update(rest)
            self.endInsertRows()
        self._total = len(ids)
        self.total_changed.emit(self._total)

    def _replace_rows(self, ids: list[int]) -> None:
        self.beginResetModel()
        # A query's ids are unique (rows of `images`) and never negative (placeholders are):
        # nothing to de-duplicate.
        self._ids = [i for i in self._ids if i < 0] + ids
        self._id_set, self._bare = set(self._ids), set()
        self.endResetModel()

    def shutdown(self) -> None:
        """Stops the readers; the panel calls this before the library closes."""
        self._page_limit = None
        self._pages.shutdown()
        self._lister.shutdown()
        self.reads.shutdown()

    def _adjust_total(self, change: int) -> None:
        if self._total is not None and change:
            self._total = max(0, self._total + change)
            self.total_changed.emit(self._total)

    def loaded_ids(self) -> list[int]:
        """The pictures' ids in grid order (placeholders left out)."""
        return [i for i in self._ids if i >= 0]

    def set_library(self, library: Library | None) -> None:
        self._library = library
        self._summaries.set_reader(library.summaries if library is not None else None)
        self.set_query(self._query)

    def set_query(self, query: ImageQuery) -> None:
        self._query = query
        self._read_first(self.FIRST_PAGE)

    def reload(self) -> None:
        """Read the query again (after the library changed), keeping the rows' order stable.

        A few loaded rows are read again as a first page; many are kept on screen while the
        lister reads the query, and replaced only if its list differs.
        """
        self._summaries.invalidate()
        if len(self._ids) <= self.RELOAD_AT_ONCE:
            self._read_first(max(self.FIRST_PAGE, len(self._ids)))
        else:
            self._total = None
            self._start_listing()
            # The grid repaints what it shows: one signal whatever the count (rows there are).
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1), [SummaryRole])

    def _read_first(self, limit: int) -> None:
        """Show the first `limit` ids when read (a few ms); the lister reads the rest, if any."""
        self._total = self._page_limit = None
        # Pages, counts and lists under way are of an older query or an older library.
        self._pages.cancel_all()
        self._lister.cancel_all()
        library, query = self._library, self._query
        if library is None:
            self._show_page([], limit)
            return
        self._page_limit = limit

        def done(page: list[int]) -> None:
            self._page_limit = None
            self._show_page(page, limit)

        # One more than asked: whether there is more is then known without a count.
        read = lambda: library.query_ids(query, 0, limit + 1)  # noqa: E731
        self._pages.submit(read, done, "reading the gallery's first page")

    def _show_page(self, page: list[int], limit: int) -> None:
        self._replace_rows(page[:limit])
        self._total = len(page) if len(page) <= limit else None  # None: there are more
        if self._total is not None:
            self.total_changed.emit(self._total)
            return
        # The count first, on the first pages' lane: a broad search's whole list takes a while
        # to gather, its count (the library's COUNT path) not. The list is gathered after it,
        # so the count is always said first; the list's length then confirms it.
        # A new query or page cancels the count, so an answer is for the query shown.
        library, query = self._library, self._query
        if library is None:
            return

        def counted(count: int) -> None:
            if self._total is None:  # said only while the whole list is not in
                self.count_known.emit(count)
            self._start_listing()

        read = lambda: library.count(query)  # noqa: E731
        failed = lambda _error: self._start_listing()  # noqa: E731
        self._pages.submit(read, counted, "counting the gallery's search", failed)

    # -- lookups -------------------------------------------------------------------------

    def image_id(self, row: int) -> int:
        return self._ids[row]

    def ids_in(self, first: int, last: int) -> list[int]:
        """The ids of rows `first`..`last`, clipped to the rows there are."""
        return self._ids[max(0, first) : max(0, last + 1)]

    def row_of(self, image_id: int) -> int | None:
        return self.rows_of([image_id])[0]

    def rows_of(self, ids: list[int]) -> list[int | None]:
        # A scan in C (~1 ms at 100,000 rows, less near the top where new rows are) beats a
        # map of every row kept in step with each insert; many ids share one map made now.
        if len(ids) > 8:
            rows = {image_id: row for row, image_id in enumerate(self._ids)}
            return [rows.get(i) for i in ids]
        return [self._ids.index(i) if i in self._id_set else None for i in ids]

    def index_of(self, image_id: int) -> QModelIndex:
        row = self.row_of(image_id)
        return QModelIndex() if row is None else self.index(row, 0)

    def cell(self, row: int) -> tuple[int, ImageSummary | None]:
        """What the grid paints for `row`: its id and cached summary (asked for if missing)."""
        image_id = self._ids[row]
        summary = self._summaries.get(image_id)
        if summary is None and image_id >= 0:
            self._bare.add(image_id)
            self.read_summaries_ahead(row, row)  # its block
        return image_id, summary

    def cached_summary(self, image_id: int) -> ImageSummary | None:
        return self._summaries.get(image_id)

    def read_summaries_ahead(self, first: int, last: int) -> None:
        """Have the summaries of rows `first`..`last` read on the worker before they are painted,
        whole blocks at a time: one read per block scrolled into reach, not one per frame."""
        block = self.SUMMARY_BLOCK
        first, last = max(0, first - first % block), last - last % block + block - 1
        self._summaries.read_ahead([i for i in self.ids_in(first, last) if i >= 0], (first, last))

    def _on_summaries(self, rows: tuple[int, int]) -> None:
        # Only the cells painted without their summary: a read ahead covers the rows on screen
        # too, and a whole screen repainted per read cost frames while scrolling.
        bare = [r for r, i in enumerate(self.ids_in(*rows), max(0, rows[0])) if i in self._bare]
        if bare:
            self._bare.difference_update(self._ids[r] for r in bare)
            self.dataChanged.emit(self.index(bare[0]), self.index(bare[-1]), [SummaryRole])

    # -- changes -------------------------------------------------------------------------

    def insert_top(self, image_ids: list[int]) -> None:
        """New rows, newest first, above every row (below no placeholder): one insert."""
        fresh = [i for i in dict.fromkeys(image_ids) if i not in self._id_set]
        if not fresh:
            return
        self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
        self._ids[:0] = fresh
        self._id_set.update(fresh)
        self.endInsertRows()
        self._adjust_total(sum(1 for i in fresh if i >= 0))
        self._relist_if_pending()

    def replace_id(self, old: int, new: int) -> bool:
        """Row `old` (a placeholder) becomes `new`, in place: no row moves."""
        row = self.row_of(old)
        if row is None or new in self._id_set:
            return False
        self._ids[row] = new
        self._id_set.discard(old)
        self._id_set.add(new)
        self._adjust_total(1 if new >= 0 else 0)
        index = self.index(row)
        self.dataChanged.emit(index, index)
        self._relist_if_pending()
        return True

    def remove_ids(self, ids: list[int]) -> None:
        rows = sorted(r for r in self.rows_of(ids) if r is not None)
        # Contiguous runs, last first, so earlier row numbers stay valid while removing.
        while rows:
            last = first = rows.pop()
            while rows and rows[-1] == first - 1:
                first = rows.pop()
            self.beginRemoveRows(QModelIndex(), first, last)
            removed = self._ids[first : last + 1]
            self._id_set.difference_update(removed)
            del self._ids[first : last + 1]
            self.endRemoveRows()
            self._adjust_total(-sum(1 for i in removed if i >= 0))
        self._relist_if_pending()

    def _relist_if_pending(self) -> None:
        # A list or page read before this change may not hold it.
        if self._page_limit is not None:
            self._read_first(self._page_limit)
        elif self._lister.busy():
            self._start_listing()

    def show_summaries(self, summaries: dict[int, ImageSummary]) -> None:
        """The cells of these ids show these rows (a culling step's, before or after its write)."""
        self._summaries.update(summaries)
        rows = [r for r in self.rows_of(list(summaries)) if r is not None]
        if rows:
            self.dataChanged.emit(self.index(min(rows)), self.index(max(rows)), [SummaryRole])

    # -- Qt model ------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ImageIdRole:
            return self._ids[index.row()]
        # Painting never reads the library: a summary not read ahead yet is asked for, and
        # the cell is painted again when it comes.
        image_id, summary = self.cell(index.row())
        if image_id < 0 and role == Qt.ItemDataRole.AccessibleTextRole:  # a job's placeholder
            return tr("JobPlaceholder", "Making a picture…")
        if role == SummaryRole or summary is None:
            return summary
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return summary.prompt
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("GalleryModel", "{prompt}\n{model} · {provider} · {width}×{height}").format(
                prompt=summary.prompt[:300],
                model=summary.model,
                provider=provider_label(summary.provider),
                width=summary.width,
                height=summary.height,
            )
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._ids[index.row()] < 0:
            # A picture being made: nothing to select, drag or rate yet, and the cursor
            # passes it by (Qt never makes a disabled row current).
            return Qt.ItemFlag.ItemNeverHasChildren
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [IMAGE_IDS_MIME, "text/uri-list"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """File URLs of the originals, the first image's pixels, and our own id list."""
        rows = sorted(i.row() for i in indexes if i.isValid())
        ids = [self._ids[r] for r in rows if self._ids[r] >= 0]
        # The shared drag-out format: file URLs, the first file's exact bytes and pixels.
        # Named from the cells' summaries, no query: the files of rows not read yet (far
        # off screen in a large selection) are left out, their ids are in.
        found = [s for s in map(self._summaries.get, ids) if s is not None]
        library = self._library
        paths = [library.file_path(s.sha, s.ext) for s in found] if library is not None else []
        return image_drag_mime(paths, ids)
