"""`GalleryModel`: the grid's list of image ids: a page at once, the whole list off the GUI thread.

The model holds ids and `ImageSummary` rows, never pictures. A query shows its first page at
once (a screen and a bit), and a worker thread then reads every matching id; when that list is
in, the count comes from it and the rest of the rows are inserted in one go. So a keystroke in
the search field costs one page, a broad search ("s" matches most of a library) never stalls the
window while it is gathered, and scrolling never waits for a page: QListView lays out every row
again at each insert, so one insert of all the rows costs less than a page per screen scrolled.
Summaries are read ahead of the viewport on the lister's thread (see `SummaryCache`), or in a
block at once when a row is painted before its read is done.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from stepfun_studio.core.text import tr
from stepfun_studio.library.library import Library
from stepfun_studio.library.records import ImageQuery, ImageSummary
from stepfun_studio.ui.drag_out import image_drag_mime
from stepfun_studio.ui.gallery.mime import IMAGE_IDS_MIME, encode_ids
from stepfun_studio.ui.gallery.summaries import SummaryCache
from stepfun_studio.ui.gallery.worker_results import finished_result
from stepfun_studio.ui.provider_names import provider_label

ImageIdRole = int(Qt.ItemDataRole.UserRole) + 1
SummaryRole = int(Qt.ItemDataRole.UserRole) + 2

AnyIndex = QModelIndex | QPersistentModelIndex


class GalleryModel(QAbstractListModel):
    """Image ids of one `ImageQuery`, newest first unless the query sorts otherwise."""

    # The first page of a query: a large screen of cells twice over.
    FIRST_PAGE = 240
    # A reload of up to this many loaded rows reads them again at once (a few ms); a larger
    # one keeps the rows on screen and swaps in the lister's list when it is read.
    RELOAD_AT_ONCE = 2000
    # Every id of a query, at most: far beyond any library, so "all" is one query.
    ALL = 1 << 40
    LIST_POLL_MS = 10
    SUMMARY_BLOCK = 120

    total_changed = Signal(int)
    # The count of a query whose whole list is still being read (a COUNT, `Library.count`:
    # known in milliseconds, while a broad search's list takes hundreds).
    count_known = Signal(int)
    # Every cached summary was dropped (the library changed): views repaint what they show.
    # Not a dataChanged over every row: QListView spends ~50 ms on one over 100,000 rows.
    summaries_invalidated = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library: Library | None = None
        self._query = ImageQuery()
        self._ids: list[int] = []
        self._id_rows: dict[int, int] | None = None
        # The loaded ids as a set, kept in step with _ids: "is it loaded?" must not rebuild a
        # 100,000-entry row map each time a new picture arrives at the top.
        self._id_set: set[int] = set()
        # None until the whole list is in: the grid shows its first page before (a broad search
        # takes a while to gather), and the count follows when the lister is done.
        self._total: int | None = 0
        # One lister thread; its result is picked up by polling the future from the GUI thread,
        # so no Qt object is ever touched from the worker (the model may be gone by then).
        self._lister = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gallery-lister")
        self._listing: Future[list[int]] | None = None
        self._counting: Future[int] | None = None
        self._shut_down = False
        self._list_poll = QTimer(self)
        self._list_poll.setInterval(self.LIST_POLL_MS)
        self._list_poll.timeout.connect(self._collect_listing)
        # Read on the lister's thread too: it idles once the list is read.
        self._summaries = SummaryCache(self._lister)

    # -- state ---------------------------------------------------------------------------

    @property
    def library(self) -> Library | None:
        return self._library

    @property
    def query(self) -> ImageQuery:
        return self._query

    @property
    def executor(self) -> ThreadPoolExecutor:
        """The lister's thread, for other reads of this library that must not block the GUI."""
        return self._lister

    @property
    def total(self) -> int:
        """How many images match the query (not how many rows are loaded yet).

        Asked before the lister is done, this reads the whole list here and now.
        """
        if self._total is None:
            self._drop_listing()
            library = self._library
            self._take_full_list(library.query_ids(self._query, 0, self.ALL) if library else [])
        assert self._total is not None
        return self._total

    @property
    def total_known(self) -> bool:
        return self._total is not None

    def _start_listing(self) -> None:
        """Reads every id of the current query on the lister thread."""
        self._drop_listing()
        library, query = self._library, self._query
        if library is None or self._shut_down:
            return
        # The count first: the lister runs one task at a time, and the count is quick.
        self._counting = self._lister.submit(library.count, query)
        self._listing = self._lister.submit(library.query_ids, query, 0, self.ALL)
        self._list_poll.start()

    def _drop_listing(self) -> None:
        if self._counting is not None:
            self._counting.cancel()
            self._counting = None
        if self._listing is not None:
            self._listing.cancel()
            self._listing = None
        self._list_poll.stop()

    def _collect_listing(self) -> None:
        counting = self._counting
        if counting is not None and counting.done():
            self._counting = None
            count = finished_result(counting, "counting the gallery's images")
            if count is not None and self._total is None:
                self.count_known.emit(count)
        listing = self._listing
        if listing is None or not listing.done():
            return
        self._drop_listing()
        if listing.cancelled():
            return
        ids = finished_result(listing, "listing the gallery's images")
        if ids is None:
            # The library went away under the lister (closed, or a read failed): the rows
            # already shown stay, counted as what they are; the next query or reload tries again.
            ids = list(self._ids)
        self._take_full_list(ids)

    def _take_full_list(self, ids: list[int]) -> None:
        """Every id of the query: the count, and the rows not loaded yet, inserted at once."""
        loaded = len(self._ids)
        if ids[:loaded] == self._ids:
            # One query's list is unique already, so no de-duplication here.
            if len(ids) > loaded:
                self.beginInsertRows(QModelIndex(), loaded, len(ids) - 1)
                self._ids.extend(ids[loaded:])
                self._id_set.update(ids[loaded:])
                self._id_rows = None
                self.endInsertRows()
        else:
            # The library changed since the rows were read: the new list wins.
            self._replace_rows(ids)
        self._total = len(ids)
        self.total_changed.emit(self._total)

    def _replace_rows(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._id_set = set()
        self._ids = self._unique(ids, self._id_set)
        self._id_rows = None
        self.endResetModel()

    def shutdown(self) -> None:
        """Stops the lister; the panel calls this before the library closes."""
        self._shut_down = True
        self._drop_listing()
        self._lister.shutdown(wait=True, cancel_futures=True)

    def _adjust_total(self, change: int) -> None:
        if self._total is not None:
            self._total = max(0, self._total + change)
            self.total_changed.emit(self._total)

    def loaded_ids(self) -> list[int]:
        return list(self._ids)

    def set_library(self, library: Library | None) -> None:
        self._library = library
        self._summaries.set_reader(library.summaries if library is not None else None)
        self.set_query(self._query)

    def set_query(self, query: ImageQuery) -> None:
        self._query = query
        self._read_at_once(self.FIRST_PAGE)

    def reload(self) -> None:
        """Read the query again (after the library changed), keeping the rows' order stable.

        A few loaded rows are read again here and now; many are kept on screen while the lister
        reads the query, and replaced only if its list differs (reading 100,000 ids here would
        stall the window).
        """
        self._summaries.invalidate()
        if len(self._ids) <= self.RELOAD_AT_ONCE:
            self._read_at_once(max(self.FIRST_PAGE, len(self._ids)))
        else:
            self._start_listing()
            self._total = None
            self.summaries_invalidated.emit()

    def _read_at_once(self, limit: int) -> None:
        """Show the first `limit` ids now; the lister reads the rest if there is more."""
        self._drop_listing()
        # One more than asked: whether there is more is then known without a count.
        page = [] if self._library is None else self._library.query_ids(self._query, 0, limit + 1)
        complete = len(page) <= limit
        self._replace_rows(page[:limit])
        self._total = len(self._ids) if complete else None
        if complete:
            self.total_changed.emit(len(self._ids))
        else:
            self._start_listing()

    @staticmethod
    def _unique(ids: list[int], seen: set[int]) -> list[int]:
        fresh = []
        for image_id in ids:
            if image_id not in seen:
                seen.add(image_id)
                fresh.append(image_id)
        return fresh

    # -- lookups -------------------------------------------------------------------------

    def image_id(self, row: int) -> int:
        return self._ids[row]

    def ids_in(self, first: int, last: int) -> list[int]:
        """The ids of rows `first`..`last`, clipped to the rows there are."""
        return self._ids[max(0, first) : max(0, last + 1)]

    def row_of(self, image_id: int) -> int | None:
        if self._id_rows is None:
            self._id_rows = {image_id: row for row, image_id in enumerate(self._ids)}
        return self._id_rows.get(image_id)

    def index_of(self, image_id: int) -> QModelIndex:
        row = self.row_of(image_id)
        return QModelIndex() if row is None else self.index(row, 0)

    def summary(self, row: int) -> ImageSummary | None:
        """The summary of `row`, read now (with its block of rows) if it was not read ahead."""
        image_id = self._ids[row]
        found = self._summaries.get(image_id)
        if found is None:
            start = row - row % self.SUMMARY_BLOCK
            self._summaries.read_now(self._ids[start : start + self.SUMMARY_BLOCK])
            found = self._summaries.get(image_id)
        return found

    def cached_summary(self, image_id: int) -> ImageSummary | None:
        return self._summaries.get(image_id)

    def read_summaries_ahead(self, first: int, last: int) -> None:
        """Have the summaries of rows `first`..`last` read on the worker before they are painted."""
        self._summaries.read_ahead(self.ids_in(first, last))

    # -- changes -------------------------------------------------------------------------

    def insert_top(self, image_ids: list[int]) -> None:
        """New images, newest first, above every row: one insert (so one relayout) for all."""
        fresh = [i for i in dict.fromkeys(image_ids) if i not in self._id_set]
        if not fresh:
            return
        self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
        self._ids[:0] = fresh
        self._id_set.update(fresh)
        self._id_rows = None
        self.endInsertRows()
        self._adjust_total(len(fresh))
        self._relist_if_pending()

    def remove_ids(self, ids: list[int]) -> None:
        rows = sorted((r for r in (self.row_of(i) for i in ids) if r is not None), reverse=True)
        # Contiguous runs, last first, so earlier row numbers stay valid while removing.
        while rows:
            last = first = rows.pop(0)
            while rows and rows[0] == first - 1:
                first = rows.pop(0)
            self.beginRemoveRows(QModelIndex(), first, last)
            removed = set(self._ids[first : last + 1])
            self._id_set -= removed
            del self._ids[first : last + 1]
            self._id_rows = None
            self.endRemoveRows()
            self._adjust_total(first - last - 1)
        self._relist_if_pending()

    def _relist_if_pending(self) -> None:
        # A list read before this change would not start with the rows now loaded.
        if self._listing is not None:
            self._start_listing()

    def refresh_summaries(self, ids: list[int]) -> None:
        """Re-read the cells of `ids` after the database changed under them."""
        if self._library is None or not ids:
            return
        self._summaries.update(self._library.summaries(ids))
        rows = [r for r in (self.row_of(i) for i in ids) if r is not None]
        if rows:
            self.dataChanged.emit(self.index(min(rows)), self.index(max(rows)), [SummaryRole])

    # -- Qt model ------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        row = index.row()
        if role == ImageIdRole:
            return self._ids[row]
        if role == SummaryRole:
            return self.summary(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            summary = self.summary(row)
            if summary is None:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return summary.prompt
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
        ids = [self._ids[i.row()] for i in sorted(indexes, key=lambda i: i.row()) if i.isValid()]
        if self._library is not None and ids:
            # The shared drag-out format: file URLs, the first file's exact bytes and pixels.
            paths = [self._library.original_path(i) for i in ids]
            return image_drag_mime(paths, ids)
        mime = QMimeData()
        mime.setData(IMAGE_IDS_MIME, encode_ids(ids))
        return mime
